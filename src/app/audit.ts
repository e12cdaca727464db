import { auditHash } from '../domain/audit/chain.ts';
import { GENESIS_HASH } from '../domain/audit/chain.ts';
import type { ActionFilter } from '../domain/audit/action-filter.ts';
import { readAuditBatch, readChainHead, type AuditRow } from '../store/audit-log.ts';
import { findAuditRecord, searchAudit } from '../store/audit-search.ts';
import type { Db } from '../store/connection.ts';
import { findUserByEmail } from '../store/users.ts';
import { notFound } from './errors.ts';

export type AuditVerification =
  | { ok: true; records: number; headHash: string }
  | { ok: false; records: number; seq: number; reason: string };

/**
 * Walks the whole chain: every record must follow the previous one without a gap, point at its
 * hash, and hash to what it says; the head must match the last record (so truncation shows).
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const batch = await readAuditBatch(db, expectedSeq - 1, batchSize);
    for (const row of batch) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, records: expectedSeq - 1, seq: expectedSeq, reason: `record ${expectedSeq} is missing` };
      if (row.prevHash !== prevHash) return { ok: false, records: seq - 1, seq, reason: 'it does not point at the previous record' };
      const recomputed = auditHash({ ...row, seq });
      if (recomputed !== row.hash) return { ok: false, records: seq - 1, seq, reason: 'its content does not match its hash' };
      prevHash = row.hash;
      expectedSeq++;
    }
    if (batch.length < batchSize) break;
  }
  const head = await readChainHead(db);
  const records = expectedSeq - 1;
  if (head.seq !== records || head.hash !== prevHash) {
    return { ok: false, records, seq: head.seq, reason: `the chain head names record ${head.seq}, the log ends at ${records}` };
  }
  return { ok: true, records, headHash: prevHash };
}

export interface AuditRecordView {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  organizationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
}

function view(r: AuditRow): AuditRecordView {
  return {
    seq: Number(r.seq),
    at: r.at.toISOString(),
    actorType: r.actorType,
    actorId: r.actorId,
    organizationId: r.organizationId,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
    hash: r.hash,
  };
}

export interface AuditFilter {
  action?: ActionFilter;
  subjectType?: string;
  subjectId?: string;
  /** An actor id as recorded (user id, API key id, system label), or a user's email address. */
  actor?: string;
  organizationId?: string;
  from?: Date;
  to?: Date;
}

/** Newest first, filtered; `cursor` is the number of the last record of the previous page. */
export async function listAuditRecords(db: Db, cursor: number | null, limit: number, filter: AuditFilter = {}): Promise<{ items: AuditRecordView[]; nextCursor: string | null }> {
  let actorId = filter.actor;
  if (actorId?.includes('@')) {
    const user = await findUserByEmail(db, actorId.trim().toLowerCase());
    if (!user) return { items: [], nextCursor: null };
    actorId = user.id;
  }
  const rows = await searchAudit(db, { ...filter, actorId, ...(cursor === null ? {} : { beforeSeq: cursor }) }, limit + 1);
  const items = rows.slice(0, limit).map(view);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? String(last.seq) : null };
}

/** One record with the hash it points back at, to check a link of the chain by hand. */
export async function getAuditRecord(db: Db, seq: number): Promise<AuditRecordView & { prevHash: string }> {
  const row = await findAuditRecord(db, seq);
  if (!row) throw notFound(`Audit record ${seq}`);
  return { ...view(row), prevHash: row.prevHash };
}
