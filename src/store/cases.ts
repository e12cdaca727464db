import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { anyOf } from './any-of.ts';
import type { CaseEvent, CaseState } from '../domain/cases/state-machine.ts';
import type { RecentReport } from '../domain/reports/coordination.ts';
import { insertJsonRowsReturning, writeJsonRows } from './bulk-insert.ts';
import { executeText, queryRows, type Db } from './connection.ts';
import { caseEvents, caseIndicators, cases, indicators, reports } from './schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

/** bigint columns: PGlite answers numbers, node-postgres strings. */
function normalizeCase(row: CaseRow): CaseRow {
  return { ...row, amountLostVnd: Number(row.amountLostVnd), lastEventSeq: Number(row.lastEventSeq) };
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

// ---- Set-based writes for the batched report intake (src/app/report-batch.ts) ----

/**
 * Serialises case joining per identifier until the transaction ends: two reports naming the
 * same new identifier cannot both see "no case" and open two. Locks in a fixed order, so two
 * batches sharing several identifiers cannot deadlock.
 */
export async function lockIndicatorsForJoiningAll(db: Db, indicatorIds: readonly string[]): Promise<void> {
  const ids = [...new Set(indicatorIds)].sort();
  if (ids.length === 0) return;
  // A JSON array keeps its order through the function scan, so the locks are taken in sorted
  // order; count(): one row back, not one per lock. Straight to the driver (see executeText).
  await executeText(db, 'select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from json_array_elements_text($1::json) as k', [
    JSON.stringify(ids.map((id) => `case-join:${id}`)),
  ]);
}

/** Every (indicator, case) pair for cases in `states` holding any of the indicators. */
export async function findCasesSharingIndicators(
  db: Db,
  indicatorIds: readonly string[],
  states: readonly CaseState[],
): Promise<{ indicatorId: string; caseId: string }[]> {
  if (indicatorIds.length === 0) return [];
  // The case's status is a subquery per pair (a look-up by primary key), not a join: joined, the
  // planner hashed every case in the joinable states on each batch, a cost that grew with the table.
  return db
    .select({ indicatorId: caseIndicators.indicatorId, caseId: caseIndicators.caseId })
    .from(caseIndicators)
    .where(and(anyOf(caseIndicators.indicatorId, indicatorIds), sql`(select ${cases.status} from ${cases} where ${cases.id} = ${caseIndicators.caseId}) = any(${sql.param([...states])}::text[])`));
}

/** Reads and locks several cases, in id order. */
export async function lockCases(db: Db, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(cases).where(anyOf(cases.id, ids)).orderBy(asc(cases.id)).for('update');
  return rows.map(normalizeCase);
}

/**
 * `count` case references (`CG-2026-000123`: the year of opening and a number from a sequence,
 * so writers never wait on each other), in one statement.
 */
export async function nextCaseReferences(db: Db, now: Date, count: number): Promise<string[]> {
  if (count === 0) return [];
  const rows = await queryRows<{ n: number | string }>(db, sql`select nextval('case_reference_seq') as n from generate_series(1, ${count}::int)`);
  return rows.map((r) => `CG-${now.getUTCFullYear()}-${String(r.n).padStart(6, '0')}`);
}

export async function insertCases(db: Db, rows: readonly { id: string; reference: string; category: string; createdAt?: Date; priority?: number; riskScore?: number }[]): Promise<void> {
  await writeJsonRows(db, cases, rows);
}

/** Appends events (ids follow the order given); returns their ids in that order. */
export async function insertCaseEvents(db: Db, rows: readonly ({ caseId: string } & CaseEventInput)[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids = await insertJsonRowsReturning(db, caseEvents, rows, 'id');
  return ids.map(Number).sort((a, b) => a - b);
}

/** Adds (case, indicator) pairs that are not there yet. */
export async function addCaseIndicatorPairs(db: Db, pairs: readonly { caseId: string; indicatorId: string }[]): Promise<void> {
  await writeJsonRows(db, caseIndicators, pairs, 'on conflict do nothing');
}

/** Adds to the counters of several cases, moves their `last_event_seq` and raises their priority where given (1 is the most urgent), in one statement. */
export async function bumpCases(
  db: Db,
  rows: readonly { caseId: string; addReports: number; addAmountLostVnd: number; lastEventSeq: number; priority?: number | null; riskScore?: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({ c: r.caseId, n: r.addReports, a: r.addAmountLostVnd, e: r.lastEventSeq, p: r.priority ?? null, r: r.riskScore ?? 0 }));
  // Write-only and on the intake path: straight to the driver (see executeText).
  await executeText(
    db,
    `update cases set
      report_count = cases.report_count + v.n,
      amount_lost_vnd = cases.amount_lost_vnd + v.a,
      last_event_seq = greatest(cases.last_event_seq, v.e),
      priority = least(cases.priority, coalesce(v.p, cases.priority)),
      risk_score = greatest(cases.risk_score, v.r),
      updated_at = now()
    from json_to_recordset($1::json) as v(c uuid, n int, a bigint, e bigint, p int, r int)
    where cases.id = v.c`,
    [JSON.stringify(values)],
  );
}

/** The reports of these cases since `since`, with their source's track record (for the coordination check). */
export async function recentCaseReports(db: Db, caseIds: readonly string[], since: Date, limit: number): Promise<Map<string, RecentReport[]>> {
  const byCase = new Map<string, RecentReport[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await queryRows<{ case_id: string; created_at: string | Date; source_key: string | null; narrative_hash: string | null; verified: number | null; rejected: number | null }>(
    db,
    // One index range per case (reports_case_created_idx) and one key look-up per source. The
    // LIMITs keep the planner from flattening the subqueries: flattened, without statistics it
    // read every report of the window through reports_created_idx and hashed the reputations.
    sql`select c.id as case_id, r.created_at, r.source_key, r.narrative_hash, rr.verified, rr.rejected
        from unnest(${`{${caseIds.join(',')}}`}::uuid[]) as c(id)
        cross join lateral (
          select created_at, source_key, narrative_hash from reports
          where case_id = c.id and created_at >= ${since.toISOString()}::timestamptz
          order by created_at desc limit ${limit}::int
        ) as r
        left join lateral (select verified, rejected from reporter_reputation where source_key = r.source_key limit 1) as rr on true`,
  );
  for (const r of rows) {
    const list = byCase.get(r.case_id) ?? [];
    list.push({
      createdAt: new Date(r.created_at),
      sourceKey: r.source_key,
      narrativeHash: r.narrative_hash,
      reputation: r.verified === null ? null : { verified: r.verified, rejected: r.rejected ?? 0 },
    });
    byCase.set(r.case_id, list);
  }
  return byCase;
}

/** Sets the coordination flag of cases not flagged yet; returns the ids flagged now. */
export async function flagCases(db: Db, flags: readonly { caseId: string; coordination: unknown }[]): Promise<Set<string>> {
  if (flags.length === 0) return new Set();
  const values = sql.join(
    flags.map((f) => sql`(${f.caseId}::uuid, ${JSON.stringify(f.coordination)}::jsonb)`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update cases set coordination = v.coordination, updated_at = now() from (values ${values}) as v(id, coordination)
        where cases.id = v.id and cases.coordination is null returning cases.id`,
  );
  return new Set(rows.map((r) => r.id));
}
