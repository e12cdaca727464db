import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { savedViews, users } from './schema.ts';

export type SavedViewRow = typeof savedViews.$inferSelect;
export type NewSavedView = typeof savedViews.$inferInsert;

/** A view with its owner's name, as the queue lists it. */
export type SavedViewWithOwner = SavedViewRow & { ownerName: string };

const withOwner = { view: savedViews, ownerName: users.name };

/** The user's own views and the views shared within their organization, by name. */
export async function listVisibleSavedViews(db: Db, userId: string, organizationId: string): Promise<SavedViewWithOwner[]> {
  const rows = await db
    .select(withOwner)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerUserId))
    .where(or(eq(savedViews.ownerUserId, userId), and(eq(savedViews.shared, true), eq(savedViews.organizationId, organizationId))))
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return rows.map((r) => ({ ...r.view, ownerName: r.ownerName }));
}

/** One view, locked for the rest of the transaction. */
export async function lockSavedView(db: Db, id: string): Promise<SavedViewWithOwner | undefined> {
  const [row] = await db.select(withOwner).from(savedViews).innerJoin(users, eq(users.id, savedViews.ownerUserId)).where(eq(savedViews.id, id)).for('update', { of: savedViews });
  return row ? { ...row.view, ownerName: row.ownerName } : undefined;
}

export async function findSavedViewByName(db: Db, ownerUserId: string, name: string): Promise<SavedViewRow | undefined> {
  const [row] = await db.select().from(savedViews).where(and(eq(savedViews.ownerUserId, ownerUserId), eq(savedViews.name, name)));
  return row;
}

export async function countSavedViewsOf(db: Db, ownerUserId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number | string>`count(*)` }).from(savedViews).where(eq(savedViews.ownerUserId, ownerUserId));
  return Number(row?.n ?? 0);
}

export async function insertSavedView(db: Db, values: NewSavedView): Promise<SavedViewRow> {
  const [row] = await db.insert(savedViews).values(values).returning();
  return row!;
}

export async function updateSavedView(db: Db, id: string, values: Partial<Pick<NewSavedView, 'name' | 'shared' | 'filters'>>): Promise<SavedViewRow> {
  const [row] = await db.update(savedViews).set({ ...values, updatedAt: new Date() }).where(eq(savedViews.id, id)).returning();
  return row!;
}

export async function deleteSavedView(db: Db, id: string): Promise<void> {
  await db.delete(savedViews).where(eq(savedViews.id, id));
}
