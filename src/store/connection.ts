import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

export type Schema = typeof schema;
/** A database handle or a transaction: every store function accepts either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Human-readable location, for logs (never includes a password). */
  location: string;
  close(): Promise<void>;
}

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; `memory://` style in-memory when null. */
  dataDir?: string | null;
  /** What this process is, recorded in the data-directory lock (e.g. "server", "cli migrate"). */
  purpose?: string;
  poolSize?: number;
  /** For an in-memory PGlite: start from this dumped data directory (tests use a migrated template). */
  template?: Blob;
}

/** Opens the database (without migrating). Holds the data-directory lock for PGlite on disk. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle pooled connection that the server closes (restart, failover, a dropped test
    // database) emits 'error' on the pool; unhandled, that would crash the process. The pool
    // replaces the connection on the next query, so it is only worth a line on stderr.
    pool.on('error', (error) => {
      process.stderr.write(`canhgiac: an idle PostgreSQL connection failed and will be replaced: ${error.message}\n`);
    });
    // Fail fast with the server's own message (wrong host, unknown database, …).
    const client = await pool.connect();
    client.release();
    const url = new URL(options.databaseUrl);
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      driver: 'postgres',
      location: `postgresql://${url.host}${url.pathname}`,
      close: () => pool.end(),
    };
  }

  let lock: DataDirLock | undefined;
  let dataPath: string | undefined;
  if (options.dataDir) {
    lock = lockDataDir(options.dataDir, options.purpose ?? 'canhgiac');
    dataPath = path.join(options.dataDir, 'pgdata');
  }
  try {
    const client = await PGlite.create(
      dataPath
        ? { dataDir: dataPath, extensions: { pg_trgm } }
        : { extensions: { pg_trgm }, ...(options.template ? { loadDataDir: options.template } : {}) },
    );
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      driver: 'pglite',
      location: dataPath ?? 'in-memory PGlite',
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * Applies the committed SQL migrations. On PostgreSQL several nodes may start at once, so
 * the run is serialised with an advisory lock.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === 'postgres') {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7262251)`);
      await migratePg(tx as never, { migrationsFolder: MIGRATIONS });
    });
  } else {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS });
  }
}

export { schema };

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. Held writes go first (see holdWrites). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  await sendHeldWrites(db);
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The driver underneath a Drizzle handle or transaction: node-postgres' Pool or PoolClient, or PGlite or its transaction. */
interface DriverClient {
  query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs a statement on the driver directly, past Drizzle, for write-only statements on the hot
 * intake path. Through Drizzle, each PGlite query carries Drizzle's own result parsers, and
 * PGlite merges them into its parser table for every query: that doubled the cost of a small
 * insert (~250 instead of ~125 µs of CPU, measured), the main thread's time with PGlite; on
 * node-postgres Drizzle adds ~15 µs. Inside `db.transaction` the handle's session holds the
 * transaction's own connection, so the statement runs in that transaction. Rows come back as
 * the driver parses them, not mapped by the schema (an int8 id is a string on node-postgres and a
 * number on PGlite): use it for statements whose rows are not read, or that return a generated
 * id the caller converts itself (`enqueue`, `insertJsonRowsReturning`). Drizzle has no public way to reach its client; `session.client` is where both of its
 * drivers keep it (checked on both by test/integration/bulk-insert.test.ts).
 */
export async function executeText(db: Db, text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  await sendHeldWrites(db);
  return (await driverClient(db).query(text, params)).rows;
}

function driverClient(db: Db): DriverClient {
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (typeof client?.query !== 'function') throw new Error('executeText: this Drizzle handle has no driver client');
  return client;
}

/** One write-only `insert … select … from json_to_recordset($1::json) …`, split around its parameter. */
export interface HeldWrite {
  table: string;
  head: string;
  tail: string;
  payload: string;
}

const heldWrites = new WeakMap<Db, HeldWrite[]>();

/**
 * Runs `work` with the write-only bulk inserts made on `tx` (`writeJsonRows`) held back, and
 * sends those that are held together as one statement, each insert a data-modifying `WITH`
 * item: one round trip instead of one per table. The intake writes some ten tables per batch,
 * and at small batches the round trips, not the rows, were most of its cost.
 *
 * Held writes are sent, in order, before any statement that goes through `executeText` or
 * `queryRows`, before a second write to a table already held, and when `work` returns, so a
 * read through those helpers sees them. A Drizzle query builder does not send them: inside
 * `work`, use those only for statements that do not read what is held. The items of one
 * statement see the same snapshot, not each other's rows, but foreign keys between them are
 * checked at the end of the statement, so a row may reference one inserted by a sibling. If
 * `work` throws, what is still held is dropped: the transaction is failing anyway.
 */
export async function holdWrites<R>(tx: Db, work: () => Promise<R>): Promise<R> {
  if (heldWrites.has(tx)) return work();
  heldWrites.set(tx, []);
  try {
    const result = await work();
    await sendHeldWrites(tx);
    return result;
  } finally {
    heldWrites.delete(tx);
  }
}

/** Holds `write` if `db` holds writes (see holdWrites): false when the caller must run it now. */
export async function holdWrite(db: Db, write: HeldWrite): Promise<boolean> {
  const held = heldWrites.get(db);
  if (!held) return false;
  // Two items of one statement cannot both insert into a table whose conflict clause might meet the other's rows.
  if (held.some((w) => w.table === write.table)) await sendHeldWrites(db);
  held.push(write);
  return true;
}

async function sendHeldWrites(db: Db): Promise<void> {
  const held = heldWrites.get(db);
  if (!held || held.length === 0) return;
  const writes = held.splice(0);
  const text =
    writes.length === 1
      ? `${writes[0]!.head}$1${writes[0]!.tail}`
      : `with ${writes.map((w, n) => `w${n} as (${w.head}$${n + 1}${w.tail})`).join(', ')} select 1`;
  await driverClient(db).query(text, writes.map((w) => w.payload));
}

