import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { CaseState } from '../domain/cases/state-machine.ts';
import { queryRows, type Db } from './connection.ts';
import type { CaseRow } from './cases.ts';
import { cases, escalations } from './schema.ts';

export const CASE_SORTS = ['updated', 'created', 'priority', 'risk', 'amount', 'reports'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Each sort's column and direction; ties break on id in the same direction, so pages never overlap. */
const SORT_COLUMNS = {
  updated: { column: cases.updatedAt, direction: 'desc' },
  created: { column: cases.createdAt, direction: 'desc' },
  // 1 is the most urgent.
  priority: { column: cases.priority, direction: 'asc' },
  // The highest risk score of the case's reports: the riskiest first.
  risk: { column: cases.riskScore, direction: 'desc' },
  amount: { column: cases.amountLostVnd, direction: 'desc' },
  reports: { column: cases.reportCount, direction: 'desc' },
} as const;

export interface CaseQueueFilter {
  statuses?: readonly CaseState[];
  category?: string;
  priority?: number;
  /** Only cases whose risk score is at least this. */
  minRisk?: number;
  /** Only cases flagged (true) or not flagged (false) for coordinated reporting. */
  coordinated?: boolean;
  /** A user id, or null for unassigned cases. */
  assigneeUserId?: string | null;
  /** Only cases with an escalation not yet actioned that is due soon or overdue. */
  escalationDue?: boolean;
  now: Date;
}

export type SortValue = string | number;

function conditions(f: CaseQueueFilter, withStatus: boolean): SQL[] {
  const where: SQL[] = [];
  if (withStatus && f.statuses?.length) where.push(inArray(cases.status, [...f.statuses]));
  if (f.category) where.push(eq(cases.category, f.category));
  if (f.priority !== undefined) where.push(eq(cases.priority, f.priority));
  if (f.minRisk !== undefined) where.push(gte(cases.riskScore, f.minRisk));
  if (f.coordinated !== undefined) where.push(f.coordinated ? isNotNull(cases.coordination) : isNull(cases.coordination));
  if (f.assigneeUserId === null) where.push(isNull(cases.assigneeUserId));
  else if (f.assigneeUserId !== undefined) where.push(eq(cases.assigneeUserId, f.assigneeUserId));
  if (f.escalationDue !== undefined) {
    const due = sql`exists (select 1 from ${escalations} e where e.case_id = ${cases.id} and e.status <> 'actioned' and e.due_soon_at <= ${f.now.toISOString()})`;
    where.push(f.escalationDue ? due : sql`not ${due}`);
  }
  return where;
}

/** The sort column's value of a row, as the cursor carries it. */
export function sortValueOf(row: CaseRow, sort: CaseSort): SortValue {
  switch (sort) {
    case 'updated':
      return row.updatedAt.toISOString();
    case 'created':
      return row.createdAt.toISOString();
    case 'priority':
      return row.priority;
    case 'risk':
      return row.riskScore;
    case 'amount':
      return row.amountLostVnd;
    case 'reports':
      return row.reportCount;
  }
}

export async function listCaseRows(
  db: Db,
  filter: CaseQueueFilter,
  sort: CaseSort,
  after: { value: SortValue; id: string } | undefined,
  limit: number,
): Promise<CaseRow[]> {
  const { column, direction } = SORT_COLUMNS[sort];
  const where = conditions(filter, true);
  if (after) {
    const value = sort === 'updated' || sort === 'created' ? new Date(after.value) : after.value;
    const beyond = direction === 'desc' ? lt : gt;
    where.push(or(beyond(column, value as never), and(eq(column, value as never), beyond(cases.id, after.id)))!);
  }
  const order = direction === 'desc' ? [desc(column), desc(cases.id)] : [asc(column), asc(cases.id)];
  const rows = await db
    .select()
    .from(cases)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...order)
    .limit(limit);
  return rows.map((r) => ({ ...r, amountLostVnd: Number(r.amountLostVnd), lastEventSeq: Number(r.lastEventSeq) }));
}

/** Counts per status under the same filters except status, for the queue's tabs. */
export async function countCasesByStatus(db: Db, filter: CaseQueueFilter): Promise<Partial<Record<CaseState, number>>> {
  const where = conditions(filter, false);
  const rows = await queryRows<{ status: CaseState; n: number | string }>(
    db,
    sql`select ${cases.status} as status, count(*) as n from ${cases} ${where.length ? sql`where ${and(...where)}` : sql``} group by ${cases.status}`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
