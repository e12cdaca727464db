import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { anyOf } from './any-of.ts';
import type { Verdict } from '../domain/indicators/verdicts.ts';
import { insertJsonRows, writeJsonRows } from './bulk-insert.ts';
import type { Db } from './connection.ts';
import { indexChanges, indicatorSources, indicators, organizations, verdictChanges } from './schema.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
export type VerdictChangeRow = typeof verdictChanges.$inferSelect;

export async function insertIndicator(db: Db, values: NewIndicator): Promise<IndicatorRow> {
  const [row] = await db.insert(indicators).values(values).returning();
  return row!;
}

export async function findIndicator(db: Db, indicator: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.indicator, indicator));
  return row;
}

export async function findIndicatorById(db: Db, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

/** Reads and locks the row for the rest of the transaction, so concurrent verdict changes queue. */
export async function lockIndicator(db: Db, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id)).for('update');
  return row;
}

export async function updateIndicator(db: Db, id: string, values: Partial<NewIndicator>): Promise<IndicatorRow> {
  const [row] = await db
    .update(indicators)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(indicators.id, id))
    .returning();
  return row!;
}

export async function insertVerdictChange(db: Db, values: typeof verdictChanges.$inferInsert): Promise<VerdictChangeRow> {
  const [row] = await db.insert(verdictChanges).values(values).returning();
  return row!;
}

export async function listVerdictChanges(db: Db, indicatorId: string): Promise<VerdictChangeRow[]> {
  return db.select().from(verdictChanges).where(eq(verdictChanges.indicatorId, indicatorId)).orderBy(asc(verdictChanges.id));
}

/** Appends to the change log that every node's look-up index follows. */
export async function recordIndexChange(db: Db, indicator: string): Promise<void> {
  await db.insert(indexChanges).values({ indicator });
}

export async function addSourceContribution(
  db: Db,
  values: {
    indicatorId: string;
    organizationId: string | null;
    sourceType: (typeof indicatorSources.$inferInsert)['sourceType'];
    reports?: number;
    confirmations?: number;
  },
): Promise<void> {
  const now = new Date();
  await db
    .insert(indicatorSources)
    .values({
      indicatorId: values.indicatorId,
      sourceKey: values.organizationId ?? 'citizen',
      organizationId: values.organizationId,
      sourceType: values.sourceType,
      reports: values.reports ?? 0,
      confirmations: values.confirmations ?? 0,
      firstAt: now,
      lastAt: now,
    })
    .onConflictDoUpdate({
      target: [indicatorSources.indicatorId, indicatorSources.sourceKey],
      set: {
        reports: sql`${indicatorSources.reports} + ${values.reports ?? 0}`,
        confirmations: sql`${indicatorSources.confirmations} + ${values.confirmations ?? 0}`,
        lastAt: now,
      },
    });
}

export async function listSources(db: Db, indicatorId: string) {
  return db
    .select({
      sourceType: indicatorSources.sourceType,
      organizationId: indicatorSources.organizationId,
      organizationName: organizations.name,
      reports: indicatorSources.reports,
      confirmations: indicatorSources.confirmations,
      firstAt: indicatorSources.firstAt,
      lastAt: indicatorSources.lastAt,
    })
    .from(indicatorSources)
    .leftJoin(organizations, eq(indicatorSources.organizationId, organizations.id))
    .where(eq(indicatorSources.indicatorId, indicatorId))
    .orderBy(asc(indicatorSources.firstAt));
}

export interface IndicatorFilter {
  verdicts?: Verdict[];
  kind?: string;
  fraudType?: string;
  /** Keyset cursor: rows updated before this (updatedAt, id). */
  before?: { updatedAt: Date; id: string };
  limit: number;
}

/** Most recently changed first. */
export async function listIndicatorRows(db: Db, filter: IndicatorFilter): Promise<IndicatorRow[]> {
  const where: SQL[] = [];
  if (filter.verdicts?.length) where.push(inArray(indicators.verdict, filter.verdicts));
  if (filter.kind) where.push(eq(indicators.kind, filter.kind));
  if (filter.fraudType) where.push(sql`${filter.fraudType} = any(${indicators.fraudTypes})`);
  if (filter.before) {
    where.push(
      or(lt(indicators.updatedAt, filter.before.updatedAt), and(eq(indicators.updatedAt, filter.before.updatedAt), lt(indicators.id, filter.before.id)))!,
    );
  }
  return db
    .select()
    .from(indicators)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(indicators.updatedAt), desc(indicators.id))
    .limit(filter.limit);
}

