import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { queryRows } from './connection.ts';
import { fraudCategories } from './schema.ts';

export type FraudCategoryRow = typeof fraudCategories.$inferSelect;
export type FraudCategoryChange = Partial<Pick<FraudCategoryRow, 'nameVi' | 'nameEn' | 'descriptionVi' | 'descriptionEn' | 'active' | 'position'>>;

export async function listFraudCategoryRows(db: Db): Promise<FraudCategoryRow[]> {
  return db.select().from(fraudCategories).orderBy(asc(fraudCategories.position), asc(fraudCategories.code));
}

/** The row locked for update, so two administrators' edits of one category queue. */
export async function lockFraudCategory(db: Db, code: string): Promise<FraudCategoryRow | undefined> {
  const [row] = await db.select().from(fraudCategories).where(eq(fraudCategories.code, code)).for('update');
  return row;
}

export async function insertFraudCategory(db: Db, row: Omit<FraudCategoryRow, 'updatedAt'>): Promise<FraudCategoryRow> {
  const [inserted] = await db.insert(fraudCategories).values(row).onConflictDoNothing().returning();
  return inserted ?? (await lockFraudCategory(db, row.code))!;
}

export async function updateFraudCategory(db: Db, code: string, change: FraudCategoryChange, updatedBy: string | null): Promise<FraudCategoryRow> {
  const [row] = await db.update(fraudCategories).set({ ...change, updatedBy, updatedAt: new Date() }).where(eq(fraudCategories.code, code)).returning();
  return row!;
}

export interface CategoryUsage {
  code: string;
  reports: number;
  cases: number;
  indicators: number;
}

/**
 * How many reports, cases and indicators name each category: three grouped counts in one
 * statement (a full pass over each table; fine for an administration screen, not for a hot path).
 */
export async function countCategoryUsage(db: Db): Promise<CategoryUsage[]> {
  const rows = await queryRows<{ code: string; reports: number | string; cases: number | string; indicators: number | string }>(
    db,
    sql`with r as (select category as code, count(*) as n from reports group by category),
             c as (select category as code, count(*) as n from cases group by category),
             i as (select t.code, count(*) as n from indicators, unnest(fraud_types) as t(code) group by t.code),
             codes as (select code from r union select code from c union select code from i)
        select codes.code, coalesce(r.n, 0) as reports, coalesce(c.n, 0) as cases, coalesce(i.n, 0) as indicators
          from codes left join r using (code) left join c using (code) left join i using (code)`,
  );
  // pg returns bigint counts as strings, PGlite as numbers.
  return rows.map((r) => ({ code: r.code, reports: Number(r.reports), cases: Number(r.cases), indicators: Number(r.indicators) }));
}
