import { and, arrayOverlaps, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { CampaignEventKind } from '../domain/campaigns/model.ts';
import type { CounterRow } from '../domain/campaigns/figures.ts';
import type { Db } from './connection.ts';
import { alerts, alertTranslations, articles, articleTranslations, campaignDailyCounts, campaigns, organizations } from './schema.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignInsert = typeof campaigns.$inferInsert;

export async function listCampaignRows(db: Db): Promise<CampaignRow[]> {
  return db.select().from(campaigns).orderBy(desc(campaigns.startsOn), asc(campaigns.slug));
}

export async function listPublishedCampaignRows(db: Db): Promise<CampaignRow[]> {
  return db.select().from(campaigns).where(eq(campaigns.status, 'published')).orderBy(desc(campaigns.startsOn), asc(campaigns.slug));
}

export async function findCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

/** The row locked for this transaction, so two editors' changes apply one after the other. */
export async function lockCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  return row;
}

export async function findCampaignBySlug(db: Db, slug: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
  return row;
}

export async function findPublishedCampaignBySlug(db: Db, slug: string): Promise<CampaignRow | undefined> {
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.slug, slug), eq(campaigns.status, 'published')));
  return row;
}

export async function insertCampaign(db: Db, values: CampaignInsert): Promise<CampaignRow> {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row!;
}

export async function updateCampaign(db: Db, id: string, values: Partial<CampaignInsert>): Promise<CampaignRow> {
  const [row] = await db.update(campaigns).set({ ...values, updatedAt: new Date() }).where(eq(campaigns.id, id)).returning();
  return row!;
}

/** Adds one event to its day's counter (one statement: concurrent events never lose a count). */
export async function countCampaignEvent(db: Db, campaignId: string, day: string, kind: CampaignEventKind, score = 0, of = 0): Promise<void> {
  await db
    .insert(campaignDailyCounts)
    .values({ campaignId, day, kind, count: 1, scoreSum: score, ofSum: of })
    .onConflictDoUpdate({
      target: [campaignDailyCounts.campaignId, campaignDailyCounts.day, campaignDailyCounts.kind],
      set: {
        count: sql`${campaignDailyCounts.count} + 1`,
        scoreSum: sql`${campaignDailyCounts.scoreSum} + ${score}`,
        ofSum: sql`${campaignDailyCounts.ofSum} + ${of}`,
      },
    });
}

/** Counter rows of some campaigns, optionally within days `from`–`to` (both included). */
export async function listCounterRows(db: Db, campaignIds: string[], range: { from?: string; to?: string } = {}): Promise<(CounterRow & { campaignId: string; day: string })[]> {
  if (campaignIds.length === 0) return [];
  const rows = await db
    .select()
    .from(campaignDailyCounts)
    .where(
      and(
        inArray(campaignDailyCounts.campaignId, campaignIds),
        range.from ? gte(campaignDailyCounts.day, range.from) : undefined,
        range.to ? lte(campaignDailyCounts.day, range.to) : undefined,
      ),
    );
  // bigint columns: PGlite answers numbers, pg strings.
  return rows.map((r) => ({ campaignId: r.campaignId, day: r.day, kind: r.kind, count: Number(r.count), scoreSum: Number(r.scoreSum), ofSum: Number(r.ofSum) }));
}

/** Which of these article slugs exist (any status). */
export async function existingArticleSlugs(db: Db, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.select({ slug: articles.slug }).from(articles).where(inArray(articles.slug, slugs));
  return new Set(rows.map((r) => r.slug));
}

export async function existingAlertIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: alerts.id }).from(alerts).where(inArray(alerts.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function organizationsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: organizations.id, name: organizations.name, kind: organizations.kind, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, ids));
}

/** Titles (every language) of those articles that are public now, for a campaign's links. */
export async function publicArticleTitles(db: Db, slugs: string[], now: Date): Promise<{ slug: string; lang: string; title: string }[]> {
  if (slugs.length === 0) return [];
  return db
    .select({ slug: articles.slug, lang: articleTranslations.lang, title: articleTranslations.title })
    .from(articles)
    .innerJoin(articleTranslations, eq(articleTranslations.articleId, articles.id))
    .where(and(inArray(articles.slug, slugs), inArray(articles.status, ['published', 'scheduled']), lte(articles.publishAt, now)));
}

/** Titles (every language) and publish times of those alerts that are public now. */
export async function publicAlertTitles(db: Db, ids: string[], now: Date): Promise<{ id: string; lang: string; title: string; publishedAt: Date | null }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: alerts.id, lang: alertTranslations.lang, title: alertTranslations.title, publishedAt: alerts.publishAt })
    .from(alerts)
    .innerJoin(alertTranslations, eq(alertTranslations.alertId, alerts.id))
    .where(and(inArray(alerts.id, ids), inArray(alerts.status, ['published', 'scheduled']), lte(alerts.publishAt, now)));
}

export async function organizationsBySlugs(db: Db, slugs: string[]): Promise<{ id: string; slug: string }[]> {
  if (slugs.length === 0) return [];
  return db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).where(inArray(organizations.slug, slugs));
}

/** The newest public alerts about any of these fraud types (the demo campaigns link them). */
export async function publicAlertIdsAbout(db: Db, fraudTypes: string[], now: Date, limit: number): Promise<string[]> {
  if (fraudTypes.length === 0) return [];
  const rows = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(inArray(alerts.status, ['published', 'scheduled']), lte(alerts.publishAt, now), arrayOverlaps(alerts.fraudTypes, fraudTypes)))
    .orderBy(desc(alerts.publishAt), asc(alerts.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