/** Suspected indicators whose expiry has passed (oldest first). */
export async function findExpiredSuspected(db: Db, now: Date, limit: number): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(indicators)
    .where(and(eq(indicators.verdict, 'suspected'), lt(indicators.expiresAt, now)))
    .orderBy(asc(indicators.expiresAt))
    .limit(limit);
}

/** Confirmed indicators due for review. */
export async function findConfirmedDueForReview(db: Db, now: Date, limit: number): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(indicators)
    .where(and(eq(indicators.verdict, 'confirmed'), lt(indicators.reviewAt, now)))
    .orderBy(asc(indicators.reviewAt))
    .limit(limit);
}


// ---- Set-based writes for the batched report intake (src/app/report-batch.ts) ----

/** Reads and locks the rows of these canonical strings, in a fixed order (no deadlock between batches). */
export async function lockIndicatorsByValue(db: Db, values: readonly string[]): Promise<IndicatorRow[]> {
  if (values.length === 0) return [];
  return db.select().from(indicators).where(anyOf(indicators.indicator, values)).orderBy(asc(indicators.indicator)).for('update');
}

/** Reads and locks rows by id, in id order. */
export async function lockIndicatorsById(db: Db, ids: readonly string[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(indicators).where(anyOf(indicators.id, new Set(ids))).orderBy(asc(indicators.id)).for('update');
}

/**
 * New rows, every column given (the caller keeps them as the stored rows: nothing is read back);
 * a row another transaction inserted meanwhile fails the batch with 23505 (it is retried).
 */
export async function insertIndicators(db: Db, rows: readonly IndicatorRow[]): Promise<void> {
  await writeJsonRows(db, indicators, rows);
}

/**
 * Rewrites the changing columns of rows this transaction holds locked (one statement for many
 * rows: an upsert whose insert part never applies, because every row exists).
 */
export async function rewriteIndicators(db: Db, rows: readonly IndicatorRow[]): Promise<IndicatorRow[]> {
  if (rows.length === 0) return [];
  const now = new Date();
  return insertJsonRows(
    db,
    indicators,
    rows.map((r) => ({ ...r, updatedAt: now })),
    `on conflict (indicator) do update set verdict = excluded.verdict, confidence = excluded.confidence, tlp = excluded.tlp,
      report_count = excluded.report_count, fraud_types = excluded.fraud_types, last_seen_at = excluded.last_seen_at,
      expires_at = excluded.expires_at, review_at = excluded.review_at, network_id = excluded.network_id, updated_at = excluded.updated_at`,
  );
}

export async function insertVerdictChanges(db: Db, rows: readonly (typeof verdictChanges.$inferInsert)[]): Promise<void> {
  await writeJsonRows(db, verdictChanges, rows);
}

export async function recordIndexChanges(db: Db, values: readonly string[]): Promise<void> {
  await writeJsonRows(
    db,
    indexChanges,
    values.map((indicator) => ({ indicator })),
  );
}

export interface SourceContribution {
  indicatorId: string;
  organizationId: string | null;
  sourceType: (typeof indicatorSources.$inferInsert)['sourceType'];
  reports: number;
}

/** Adds report counts per (indicator, source); contributions to the same pair are summed first. */
export async function addSourceContributions(db: Db, contributions: readonly SourceContribution[]): Promise<void> {
  const summed = new Map<string, SourceContribution>();
  for (const c of contributions) {
    const key = `${c.indicatorId}|${c.organizationId ?? 'citizen'}`;
    const seen = summed.get(key);
    summed.set(key, seen ? { ...seen, reports: seen.reports + c.reports } : c);
  }
  if (summed.size === 0) return;
  const now = new Date();
  await writeJsonRows(
    db,
    indicatorSources,
    [...summed.values()].map((c) => ({
        indicatorId: c.indicatorId,
        sourceKey: c.organizationId ?? 'citizen',
        organizationId: c.organizationId,
        sourceType: c.sourceType,
        reports: c.reports,
        confirmations: 0,
        firstAt: now,
        lastAt: now,
      })),
    `on conflict (indicator_id, source_key) do update set reports = indicator_sources.reports + excluded.reports, last_at = excluded.last_at`,
  );
}
