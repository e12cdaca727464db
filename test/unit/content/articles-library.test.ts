import { describe, expect, it } from 'vitest';
import { readArticleFiles, readDemoAlertFiles } from '../../../src/app/content-files.ts';
import { renderMarkdown } from '../../../src/app/markdown.ts';
import { FRAUD_TYPES } from '../../../src/domain/fraud-types.ts';

const articles = readArticleFiles();

/** The four parts every article has, as level-2 headings, in this order. */
const SECTIONS = {
  vi: ['Dấu hiệu nhận biết', 'Ví dụ', 'Cách phòng tránh', 'Nếu bạn đã bị lừa'],
  en: ['Warning signs', 'Examples', 'How to protect yourself', 'If it happened to you'],
} as const;

describe('the awareness library in content/articles', () => {
  it('has an article for every fraud type of the taxonomy (at least 12), in Vietnamese and English', () => {
    expect(FRAUD_TYPES.length).toBeGreaterThanOrEqual(12);
    for (const type of FRAUD_TYPES) {
      const versions = articles.filter((a) => a.fraudType === type);
      expect(versions.map((a) => a.lang).sort(), type).toEqual(['en', 'vi']);
      expect(new Set(versions.map((a) => a.key)).size, `${type}: one slug for both languages`).toBe(1);
    }
    expect(new Set(articles.map((a) => a.key)).size).toBe(FRAUD_TYPES.length);
  });

  it('gives every article the four sections, each with real content', () => {
    for (const a of articles) {
      const headings = [...a.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings, a.file).toEqual([...SECTIONS[a.lang]]);
      const parts = a.body.split(/^## .+$/m).slice(1);
      for (const [i, part] of parts.entries()) expect(part.trim().length, `${a.file} § ${headings[i]}`).toBeGreaterThan(150);
      expect(a.summary.length, a.file).toBeGreaterThan(40);
      expect(renderMarkdown(a.body)).toContain('<ul>');
    }
  });

  it('writes Vietnamese with its diacritics', () => {
    for (const a of articles.filter((x) => x.lang === 'vi')) {
      const text = `${a.title} ${a.summary} ${a.body}`;
      const marked = text.match(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/gi) ?? [];
      expect(marked.length / text.length, a.file).toBeGreaterThan(0.15);
    }
  });

  it('uses only invented domains and phone numbers in its examples', () => {
    for (const a of [...articles, ...readDemoAlertFiles()]) {
      const text = `${a.title} ${a.summary} ${a.body}`;
      for (const [domain] of text.matchAll(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi)) {
        expect(domain, a.file).toMatch(/\.(example|test)$/);
      }
      for (const [phone] of text.matchAll(/\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b/g)) expect(phone, a.file).toMatch(/^0900 000 \d{3}$/);
    }
  });
});

describe('the demo alerts in content/demo-alerts', () => {
  it('come in Vietnamese and English with the same fraud types and date', () => {
    const alerts = readDemoAlertFiles();
    const keys = new Set(alerts.map((a) => a.key));
    expect(keys.size).toBeGreaterThanOrEqual(3);
    for (const key of keys) {
      const [vi, en] = (['vi', 'en'] as const).map((lang) => alerts.find((a) => a.key === key && a.lang === lang));
      expect(vi && en, key).toBeTruthy();
      expect(vi!.fraudTypes).toEqual(en!.fraudTypes);
      expect(vi!.daysAgo).toBe(en!.daysAgo);
    }
  });
});
