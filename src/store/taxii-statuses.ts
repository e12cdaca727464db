import { eq } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { taxiiStatuses } from './schema.ts';

export type TaxiiStatusRow = typeof taxiiStatuses.$inferSelect;

export async function insertTaxiiStatus(db: Db, values: typeof taxiiStatuses.$inferInsert): Promise<TaxiiStatusRow> {
  const [row] = await db.insert(taxiiStatuses).values(values).returning();
  return row!;
}

export async function findTaxiiStatus(db: Db, id: string): Promise<TaxiiStatusRow | undefined> {
  const [row] = await db.select().from(taxiiStatuses).where(eq(taxiiStatuses.id, id));
  return row;
}
