import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let admin: Session;
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-web-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Canh Giác</title><div id="root"></div>');
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
  server = await startTestServer({ WEB_DIST: webDist, BODY_LIMIT_BYTES: '4096' });
  users = await seedUsers(server.database);
  admin = await signInAs(server.app, users.admin.email);
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

async function count(table: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(server.database.db, sql.raw(`select count(*) as n from ${table}`));
  return Number(row!.n);
}

describe('OpenAPI and the API reference', () => {
  it('serves an OpenAPI 3.1 document describing every API route and who may call it', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const rule of server.app.accessRules.filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')) {
      const p = rule.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[p]?.[rule.method.toLowerCase()];
      expect(op, `${rule.method} ${p} is documented`).toBeDefined();
      expect(op.description).toMatch(/Access:/);
    }
    expect(doc.components.securitySchemes.apiKey.scheme).toBe('bearer');
  });

  it('serves the interactive reference at /docs', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('errors are problem details', () => {
  it('answers malformed JSON with 400, a wrong media type with 415 and a big body with 413', async () => {
    const bad = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expectProblem(bad, 400);
    const type = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expectProblem(type, 415);
    const big = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'a@b.example', password: 'x'.repeat(10_000) } });
    expectProblem(big, 413);
  });

  it('names each bad field', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin.headers, payload: { slug: 'ok-slug', kind: 'pirate', extra: 1 } });
    const problem = expectProblem(res, 400);
    const fields = problem.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/name', '/kind', '/extra']));
  });

  it('answers an unknown API path with a 404 problem, and a web path with the app', async () => {
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404);
    const home = await server.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<div id="root">');
    const page = await server.app.inject({ method: 'GET', url: '/console/cases/42' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<div id="root">');
    const asset = await server.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});

describe('a bad request to every route family stores nothing', () => {
  it('organizations', async () => {
    const before = await count('organizations');
    for (const payload of [{}, { slug: 'Has Spaces', name: 'x', kind: 'bank' }, { slug: 'x', name: 'x', kind: 'bank', platform: 'facebook' }, { slug: 'agency', name: 'dup', kind: 'agency' }]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin.headers, payload });
      expect([400, 409]).toContain(res.statusCode);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect(await count('organizations')).toBe(before);
  });

  it('users', async () => {
    const before = await count('users');
    for (const payload of [
      { organizationId: users.orgs['agency'], email: 'not-an-email', name: 'X', role: 'analyst' },
      { organizationId: users.orgs['bank-a'], email: 'x@test.example', name: 'X', role: 'analyst' },
      { organizationId: users.orgs['agency'], email: users.analyst.email, name: 'X', role: 'analyst' },
      { organizationId: 'nope', email: 'y@test.example', name: 'Y', role: 'analyst' },
    ]) {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload });
      expect([400, 409], res.body).toContain(res.statusCode);
    }
    const patch = await server.app.inject({ method: 'PATCH', url: `/api/v1/users/${users.analyst.id}`, headers: admin.headers, payload: { disabled: 'sometimes' } });
    expectProblem(patch, 400);
    expect(await count('users')).toBe(before);
  });

  it('api keys, audit and auth', async () => {
    const before = await count('api_keys');
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: admin.headers, payload: { organizationId: users.orgs['agency'], name: 'x', scopes: [] } }), 400);
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/api-keys/not-a-uuid/revoke', headers: admin.headers }), 400);
    expect(await count('api_keys')).toBe(before);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/audit?cursor=abc', headers: admin.headers }), 400);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/audit?limit=100000', headers: admin.headers }), 400);
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'a@b.example' } }), 400);
  });
});

describe('idempotent creates', () => {
  it('replays the first answer for a retried Idempotency-Key and refuses the key for another request', async () => {
    const headers = { ...admin.headers, 'idempotency-key': 'org-create-1' };
    const payload = { slug: 'telco-x', name: 'Telco X', kind: 'telco' };
    const first = await server.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    expect(first.statusCode).toBe(201);
    const again = await server.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const other = await server.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload: { ...payload, slug: 'telco-y' } });
    expectProblem(other, 422);
    const rows = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from organizations where slug in ('telco-x','telco-y')`);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('keeps a replayable answer sealed: a new API key shown once is not stored in clear for the retry', async () => {
    const headers = { ...admin.headers, 'idempotency-key': 'key-create-1' };
    const payload = { organizationId: users.orgs['agency'], name: 'retried', scopes: ['metrics'] };
    const first = await server.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload });
    expect(first.statusCode).toBe(201);
    const again = await server.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().key).toBe(first.json().key);
    const [stored] = await queryRows<{ body: unknown }>(server.database.db, sql`select body from idempotency_keys where key = 'key-create-1'`);
    expect(JSON.stringify(stored!.body)).not.toContain(first.json().key);
  });
});

describe('operations', () => {
  it('answers health and readiness, echoes request ids, and sets security headers', async () => {
    const health = await server.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['x-request-id']).toBe('trace-123');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(String(health.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const ready = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready' });
    const odd = await server.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists the audit trail newest first with a cursor', async () => {
    const page1 = (await server.app.inject({ method: 'GET', url: '/api/v1/audit?limit=3', headers: admin.headers })).json();
    expect(page1.items).toHaveLength(3);
    expect(page1.items[0].seq).toBeGreaterThan(page1.items[2].seq);
    const page2 = (await server.app.inject({ method: 'GET', url: `/api/v1/audit?limit=3&cursor=${page1.nextCursor}`, headers: admin.headers })).json();
    expect(page2.items[0].seq).toBe(page1.items[2].seq - 1);
    const verify = (await server.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers })).json();
    expect(verify.ok).toBe(true);
  });
});

describe('rate limits', () => {
  it('limits each API key on its own, apart from the per-IP limit', async () => {
    const limited = await startTestServer({ RATE_LIMIT_KEY_PER_MINUTE: '3', RATE_LIMIT_IP_PER_MINUTE: '100' });
    try {
      const orgs = await seedUsers(limited.database);
      const make = async (name: string) =>
        (await createApiKey(limited.database.db, systemCaller('test'), { organizationId: orgs.orgs['agency']!, name, scopes: ['metrics'] })).key;
      const [first, second] = [await make('first'), await make('second')];
      const call = (key: string) => limited.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${key}` } });
      for (let i = 0; i < 3; i++) expect((await call(first)).statusCode).toBe(200);
      expectProblem(await call(first), 429);
      // Another key from the same address has its own allowance, and so does the public.
      expect((await call(second)).statusCode).toBe(200);
      expect((await limited.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('limits per IP and answers 429 as a problem', async () => {
    const limited = await startTestServer({ RATE_LIMIT_IP_PER_MINUTE: '5' });
    try {
      const codes = [];
      for (let i = 0; i < 7; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).statusCode);
      expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
      const res = await limited.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expectProblem(res, 429);
    } finally {
      await limited.close();
    }
  });
});
