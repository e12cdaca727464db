import { sql } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { executeText, holdWrite, queryRows, type Db } from './connection.ts';

/**
 * Many rows in one INSERT whose values travel as a single JSON parameter
 * (`json_to_recordset`), for the batched report intake. Drizzle's multi-row `values()` builds
 * one SQL chunk and one parameter per cell, which cost more CPU than the database spent on the
 * rows (a third of the intake's Node time in a profile); no library does this, hence by hand.
 *
 * The rows are serialized as they are (one `JSON.stringify`, no copy per row): the record type
 * names the schema's property names (camelCase) and the statement maps them to the column names.
 * Keys that are not columns of the table are ignored; columns absent from every row are left to
 * their defaults, and a column given in some rows only is null in the others. `suffix` is
 * appended as is (a constant ON CONFLICT clause, never values). Returns the inserted (or
 * updated) rows mapped back to the schema's property names and types.
 */
export async function insertJsonRows<T extends PgTable>(db: Db, table: T, rows: readonly Partial<T['$inferInsert']>[], suffix = ''): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return [];
  const { head, tail, payload } = insertStatement(table, rows, `${suffix} returning *`);
  const returned = await queryRows<Record<string, unknown>>(db, sql`${sql.raw(head)}${payload}${sql.raw(tail)}`);
  const byKey = tableShape(table).byKey;
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
  const { text, payload } = insertStatement(table, rows, `returning "${column}"`);
  return (await executeText(db, text, [payload])).map((r) => r[column]);
}

/**
 * The same insert without `RETURNING`, for callers that do not need the rows back: the database
 * does not send them and nothing parses them, and the statement goes to the driver directly
 * (`executeText`). Most inserts at intake are write-only. Inside `holdWrites` the insert is held
 * and sent later together with the others (see there).
 */
export async function writeJsonRows<T extends PgTable>(db: Db, table: T, rows: readonly Partial<T['$inferInsert']>[], suffix = ''): Promise<void> {
  if (rows.length === 0) return;
  const { head, tail, text, payload } = insertStatement(table, rows, suffix);
  if (await holdWrite(db, { table: tableShape(table).name, head, tail, payload })) return;
  await executeText(db, text, [payload]);
}

/**
 * The same write-only insert, and `statement` after it in the same round trip: `with w as (insert …)
 * <statement>`, the rows as `$1` and `params` as `$2`… . The statement sees the snapshot taken
 * before the insert, not its rows: for one that does not read the table written (the audit chain's
 * head update, which so costs one round trip less while the head is locked).
 */
export async function writeJsonRowsThen<T extends PgTable>(db: Db, table: T, rows: readonly Partial<T['$inferInsert']>[], statement: string, params: unknown[]): Promise<void> {
  if (rows.length === 0) throw new Error('writeJsonRowsThen: no rows to write');
  const { head, tail, payload } = insertStatement(table, rows, '');
  await executeText(db, `with w as (${head}$1${tail}) ${statement}`, [payload, ...params]);
}

interface TableShape {
  name: string;
  byKey: Map<string, PgColumn>;
  /** Properties of the timestamp and date columns. */
  dateKeys: string[];
  /** Statement texts around the parameter, per set of columns present (key: property names joined). */
  texts: Map<string, { head: string; tail: string; text: string }>;
}

const shapes = new WeakMap<PgTable, TableShape>();

function tableShape(table: PgTable): TableShape {
  let shape = shapes.get(table);
  if (!shape) {
    const byKey = new Map(Object.entries(table as unknown as Record<string, unknown>).filter((e): e is [string, PgColumn] => isColumn(e[1])));
    const dateKeys = [...byKey].filter(([, c]) => c.dataType === 'date').map(([key]) => key);
    shape = { name: getTableConfig(table).name, byKey, dateKeys, texts: new Map() };
    shapes.set(table, shape);
  }
  return shape;
}

/**
 * `insert into t ("a_id", …) select "aId", … from json_to_recordset($1::json) as x("aId" uuid, …) <suffix>`.
 * The statement text is built once per table, set of columns and suffix; `json` rather than
 * `jsonb`, which PostgreSQL would first convert to its binary form (a quarter slower to read).
 */
function insertStatement<T extends PgTable>(table: T, rows: readonly Partial<T['$inferInsert']>[], suffix: string) {
  const shape = tableShape(table);
  const isoStrings = new Map<number, string>();
  const present = new Set<string>();
  for (const row of rows) {
    for (const key in row) if ((row as Record<string, unknown>)[key] !== undefined && shape.byKey.has(key)) present.add(key);
  }
  const cacheKey = `${[...present].sort().join(',')}|${suffix}`;
  let text = shape.texts.get(cacheKey);
  if (!text) {
    // Column order follows the schema.
    const used = [...shape.byKey].filter(([key]) => present.has(key));
    const names = used.map(([, c]) => `"${c.name}"`).join(', ');
    const keys = used.map(([key]) => `"${key}"`).join(', ');
    const types = used.map(([key, c]) => `"${key}" ${c.getSQLType()}`).join(', ');
    const head = `insert into "${shape.name}" (${names}) select ${keys} from json_to_recordset(`;
    const tail = `::json) as x(${types}) ${suffix}`;
    text = { head, tail, text: `${head}$1${tail}` };
    shape.texts.set(cacheKey, text);
  }
  return { ...text, payload: JSON.stringify(shape.dateKeys.length === 0 ? rows : rows.map((row) => withIsoDates(row as Record<string, unknown>, shape.dateKeys, isoStrings))) };
}

/**
 * A copy of the row with its Dates as the ISO strings `JSON.stringify` would write. Stringified
 * as Date objects they take V8 off its fast path (a `toJSON` call per Date): rows of the intake
 * took ~4 µs each instead of ~1 µs. `Date.prototype.toISOString` is itself slow, and most Dates
 * of a batch are the same instant (its `now`), so each instant is formatted once per statement.
 */
function withIsoDates(row: Record<string, unknown>, dateKeys: readonly string[], iso: Map<number, string>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const key of dateKeys) {
    const value = row[key];
    if (!(value instanceof Date)) continue;
    const time = value.getTime();
    copy ??= { ...row };
    if (Number.isNaN(time)) {
      // An invalid Date is written as null, as JSON.stringify does.
      copy[key] = null;
      continue;
    }
    let text = iso.get(time);
    if (text === undefined) iso.set(time, (text = value.toISOString()));
    copy[key] = text;
  }
  return copy ?? row;
}

function isColumn(value: unknown): value is PgColumn {
  return typeof value === 'object' && value !== null && 'columnType' in value && 'name' in value && typeof (value as PgColumn).getSQLType === 'function';
}
