import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../../src/store/connection.ts';
import { TEMPLATE_PATH } from '../integration/global-setup.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again by `close`).
 */
export async function freshDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // The integration project's global setup leaves a migrated template (test/integration/global-setup.ts).
    const template = fs.existsSync(TEMPLATE_PATH) ? new Blob([fs.readFileSync(TEMPLATE_PATH)]) : undefined;
    const database = await openDatabase({ dataDir: null, ...(template ? { template } : {}) });
    await migrateDatabase(database);
    return database;
  }
  const name = `cg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A connection string to a fresh, empty PostgreSQL database (for tests that spawn processes). */
export async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return null;
  const name = `cg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
