import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { indicatorReviews, type ReviewReason } from './schema.ts';

export type ReviewRow = typeof indicatorReviews.$inferSelect;

/**
 * Opens a review unless one is already open for the same indicator and reason (then returns
 * that one): repeated false-positive sightings add to one review instead of flooding the queue.
 */
export async function openReview(
  db: Db,
  values: { indicator: string; indicatorId: string | null; reason: ReviewReason; detail?: unknown },
): Promise<{ review: ReviewRow; created: boolean }> {
  const [created] = await db
    .insert(indicatorReviews)
    .values({ ...values, detail: (values.detail ?? null) as object })
    .onConflictDoNothing()
    .returning();
  if (created) return { review: created, created: true };
  const [existing] = await db
    .select()
    .from(indicatorReviews)
    .where(and(eq(indicatorReviews.indicator, values.indicator), eq(indicatorReviews.reason, values.reason), eq(indicatorReviews.status, 'open')));
  return { review: existing!, created: false };
}

export async function listReviews(db: Db, status: 'open' | 'closed', limit: number): Promise<ReviewRow[]> {
  return db.select().from(indicatorReviews).where(eq(indicatorReviews.status, status)).orderBy(asc(indicatorReviews.createdAt)).limit(limit);
}

export async function findReview(db: Db, id: string): Promise<ReviewRow | undefined> {
  const [row] = await db.select().from(indicatorReviews).where(eq(indicatorReviews.id, id));
  return row;
}

export async function closeReview(db: Db, id: string, values: { outcome: string; closedBy: string | null }): Promise<ReviewRow> {
  const [row] = await db
    .update(indicatorReviews)
    .set({ status: 'closed', outcome: values.outcome, closedBy: values.closedBy, closedAt: new Date() })
    .where(eq(indicatorReviews.id, id))
    .returning();
  return row!;
}
