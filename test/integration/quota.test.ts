import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyUsageMeter } from '../../src/app/api-key-usage.ts';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let admin: Session;
let bankAdmin: Session;
let orgs: Record<string, string>;
let defaultKey: string;

beforeAll(async () => {
  server = await startTestServer({ API_KEY_DAILY_QUOTA: '1000', RATE_LIMIT_KEY_PER_MINUTE: '500' });
  const users = await seedUsers(server.database);
  orgs = users.orgs;
  admin = await signInAs(server.app, users.admin.email);
  bankAdmin = await signInAs(server.app, users.partner_admin.email);
  defaultKey = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: orgs['bank-b']!, name: 'default quota', scopes: ['webhooks:manage'] })).key;
});
afterAll(async () => server?.close());

const call = (key: string) => server.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${key}` } });

describe('per-key daily quotas', () => {
  it('shows rate-limit and quota headers, and answers 429 problem+json once the quota is used up', async () => {
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: bankAdmin.headers, payload: { organizationId: orgs['bank-a'], name: 'small', scopes: ['webhooks:manage'], dailyQuota: 3 } });
    expect(created.statusCode).toBe(201);
    expect(created.json().apiKey.dailyQuota).toBe(3);
    const key = created.json().key as string;
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(key);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-quota-limit']).toBe('3');
      expect(Number(res.headers['x-quota-reset'])).toBeGreaterThan(0);
      expect(Number(res.headers['x-quota-reset'])).toBeLessThanOrEqual(86_400);
      expect(res.headers['x-ratelimit-limit']).toBe('500');
      expect(res.headers['x-ratelimit-remaining']).toBeDefined();
      remaining.push(String(res.headers['x-quota-remaining']));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await call(key);
    const problem = expectProblem(refused, 429);
    expect(problem.detail).toMatch(/daily quota of 3/);
    expect(refused.headers['x-quota-remaining']).toBe('0');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another key is not affected, and has the configured default.
    const other = await call(defaultKey);
    expect(other.statusCode).toBe(200);
    expect(other.headers['x-quota-limit']).toBe('1000');
  });

  it('counts usage per key per day in batches, and the API-key listing shows it', async () => {
    const key = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: orgs['bank-a']!, name: 'counted', scopes: ['webhooks:manage'] })).key;
    for (let i = 0; i < 7; i++) expect((await call(key)).statusCode).toBe(200);
    // Nothing written on the hot path…
    const before = await queryRows<{ n: number | string }>(server.database.db, sql`select count(*) as n from api_key_usage u join api_keys k on k.id = u.api_key_id where k.name = 'counted'`);
    expect(Number(before[0]!.n)).toBe(0);
    // …until the flush (every few seconds in the server), one row per key and day.
    await server.app.apiKeyUsage!.flush();
    const rows = await queryRows<{ day: string; requests: number | string }>(server.database.db, sql`select u.day, u.requests from api_key_usage u join api_keys k on k.id = u.api_key_id where k.name = 'counted'`);
    expect(rows).toEqual([{ day: new Date().toISOString().slice(0, 10), requests: expect.anything() }]);
    expect(Number(rows[0]!.requests)).toBe(7);
    const listing = (await server.app.inject({ method: 'GET', url: `/api/v1/api-keys?organizationId=${orgs['bank-a']}`, headers: admin.headers })).json();
    const counted = listing.items.find((k: { name: string }) => k.name === 'counted');
    expect(counted.usage).toEqual([{ day: new Date().toISOString().slice(0, 10), requests: 7 }]);
    expect(counted.dailyQuota).toBeNull();
  });

  it('a partner administrator does not see another organization’s keys or their usage', async () => {
    const listing = (await server.app.inject({ method: 'GET', url: `/api/v1/api-keys?organizationId=${orgs['bank-b']}`, headers: bankAdmin.headers })).json();
    expect(listing.items).toEqual([]);
  });

  it('the quota resets at midnight UTC; counts stay with the day they were made in; two nodes add up', async () => {
    const db = server.database.db;
    const created = await createApiKey(db, systemCaller('test'), { organizationId: orgs['bank-a']!, name: 'two nodes', scopes: ['webhooks:manage'] });
    let now = new Date('2031-03-01T23:59:58Z');
    const nodeA = new ApiKeyUsageMeter(db, { defaultDailyQuota: 3, now: () => now });
    const nodeB = new ApiKeyUsageMeter(db, { defaultDailyQuota: 3, now: () => now });
    const id = created.apiKey.id;
    expect((await nodeA.consume(id)).remaining).toBe(2);
    expect((await nodeA.consume(id)).resetSeconds).toBe(2);
    await nodeA.flush();
    // Node B reads the day's total when it first sees the key: one request left for both.
    expect(await nodeB.consume(id)).toMatchObject({ remaining: 0, exceeded: false });
    expect((await nodeB.consume(id)).exceeded).toBe(true);
    await nodeB.flush();
    // After midnight UTC: a fresh quota; yesterday's counts were written to yesterday.
    now = new Date('2031-03-02T00:00:01Z');
    expect(await nodeA.consume(id)).toMatchObject({ remaining: 2, exceeded: false });
    await nodeA.flush();
    const rows = await queryRows<{ day: string; requests: number | string }>(db, sql`select day, requests from api_key_usage where api_key_id = ${id} order by day`);
    expect(rows.map((r) => [r.day, Number(r.requests)])).toEqual([['2031-03-01', 3], ['2031-03-02', 1]]);
  });
});
