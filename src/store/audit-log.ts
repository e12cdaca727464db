import { asc, eq, gt, desc, lt } from 'drizzle-orm';
import { auditHash, toJsonValue, type ActorType, type AuditFields } from '../domain/audit/chain.ts';
import type { Db } from './connection.ts';
import { auditChainHead, auditLog } from './schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditEntry {
  actorType: ActorType;
  actorId?: string | null;
  organizationId?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/**
 * Appends one record to the hash chain. Locks the chain head row, so concurrent writers
 * queue here and the chain stays linear; call it inside the transaction of the change it
 * records, so both commit or neither does.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<AuditRow> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
    if (!head) throw new Error('audit_chain_head is missing: the database was not migrated');
    const fields: AuditFields = {
      seq: Number(head.seq) + 1,
      at: new Date(),
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      organizationId: entry.organizationId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
      requestId: entry.requestId ?? null,
      prevHash: head.hash,
    };
    const hash = auditHash(fields);
    const [row] = await tx.insert(auditLog).values({ ...fields, hash }).returning();
    await tx.update(auditChainHead).set({ seq: fields.seq, hash }).where(eq(auditChainHead.id, 1));
    return row!;
  });
}

export async function readAuditBatch(db: Db, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}

/** Newest first, for the audit view; `beforeSeq` is the cursor. */
export async function listAudit(db: Db, beforeSeq: number | null, limit: number): Promise<AuditRow[]> {
  const q = db.select().from(auditLog);
  return (beforeSeq === null ? q : q.where(lt(auditLog.seq, beforeSeq))).orderBy(desc(auditLog.seq)).limit(limit);
}

export async function readChainHead(db: Db): Promise<{ seq: number; hash: string }> {
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  if (!head) throw new Error('audit_chain_head is missing: the database was not migrated');
  return { seq: Number(head.seq), hash: head.hash };
}
