import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { ROLES, type Role } from '../../src/domain/auth/roles.ts';
import { accessPlugin } from '../../src/http/plugins/access.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let sessions: Record<Role, Session>;
let unscopedKey: string;
let metricsKey: string;

const SOME_UUID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, SOME_UUID);

beforeAll(async () => {
  server = await startTestServer();
  const users = await seedUsers(server.database);
  sessions = {} as Record<Role, Session>;
  for (const role of ROLES) sessions[role] = await signInAs(server.app, users[role].email);
  const caller = systemCaller('test');
  unscopedKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'lookups only', scopes: ['lookup'] })).key;
  metricsKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['agency']!, name: 'prometheus', scopes: ['metrics'] })).key;
});
afterAll(async () => server?.close());

describe('every route declares who may call it', () => {
  it('has an access rule on every API route', () => {
    const rules = server.app.accessRules;
    expect(rules.length).toBeGreaterThan(10);
    for (const url of ['/api/v1/auth/sign-in', '/api/v1/organizations', '/api/v1/users', '/api/v1/api-keys', '/api/v1/audit', '/metrics', '/healthz']) {
      expect(rules.some((r) => r.url === url)).toBe(true);
    }
  });

  it('refuses to register an API route without a rule', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(accessPlugin, { db: server.database.db });
    await expect(
      app.register(async (child) => {
        child.get('/api/v1/forgotten', async () => ({}));
      }),
    ).rejects.toThrow(/declares no access rule/);
  });
});

describe('the wrong caller is refused on every protected route', () => {
  it('answers 401 without credentials', async () => {
    for (const rule of server.app.accessRules) {
      if ('public' in rule.access) continue;
      const res = await server.app.inject({ method: rule.method as 'GET', url: concrete(rule.url), payload: rule.method === 'GET' ? undefined : {} });
      expectProblem(res, 401);
    }
  });

  it('answers 403 to every signed-in role the rule does not name', async () => {
    let checked = 0;
    for (const rule of server.app.accessRules) {
      if ('public' in rule.access) continue;
      const allowed = rule.access.roles ?? [];
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const res = await server.app.inject({
          method: rule.method as 'GET',
          url: concrete(rule.url),
          headers: sessions[role].headers,
          payload: rule.method === 'GET' ? undefined : {},
        });
        expect([403, 404], `${role} → ${rule.method} ${rule.url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('answers 403 to an API key without the route\'s scope, and lets the right scope in', async () => {
    for (const rule of server.app.accessRules) {
      if ('public' in rule.access || rule.access.scopes?.includes('lookup')) continue;
      const res = await server.app.inject({ method: rule.method as 'GET', url: concrete(rule.url), headers: { authorization: `Bearer ${unscopedKey}` }, payload: rule.method === 'GET' ? undefined : {} });
      expectProblem(res, 403);
    }
    const metrics = await server.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${metricsKey}` } });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('http_requests_total');
  });

  it('lets each allowed role through the access check', async () => {
    for (const rule of server.app.accessRules) {
      if ('public' in rule.access || rule.method !== 'GET') continue;
      for (const role of rule.access.roles ?? []) {
        const res = await server.app.inject({ method: 'GET', url: concrete(rule.url), headers: sessions[role].headers });
        expect([200, 404], `${role} → GET ${rule.url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      }
    }
  });

  it('rejects an unknown or malformed API key instead of treating the caller as the public', async () => {
    for (const key of ['cg_00000000_' + 'a'.repeat(43), 'not-a-key']) {
      const res = await server.app.inject({ method: 'GET', url: '/healthz', headers: { authorization: `Bearer ${key}` } });
      expectProblem(res, 401);
    }
  });
});
