import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CampaignText, QuizItem } from '../domain/campaigns/model.ts';
import { findCampaignBySlug, organizationsBySlugs, publicAlertIdsAbout } from '../store/campaigns.ts';
import type { Db } from '../store/connection.ts';
import { createCampaign, updateCampaignFields } from './campaigns.ts';
import type { Caller } from './caller.ts';
import { CONTENT_DIR } from './content-files.ts';

/** One campaign file of content/campaigns: the campaign with organizations named by slug. */
export interface CampaignFile {
  file: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  theme: string;
  fraudTypes: string[];
  /** Organization slugs; those missing from the database are left out. */
  partners: string[];
  articles: string[];
  vi: CampaignText;
  en: CampaignText;
  quiz: QuizItem[];
}

type Raw = Record<string, unknown>;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x).trim()) : []);
const trimmed = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function textOf(raw: unknown): CampaignText {
  const r = (raw ?? {}) as Raw;
  return { title: trimmed(r.title), summary: trimmed(r.summary), body: trimmed(r.body), tips: strings(r.tips) };
}

function quizItemOf(raw: Raw): QuizItem {
  const itemText = (t: unknown) => {
    const r = (t ?? {}) as Raw;
    return { content: trimmed(r.content), signs: strings(r.signs), explanation: trimmed(r.explanation) };
  };
  return {
    id: trimmed(raw.id),
    kind: trimmed(raw.kind) as QuizItem['kind'],
    channel: trimmed(raw.channel),
    sender: trimmed(raw.sender),
    answer: trimmed(raw.answer) as QuizItem['answer'],
    ...(raw.article ? { articleSlug: trimmed(raw.article) } : {}),
    vi: itemText(raw.vi),
    en: itemText(raw.en),
  };
}

/** Reads every `*.yaml` of content/campaigns; a file that is not YAML stops the load with its name. */
export function readCampaignFiles(dir = path.join(CONTENT_DIR, 'campaigns')): CampaignFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      let raw: Raw;
      try {
        raw = parseYaml(fs.readFileSync(file, 'utf8')) as Raw;
      } catch (error) {
        throw new Error(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      }
      if (!raw || typeof raw !== 'object') throw new Error(`${file}: a campaign file is a mapping of fields.`);
      return {
        file,
        slug: trimmed(raw.slug),
        startsOn: trimmed(raw.startsOn),
        endsOn: trimmed(raw.endsOn),
        theme: trimmed(raw.theme),
        fraudTypes: strings(raw.fraudTypes),
        partners: strings(raw.partners),
        articles: strings(raw.articles),
        vi: textOf(raw.vi),
        en: textOf(raw.en),
        quiz: (Array.isArray(raw.quiz) ? raw.quiz : []).map((q) => quizItemOf(q as Raw)),
      };
    });
}

/**
 * Creates and publishes the demo campaigns of content/campaigns that the database does not have
 * yet (by slug), through the same use cases as the console, so they are validated and audited.
 * Partners are looked up by organization slug; the campaign links the published alerts that
 * share one of its fraud types. Running it again changes nothing.
 */
export async function seedDemoCampaigns(db: Db, caller: Caller, files: CampaignFile[] = readCampaignFiles(), now = new Date()): Promise<number> {
  let created = 0;
  for (const f of files) {
    if (await findCampaignBySlug(db, f.slug)) continue;
    const orgs = await organizationsBySlugs(db, f.partners);
    const alertIds = await publicAlertIdsAbout(db, f.fraudTypes, now, 5);
    const campaign = await createCampaign(db, caller, {
      slug: f.slug,
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      theme: f.theme,
      fraudTypes: f.fraudTypes,
      partnerOrganizationIds: f.partners.flatMap((slug) => orgs.filter((o) => o.slug === slug).map((o) => o.id)),
      articleSlugs: f.articles,
      alertIds,
      vi: f.vi,
      en: f.en,
      quiz: f.quiz,
    });
    await updateCampaignFields(db, caller, campaign.id, { status: 'published' });
    created++;
  }
  return created;
}
