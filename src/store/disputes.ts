import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { auditLog, disputes, indicators } from './schema.ts';

export type DisputeRow = typeof disputes.$inferSelect;
export type DisputeStatus = DisputeRow['status'];

export async function insertDispute(db: Db, values: { trackingCode: string; indicatorId: string; explanation: string; contactEncrypted: string }): Promise<DisputeRow> {
  const [row] = await db.insert(disputes).values(values).returning();
  return row!;
}

export async function findDisputeByTrackingCode(db: Db, trackingCode: string) {
  const [row] = await db
    .select({ dispute: disputes, indicatorDisplay: indicators.display })
    .from(disputes)
    .innerJoin(indicators, eq(indicators.id, disputes.indicatorId))
    .where(eq(disputes.trackingCode, trackingCode));
  return row;
}

export async function lockDispute(db: Db, id: string): Promise<DisputeRow | undefined> {
  const [row] = await db.select().from(disputes).where(eq(disputes.id, id)).for('update');
  return row;
}

/** The open disputes about one indicator, locked: deciding one settles them all. */
export async function lockOpenDisputesOf(db: Db, indicatorId: string): Promise<DisputeRow[]> {
  return db.select().from(disputes).where(and(eq(disputes.indicatorId, indicatorId), eq(disputes.status, 'open'))).orderBy(asc(disputes.createdAt)).for('update');
}

export async function decideDispute(db: Db, id: string, values: { status: 'upheld' | 'cleared'; decisionReason: string; decidedBy: string | null; decidedAt: Date }): Promise<DisputeRow> {
  const [row] = await db.update(disputes).set(values).where(eq(disputes.id, id)).returning();
  return row!;
}

/** The agency's queue: open disputes first, then oldest first; optionally one status or one identifier kind. */
export async function listDisputeRows(db: Db, filter: { status?: DisputeStatus; kind?: string }, limit: number) {
  const where = and(filter.status ? eq(disputes.status, filter.status) : undefined, filter.kind ? eq(indicators.kind, filter.kind) : undefined);
  return db
    .select({ dispute: disputes, indicator: indicators.indicator, indicatorDisplay: indicators.display, verdict: indicators.verdict, kind: indicators.kind })
    .from(disputes)
    .innerJoin(indicators, eq(indicators.id, disputes.indicatorId))
    .where(where)
    .orderBy(sql`case when ${disputes.status} = 'open' then 0 else 1 end`, asc(disputes.createdAt))
    .limit(limit);
}

export async function findDisputeRow(db: Db, id: string) {
  const [row] = await db
    .select({ dispute: disputes, indicator: indicators.indicator, indicatorDisplay: indicators.display, verdict: indicators.verdict, kind: indicators.kind })
    .from(disputes)
    .innerJoin(indicators, eq(indicators.id, disputes.indicatorId))
    .where(eq(disputes.id, id));
  return row;
}

/** A dispute's audit records (opened, decided), oldest first: they hold the notices sent. */
export async function disputeAuditTrail(db: Db, id: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'dispute'), eq(auditLog.subjectId, id)))
    .orderBy(asc(auditLog.seq));
}
