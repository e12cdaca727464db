import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { cases, organizations, users } from './schema.ts';

/** Case states where the case no longer needs its assignee's work. */
export const FINISHED_CASE_STATES = ['closed', 'rejected', 'merged'] as const;

export interface AssigneeRow {
  id: string;
  name: string;
  role: string;
  openCaseCount: number;
}

/** Active users of agency organizations holding one of `roles`, each with the cases assigned to them that are not finished. */
export async function listAssignees(db: Db, roles: readonly string[]): Promise<AssigneeRow[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      openCaseCount: sql<number | string>`count(${cases.id})`,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(cases, and(eq(cases.assigneeUserId, users.id), notInArray(cases.status, [...FINISHED_CASE_STATES])))
    .where(and(eq(organizations.kind, 'agency'), isNull(users.disabledAt), inArray(users.role, [...roles] as never[])))
    .groupBy(users.id, users.name, users.role)
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => ({ ...r, openCaseCount: Number(r.openCaseCount) }));
}
