import { eq, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { sightings, type SightingType } from './schema.ts';

export type SightingRow = typeof sightings.$inferSelect;

export async function insertSighting(db: Db, values: typeof sightings.$inferInsert): Promise<SightingRow> {
  const [row] = await db.insert(sightings).values(values).returning();
  return row!;
}

/** Total counts per sighting type for one indicator, and how many organizations reported them. */
export async function sightingCounts(db: Db, indicatorId: string): Promise<Record<SightingType, { count: number; organizations: number }>> {
  const rows = await db
    .select({
      type: sightings.type,
      count: sql<string>`sum(${sightings.count})`,
      organizations: sql<string>`count(distinct ${sightings.organizationId})`,
    })
    .from(sightings)
    .where(eq(sightings.indicatorId, indicatorId))
    .groupBy(sightings.type);
  const result = { seen: { count: 0, organizations: 0 }, false_positive: { count: 0, organizations: 0 }, gone: { count: 0, organizations: 0 } };
  for (const r of rows) result[r.type] = { count: Number(r.count), organizations: Number(r.organizations) };
  return result;
}
