import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './connection.ts';
import {
  cases,
  deadlinePolicies,
  escalationEvidence,
  escalations,
  escalationSubjects,
  evidenceFiles,
  indicators,
  organizations,
  reportEvidence,
  reports,
  users,
} from './schema.ts';

export type EscalationRow = typeof escalations.$inferSelect;
export type NewEscalation = typeof escalations.$inferInsert;
export type DeadlinePolicyRow = typeof deadlinePolicies.$inferSelect;

export async function insertEscalation(db: Db, values: NewEscalation): Promise<EscalationRow> {
  const [row] = await db.insert(escalations).values(values).returning();
  return row!;
}

export async function findEscalation(db: Db, id: string): Promise<EscalationRow | undefined> {
  const [row] = await db.select().from(escalations).where(eq(escalations.id, id));
  return row;
}

export async function lockEscalation(db: Db, id: string): Promise<EscalationRow | undefined> {
  const [row] = await db.select().from(escalations).where(eq(escalations.id, id)).for('update');
  return row;
}

export async function updateEscalation(db: Db, id: string, values: Partial<NewEscalation>): Promise<EscalationRow> {
  const [row] = await db
    .update(escalations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(escalations.id, id))
    .returning();
  return row!;
}

/** The case's escalation to a platform that the platform has not answered yet, if any. */
export async function findUnansweredEscalation(db: Db, caseId: string, platform: string): Promise<EscalationRow | undefined> {
  const [row] = await db
    .select()
    .from(escalations)
    .where(and(eq(escalations.caseId, caseId), eq(escalations.platform, platform), ne(escalations.status, 'actioned')))
    .limit(1);
  return row;
}

export async function insertEscalationSubjects(db: Db, escalationId: string, indicatorIds: readonly string[]): Promise<void> {
  if (indicatorIds.length === 0) return;
  await db.insert(escalationSubjects).values(indicatorIds.map((indicatorId) => ({ escalationId, indicatorId })));
}

export async function insertEscalationEvidence(db: Db, rows: (typeof escalationEvidence.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(escalationEvidence).values(rows).onConflictDoNothing();
}

export interface SubjectRow {
  escalationId: string;
  indicatorId: string;
  indicator: string;
  kind: string;
  display: string;
  verdict: string;
}

export async function listSubjects(db: Db, escalationIds: readonly string[]): Promise<SubjectRow[]> {
  if (escalationIds.length === 0) return [];
  return db
    .select({
      escalationId: escalationSubjects.escalationId,
      indicatorId: indicators.id,
      indicator: indicators.indicator,
      kind: indicators.kind,
      display: indicators.display,
      verdict: indicators.verdict,
    })
    .from(escalationSubjects)
    .innerJoin(indicators, eq(indicators.id, escalationSubjects.indicatorId))
    .where(inArray(escalationSubjects.escalationId, [...escalationIds]))
    .orderBy(asc(indicators.indicator));
}

export interface SharedEvidenceRow {
  sha256: string;
  sourceSha256: string;
  redactions: unknown;
  mediaType: string;
  size: number;
}

export async function listSharedEvidence(db: Db, escalationId: string): Promise<SharedEvidenceRow[]> {
  return db
    .select({
      sha256: escalationEvidence.sha256,
      sourceSha256: escalationEvidence.sourceSha256,
      redactions: escalationEvidence.redactions,
      mediaType: evidenceFiles.mediaType,
      size: evidenceFiles.size,
    })
    .from(escalationEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, escalationEvidence.sha256))
    .where(eq(escalationEvidence.escalationId, escalationId))
    .orderBy(asc(escalationEvidence.sha256));
}

/** The file shared with an escalation under this sha256 (the copy, never the original it came from). */
export async function findSharedFile(db: Db, escalationId: string, sha256: string): Promise<{ mediaType: string } | undefined> {
  const [row] = await db
    .select({ mediaType: evidenceFiles.mediaType })
    .from(escalationEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, escalationEvidence.sha256))
    .where(and(eq(escalationEvidence.escalationId, escalationId), eq(escalationEvidence.sha256, sha256)));
  return row;
}

/** An evidence file attached to one of the case's reports (the only files an escalation may share). */
export async function findCaseEvidence(db: Db, caseId: string, sha256: string): Promise<{ sha256: string; mediaType: string } | undefined> {
  const [row] = await db
    .select({ sha256: evidenceFiles.sha256, mediaType: evidenceFiles.mediaType })
    .from(reportEvidence)
    .innerJoin(reports, eq(reports.id, reportEvidence.reportId))
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, reportEvidence.sha256))
    .where(and(eq(reports.caseId, caseId), eq(reportEvidence.sha256, sha256)))
    .limit(1);
  return row;
}

