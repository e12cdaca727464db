import { and, asc, eq, isNull } from 'drizzle-orm';
import { anyOf } from './any-of.ts';
import type { Db } from './connection.ts';
import { legitimateIdentifiers } from './schema.ts';

export type LegitimateRow = typeof legitimateIdentifiers.$inferSelect;

export async function insertLegitimate(db: Db, values: typeof legitimateIdentifiers.$inferInsert): Promise<LegitimateRow> {
  const [row] = await db.insert(legitimateIdentifiers).values(values).returning();
  return row!;
}

export async function findActiveLegitimate(db: Db, indicator: string): Promise<LegitimateRow | undefined> {
  const [row] = await db
    .select()
    .from(legitimateIdentifiers)
    .where(and(eq(legitimateIdentifiers.indicator, indicator), isNull(legitimateIdentifiers.removedAt)));
  return row;
}

export async function findLegitimateById(db: Db, id: string): Promise<LegitimateRow | undefined> {
  const [row] = await db.select().from(legitimateIdentifiers).where(eq(legitimateIdentifiers.id, id));
  return row;
}

export async function listActiveLegitimate(db: Db): Promise<LegitimateRow[]> {
  return db.select().from(legitimateIdentifiers).where(isNull(legitimateIdentifiers.removedAt)).orderBy(asc(legitimateIdentifiers.ownerName), asc(legitimateIdentifiers.indicator));
}

export async function markLegitimateRemoved(db: Db, id: string): Promise<LegitimateRow> {
  const [row] = await db.update(legitimateIdentifiers).set({ removedAt: new Date() }).where(eq(legitimateIdentifiers.id, id)).returning();
  return row!;
}

/** The canonical strings among `values` that are active verified-legitimate entries, with their rows. */
export async function findActiveLegitimateMany(db: Db, values: readonly string[]): Promise<Map<string, LegitimateRow>> {
  if (values.length === 0) return new Map();
  const rows = await db
    .select()
    .from(legitimateIdentifiers)
    .where(and(anyOf(legitimateIdentifiers.indicator, values), isNull(legitimateIdentifiers.removedAt)));
  return new Map(rows.map((r) => [r.indicator, r]));
}
