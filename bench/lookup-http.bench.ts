/**
 * A single look-up over HTTP against an empty route of the same server, in the same run.
 * The server runs in this process (the real buildServer, every plugin); the load comes from
 * `wrk` in a separate process (Debian: apt-get install wrk). Rounds alternate between the two
 * routes so a change of load on a shared machine hits both alike. The same query over and over is
 * answered from the node's answer cache (app/lookup-answer-cache.ts); the last row asks for a
 * different number each time, so it measures a computed answer.
 *
 *   npx tsx bench/lookup-http.bench.ts [seconds per round] [connections] [rounds]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { buildServer } from '../src/http/server.ts';
import { migrateDatabase, openDatabase } from '../src/store/connection.ts';

const seconds = Number(process.argv[2] ?? 8);
const connections = Number(process.argv[3] ?? 32);
const ROUNDS = Number(process.argv[4] ?? 5);

const database = await openDatabase({ dataDir: null });
await migrateDatabase(database);
// 100,000 confirmed phone numbers, so the look-up hits a populated table.
await database.db.execute(sql`
  insert into indicators (indicator, kind, display, sha256, range_prefix, verdict, tlp, confidence, report_count, fraud_types)
  select ind, 'phone', ind, h, ('x' || substr(h, 1, 5))::bit(20)::int, 'confirmed', 'green', 90, 5, array['investment']
  from (select 'phone:+849' || lpad(i::text, 8, '0') as ind, encode(sha256(convert_to('phone:+849' || lpad(i::text, 8, '0'), 'UTF8')), 'hex') as h
        from generate_series(0, 99999) i) s`);
const config = loadConfig({
  LOG_LEVEL: 'silent',
  WEB_DIST: '/nonexistent-web-dist',
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
});
const context: AppContext = { config, database, logger: pino({ level: 'silent' }) };
// An empty API route that goes through everything a public API route goes through (access rule,
// per-IP rate limit and its headers, quotas, metrics, compression check): /healthz is exempt from
// the rate limit, so it is the cheaper of the two baselines. Both are measured.
const app = await buildServer(context, {
  extraRoutes: async (instance) => {
    instance.get('/api/v1/bench-empty', { config: { access: { public: true } } }, async () => ({}));
  },
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });

// wrk asks for a different listed number at each request (Lua; one thread, so one counter):
// 100,000 numbers cycled through, more than the answer cache holds, so every answer is computed.
const COLD_SCRIPT = join(mkdtempSync(join(tmpdir(), 'cg-bench-')), 'cold.lua');
writeFileSync(
  COLD_SCRIPT,
  'local i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", string.format("/api/v1/lookup?q=09%08d", (i * 7919) % 100000))\nend\n',
);

const routes: { name: string; path: string; script?: string }[] = [
  { name: 'empty route (GET /healthz, not rate-limited)', path: '/healthz' },
  { name: 'empty API route (public, rate-limited)', path: '/api/v1/bench-empty' },
  { name: 'look-up, listed (raw "0900 001 234")', path: '/api/v1/lookup?q=0900%20001%20234' },
  { name: 'look-up, not listed', path: '/api/v1/lookup?q=0987654321' },
  { name: 'look-up, listed, a new number each time (answer cache missed)', path: '/api/v1/lookup?q=0900000000', script: COLD_SCRIPT },
];
// Sanity: the look-up answers what we think it does.
for (const r of routes.filter((x) => x.path.startsWith('/api/v1/lookup'))) {
  const res = await fetch(address + r.path);
  const body = (await res.json()) as { state: string };
  if (res.status !== 200) throw new Error(`${r.path}: ${res.status}`);
  r.name += ` → ${body.state}`;
}

// Asynchronous: the server answers from this process's event loop while wrk runs.
// Besides requests/s (which swings with other load on a shared machine), the server's own CPU
// time per request: its inverse is the route's capacity per core, and it hardly moves with load.
async function wrk(path: string, script?: string): Promise<{ rps: number; cpuUs: number }> {
  const cpu = process.cpuUsage();
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, ...(script ? ['-s', script] : []), address + path];
  const { stdout: out } = await promisify(execFile)('wrk', args, { encoding: 'utf8' });
  const used = process.cpuUsage(cpu);
  const m = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  if (!m || !total) throw new Error(out);
  if (/Non-2xx/.test(out)) throw new Error(`non-2xx answers:\n${out}`);
  return { rps: Number(m[1]), cpuUs: (used.user + used.system) / Number(total[1]) };
}

const results = new Map<string, { rps: number; cpuUs: number }[]>(routes.map((r) => [r.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const r of routes) results.get(r.name)!.push(await wrk(r.path, r.script));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const baseline = (n: number) => {
  const runs = results.get(routes[n]!.name)!;
  return { rps: median(runs.map((x) => x.rps)), cpu: median(runs.map((x) => x.cpuUs)) };
};
const healthz = baseline(0);
const emptyApi = baseline(1);
console.table(
  routes.map((r) => {
    const xs = results.get(r.name)!;
    const rps = median(xs.map((x) => x.rps));
    const cpu = median(xs.map((x) => x.cpuUs));
    return {
      route: r.name,
      'req/s per round': xs.map((x) => Math.round(x.rps)).join(' / '),
      'median req/s': Math.round(rps),
      'vs /healthz (req/s)': `${((rps / healthz.rps) * 100).toFixed(0)} %`,
      'vs empty API (req/s)': `${((rps / emptyApi.rps) * 100).toFixed(0)} %`,
      'server CPU µs/req': cpu.toFixed(0),
      'CPU vs /healthz': `${((healthz.cpu / cpu) * 100).toFixed(0)} %`,
      'CPU vs empty API': `${((emptyApi.cpu / cpu) * 100).toFixed(0)} %`,
    };
  }),
);
// Paired per round (each look-up round against the baseline rounds just before it): on a VM whose
// speed drifts between rounds, the median of the paired ratios moves less than the ratio of medians.
const paired = (route: number, base: number) =>
  median(results.get(routes[route]!.name)!.map((x, i) => x.rps / results.get(routes[base]!.name)![i]!.rps));
for (let r = 2; r < routes.length; r++) {
  console.log(`${routes[r]!.name}: median of per-round ratios ${(paired(r, 0) * 100).toFixed(0)} % of /healthz, ${(paired(r, 1) * 100).toFixed(0)} % of the empty API route`);
}
console.log(`wrk -t1 -c${connections} -d${seconds}s, ${ROUNDS} alternating rounds; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await app.close();
await database.close();
