import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let admin: Session;
let partner: Session;

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  admin = await signInAs(server.app, users.admin.email);
  partner = await signInAs(server.app, users.partner_admin.email);
});
afterAll(async () => server?.close());

async function create(session: Session, body: object) {
  return server.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: session.headers, payload: body });
}

describe('API keys', () => {
  it('shows the key once, stores only its hash, and the key works with its scopes', async () => {
    const res = await create(admin, { organizationId: users.orgs['agency'], name: 'scraper', scopes: ['metrics'] });
    expect(res.statusCode).toBe(201);
    const { apiKey, key } = res.json();
    expect(key).toMatch(/^cg_[0-9a-f]{8}_[\w-]{43}$/);
    expect(key.startsWith(`cg_${apiKey.prefix}_`)).toBe(true);
    const stored = await queryRows<{ key_hash: string }>(server.database.db, sql`select key_hash from api_keys where id = ${apiKey.id}`);
    expect(stored[0]!.key_hash).not.toContain(key.slice(12));
    const list = await server.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers });
    expect(list.body).not.toContain(key);

    const used = await server.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${key}` } });
    expect(used.statusCode).toBe(200);
    const viaHeader = await server.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-api-key': key } });
    expect(viaHeader.statusCode).toBe(200);
    const after = (await server.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers })).json();
    expect(after.items.find((k: { id: string }) => k.id === apiKey.id).lastUsedAt).not.toBeNull();
  });

  it('a revoked key stops working at once', async () => {
    const { apiKey, key } = (await create(admin, { organizationId: users.orgs['agency'], name: 'to revoke', scopes: ['metrics'] })).json();
    const revoke = await server.app.inject({ method: 'POST', url: `/api/v1/api-keys/${apiKey.id}/revoke`, headers: admin.headers });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    expectProblem(await server.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${key}` } }), 401);
  });

  it('an expired key does not work', async () => {
    const { apiKey, key } = (await create(admin, { organizationId: users.orgs['agency'], name: 'short-lived', scopes: ['metrics'], expiresAt: new Date(Date.now() + 60_000).toISOString() })).json();
    await server.database.db.execute(sql`update api_keys set expires_at = now() - interval '1 second' where id = ${apiKey.id}`);
    expectProblem(await server.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${key}` } }), 401);
  });

  it('a partner administrator manages only their own organization\'s keys', async () => {
    const own = await create(partner, { organizationId: users.orgs['bank-a'], name: 'fraud engine', scopes: ['lookup', 'feeds:read'] });
    expect(own.statusCode).toBe(201);
    const other = await create(partner, { organizationId: users.orgs['bank-b'], name: 'not mine', scopes: ['lookup'] });
    expectProblem(other, 403);
    const bankB = await create(admin, { organizationId: users.orgs['bank-b'], name: 'bank b', scopes: ['lookup'] });
    const list = (await server.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: partner.headers })).json();
    expect(list.items.every((k: { organizationId: string }) => k.organizationId === users.orgs['bank-a'])).toBe(true);
    // Another organization's key is "not found", so ids do not leak existence.
    const revoke = await server.app.inject({ method: 'POST', url: `/api/v1/api-keys/${bankB.json().apiKey.id}/revoke`, headers: partner.headers });
    expectProblem(revoke, 404);
  });

  it('rejects unknown scopes and past expiry per field, storing nothing', async () => {
    const [before] = await queryRows<{ n: string | number }>(server.database.db, sql`select count(*) as n from api_keys`);
    const bad = await create(admin, { organizationId: users.orgs['agency'], name: 'x', scopes: ['lookup', 'everything'] });
    const problem = expectProblem(bad, 400);
    expect(problem.errors?.some((e) => e.field.includes('/scopes/1'))).toBe(true);
    const past = await create(admin, { organizationId: users.orgs['agency'], name: 'x', scopes: ['lookup'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(expectProblem(past, 400).errors?.[0]?.field).toBe('/expiresAt');
    const [after] = await queryRows<{ n: string | number }>(server.database.db, sql`select count(*) as n from api_keys`);
    expect(Number(after!.n)).toBe(Number(before!.n));
  });
});
