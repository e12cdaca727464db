import { datesBetween, isIsoDate, vietnamDate } from '../domain/campaigns/dates.ts';
import { emptyFigures, sumFigures } from '../domain/campaigns/figures.ts';
import type { CampaignContent, CampaignStatus, CampaignText, Figures, QuizItem } from '../domain/campaigns/model.ts';
import { checkCampaignContent, type CampaignFieldError } from '../domain/campaigns/validation.ts';
import type { FraudType } from '../domain/fraud-types.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  existingAlertIds,
  existingArticleSlugs,
  findCampaign,
  findCampaignBySlug,
  insertCampaign,
  listCampaignRows,
  listCounterRows,
  lockCampaign,
  organizationsByIds,
  updateCampaign,
  type CampaignRow,
} from '../store/campaigns.ts';
import type { Db } from '../store/connection.ts';
import { campaignAdminView, type CampaignAdmin, type CampaignAdminWithTotals } from './campaign-views.ts';
import { auditActor, type Caller } from './caller.ts';
import { badRequest, conflict, notFound } from './errors.ts';

const EMPTY_TEXT: CampaignText = { title: '', summary: '', body: '', tips: [] };

/** What the console sends to create a campaign (a draft); what it leaves out starts empty. */
export interface CampaignCreateInput {
  slug: string;
  startsOn: string;
  endsOn: string;
  theme: string;
  fraudTypes?: string[];
  partnerOrganizationIds?: string[];
  articleSlugs?: string[];
  alertIds?: string[];
  vi?: Partial<CampaignText>;
  en?: Partial<CampaignText>;
  quiz?: QuizItem[];
}

/** A change: any subset of the fields; `vi`/`en` merge field by field, `quiz` replaces all items. */
export type CampaignPatch = Partial<Omit<CampaignCreateInput, 'vi' | 'en'>> & { vi?: Partial<CampaignText>; en?: Partial<CampaignText>; status?: CampaignStatus };

const userId = (caller: Caller) => (caller.actor.type === 'user' ? caller.actor.userId : null);

function contentOf(row: CampaignRow): CampaignContent {
  return {
    slug: row.slug,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    theme: row.theme as CampaignContent['theme'],
    fraudTypes: row.fraudTypes as FraudType[],
    partnerOrganizationIds: row.partnerOrganizationIds,
    articleSlugs: row.articleSlugs,
    alertIds: row.alertIds,
    vi: row.texts.vi,
    en: row.texts.en,
    quiz: row.quiz,
  };
}

/** The links to articles, alerts and organizations must name ones that exist. */
async function checkReferences(db: Db, c: CampaignContent): Promise<CampaignFieldError[]> {
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const articles = await existingArticleSlugs(db, [...new Set([...c.articleSlugs, ...c.quiz.flatMap((q) => (q.articleSlug ? [q.articleSlug] : []))])]);
  const alerts = await existingAlertIds(db, c.alertIds);
  const orgs = await organizationsByIds(db, c.partnerOrganizationIds);
  const orgIds = new Set(orgs.map((o) => o.id));
  const errors: CampaignFieldError[] = [];
  c.articleSlugs.forEach((s, i) => articles.has(s) || errors.push({ field: `/articleSlugs/${i}`, message: `No article "${s}".` }));
  c.alertIds.forEach((id, i) => alerts.has(id) || errors.push({ field: `/alertIds/${i}`, message: 'No such alert.' }));
  c.partnerOrganizationIds.forEach((id, i) => orgIds.has(id) || errors.push({ field: `/partnerOrganizationIds/${i}`, message: 'No such organization.' }));
  c.quiz.forEach((q, i) => q.articleSlug && !articles.has(q.articleSlug) && errors.push({ field: `/quiz/${i}/articleSlug`, message: `No article "${q.articleSlug}".` }));
  return errors;
}

