/**
 * A full STIX 2.1 export of N indicators (default 1,000,000) through the real HTTP route
 * (GET /api/v1/feeds/indicators.stix), streamed to a client on the loopback interface, with
 * the server's memory (RSS and V8 heap) sampled every 250 ms while the stream runs.
 * Creates the database `canhgiac_bench_stix` on BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), fills it with generate_series (set-based, in
 * chunks) and drops it afterwards (BENCH_KEEP=1 keeps it for the next run).
 *
 *   npx tsx bench/stix-export.bench.ts [count]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { createOrganization } from '../src/app/accounts.ts';
import { createApiKey } from '../src/app/api-keys.ts';
import { systemCaller } from '../src/app/caller.ts';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/http/server.ts';
import { migrateDatabase, openDatabase, queryRows } from '../src/store/connection.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'canhgiac_bench_stix';
const keep = process.env.BENCH_KEEP === '1';
const mib = (n: number) => (n / 1024 / 1024).toFixed(0);

async function admin(query: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  const r = await c.query(query, params);
  await c.end();
  return r;
}

const exists = (await admin('select 1 from pg_database where datname = $1', [NAME])).rowCount === 1;
if (!keep || !exists) {
  await admin(`drop database if exists ${NAME} with (force)`);
  await admin(`create database ${NAME}`);
}
const url = new URL(serverUrl);
url.pathname = `/${NAME}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
let server: Awaited<ReturnType<typeof buildServer>> | undefined;
try {
  await migrateDatabase(database);
  let t = performance.now();
  const have = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from indicators`))[0]!.n;
  const chunk = 250_000;
  for (let start = have; start < count; start += chunk) {
    const end = Math.min(count, start + chunk) - 1;
    // A mix of kinds (phones, domains, URLs, bank accounts), listed, TLP clear/green/amber,
    // changed over 400 days with many rows sharing a timestamp.
    await database.db.execute(sql`
      insert into indicators (indicator, kind, display, sha256, range_prefix, verdict, tlp, confidence, report_count, platform_confirmations, fraud_types, first_seen_at, last_seen_at, updated_at)
      select ind, kind, ind, encode(sha256(convert_to(ind, 'UTF8')), 'hex'), 0,
             (array['suspected','confirmed','confirmed','disputed'])[1 + i % 4],
             (array['clear','green','green','amber'])[1 + (i / 7) % 4],
             i % 101, i % 50, i % 3,
             case when i % 2 = 0 then array['investment','phishing_link'] else array['job_task'] end,
             ts - interval '3 days', ts, ts
      from (select i,
                   (array['phone','domain','url','bank'])[1 + i % 4] as kind,
                   case i % 4 when 0 then 'phone:+849' || lpad(i::text, 8, '0')
                              when 1 then 'domain:lua-dao-' || i || '.example'
                              when 2 then 'url:https://nhan-qua-' || i || '.example/dang-nhap?id=' || i
                              else 'bank:970436:' || lpad(i::text, 13, '0') end as ind,
                   timestamptz '2025-10-01T00:00:00Z' + ((i / 50) % 400000) * interval '1 minute' as ts
            from generate_series(${start}::int, ${end}::int) i) s`);
  }
  await database.db.execute(sql`analyze indicators`);
  const seedS = (performance.now() - t) / 1000;

  const caller = systemCaller('bench');
  const orgs = await queryRows<{ id: string }>(database.db, sql`select id from organizations where slug = 'bench-bank'`);
  const organizationId = orgs[0]?.id ?? (await createOrganization(database.db, caller, { slug: 'bench-bank', name: 'Bench Bank', kind: 'bank' })).id;
  const { key } = await createApiKey(database.db, caller, { organizationId, name: 'bench', scopes: ['feeds:read'] });

  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent-web-dist', PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), DATABASE_URL: url.toString(), RATE_LIMIT_KEY_PER_MINUTE: '1000000' });
  server = await buildServer({ config, database, logger: pino({ level: 'silent' }) });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const port = (server.server.address() as AddressInfo).port;

  global.gc?.();
  const samples: { rss: number; heap: number }[] = [];
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ rss: m.rss, heap: m.heapUsed });
  };
  sample();
  const timer = setInterval(sample, 250);
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const { bytes, indicators, status } = await new Promise<{ bytes: number; indicators: number; status: number }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/feeds/indicators.stix', headers: { authorization: `Bearer ${key}` } }, (res) => {
      let bytes = 0;
      let indicators = 0;
      let tail = '';
      const needle = '{"type":"indicator"';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        bytes += Buffer.byteLength(chunk);
        const text = tail + chunk;
        for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) indicators++;
        tail = text.slice(-(needle.length - 1));
      });
      res.on('end', () => resolve({ bytes, indicators, status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const streamS = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();

  const rss = samples.map((s) => s.rss);
  const heap = samples.map((s) => s.heap);
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const firstQuarter = rss.slice(0, Math.max(1, Math.floor(rss.length / 4)));
  const lastQuarter = rss.slice(-Math.max(1, Math.floor(rss.length / 4)));
  console.log(`indicators in the database: ${count.toLocaleString('en')} (seeded in ${seedS.toFixed(1)} s)`);
  console.log(`HTTP ${status}: ${indicators.toLocaleString('en')} indicators (${(indicators * 3).toLocaleString('en')}+ STIX objects), ${mib(bytes)} MiB streamed in ${streamS.toFixed(1)} s ` +
    `(${Math.round(indicators / streamS).toLocaleString('en')} indicators/s; server process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
  console.log(`server RSS: start ${mib(rss[0]!)} MiB, median ${mib(q(rss, 0.5))} MiB, max ${mib(Math.max(...rss))} MiB, end ${mib(rss[rss.length - 1]!)} MiB; ` +
    `mean of first quarter ${mib(firstQuarter.reduce((a, b) => a + b, 0) / firstQuarter.length)} MiB vs last quarter ${mib(lastQuarter.reduce((a, b) => a + b, 0) / lastQuarter.length)} MiB (${samples.length} samples)`);
  console.log(`V8 heap used: start ${mib(heap[0]!)} MiB, max ${mib(Math.max(...heap))} MiB, end ${mib(heap[heap.length - 1]!)} MiB`);
  if (status !== 200 || indicators !== count) process.exitCode = 1;
} finally {
  await server?.close();
  await database.close();
  if (!keep) await admin(`drop database if exists ${NAME} with (force)`);
}
