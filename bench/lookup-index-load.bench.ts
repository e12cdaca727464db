/**
 * Loads N indicators (default 10 million) into the in-memory look-up index from PostgreSQL and
 * reports the time and the memory used. Creates the database `canhgiac_bench` on the server at
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), fills it with
 * generate_series, and drops it afterwards.
 *
 *   npx tsx bench/lookup-index-load.bench.ts [count]
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { LookupIndex } from '../src/app/lookup-index.ts';
import { migrateDatabase, openDatabase, queryRows } from '../src/store/connection.ts';

const count = Number(process.argv[2] ?? 10_000_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'canhgiac_bench';

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(query);
  await c.end();
}

const mib = (n: number) => (n / 1024 / 1024).toFixed(0);

// BENCH_KEEP=1 keeps the generated database between runs (for profiling the load alone).
const keep = process.env.BENCH_KEEP === '1';
const exists = await (async () => {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  const r = await c.query('select 1 from pg_database where datname = $1', [NAME]);
  await c.end();
  return r.rowCount === 1;
})();
if (!keep || !exists) {
  await admin(`drop database if exists ${NAME} with (force)`);
  await admin(`create database ${NAME}`);
}
const url = new URL(serverUrl);
url.pathname = `/${NAME}`;
// As many connections as the loader reads streams in parallel (4), like a server node's default pool.
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
try {
  await migrateDatabase(database);
  let t = performance.now();
  const have = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from indicators`))[0]!.n;
  // Generated in chunks so one statement does not hold the whole load.
  const chunk = 1_000_000;
  for (let start = have; start < count; start += chunk) {
    const end = Math.min(count, start + chunk) - 1;
    await database.db.execute(sql`
      insert into indicators (indicator, kind, display, sha256, range_prefix, verdict, tlp, confidence, report_count, platform_confirmations, fraud_types, last_seen_at)
      select ind, 'phone', ind, h, ('x' || substr(h, 1, 5))::bit(20)::int,
             (array['suspected','confirmed','confirmed','cleared','disputed'])[1 + i % 5],
             (array['clear','green','green','amber'])[1 + i % 4],
             i % 101, i % 50, i % 3,
             case when i % 2 = 0 then array['investment','phishing_link'] else array['job_task','other'] end,
             now() - (i % 400) * interval '1 day'
      from (select i, 'phone:+849' || lpad(i::text, 8, '0') as ind, encode(sha256(convert_to('phone:+849' || lpad(i::text, 8, '0'), 'UTF8')), 'hex') as h
            from generate_series(${start}::int, ${end}::int) i) s`);
  }
  await database.db.execute(sql`analyze indicators`);
  const generateS = (performance.now() - t) / 1000;

  global.gc?.();
  const before = process.memoryUsage();
  t = performance.now();
  const index = new LookupIndex();
  const stats = await index.load(database.db);
  const loadS = (performance.now() - t) / 1000;
  global.gc?.();
  const after = process.memoryUsage();

  t = performance.now();
  let found = 0;
  const probes = 1_000_000;
  for (let i = 0; i < probes; i++) if (index.get(`phone:+849${String((i * 7919) % (count * 2)).padStart(8, '0')}`)) found++;
  const probeNs = ((performance.now() - t) * 1e6) / probes;

  console.table([
    { measure: 'indicators loaded', value: stats.indicators.toLocaleString('en') },
    { measure: 'generate rows (s, not part of the target)', value: generateS.toFixed(1) },
    { measure: 'load into the index (s)', value: loadS.toFixed(1) },
    { measure: 'rows/s', value: Math.round(stats.indicators / loadS).toLocaleString('en') },
    { measure: 'index typed arrays (MiB)', value: mib(stats.indexBytes) },
    { measure: 'bytes per indicator', value: (stats.indexBytes / stats.indicators).toFixed(1) },
    { measure: 'RSS growth (MiB)', value: mib(after.rss - before.rss) },
    { measure: 'heap used after load (MiB)', value: mib(after.heapUsed) },
    { measure: 'array buffers after load (MiB)', value: mib(after.arrayBuffers) },
    { measure: 'get() incl. sha256, ns per look-up', value: probeNs.toFixed(0) },
    { measure: 'found of 1M probes (half exist)', value: found.toLocaleString('en') },
  ]);
} finally {
  await database.close();
  if (!keep) await admin(`drop database if exists ${NAME} with (force)`);
}
