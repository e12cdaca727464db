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

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
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
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (typeof client?.query !== 'function') throw new Error('executeText: this Drizzle handle has no driver client');
  return (await client.query(text, params)).rows;
}

