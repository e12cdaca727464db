import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { writeJsonRows } from './bulk-insert.ts';
import { queryRows, type Db } from './connection.ts';
import { auditLog, evidenceFiles, indicators, reportEvidence, reportIndicators, reports, type ReportStatus } from './schema.ts';

export type ReportRow = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;

export async function insertReport(db: Db, values: NewReport): Promise<ReportRow> {
  const [row] = await db.insert(reports).values(values).returning();
  return row!;
}

export async function findReportByIdempotencyKey(db: Db, principal: string, key: string): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.idempotencyPrincipal, principal), eq(reports.idempotencyKey, key)));
  return row;
}

export async function findReportById(db: Db, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row;
}

export async function findReportByTrackingCode(db: Db, trackingCode: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.trackingCode, trackingCode));
  return row;
}

export async function insertReportIndicators(db: Db, rows: (typeof reportIndicators.$inferInsert)[]): Promise<void> {
  await writeJsonRows(db, reportIndicators, rows, 'on conflict do nothing');
}

/**
 * One row per distinct file: the second report with the same bytes only links to it. Write-only,
 * like the report rows they go with (held with them at intake: see holdWrites).
 */
export async function insertEvidenceFiles(db: Db, rows: (typeof evidenceFiles.$inferInsert)[]): Promise<void> {
  await writeJsonRows(db, evidenceFiles, rows, 'on conflict do nothing');
}

export async function insertReportEvidence(db: Db, rows: (typeof reportEvidence.$inferInsert)[]): Promise<void> {
  await writeJsonRows(db, reportEvidence, rows);
}

export interface ReportIndicatorRow {
  indicatorId: string;
  indicator: string;
  kind: string;
  display: string;
  verdict: string;
  rawInput: string;
  extracted: boolean;
}

export async function listReportIndicators(db: Db, reportId: string): Promise<ReportIndicatorRow[]> {
  return db
    .select({
      indicatorId: reportIndicators.indicatorId,
      indicator: indicators.indicator,
      kind: indicators.kind,
      display: indicators.display,
      verdict: indicators.verdict,
      rawInput: reportIndicators.rawInput,
      extracted: reportIndicators.extracted,
    })
    .from(reportIndicators)
    .innerJoin(indicators, eq(indicators.id, reportIndicators.indicatorId))
    .where(eq(reportIndicators.reportId, reportId))
    .orderBy(asc(indicators.indicator));
}

export interface ReportEvidenceRow {
  sha256: string;
  mediaType: string;
  size: number;
  position: number;
  originalName: string | null;
}

export async function listReportEvidence(db: Db, reportId: string): Promise<ReportEvidenceRow[]> {
  return db
    .select({
      sha256: reportEvidence.sha256,
      mediaType: evidenceFiles.mediaType,
      size: evidenceFiles.size,
      position: reportEvidence.position,
      originalName: reportEvidence.originalName,
    })
    .from(reportEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, reportEvidence.sha256))
    .where(eq(reportEvidence.reportId, reportId))
    .orderBy(asc(reportEvidence.position));
}

export async function findEvidenceFile(db: Db, sha256: string) {
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha256));
  return row;
}

export interface ReportFilter {
  statuses?: ReportStatus[];
  category?: string;
  channel?: string;
  caseId?: string;
  indicatorId?: string;
  before?: { createdAt: Date; id: string };
  limit: number;
}

/** Newest first; `before` is the keyset cursor (created_at, id). */
export async function listReportRows(db: Db, f: ReportFilter): Promise<ReportRow[]> {
  const where: SQL[] = [];
  if (f.statuses?.length) where.push(inArray(reports.status, f.statuses));
  if (f.category) where.push(eq(reports.category, f.category));
  if (f.channel) where.push(eq(reports.channel, f.channel as ReportRow['channel']));
  if (f.caseId) where.push(eq(reports.caseId, f.caseId));
  if (f.indicatorId) {
    where.push(sql`exists (select 1 from ${reportIndicators} ri where ri.report_id = ${reports.id} and ri.indicator_id = ${f.indicatorId})`);
  }
  if (f.before) {
    where.push(or(lt(reports.createdAt, f.before.createdAt), and(eq(reports.createdAt, f.before.createdAt), lt(reports.id, f.before.id)))!);
  }
  return db
    .select()
    .from(reports)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(f.limit);
}

/** The open reports of a case (or one report), locked so status changes of one case queue. */
export async function lockReportsForStatus(db: Db, target: { reportId: string } | { caseId: string }): Promise<ReportRow[]> {
  const where = 'reportId' in target ? eq(reports.id, target.reportId) : eq(reports.caseId, target.caseId);
  return db.select().from(reports).where(where).orderBy(asc(reports.id)).for('update');
}

export async function updateReportStatus(db: Db, id: string, status: ReportStatus, outcome: string | null): Promise<void> {
  await db.update(reports).set({ status, outcome, updatedAt: new Date() }).where(eq(reports.id, id));
}

/** The report's steps, from its audit records (every status change writes one). */
export async function reportStatusHistory(db: Db, reportId: string): Promise<{ at: Date; after: unknown }[]> {
  return db
    .select({ at: auditLog.at, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, 'report'),
        eq(auditLog.subjectId, reportId),
        inArray(auditLog.action, ['report.submitted', 'report.status_changed']),
      ),
    )
    .orderBy(asc(auditLog.seq));
}

/** The `principal + "\n" + key` of those Idempotency-Keys that a stored report already holds. */
export async function findTakenIdempotencyKeys(db: Db, rows: readonly NewReport[]): Promise<Set<string>> {
  const keyed = rows.filter((r) => r.idempotencyPrincipal && r.idempotencyKey).map((r) => ({ p: r.idempotencyPrincipal, k: r.idempotencyKey }));
  if (keyed.length === 0) return new Set();
  const taken = await queryRows<{ p: string; k: string }>(
    db,
    // LATERAL: one look-up in the unique index per key. A plain join let the planner hash the
    // whole reports table on every batch (the cost grew with the table).
    sql`select x.p, x.k from jsonb_to_recordset(${JSON.stringify(keyed)}::jsonb) as x(p text, k text)
        cross join lateral (select 1 from reports r where r.idempotency_principal = x.p and r.idempotency_key = x.k limit 1) as taken`,
  );
  return new Set(taken.map((t) => `${t.p}\n${t.k}`));
}

/**
 * Inserts reports, every column given. A report whose Idempotency-Key another transaction stored
 * meanwhile fails the statement with 23505 (the intake queue runs the batch again).
 */
export async function insertReports(db: Db, rows: readonly ReportRow[]): Promise<void> {
  await writeJsonRows(db, reports, rows);
}

