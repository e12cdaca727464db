import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './connection.ts';

/**
 * The tables the report intake writes per identifier keep no foreign keys (decision 0012): the
 * application writes each row beside its parents, in one transaction, and never deletes a parent.
 * This check is what the foreign keys would have guaranteed: each child column, and how many
 * rows name a parent that is not there.
 */
const CHILD_COLUMNS = [
  { table: 'indicator_links', column: 'a_id', parent: 'indicators' },
  { table: 'indicator_links', column: 'b_id', parent: 'indicators' },
  { table: 'report_indicators', column: 'report_id', parent: 'reports' },
  { table: 'report_indicators', column: 'indicator_id', parent: 'indicators' },
  { table: 'case_indicators', column: 'case_id', parent: 'cases' },
  { table: 'case_indicators', column: 'indicator_id', parent: 'indicators' },
  { table: 'verdict_changes', column: 'indicator_id', parent: 'indicators' },
  { table: 'indicator_sources', column: 'indicator_id', parent: 'indicators' },
  { table: 'case_events', column: 'case_id', parent: 'cases' },
] as const;

export interface OrphanCount {
  table: string;
  column: string;
  parent: string;
  rows: number;
}

/** Every child column of those tables with its count of rows whose parent is missing (0 in a sound database). */
export async function countOrphanLinks(db: Db): Promise<OrphanCount[]> {
  const counts: OrphanCount[] = [];
  // Fixed names from the list above, never input: safe to write into the statement.
  for (const c of CHILD_COLUMNS) {
    const [row] = await queryRows<{ n: number | string }>(
      db,
      sql.raw(`select count(*) as n from ${c.table} t where not exists (select 1 from ${c.parent} p where p.id = t.${c.column})`),
    );
    counts.push({ ...c, rows: Number(row!.n) });
  }
  return counts;
}