async function validate(db: Db, c: CampaignContent, status: CampaignStatus): Promise<void> {
  const errors = [...checkCampaignContent(c, { publish: status === 'published' }), ...(await checkReferences(db, c))];
  if (errors.length) throw badRequest(status === 'published' ? 'The campaign cannot be published as it is.' : 'The campaign is not valid.', errors);
}

async function adminView(db: Db, row: CampaignRow): Promise<CampaignAdmin> {
  return campaignAdminView(row, await organizationsByIds(db, row.partnerOrganizationIds));
}

/** A compact record of a campaign for the audit log (the quiz by its item ids, not its texts). */
function auditSummary(c: CampaignContent & { status?: string }) {
  return {
    slug: c.slug,
    status: c.status,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    theme: c.theme,
    fraudTypes: c.fraudTypes,
    partnerOrganizationIds: c.partnerOrganizationIds,
    articleSlugs: c.articleSlugs,
    alertIds: c.alertIds,
    titles: { vi: c.vi.title, en: c.en.title },
    quiz: c.quiz.map((q) => q.id),
  };
}

export async function createCampaign(db: Db, caller: Caller, input: CampaignCreateInput): Promise<CampaignAdmin> {
  const content: CampaignContent = {
    slug: input.slug,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    theme: input.theme as CampaignContent['theme'],
    fraudTypes: (input.fraudTypes ?? []) as FraudType[],
    partnerOrganizationIds: input.partnerOrganizationIds ?? [],
    articleSlugs: input.articleSlugs ?? [],
    alertIds: input.alertIds ?? [],
    vi: { ...EMPTY_TEXT, ...input.vi },
    en: { ...EMPTY_TEXT, ...input.en },
    quiz: input.quiz ?? [],
  };
  await validate(db, content, 'draft');
  const row = await db.transaction(async (tx) => {
    if (await findCampaignBySlug(tx, content.slug)) throw conflict(`A campaign "${content.slug}" exists already.`, [{ field: '/slug', message: 'Already used.' }]);
    const created = await insertCampaign(tx, {
      slug: content.slug,
      status: 'draft',
      startsOn: content.startsOn,
      endsOn: content.endsOn,
      theme: content.theme,
      fraudTypes: content.fraudTypes,
      partnerOrganizationIds: content.partnerOrganizationIds,
      articleSlugs: content.articleSlugs,
      alertIds: content.alertIds,
      texts: { vi: content.vi, en: content.en },
      quiz: content.quiz,
      updatedBy: userId(caller),
    });
    await appendAudit(tx, { ...auditActor(caller), action: 'campaign.created', subjectType: 'campaign', subjectId: created.id, after: auditSummary({ ...content, status: 'draft' }) });
    return created;
  });
  return adminView(db, row);
}

