/**
 * Report intake over HTTP: a real `canhgiac serve --no-demo` process, and this process as the
 * load generator (keep-alive connections, bounded concurrency), so the server's figure is not
 * halved by sharing its event loop with the client. JSON reports without files, three
 * identifiers each (a phone number, a bank account, a link) and an Idempotency-Key.
 *
 *   npx tsx bench/intake.bench.ts                       PGlite in a temp DATA_DIR
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/intake.bench.ts
 *                                                       a fresh database on that server (dropped after)
 *   BENCH_SECONDS=20 BENCH_CONCURRENCY=32 BENCH_SHARED=0.2 …   (defaults: 20 s, 256 in flight, 0)
 *
 * BENCH_SHARED is the share of identifiers drawn from a pool of 500 already-reported ones (the
 * rest are new): new identifiers are the expensive path (a new indicator, its verdict change and
 * an audit record each); shared ones join existing cases.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 3);
// 256 requests in flight: the load at which the targets are stated (bench/README.md).
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 256);
const SHARED = Number(process.env.BENCH_SHARED ?? 0);
const BASE_URL = process.env.BENCH_DATABASE_URL;

let seed = 0x2468ace;
function rnd(n: number): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}
const digits = (n: number) => Array.from({ length: n }, () => rnd(10)).join('');
const MOBILE = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '035', '037', '086', '088', '089'];
const BANKS = ['VCB', 'Vietcombank', 'MB', 'Techcombank', 'BIDV', 'ACB', 'VPBank', 'TPBank'];
const newPhone = () => `${MOBILE[rnd(MOBILE.length)]}${digits(7)}`;
const newBank = () => `${BANKS[rnd(BANKS.length)]} ${digits(4)} ${digits(4)} ${digits(5)}`;
const newUrl = () => `https://${randomBytes(5).toString('hex')}-shop.com/pay/${digits(6)}`;
const POOL = Array.from({ length: 500 }, (_, i) => [newPhone, newBank, newUrl][i % 3]!());

function identifiers(): string[] {
  return [newPhone, newBank, newUrl].map((make) => (SHARED > 0 && rnd(1000) < SHARED * 1000 ? POOL[rnd(POOL.length)]! : make()));
}

let sequence = 0;
function reportBody(): string {
  return JSON.stringify({
    category: 'online_shopping',
    narrative: 'Tôi đặt mua điện thoại trên một trang bán hàng, chuyển khoản đặt cọc rồi người bán chặn liên lạc.',
    amountLostVnd: 2_500_000 + rnd(1000) * 1000,
    paymentMethod: 'bank_transfer',
    identifiers: identifiers(),
    locale: 'vi',
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function cpuSeconds(pid: number): number {
  // utime + stime in clock ticks (fields 14 and 15 of /proc/<pid>/stat); 100 ticks a second on Linux.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of every PostgreSQL process on this machine (the server and its backends): the benchmark's database is the only busy one. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes('(postgres)')) continue;
      total += cpuSeconds(Number(pid));
    } catch {
      // The process ended while we read.
    }
  }
  return total;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-intake-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (BASE_URL) {
    const name = `cg_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: BASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(BASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: BASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_IP_PER_MINUTE: '100000000',
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    WEB_DIST: '/nonexistent',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  // BENCH_SERVER_PROF=<dir> writes a V8 CPU profile of the server process there.
  const profile = process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : [];
  const server = spawn(process.execPath, [...profile, 'bin/canhgiac.mjs', 'serve', '--no-demo'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    server.stdout!.on('data', () => output.includes('is running at') && (clearTimeout(timer), resolve()));
    server.on('exit', () => reject(new Error(`server exited:\n${output}`)));
  });

  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const failures = new Map<string, number>();
  let measuring = false;
  let stop = false;

  function post(): Promise<void> {
    const body = reportBody();
    const started = performance.now();
    return new Promise((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/v1/reports', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': `bench-${++sequence}` } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            if (measuring) {
              if (res.statusCode === 201) {
                ok++;
                latencies.push(performance.now() - started);
              } else {
                failed++;
                const key = `${res.statusCode} ${text.slice(0, 120)}`;
                failures.set(key, (failures.get(key) ?? 0) + 1);
              }
            }
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        if (measuring) failed++;
        failures.set(e.message, (failures.get(e.message) ?? 0) + 1);
        resolve();
      });
      req.end(body);
    });
  }

  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (!stop) await post();
  });
  await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
  const load0 = os.loadavg()[0]!;
  const cpu0 = cpuSeconds(server.pid!);
  const pgCpu0 = databaseUrl ? postgresCpuSeconds() : 0;
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  measuring = true;
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const serverCpu = cpuSeconds(server.pid!) - cpu0;
  const pgCpu = databaseUrl ? postgresCpuSeconds() - pgCpu0 : 0;
  const clientCpu = (process.cpuUsage(client0).user + process.cpuUsage(client0).system) / 1e6;
  const load1 = os.loadavg()[0]!;
  stop = true;
  await Promise.all(workers);
  agent.destroy();

  const dbCpu = databaseUrl ? '' : ' (PGlite runs inside the server process)';
  const postgresColumn = databaseUrl ? `${(pgCpu / elapsed).toFixed(2)} s/s, ${((pgCpu * 1000) / Math.max(1, ok)).toFixed(2)} ms/report` : 'in the server';
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1) : '-');
  const rate = ok / elapsed;
  console.log(`\nReport intake — ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${CONCURRENCY} connections, ${SECONDS} s (+${WARMUP_SECONDS} s warm-up), shared identifiers ${SHARED * 100}%`);
  console.log(`machine: ${os.cpus().length} vCPU ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, load average ${load0.toFixed(2)} → ${load1.toFixed(2)}`);
  console.log(`| reports/s | p50 ms | p95 ms | p99 ms | errors | server CPU s/s | server CPU ms/report | PostgreSQL CPU | client CPU s/s |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  console.log(
    `| ${rate.toFixed(0)} | ${pct(50)} | ${pct(95)} | ${pct(99)} | ${failed} | ${(serverCpu / elapsed).toFixed(2)}${dbCpu} | ${((serverCpu * 1000) / Math.max(1, ok)).toFixed(2)} | ${postgresColumn} | ${(clientCpu / elapsed).toFixed(2)} |`,
  );
  for (const [what, n] of failures) console.log(`  ${n}× ${what}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