export async function insertEvidenceFile(db: Db, values: typeof evidenceFiles.$inferInsert): Promise<void> {
  await db.insert(evidenceFiles).values(values).onConflictDoNothing();
}

export async function findPlatformOrganizations(db: Db, platforms: readonly string[]) {
  if (platforms.length === 0) return [];
  return db.select().from(organizations).where(inArray(organizations.platform, [...platforms]));
}

/** Active users of an organization, for e-mail notices (addresses only). */
export async function activeUserEmails(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  return rows.map((r) => r.email);
}

export async function caseReferenceOf(db: Db, caseId: string): Promise<string | undefined> {
  const [row] = await db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, caseId));
  return row?.reference;
}

export interface EscalationFilter {
  organizationId?: string;
  platform?: string;
  caseId?: string;
  statuses?: EscalationRow['status'][];
  dueBefore?: Date;
  dueAfter?: Date;
  /** true: not yet actioned and past due; false: everything else. */
  overdue?: boolean;
  now: Date;
  /** Keyset cursor on (created_at, id), newest first. */
  before?: { createdAt: Date; id: string };
  limit: number;
}

export async function listEscalationRows(db: Db, f: EscalationFilter): Promise<(EscalationRow & { caseReference: string })[]> {
  const where: SQL[] = [];
  if (f.organizationId) where.push(eq(escalations.organizationId, f.organizationId));
  if (f.platform) where.push(eq(escalations.platform, f.platform));
  if (f.caseId) where.push(eq(escalations.caseId, f.caseId));
  if (f.statuses?.length) where.push(inArray(escalations.status, f.statuses));
  if (f.dueBefore) where.push(lt(escalations.dueAt, f.dueBefore));
  if (f.dueAfter) where.push(gt(escalations.dueAt, f.dueAfter));
  if (f.overdue !== undefined) {
    const overdue = and(ne(escalations.status, 'actioned'), lte(escalations.dueAt, f.now))!;
    where.push(f.overdue ? overdue : sql`not (${overdue})`);
  }
  if (f.before) {
    where.push(or(lt(escalations.createdAt, f.before.createdAt), and(eq(escalations.createdAt, f.before.createdAt), lt(escalations.id, f.before.id)))!);
  }
  const rows = await db
    .select({ e: escalations, caseReference: cases.reference })
    .from(escalations)
    .innerJoin(cases, eq(cases.id, escalations.caseId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(escalations.createdAt), desc(escalations.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r.e, caseReference: r.caseReference }));
}

export async function listDeadlinePolicies(db: Db): Promise<DeadlinePolicyRow[]> {
  return db.select().from(deadlinePolicies).orderBy(asc(deadlinePolicies.platform));
}

export async function findDeadlinePolicy(db: Db, platform: string): Promise<DeadlinePolicyRow | undefined> {
  const [row] = await db.select().from(deadlinePolicies).where(eq(deadlinePolicies.platform, platform));
  return row;
}

export async function upsertDeadlinePolicy(db: Db, values: DeadlinePolicyRow): Promise<DeadlinePolicyRow> {
  const [row] = await db
    .insert(deadlinePolicies)
    .values(values)
    .onConflictDoUpdate({ target: deadlinePolicies.platform, set: { hours: values.hours, dueSoonHours: values.dueSoonHours } })
    .returning();
  return row!;
}

/**
 * Claims escalations whose due-soon notice is owed and marks it sent, in one statement:
 * SKIP LOCKED lets several nodes tick at once, and the `is null` condition makes each notice
 * go out once however many ticks see the row.
 */
export async function claimDueSoon(db: Db, now: Date, limit: number): Promise<EscalationRow[]> {
  const due = db
    .select({ id: escalations.id })
    .from(escalations)
    .where(and(ne(escalations.status, 'actioned'), isNull(escalations.dueSoonNotifiedAt), lte(escalations.dueSoonAt, now), gt(escalations.dueAt, now)))
    .orderBy(asc(escalations.dueSoonAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(escalations)
    .set({ dueSoonNotifiedAt: now, updatedAt: now })
    .where(inArray(escalations.id, due))
    .returning();
}

/**
 * Claims escalations past due and unanswered, recording the breach at the deadline itself
 * (not when a tick noticed it), once each.
 */
export async function claimBreached(db: Db, now: Date, limit: number): Promise<EscalationRow[]> {
  const due = db
    .select({ id: escalations.id })
    .from(escalations)
    .where(and(ne(escalations.status, 'actioned'), isNull(escalations.breachedAt), lte(escalations.dueAt, now)))
    .orderBy(asc(escalations.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(escalations)
    .set({ breachedAt: sql`${escalations.dueAt}`, updatedAt: now })
    .where(inArray(escalations.id, due))
    .returning();
}
