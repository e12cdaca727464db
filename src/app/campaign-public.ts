import { isActiveOn, vietnamDate } from '../domain/campaigns/dates.ts';
import type { CampaignLanguage, QuizItem } from '../domain/campaigns/model.ts';
import { sumFigures } from '../domain/campaigns/figures.ts';
import { findPublishedCampaignBySlug, listCounterRows, listPublishedCampaignRows, organizationsByIds, publicAlertTitles, publicArticleTitles, type CampaignRow } from '../store/campaigns.ts';
import type { Db } from '../store/connection.ts';
import { campaignText, partnersOf, type CampaignPartner } from './campaign-views.ts';
import { notFound } from './errors.ts';
import { renderMarkdown } from './markdown.ts';

/** A campaign as the public portal lists it. */
export interface CampaignSummary {
  slug: string;
  /** The language of the texts: the requested one, or Vietnamese when it is missing. */
  lang: CampaignLanguage;
  title: string;
  summary: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  active: boolean;
  fraudTypes: string[];
  partners: CampaignPartner[];
  /** The campaign's share card (a path on this site). */
  cardUrl: string;
  updatedAt: string;
}

export interface PublicCampaign extends CampaignSummary {
  bodyHtml: string;
  tips: string[];
  articles: { slug: string; title: string }[];
  alerts: { id: string; title: string; publishedAt: string }[];
  quizCount: number;
}

export interface PublicQuizItem {
  id: string;
  kind: QuizItem['kind'];
  channel: string;
  sender: string;
  content: string;
  answer: QuizItem['answer'];
  signs: string[];
  explanation: string;
  articleSlug?: string;
}

export const cardPath = (slug: string, lang: CampaignLanguage) => `/api/v1/public/campaigns/${slug}/card.png?lang=${lang}`;

/** Public once published and started; a campaign that has ended stays public (the list shows it as past). */
const isPublic = (row: CampaignRow, today: string) => row.status === 'published' && row.startsOn <= today;

function summaryOf(row: CampaignRow, lang: CampaignLanguage, partners: CampaignPartner[], today: string): CampaignSummary {
  const text = campaignText(row, lang);
  return {
    slug: row.slug,
    lang: text.lang,
    title: text.title,
    summary: text.summary,
    theme: row.theme,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    active: isActiveOn(row, today),
    fraudTypes: row.fraudTypes,
    partners,
    cardUrl: cardPath(row.slug, lang),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Current and past published campaigns: the active ones first (ending soonest first), then the past ones, latest first. */
export async function listPublicCampaigns(db: Db, lang: CampaignLanguage, now = new Date()): Promise<{ items: CampaignSummary[] }> {
  const today = vietnamDate(now);
  const rows = (await listPublishedCampaignRows(db)).filter((r) => isPublic(r, today));
  const orgs = await organizationsByIds(db, [...new Set(rows.flatMap((r) => r.partnerOrganizationIds))]);
  const items = rows.map((r) => summaryOf(r, lang, partnersOf(r, orgs), today));
  items.sort((a, b) => Number(b.active) - Number(a.active) || (a.active ? a.endsOn.localeCompare(b.endsOn) : b.endsOn.localeCompare(a.endsOn)) || a.slug.localeCompare(b.slug));
  return { items };
}

/** The published, started campaign with this slug, or a 404. */
export async function findPublicCampaignRow(db: Db, slug: string, now = new Date()): Promise<CampaignRow> {
  const row = await findPublishedCampaignBySlug(db, slug);
  if (!row || !isPublic(row, vietnamDate(now))) throw notFound('The campaign');
  return row;
}

const inLanguage = <T extends { lang: string }>(rows: T[], key: (r: T) => string, lang: CampaignLanguage) => {
  const chosen = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const current = chosen.get(k);
    if (!current || (r.lang === lang && current.lang !== lang) || (current.lang !== lang && r.lang === 'vi')) chosen.set(k, r);
  }
  return chosen;
};

/** One public campaign's landing page: the text rendered, its tips, the public articles and alerts it links. */
export async function publicCampaign(db: Db, slug: string, lang: CampaignLanguage, now = new Date()): Promise<PublicCampaign> {
  const row = await findPublicCampaignRow(db, slug, now);
  const [orgs, articleRows, alertRows] = await Promise.all([
    organizationsByIds(db, row.partnerOrganizationIds),
    publicArticleTitles(db, row.articleSlugs, now),
    publicAlertTitles(db, row.alertIds, now),
  ]);
  const text = campaignText(row, lang);
  const articleTitles = inLanguage(articleRows, (r) => r.slug, lang);
  const alertTitles = inLanguage(alertRows, (r) => r.id, lang);
  return {
    ...summaryOf(row, lang, partnersOf(row, orgs), vietnamDate(now)),
    bodyHtml: renderMarkdown(text.body),
    tips: text.tips,
    // In the order the campaign lists them; one unpublished since is left out.
    articles: row.articleSlugs.flatMap((s) => {
      const a = articleTitles.get(s);
      return a ? [{ slug: s, title: a.title }] : [];
    }),
    alerts: row.alertIds.flatMap((id) => {
      const a = alertTitles.get(id);
      return a ? [{ id, title: a.title, publishedAt: a.publishedAt!.toISOString() }] : [];
    }),
    quizCount: row.quiz.length,
  };
}

/** The quiz in order, in one language (answers included: a learning game with no stakes, playable offline). */
export async function publicQuiz(db: Db, slug: string, lang: CampaignLanguage, now = new Date()): Promise<{ lang: CampaignLanguage; items: PublicQuizItem[] }> {
  const row = await findPublicCampaignRow(db, slug, now);
  const textLang = campaignText(row, lang).lang;
  return {
    lang: textLang,
    items: row.quiz.map((q) => {
      const t = q[textLang].content.trim() ? q[textLang] : q.vi;
      return { id: q.id, kind: q.kind, channel: q.channel, sender: q.sender, content: t.content, answer: q.answer, signs: t.signs, explanation: t.explanation, ...(q.articleSlug && { articleSlug: q.articleSlug }) };
    }),
  };
}

/** A published campaign's reach as the public statistics page shows it (counts only). */
export interface PublicCampaignReach {
  slug: string;
  /** In Vietnamese; `titles` has both languages. */
  title: string;
  titles: { vi: string; en: string };
  views: number;
  quizCompletions: number;
  averageScore: number | null;
  shares: number;
  lookups: number;
  reports: number;
}

/** Every public campaign with its reach since it began, active ones first (as on the campaigns page). */
export async function publicCampaignReach(db: Db, now = new Date()): Promise<PublicCampaignReach[]> {
  const { items } = await listPublicCampaigns(db, 'vi', now);
  const rows = (await listPublishedCampaignRows(db)).filter((r) => items.some((i) => i.slug === r.slug));
  const counters = await listCounterRows(db, rows.map((r) => r.id));
  return items.map((item) => {
    const row = rows.find((r) => r.slug === item.slug)!;
    const f = sumFigures(counters.filter((c) => c.campaignId === row.id));
    return {
      slug: item.slug,
      title: campaignText(row, 'vi').title,
      titles: { vi: campaignText(row, 'vi').title, en: campaignText(row, 'en').title },
      views: f.views,
      quizCompletions: f.quizCompletions,
      averageScore: f.averageScore,
      shares: f.shares,
      lookups: f.lookups,
      reports: f.reports,
    };
  });
}
