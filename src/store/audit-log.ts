import { asc, eq, gt, desc, lt } from 'drizzle-orm';
import { auditHash, type ActorType, type AuditFields } from '../domain/audit/chain.ts';
import { writeJsonRowsThen } from './bulk-insert.ts';
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
  const [row] = await appendAuditRecords(db, [entry]);
  return row!;
}

/**
 * Appends several records in order with one head lock and one insert (the batched report
 * intake writes a few per report). The head stays locked until the caller's transaction ends,
 * so call this as late in the transaction as the order of records allows.
 */
export async function appendAuditRecords(db: Db, entries: readonly AuditEntry[]): Promise<AuditRow[]> {
  if (entries.length === 0) return [];
  return db.transaction((tx) => appendAuditRecordsInTransaction(tx, entries));
}

/**
 * The same, for a caller that already holds a transaction (the batched intake): without the
 * savepoint that a nested `db.transaction` would cost (two more round trips per batch).
 */
export async function appendAuditRecordsInTransaction(tx: Db, entries: readonly AuditEntry[]): Promise<AuditRow[]> {
  if (entries.length === 0) return [];
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  if (!head) throw new Error('audit_chain_head is missing: the database was not migrated');
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const at = new Date();
  const rows = entries.map((entry) => {
    const fields: AuditFields = {
      seq: ++seq,
      at,
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      organizationId: entry.organizationId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      // As given: the hash is the one of their JSON (auditHash), which is what jsonb keeps.
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId ?? null,
      prevHash,
    };
    prevHash = auditHash(fields);
    return { ...fields, hash: prevHash };
  });
  // Every column is built here (seq, time, hashes), so the rows are not read back; the head moves
  // in the same statement (one round trip less while it is locked).
  await writeJsonRowsThen(tx, auditLog, rows, 'update audit_chain_head set seq = $2, hash = $3 where id = 1', [seq, prevHash]);
  return rows;
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