/** Applies a change; publishing (or editing a published campaign) needs everything in both languages. */
export async function updateCampaignFields(db: Db, caller: Caller, id: string, patch: CampaignPatch, now = new Date()): Promise<CampaignAdmin> {
  const row = await db.transaction(async (tx) => {
    const before = await lockCampaign(tx, id);
    if (!before) throw notFound('The campaign');
    const old = contentOf(before);
    const next: CampaignContent = {
      ...old,
      ...(patch.slug !== undefined && { slug: patch.slug }),
      ...(patch.startsOn !== undefined && { startsOn: patch.startsOn }),
      ...(patch.endsOn !== undefined && { endsOn: patch.endsOn }),
      ...(patch.theme !== undefined && { theme: patch.theme as CampaignContent['theme'] }),
      ...(patch.fraudTypes !== undefined && { fraudTypes: patch.fraudTypes as FraudType[] }),
      ...(patch.partnerOrganizationIds !== undefined && { partnerOrganizationIds: patch.partnerOrganizationIds }),
      ...(patch.articleSlugs !== undefined && { articleSlugs: patch.articleSlugs }),
      ...(patch.alertIds !== undefined && { alertIds: patch.alertIds }),
      ...(patch.quiz !== undefined && { quiz: patch.quiz }),
      vi: { ...old.vi, ...patch.vi },
      en: { ...old.en, ...patch.en },
    };
    const status = patch.status ?? before.status;
    await validate(tx, next, status);
    if (next.slug !== before.slug && (await findCampaignBySlug(tx, next.slug))) throw conflict(`A campaign "${next.slug}" exists already.`, [{ field: '/slug', message: 'Already used.' }]);
    const published = status === 'published' && before.status !== 'published';
    const after = await updateCampaign(tx, id, {
      slug: next.slug,
      status,
      startsOn: next.startsOn,
      endsOn: next.endsOn,
      theme: next.theme,
      fraudTypes: next.fraudTypes,
      partnerOrganizationIds: next.partnerOrganizationIds,
      articleSlugs: next.articleSlugs,
      alertIds: next.alertIds,
      texts: { vi: next.vi, en: next.en },
      quiz: next.quiz,
      ...(published && { publishedAt: now }),
      updatedBy: userId(caller),
    });
    const action = status !== before.status ? `campaign.${status}` : 'campaign.updated';
    await appendAudit(tx, {
      ...auditActor(caller),
      action,
      subjectType: 'campaign',
      subjectId: id,
      before: auditSummary({ ...old, status: before.status }),
      after: auditSummary({ ...next, status }),
    });
    return after;
  });
  return adminView(db, row);
}

export async function getCampaign(db: Db, id: string): Promise<CampaignAdmin> {
  const row = await findCampaign(db, id);
  if (!row) throw notFound('The campaign');
  return adminView(db, row);
}

/** Every campaign (any status), newest first, each with its reach so far. */
export async function listCampaigns(db: Db): Promise<{ items: CampaignAdminWithTotals[] }> {
  const rows = await listCampaignRows(db);
  const orgs = await organizationsByIds(db, [...new Set(rows.flatMap((r) => r.partnerOrganizationIds))]);
  const counters = await listCounterRows(db, rows.map((r) => r.id));
  return {
    items: rows.map((row) => ({ ...campaignAdminView(row, orgs), totals: sumFigures(counters.filter((c) => c.campaignId === row.id)) })),
  };
}

export interface CampaignFigures {
  from: string;
  to: string;
  totals: Figures;
  days: (Figures & { date: string })[];
}

const MAX_FIGURE_DAYS = 400;

/**
 * Reach per day between `from` and `to` (both included; by default the campaign's first day to
 * today in Vietnam, or its last day when it has ended). Every day of the range is listed.
 */
export async function campaignFigures(db: Db, id: string, range: { from?: string; to?: string }, now = new Date()): Promise<CampaignFigures> {
  const row = await findCampaign(db, id);
  if (!row) throw notFound('The campaign');
  const today = vietnamDate(now);
  const from = range.from ?? row.startsOn;
  const to = range.to ?? (row.endsOn < today ? row.endsOn : today);
  const errors: CampaignFieldError[] = [];
  if (!isIsoDate(from)) errors.push({ field: 'querystring:/from', message: 'A date YYYY-MM-DD.' });
  if (!isIsoDate(to)) errors.push({ field: 'querystring:/to', message: 'A date YYYY-MM-DD.' });
  if (!errors.length && to < from && (range.from || range.to)) errors.push({ field: 'querystring:/to', message: 'Not before "from".' });
  if (!errors.length && datesBetween(from, to, MAX_FIGURE_DAYS + 1).length > MAX_FIGURE_DAYS) errors.push({ field: 'querystring:/to', message: `At most ${MAX_FIGURE_DAYS} days.` });
  if (errors.length) throw badRequest('The date range is not valid.', errors);
  const rows = await listCounterRows(db, [row.id], { from, to });
  const days = datesBetween(from, to, MAX_FIGURE_DAYS).map((date) => ({ date, ...sumFigures(rows.filter((r) => r.day === date)) }));
  return { from, to, totals: rows.length ? sumFigures(rows) : emptyFigures(), days };
}
