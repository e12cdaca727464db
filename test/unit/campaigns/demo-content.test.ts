import { describe, expect, it } from 'vitest';
import { readArticleFiles } from '../../../src/app/content-files.ts';
import { readCampaignFiles } from '../../../src/app/seed-campaigns.ts';
import { checkCampaignContent } from '../../../src/domain/campaigns/validation.ts';
import type { CampaignContent } from '../../../src/domain/campaigns/model.ts';

const campaigns = readCampaignFiles();
const articleSlugs = new Set(readArticleFiles().map((a) => a.key));
const VIETNAMESE_MARKS = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/gi;

describe('the demo campaigns in content/campaigns', () => {
  it('has at least two complete campaigns, each publishable, with 12 quiz items mixing scam and legit', () => {
    expect(campaigns.length).toBeGreaterThanOrEqual(2);
    for (const c of campaigns) {
      const content: CampaignContent = { ...c, theme: c.theme as CampaignContent['theme'], fraudTypes: c.fraudTypes as CampaignContent['fraudTypes'], partnerOrganizationIds: [], articleSlugs: c.articles, alertIds: [] };
      expect(checkCampaignContent(content, { publish: true }), c.file).toEqual([]);
      expect(c.quiz, c.file).toHaveLength(12);
      const legit = c.quiz.filter((q) => q.answer === 'legit').length;
      expect(legit, c.file).toBeGreaterThanOrEqual(3);
      expect(legit, c.file).toBeLessThanOrEqual(6);
      expect(new Set(c.quiz.map((q) => q.kind)).size, c.file).toBeGreaterThanOrEqual(4);
      expect(new Set(c.quiz.map((q) => q.channel)).size, c.file).toBeGreaterThanOrEqual(4);
    }
  });

  it('links only articles of the library', () => {
    for (const c of campaigns) {
      for (const slug of [...c.articles, ...c.quiz.flatMap((q) => (q.articleSlug ? [q.articleSlug] : []))]) expect(articleSlugs.has(slug), `${c.file}: ${slug}`).toBe(true);
    }
  });

  it('writes Vietnamese with its diacritics', () => {
    for (const c of campaigns) {
      const text = [c.vi.title, c.vi.summary, c.vi.body, ...c.vi.tips, ...c.quiz.flatMap((q) => [q.vi.content, q.vi.explanation, ...q.vi.signs])].join(' ');
      expect((text.match(VIETNAMESE_MARKS) ?? []).length / text.length, c.file).toBeGreaterThan(0.12);
    }
  });

  it('uses only invented domains and numbers', () => {
    for (const c of campaigns) {
      // The local part of an e-mail address is not a domain.
      const text = JSON.stringify({ ...c, file: '' }).replace(/[\w.+-]+@/g, '@');
      for (const domain of text.match(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,})\b/gi) ?? []) {
        if (/^\d/.test(domain)) continue;
        expect(domain, `${c.file}: ${domain}`).toMatch(/\.(example|test|demo)$/); // .demo: invented account handles, as in the seed
      }
      for (const phone of text.match(/\b0\d{3} \d{3} \d{3}\b/g) ?? []) expect(phone, c.file).toMatch(/^0900 000 \d{3}$/);
    }
  });
});
