import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/connection.ts';
import { CLI, ROOT, TEST_PII_KEY, cliEnv, freePort, freshCliTarget, type CliTarget } from '../helpers/cli.ts';

/**
 * The intake's durability promise: every report answered 201 is stored exactly once, even when
 * the server is killed with SIGKILL while reports stream in and the client retries what went
 * unanswered. A real `canhgiac serve --no-demo` process over real HTTP, on PGlite (DATA_DIR) or
 * on a fresh PostgreSQL database when DATABASE_URL is set.
 */

const TOTAL = 240;
const CONCURRENCY = 8;
/** Kill the server once this many reports have been answered. */
const KILL_AFTER = 60;

interface Server {
  child: ChildProcess;
  port: number;
  exited: Promise<unknown>;
}

let target: CliTarget;

async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
    cwd: ROOT,
    env: cliEnv({ ...target.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PII_ENCRYPTION_KEY: TEST_PII_KEY, RATE_LIMIT_IP_PER_MINUTE: '1000000' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 110_000);
    child.stdout!.on('data', () => {
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`the server exited before it was ready:\n${output}`)));
  });
  return { child, port, exited };
}

function reportBody(n: number) {
  return {
    category: 'investment',
    narrative: `Report ${n}: they promised 30% a month on a crypto scheme and stopped answering.`,
    amountLostVnd: 1_000_000 + n,
    paymentMethod: 'bank_transfer',
    // One identifier shared by every report (all reports meet on one indicator and one case)
    // and two of its own.
    identifiers: ['0901 000 001', `09${String(10_000_000 + n).slice(-8)}`, `https://crash-${n}.example.com/pay`],
  };
}

async function send(port: number, n: number): Promise<{ status: number; trackingCode?: string }> {
  // Node's fetch keeps connections alive, as a mobile app or a partner's client would.
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `crash-${n}` },
    body: JSON.stringify(reportBody(n)),
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await res.json()) as { trackingCode?: string };
  return { status: res.status, trackingCode: json.trackingCode };
}

beforeAll(async () => {
  target = await freshCliTarget();
}, 120_000);

afterAll(async () => {
  await target?.cleanup();
});

describe('report intake survives SIGKILL', () => {
  it('stores every answered report exactly once after a kill, a restart and retries', async () => {
    const answered = new Map<number, string>();
    let server = await startServer();
    let killed = false;
    const pending = Array.from({ length: TOTAL }, (_, n) => n);
    const unanswered: number[] = [];

    // Phase 1: stream until the kill; requests in flight at that moment fail and are kept for retry.
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let n = pending.shift(); n !== undefined; n = pending.shift()) {
          if (killed) {
            unanswered.push(n);
            continue;
          }
          try {
            const r = await send(server.port, n);
            if (r.status !== 201) throw new Error(`report ${n}: ${r.status}`);
            answered.set(n, r.trackingCode!);
            if (answered.size >= KILL_AFTER && !killed) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          } catch (error) {
            if (!killed) throw error;
            unanswered.push(n);
          }
        }
      }),
    );
    await server.exited;
    expect(killed).toBe(true);
    const beforeKill = new Map(answered);
    console.log(`killed after ${answered.size} answered; ${unanswered.length} to retry`);

    // Phase 2: restart on the same data; retry everything unanswered, and a few answered ones.
    server = await startServer();
    const retry = [...unanswered, ...[...beforeKill.keys()].slice(0, 10)];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let n = retry.shift(); n !== undefined; n = retry.shift()) {
          const r = await send(server.port, n);
          expect(r.status, `report ${n}`).toBe(201);
          const earlier = answered.get(n);
          if (earlier) expect(r.trackingCode, `retry of report ${n}`).toBe(earlier);
          answered.set(n, r.trackingCode!);
        }
      }),
    );
    server.child.kill('SIGTERM');
    await server.exited;

    expect(answered.size).toBe(TOTAL);
    const database = await target.open();
    try {
      const rows = await queryRows<{ idempotency_key: string; tracking_code: string }>(
        database.db,
        sql`select idempotency_key, tracking_code from reports where idempotency_key like 'crash-%'`,
      );
      expect(rows).toHaveLength(TOTAL);
      const byKey = new Map(rows.map((r) => [r.idempotency_key, r.tracking_code]));
      expect(byKey.size).toBe(TOTAL);
      expect(new Set(rows.map((r) => r.tracking_code)).size).toBe(TOTAL);
      for (const [n, code] of answered) expect(byKey.get(`crash-${n}`), `report ${n}`).toBe(code);
      // Each report's identifiers and case hand-off committed with it.
      const linked = await queryRows<{ n: number | string }>(
        database.db,
        sql`select count(*) as n from report_indicators ri join reports r on r.id = ri.report_id where r.idempotency_key like 'crash-%'`,
      );
      expect(Number(linked[0]!.n)).toBe(TOTAL * 3);
      const withoutCase = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from reports where case_id is null`);
      expect(Number(withoutCase[0]!.n)).toBe(0);
    } finally {
      await database.close();
    }
  }, 300_000);
});
