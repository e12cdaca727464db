import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay } from '../../src/app/api-key-usage.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let admin: Session;
let partner: Session;
let analyst: Session;

beforeAll(async () => {
  server = await startTestServer({ API_KEY_DAILY_QUOTA: '5000' });
  users = await seedUsers(server.database);
  admin = await signInAs(server.app, users.admin.email);
  partner = await signInAs(server.app, users.partner_admin.email);
  analyst = await signInAs(server.app, users.analyst.email);
});
afterAll(async () => server?.close());

async function create(session: Session, body: object): Promise<{ apiKey: { id: string }; key: string }> {
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: session.headers, payload: body });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const usage = (session: Session | undefined, id: string, query = '') =>
  server.app.inject({ method: 'GET', url: `/api/v1/api-keys/${id}/usage${query}`, headers: session?.headers ?? {} });

describe('API key usage per day', () => {
  it('answers every one of the last 30 days, oldest first, zeros included, with the quota in force', async () => {
    const { apiKey } = await create(admin, { organizationId: users.orgs['bank-a'], name: 'usage chart', scopes: ['lookup'] });
    const today = utcDay(new Date());
    const threeDaysAgo = utcDay(new Date(Date.now() - 3 * 86_400_000));
    const longAgo = utcDay(new Date(Date.now() - 40 * 86_400_000));
    await server.database.db.execute(
      sql`insert into api_key_usage (api_key_id, day, requests) values (${apiKey.id}, ${today}, 12), (${apiKey.id}, ${threeDaysAgo}, 7), (${apiKey.id}, ${longAgo}, 99)`,
    );
    const res = await usage(admin, apiKey.id);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { dailyQuota: number; quotaIsDefault: boolean; days: { day: string; requests: number }[] };
    expect(body.dailyQuota).toBe(5000);
    expect(body.quotaIsDefault).toBe(true);
    expect(body.days).toHaveLength(30);
    expect(body.days.at(-1)).toEqual({ day: today, requests: 12 });
    expect(body.days.find((d) => d.day === threeDaysAgo)?.requests).toBe(7);
    expect(body.days.reduce((sum, d) => sum + d.requests, 0)).toBe(19);
    expect([...body.days].map((d) => d.day)).toEqual([...body.days].map((d) => d.day).sort());

    const week = (await usage(admin, apiKey.id, '?days=7')).json();
    expect(week.days).toHaveLength(7);
    expectProblem(await usage(admin, apiKey.id, '?days=365'), 400);
  });

  it('counts a real use of the key (after the usage flush) and shows its own quota', async () => {
    const { apiKey, key } = await create(admin, { organizationId: users.orgs['agency'], name: 'counted', scopes: ['metrics'], dailyQuota: 50 });
    expect((await server.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200);
    await server.app.apiKeyUsage!.flush();
    const body = (await usage(admin, apiKey.id)).json();
    expect(body).toMatchObject({ dailyQuota: 50, quotaIsDefault: false });
    expect(body.days.at(-1).requests).toBe(1);
  });

  it("a partner administrator sees their own keys' usage; another organization's key is not found", async () => {
    const own = await create(partner, { organizationId: users.orgs['bank-a'], name: 'own', scopes: ['lookup'] });
    expect((await usage(partner, own.apiKey.id)).statusCode).toBe(200);
    const other = await create(admin, { organizationId: users.orgs['bank-b'], name: 'other', scopes: ['lookup'] });
    expectProblem(await usage(partner, other.apiKey.id), 404);
    expectProblem(await usage(admin, '00000000-0000-4000-8000-000000000000'), 404);
  });

  it('the wrong role gets 403 and an anonymous caller 401', async () => {
    const { apiKey } = await create(admin, { organizationId: users.orgs['agency'], name: 'guarded', scopes: ['metrics'] });
    expectProblem(await usage(analyst, apiKey.id), 403);
    expectProblem(await usage(undefined, apiKey.id), 401);
  });
});

describe('API key listing by status', () => {
  it('filters active, revoked and expired keys', async () => {
    const org = users.orgs['zalo'];
    const active = await create(admin, { organizationId: org, name: 'still active', scopes: ['lookup'] });
    const revoked = await create(admin, { organizationId: org, name: 'revoked', scopes: ['lookup'] });
    const expired = await create(admin, { organizationId: org, name: 'expired', scopes: ['lookup'], expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await server.app.inject({ method: 'POST', url: `/api/v1/api-keys/${revoked.apiKey.id}/revoke`, headers: admin.headers });
    await server.database.db.execute(sql`update api_keys set expires_at = now() - interval '1 second' where id = ${expired.apiKey.id}`);
    const names = async (status: string) =>
      ((await server.app.inject({ method: 'GET', url: `/api/v1/api-keys?organizationId=${org}&status=${status}`, headers: admin.headers })).json().items as { id: string }[]).map((k) => k.id);
    expect(await names('active')).toEqual([active.apiKey.id]);
    expect(await names('revoked')).toEqual([revoked.apiKey.id]);
    expect(await names('expired')).toEqual([expired.apiKey.id]);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/api-keys?status=lost', headers: admin.headers }), 400);
  });

  it('a key secret is never in a listing or a usage answer', async () => {
    const { apiKey, key } = await create(admin, { organizationId: users.orgs['agency'], name: 'secret', scopes: ['metrics'] });
    const list = await server.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: admin.headers });
    expect(list.body).not.toContain(key.slice(12));
    expect((await usage(admin, apiKey.id)).body).not.toContain(key.slice(12));
  });
});
