import { and, asc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../domain/auth/roles.ts';
import type { Db } from './connection.ts';
import { organizations, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type OrganizationRow = typeof organizations.$inferSelect;

export async function insertUser(db: Db, values: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserWithOrganization(
  db: Db,
  id: string,
): Promise<{ user: UserRow; organization: OrganizationRow } | undefined> {
  const [row] = await db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(users.organizationId, organizations.id))
    .where(eq(users.id, id));
  return row;
}

export interface UserFilter {
  organizationId?: string;
  role?: Role;
  /** true: not disabled; false: disabled only. */
  active?: boolean;
}

export async function listUsers(db: Db, filter: UserFilter = {}): Promise<UserRow[]> {
  const conditions: SQL[] = [];
  if (filter.organizationId) conditions.push(eq(users.organizationId, filter.organizationId));
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.active !== undefined) conditions.push(filter.active ? isNull(users.disabledAt) : isNotNull(users.disabledAt));
  return db.select().from(users).where(and(...conditions)).orderBy(asc(users.email));
}

/** The distinct roles held by an organization's users (to check a change of the organization's kind). */
export async function rolesInOrganization(db: Db, organizationId: string): Promise<Role[]> {
  const rows = await db.selectDistinct({ role: users.role }).from(users).where(eq(users.organizationId, organizationId));
  return rows.map((r) => r.role);
}

export async function updateUser(db: Db, id: string, values: Partial<NewUser>): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row;
}

/** Counts a failed sign-in and locks the account once `maxFailures` is reached. */
export async function recordFailedSignIn(db: Db, id: string, maxFailures: number, lockMs: number): Promise<void> {
  await db
    .update(users)
    .set({
      failedSignIns: sql`${users.failedSignIns} + 1`,
      lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${maxFailures}
        then now() + make_interval(secs => ${lockMs / 1000}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id));
}

export async function clearFailedSignIns(db: Db, id: string): Promise<void> {
  await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(and(eq(users.id, id)));
}
