import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../src/app/accounts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { GENESIS_HASH } from '../../src/domain/audit/chain.ts';
import { readChainHead } from '../../src/store/audit-log.ts';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../../src/store/connection.ts';
import { ROOT } from '../helpers/cli.ts';
import { freshPostgresUrl } from '../helpers/database.ts';

/** The foundation's tables; later migrations add more. */
const TABLES = [
  'api_keys',
  'audit_chain_head',
  'audit_log',
  'idempotency_keys',
  'indicators',
  'organizations',
  'outbox',
  'report_indicators',
  'reports',
  'sessions',
  'users',
];

const JOURNAL = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/store/migrations/meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

async function publicTables(database: Database): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

async function appliedMigrations(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
  return Number(row!.n);
}

/** An empty database that has not been migrated: in-memory PGlite, or a new PostgreSQL database. */
async function emptyDatabase(): Promise<{ open: () => Promise<Database>; drop: () => Promise<void> }> {
  const pgDatabase = await freshPostgresUrl();
  if (pgDatabase) return { open: () => openDatabase({ databaseUrl: pgDatabase.url, poolSize: 2 }), drop: pgDatabase.drop };
  return { open: () => openDatabase({ dataDir: null }), drop: async () => {} };
}

describe('migrations', () => {
  let empty: Awaited<ReturnType<typeof emptyDatabase>>;
  let database: Database;

  beforeAll(async () => {
    empty = await emptyDatabase();
    database = await empty.open();
  });
  afterAll(async () => {
    await database?.close();
    await empty?.drop();
  });

  it('the journal lists every SQL file in the migrations folder', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'src/store/migrations'))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.replace(/\.sql$/, ''))
      .sort();
    expect(JOURNAL.entries.map((e) => e.tag).sort()).toEqual(files);
  });

  it('apply from an empty database: every table, and the genesis chain head', async () => {
    expect(await publicTables(database)).toEqual([]);
    await migrateDatabase(database);
    expect(await publicTables(database)).toEqual(expect.arrayContaining(TABLES));
    expect(await appliedMigrations(database)).toBe(JOURNAL.entries.length);
    expect(await readChainHead(database.db)).toEqual({ seq: 0, hash: GENESIS_HASH });
    const heads = await queryRows<{ id: number }>(database.db, sql`select id from audit_chain_head`);
    expect(heads).toHaveLength(1);
  });

  it('the migrated schema works: defaults and constraints', async () => {
    const org = await createOrganization(database.db, systemCaller('test'), { slug: 'agency', name: 'Agency', kind: 'agency' });
    expect(org.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await expect(database.db.execute(sql`insert into organizations (slug, name, kind) values ('agency', 'Twice', 'agency')`)).rejects.toThrow();
  });

  it('a second run is a no-op that keeps data and the advanced chain head', async () => {
    const headBefore = await readChainHead(database.db);
    expect(headBefore.seq).toBe(1); // the organization created above
    const tables = await publicTables(database);
    await migrateDatabase(database);
    expect(await appliedMigrations(database)).toBe(JOURNAL.entries.length);
    expect(await publicTables(database)).toEqual(tables);
    expect(await readChainHead(database.db)).toEqual(headBefore);
    const [orgs] = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from organizations`);
    expect(Number(orgs!.n)).toBe(1);
  });

  it('a fresh handle on the migrated database migrates as a no-op too', async () => {
    if (database.driver === 'pglite') return; // in-memory PGlite: the data lives in the one handle
    const again = await empty.open();
    try {
      await migrateDatabase(again);
      expect(await appliedMigrations(again)).toBe(JOURNAL.entries.length);
      expect((await readChainHead(again.db)).seq).toBe(1);
    } finally {
      await again.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('concurrent migrations on PostgreSQL', () => {
  it('several nodes migrating one empty database at once all succeed, and apply each migration once', async () => {
    const pgDatabase = (await freshPostgresUrl())!;
    const nodes = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: pgDatabase.url, poolSize: 2 })));
    try {
      const results = await Promise.allSettled(nodes.map((n) => migrateDatabase(n)));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      expect(await publicTables(nodes[0]!)).toEqual(expect.arrayContaining(TABLES));
      expect(await appliedMigrations(nodes[1]!)).toBe(JOURNAL.entries.length);
      expect(await readChainHead(nodes[2]!.db)).toEqual({ seq: 0, hash: GENESIS_HASH });
    } finally {
      for (const n of nodes) await n.close();
      await pgDatabase.drop();
    }
  });
});
