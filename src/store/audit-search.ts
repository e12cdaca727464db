import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { ActionFilter } from '../domain/audit/action-filter.ts';
import type { AuditRow } from './audit-log.ts';
import type { Db } from './connection.ts';
import { auditLog } from './schema.ts';

export interface AuditSearch {
  action?: ActionFilter;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  organizationId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** The cursor: records older than this number. */
  beforeSeq?: number;
}

/** `like` needs its wildcards escaped so an action name matches only itself as a prefix. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Newest first through the primary key, filtered. There is no index per filter column (the log
 * is written on the intake path, and every index costs each report), so a rare filter over a long
 * log walks back through it; the limit bounds what one page returns, not what it reads.
 */
export async function searchAudit(db: Db, search: AuditSearch, limit: number): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (search.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, search.beforeSeq));
  if (search.action) conditions.push('exact' in search.action ? eq(auditLog.action, search.action.exact) : like(auditLog.action, `${escapeLike(search.action.prefix)}%`));
  if (search.subjectType) conditions.push(eq(auditLog.subjectType, search.subjectType));
  if (search.subjectId) conditions.push(eq(auditLog.subjectId, search.subjectId));
  if (search.actorId) conditions.push(eq(auditLog.actorId, search.actorId));
  if (search.organizationId) conditions.push(eq(auditLog.organizationId, search.organizationId));
  if (search.from) conditions.push(gte(auditLog.at, search.from));
  if (search.to) conditions.push(lt(auditLog.at, search.to));
  return db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.seq)).limit(limit);
}

export async function findAuditRecord(db: Db, seq: number): Promise<AuditRow | undefined> {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.seq, seq));
  return row;
}
