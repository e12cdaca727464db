import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupIndex } from '../../src/app/lookup-index.ts';
import { indicatorSha256, rangePrefixOf } from '../../src/domain/indicators/hashing.ts';
import { IndexFollower } from '../../src/jobs/index-follower.ts';
import { migrateDatabase, openDatabase, type Database } from '../../src/store/connection.ts';
import { freshPostgresUrl } from '../helpers/database.ts';
import { putIndicator } from '../helpers/indicators.ts';

// Transactions that commit out of order need two connections at once: PostgreSQL only. The
// embedded PGlite runs one transaction at a time in one process (decision 0003), so there a
// sequence number is never visible out of order; its rolled-back gaps are tested in lookups.test.ts.
const target = await freshPostgresUrl();

describe.skipIf(!target)('the index follower on PostgreSQL', () => {
  let database: Database;
  let other: pg.Client;

  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: target!.url, poolSize: 3 });
    await migrateDatabase(database);
    other = new pg.Client({ connectionString: target!.url });
    await other.connect();
  });

  afterAll(async () => {
    await other?.end();
    await database?.close();
    await target?.drop();
  });

  it('does not skip a sequence number committed after a later one', async () => {
    const index = new LookupIndex();
    await index.load(database.db);
    const follower = new IndexFollower(database.db, index, { gapMinAgeMs: 200 });
    await follower.startFrom(index.version);
    const start = index.version;

    // Transaction 1 takes the next seq but has not committed...
    const slow = 'phone:+84933000001';
    const sha = indicatorSha256(slow);
    await other.query('begin');
    await other.query(
      `insert into indicators (indicator, kind, display, sha256, range_prefix, verdict, tlp) values ($1, 'phone', $1, $2, $3, 'confirmed', 'green')`,
      [slow, sha, rangePrefixOf(sha)],
    );
    await other.query('insert into index_changes (indicator) values ($1)', [slow]);
    // ...while transaction 2 takes the one after and commits first.
    await putIndicator(database.db, { indicator: 'phone:+84933000002', verdict: 'confirmed' });

    await follower.pollOnce();
    expect(index.get('phone:+84933000002')?.verdict).toBe('confirmed');
    expect(index.get(slow)).toBeUndefined();
    expect(index.version).toBe(start); // the low-water mark waits below the gap

    // Older than the minimum age, but its transaction is still open: the gap is kept.
    await new Promise((r) => setTimeout(r, 400));
    await follower.pollOnce();
    expect(index.version).toBe(start);

    await other.query('commit');
    await follower.pollOnce();
    expect(index.get(slow)?.verdict).toBe('confirmed');
    expect(index.version).toBe(start + 2);
  });

  it('gives a rolled-back sequence number up once its transaction has ended', async () => {
    const index = new LookupIndex();
    await index.load(database.db);
    const follower = new IndexFollower(database.db, index, { gapMinAgeMs: 200 });
    await follower.startFrom(index.version);
    const start = index.version;
    await other.query('begin');
    await other.query('insert into index_changes (indicator) values ($1)', ['phone:+84933000003']);
    await putIndicator(database.db, { indicator: 'phone:+84933000004', verdict: 'confirmed' });
    await follower.pollOnce();
    expect(index.version).toBe(start);
    await other.query('rollback');
    await new Promise((r) => setTimeout(r, 300));
    await follower.pollOnce();
    expect(index.version).toBe(start + 2);
  });
});
