import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from './connection.ts';

/**
 * Many rows in one INSERT whose values travel as a single JSON parameter
 * (`jsonb_to_recordset`), for the batched report intake. Drizzle's multi-row `values()` builds
 * one SQL chunk and one parameter per cell, which cost more CPU than the database spent on the
 * rows (a third of the intake's Node time in a profile); no library does this, hence by hand.
 *
 * `rows` use the schema's property names (camelCase); columns absent from every row are left
 * to their defaults. `suffix` is appended as is (an ON CONFLICT clause). Returns the inserted (or
 * updated) rows mapped back to the schema's property names and types.
 */
export async function insertJsonRows<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  suffix: SQL = sql``,
): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return [];
  const returned = await queryRows<Record<string, unknown>>(db, sql`${insertStatement(table, rows)} ${suffix} returning *`);
  const byKey = columnsByKey(table);
  return returned.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of byKey) {
      const raw = r[column.name];
      out[key] = raw === null || raw === undefined ? null : column.mapFromDriverValue(raw);
    }
    return out as T['$inferSelect'];
  });
}

/**
 * The same insert returning one column only, as the driver gives it (the generated ids, say):
 * the rest of each row is neither sent back nor parsed.
 */
export async function insertJsonRowsReturning<T extends PgTable>(db: Db, table: T, rows: readonly Partial<T['$inferInsert']>[], column: string): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const returned = await queryRows<Record<string, unknown>>(db, sql`${insertStatement(table, rows)} returning ${sql.identifier(column)}`);
  return returned.map((r) => r[column]);
}

/**
 * The same insert without `RETURNING`, for callers that do not need the rows back: the database
 * does not send them and nothing parses them (measurable at intake, where most inserts are
 * write-only).
 */
export async function writeJsonRows<T extends PgTable>(db: Db, table: T, rows: readonly Partial<T['$inferInsert']>[], suffix: SQL = sql``): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`${insertStatement(table, rows)} ${suffix}`);
}

/** `insert into t (cols) select cols from jsonb_to_recordset($1)`: the rows as one JSON parameter. */
function insertStatement<T extends PgTable>(table: T, rows: readonly Partial<T['$inferInsert']>[]): SQL {
  const { name } = getTableConfig(table);
  const byKey = columnsByKey(table);
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if ((row as Record<string, unknown>)[key] !== undefined) present.add(key);
  const used = [...byKey].filter(([key]) => present.has(key));
  const payload = JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of used) {
        const value = (row as Record<string, unknown>)[key];
        out[column.name] = value === undefined ? null : value;
      }
      return out;
    }),
  );
  const names = sql.raw(used.map(([, c]) => `"${c.name}"`).join(', '));
  const types = sql.raw(used.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  return sql`insert into ${sql.raw(`"${name}"`)} (${names}) select ${names} from jsonb_to_recordset(${payload}::jsonb) as x(${types})`;
}

const keyCache = new WeakMap<PgTable, Map<string, PgColumn>>();

function columnsByKey(table: PgTable): Map<string, PgColumn> {
  let map = keyCache.get(table);
  if (!map) {
    map = new Map(Object.entries(table as unknown as Record<string, unknown>).filter((e): e is [string, PgColumn] => isColumn(e[1])));
    keyCache.set(table, map);
  }
  return map;
}

function isColumn(value: unknown): value is PgColumn {
  return typeof value === 'object' && value !== null && 'columnType' in value && 'name' in value && typeof (value as PgColumn).getSQLType === 'function';
}
