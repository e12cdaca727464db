import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser } from '../../src/app/accounts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { migrateDatabase, openDatabase } from '../../src/store/connection.ts';
import { CLI, ROOT, cliEnv, freePort } from '../helpers/cli.ts';
import { freshPostgresUrl } from '../helpers/database.ts';

// Two real server processes on one PostgreSQL. Skipped on PGlite: the embedded database is one
// process by design (decision 0003), so there is no second node to see a change.
const target = await freshPostgresUrl();
const PASSWORD = 'correct horse battery staple';
// The same personal-data key on every node, as the configuration requires on PostgreSQL.
const PII_KEY = Buffer.alloc(32, 7).toString('base64');

interface Node {
  child: ChildProcess;
  base: string;
}

async function startNode(url: string): Promise<Node> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
    cwd: ROOT,
    env: cliEnv({ PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: url, WEB_DIST: '/nonexistent-web-dist', PII_ENCRYPTION_KEY: PII_KEY }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), 90_000);
    child.stdout!.on('data', () => {
      if (output.includes('Canh Giác is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}:\n${output}`));
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function lookupState(node: Node, q: string): Promise<string> {
  const res = await fetch(`${node.base}/api/v1/lookup?q=${encodeURIComponent(q)}`);
  return ((await res.json()) as { state: string }).state;
}

async function seenWithin(node: Node, q: string, state: string, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms + 1000) {
    if ((await lookupState(node, q)) === state) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  return Infinity;
}

describe.skipIf(!target)('look-ups on two server nodes sharing one PostgreSQL', () => {
  let a: Node;
  let b: Node;

  beforeAll(async () => {
    const database = await openDatabase({ databaseUrl: target!.url, poolSize: 2 });
    await migrateDatabase(database);
    const org = await createOrganization(database.db, systemCaller('test'), { slug: 'agency', name: 'Agency', kind: 'agency' });
    await createUser(database.db, systemCaller('test'), { organizationId: org.id, email: 'analyst@test.example', name: 'Analyst', role: 'analyst', password: PASSWORD });
    await database.close();
    [a, b] = await Promise.all([startNode(target!.url), startNode(target!.url)]);
  }, 180_000);

  afterAll(async () => {
    for (const node of [a, b]) {
      if (!node) continue;
      const exited = new Promise((r) => node.child.once('exit', r));
      node.child.kill('SIGTERM');
      await exited;
    }
    await target?.drop();
  });

  it('a confirmation made through one node is seen through the other within 2 s, and so is clearing it', async () => {
    const signIn = await fetch(`${a.base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'analyst@test.example', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('cg_session='))!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
    const reasons = { ground: 'investment', legalBasis: 'Decree 147/2024/ND-CP', evidence: ['citizen_reports', 'transaction_records'], sourceType: 'agency' };

    expect(await lookupState(b, '0944 555 666')).toBe('not_listed');
    const listed = await fetch(`${a.base}/api/v1/indicators`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': 'multi-node-1' },
      body: JSON.stringify({ value: '0944 555 666', verdict: 'confirmed', confidence: 90, tlp: 'green', fraudTypes: ['investment'], reasons }),
    });
    expect(listed.status, await listed.clone().text()).toBe(201);
    const { id } = (await listed.json()) as { id: string };
    const seen = await seenWithin(b, '0944 555 666', 'listed', 2000);
    expect(seen).toBeLessThan(2000);

    const cleared = await fetch(`${a.base}/api/v1/indicators/${id}/verdict`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ verdict: 'cleared', reasons: { ...reasons, evidence: ['owner_statement'] } }),
    });
    expect(cleared.status, await cleared.clone().text()).toBe(200);
    expect(await seenWithin(b, '0944 555 666', 'not_listed', 2000)).toBeLessThan(2000);
    // The node that made the change follows the same log (no read-your-writes shortcut).
    expect(await seenWithin(a, '0944 555 666', 'not_listed', 2000)).toBeLessThan(2000);
  });
});
