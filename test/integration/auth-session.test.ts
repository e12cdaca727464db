import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;

const session = (headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
});
afterAll(async () => server?.close());

describe('GET /api/v1/auth/session: the web app asks who is signed in', () => {
  it('is declared public, and says so in the OpenAPI document', async () => {
    const rule = server.app.accessRules.find((r) => r.method === 'GET' && r.url === '/api/v1/auth/session');
    expect(rule?.access).toEqual({ public: true });
    const document = (await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operation = document.paths['/api/v1/auth/session'].get;
    expect(operation.security).toEqual([]);
    expect(operation.description).toContain('Access: public.');
    expect(operation.responses['200']).toBeDefined();
  });

  it('answers an anonymous visitor 200 with no user (not 401), uncached', async () => {
    const res = await session();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
    expect(res.headers['cache-control']).toBe('no-store');
    // /auth/me keeps its meaning for API clients: no session is a 401.
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/auth/me' }), 401);
  });

  it('answers a signed-in user exactly as /auth/me does', async () => {
    for (const role of ['analyst', 'platform_operator'] as const) {
      const signedIn = await signInAs(server.app, users[role].email);
      const res = await session({ cookie: signedIn.cookie });
      expect(res.statusCode).toBe(200);
      const me = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: signedIn.cookie } });
      expect(res.json()).toEqual(me.json());
      expect(res.json()).toMatchObject({ user: { id: users[role].id, role }, csrfToken: signedIn.csrfToken });
    }
  });

  it('answers no user once the session has ended or for a forged cookie, and clears that cookie', async () => {
    const signedIn = await signInAs(server.app, users.supervisor.email);
    const out = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: signedIn.headers });
    expect(out.statusCode).toBe(204);
    for (const cookie of [signedIn.cookie, 'cg_session=forged-token-value']) {
      const res = await session({ cookie });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ user: null });
      expect(res.cookies.find((c) => c.name === 'cg_session')?.value).toBe('');
    }
  });

  it('gives an API key no user (a key is not a browser session), and refuses a wrong key', async () => {
    const { key } = await createApiKey(server.database.db, systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'session-check', scopes: ['lookup'] });
    const res = await session({ authorization: `Bearer ${key}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
    expectProblem(await session({ authorization: 'Bearer cg_00000000_not-a-real-key' }), 401);
  });
});
