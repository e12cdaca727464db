import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseEvent, CaseState } from '../domain/cases/state-machine.ts';
import { queryRows, type Db } from './connection.ts';
import { caseEvents, caseIndicators, cases, indicators, reports } from './schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

/** bigint columns: PGlite answers numbers, node-postgres strings. */
function normalizeCase(row: CaseRow): CaseRow {
  return { ...row, amountLostVnd: Number(row.amountLostVnd), lastEventSeq: Number(row.lastEventSeq) };
}

/** `CG-2026-000123`: the year of opening and a number from a sequence (no waiting between writers). */
export async function nextCaseReference(db: Db, now: Date): Promise<string> {
  const [row] = await queryRows<{ n: number | string }>(db, sql`select nextval('case_reference_seq') as n`);
  return `CG-${now.getUTCFullYear()}-${String(row!.n).padStart(6, '0')}`;
}

export async function insertCase(db: Db, values: { reference: string; category: string; priority?: number }): Promise<CaseRow> {
  const [row] = await db.insert(cases).values({ reference: values.reference, category: values.category, priority: values.priority ?? 3 }).returning();
  return normalizeCase(row!);
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row ? normalizeCase(row) : undefined;
}

/** Reads and locks the case for the rest of the transaction, so two actions on it queue. */
export async function lockCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).for('update');
  return row ? normalizeCase(row) : undefined;
}

export interface CaseEventInput {
  type: CaseEvent;
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organizationId: string | null;
  payload: Record<string, unknown>;
}

/** What an event changes in the derived status row besides `last_event_seq` and `updated_at`. */
export interface CaseStatusPatch {
  status?: CaseState;
  priority?: number;
  category?: string;
  assigneeUserId?: string | null;
  mergedIntoCaseId?: string | null;
  /** Added to the counters, not set. */
  addReports?: number;
  addAmountLostVnd?: number;
}

/**
 * Appends an event and updates the derived status row in the same statement sequence; call it
 * inside the transaction that holds the case lock, so status and event never disagree.
 */
export async function appendCaseEvent(db: Db, caseId: string, event: CaseEventInput, patch: CaseStatusPatch = {}): Promise<{ event: CaseEventRow; row: CaseRow }> {
  const [inserted] = await db
    .insert(caseEvents)
    .values({ caseId, type: event.type, actorType: event.actorType, actorId: event.actorId, organizationId: event.organizationId, payload: event.payload })
    .returning();
  const e = { ...inserted!, id: Number(inserted!.id) };
  const { addReports, addAmountLostVnd, ...set } = patch;
  const [row] = await db
    .update(cases)
    .set({
      ...set,
      ...(addReports ? { reportCount: sql`${cases.reportCount} + ${addReports}` } : {}),
      ...(addAmountLostVnd ? { amountLostVnd: sql`${cases.amountLostVnd} + ${addAmountLostVnd}` } : {}),
      lastEventSeq: e.id,
      updatedAt: new Date(),
    })
    .where(eq(cases.id, caseId))
    .returning();
  return { event: e, row: normalizeCase(row!) };
}

export async function listCaseEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  const rows = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Serialises case joining per identifier until the transaction ends: two reports naming the
 * same new identifier cannot both see "no case" and open two. Locks in a fixed order, so two
 * reports sharing several identifiers cannot deadlock.
 */
export async function lockIndicatorsForJoining(db: Db, indicatorIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(indicatorIds)].sort()) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`case-join:${id}`}, 0))`);
  }
}

/** The oldest case in one of `states` holding any of the indicators. */
export async function findCaseSharingIndicators(db: Db, indicatorIds: readonly string[], states: readonly CaseState[]): Promise<CaseRow | undefined> {
  if (indicatorIds.length === 0) return undefined;
  const [row] = await db
    .select({ c: cases })
    .from(cases)
    .innerJoin(caseIndicators, eq(caseIndicators.caseId, cases.id))
    .where(and(inArray(caseIndicators.indicatorId, [...indicatorIds]), inArray(cases.status, [...states])))
    .orderBy(asc(cases.createdAt), asc(cases.id))
    .limit(1);
  return row ? normalizeCase(row.c) : undefined;
}

/** Cases holding the indicator, in any state but `merged` (merged cases passed theirs on). */
export async function findCasesHoldingIndicator(db: Db, indicatorId: string): Promise<CaseRow[]> {
  const rows = await db
    .select({ c: cases })
    .from(cases)
    .innerJoin(caseIndicators, eq(caseIndicators.caseId, cases.id))
    .where(and(eq(caseIndicators.indicatorId, indicatorId), sql`${cases.status} <> 'merged'`))
    .orderBy(asc(cases.createdAt));
  return rows.map((r) => normalizeCase(r.c));
}

/** Adds indicators to a case; returns the ids that were not there yet. */
export async function addCaseIndicators(db: Db, caseId: string, indicatorIds: readonly string[]): Promise<string[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .insert(caseIndicators)
    .values([...new Set(indicatorIds)].map((indicatorId) => ({ caseId, indicatorId })))
    .onConflictDoNothing()
    .returning({ indicatorId: caseIndicators.indicatorId });
  return rows.map((r) => r.indicatorId);
}

/** In the order of the canonical strings: the order intake locks indicator rows in. */
export async function listCaseIndicatorIds(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: caseIndicators.indicatorId })
    .from(caseIndicators)
    .innerJoin(indicators, eq(indicators.id, caseIndicators.indicatorId))
    .where(eq(caseIndicators.caseId, caseId))
    .orderBy(asc(indicators.indicator));
  return rows.map((r) => r.id);
}

/** Moves the indicators of `fromCaseId` to `toCaseId` (keeping one row where both had it). */
export async function moveCaseIndicators(db: Db, fromCaseId: string, toCaseId: string): Promise<string[]> {
  const ids = await listCaseIndicatorIds(db, fromCaseId);
  const added = await addCaseIndicators(db, toCaseId, ids);
  await db.delete(caseIndicators).where(eq(caseIndicators.caseId, fromCaseId));
  return added;
}

export async function setReportCase(db: Db, reportId: string, caseId: string): Promise<boolean> {
  const rows = await db.update(reports).set({ caseId, updatedAt: new Date() }).where(eq(reports.id, reportId)).returning({ id: reports.id });
  return rows.length === 1;
}

/** Moves every report of one case to another; returns the moved report ids. */
export async function moveCaseReports(db: Db, fromCaseId: string, toCaseId: string): Promise<string[]> {
  const rows = await db.update(reports).set({ caseId: toCaseId, updatedAt: new Date() }).where(eq(reports.caseId, fromCaseId)).returning({ id: reports.id });
  return rows.map((r) => r.id);
}

export async function listCaseReports(db: Db, caseId: string) {
  return db
    .select({
      id: reports.id,
      trackingCode: reports.trackingCode,
      channel: reports.channel,
      category: reports.category,
      narrative: reports.narrative,
      occurredAt: reports.occurredAt,
      amountLostVnd: reports.amountLostVnd,
      paymentMethod: reports.paymentMethod,
      status: reports.status,
      outcome: reports.outcome,
      organizationId: reports.organizationId,
      createdAt: reports.createdAt,
    })
    .from(reports)
    .where(eq(reports.caseId, caseId))
    .orderBy(asc(reports.createdAt), asc(reports.id));
}

export async function latestCaseEvent(db: Db, caseId: string): Promise<CaseEventRow | undefined> {
  const [row] = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(desc(caseEvents.id)).limit(1);
  return row ? { ...row, id: Number(row.id) } : undefined;
}
