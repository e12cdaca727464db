import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, sessionCookie, signInAs, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;

beforeAll(async () => {
  server = await startTestServer({ SIGNIN_MAX_FAILURES: '3', SIGNIN_LOCK_MINUTES: '5' });
  users = await seedUsers(server.database);
});
afterAll(async () => server?.close());

describe('sign-in and sessions', () => {
  it('signs in, sets an HttpOnly SameSite cookie, and /me tells who you are', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'ANALYST@test.example ', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cg_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'analyst@test.example', role: 'analyst', organization: { kind: 'agency' } });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const me = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: sessionCookie(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(users.analyst.id);
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('stores only a hash of the session token', async () => {
    const session = await signInAs(server.app, users.supervisor.email);
    const token = session.cookie.split('=')[1]!;
    const rows = await queryRows<{ id: string }>(server.database.db, sql`select id from sessions where id = ${token}`);
    expect(rows).toHaveLength(0);
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const wrong = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: users.admin.email, password: 'nope' } });
    const unknown = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'nobody@test.example', password: 'nope' } });
    expect(expectProblem(wrong, 401).detail).toBe(expectProblem(unknown, 401).detail);
    // a successful sign-in resets the failure count
    await signInAs(server.app, users.admin.email);
  });

  it('locks an account after repeated failures, with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: users.partner_admin.email, password: `wrong-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: users.partner_admin.email, password: TEST_PASSWORD } });
    expectProblem(locked, 429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(200);
    await server.database.db.execute(sql`update users set locked_until = null, failed_sign_ins = 0 where email = ${users.partner_admin.email}`);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const session = await signInAs(server.app, users.analyst.email);
    const without = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: session.cookie } });
    expect(expectProblem(without, 403).detail).toMatch(/CSRF/);
    const wrong = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expectProblem(wrong, 403);
    const right = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: session.headers });
    expect(right.statusCode).toBe(204);
    const after = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expectProblem(after, 401);
  });

  it('signs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const a = await signInAs(server.app, users.supervisor.email);
    const b = await signInAs(server.app, users.supervisor.email);
    const other = await signInAs(server.app, users.analyst.email);
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere', headers: a.headers });
    expect(res.statusCode).toBe(204);
    for (const s of [a, b]) expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } }), 401);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: other.cookie } })).statusCode).toBe(200);
  });

  it('a disabled user cannot sign in and loses their sessions', async () => {
    const admin = await signInAs(server.app, users.admin.email);
    const victim = await signInAs(server.app, users.platform_operator.email);
    const res = await server.app.inject({ method: 'PATCH', url: `/api/v1/users/${users.platform_operator.id}`, headers: admin.headers, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expectProblem(await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: victim.cookie } }), 401);
    const again = await server.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: users.platform_operator.email, password: TEST_PASSWORD } });
    expectProblem(again, 401);
    await server.app.inject({ method: 'PATCH', url: `/api/v1/users/${users.platform_operator.id}`, headers: admin.headers, payload: { disabled: false } });
    await signInAs(server.app, users.platform_operator.email);
  });

  it('an expired session is not accepted', async () => {
    const s = await signInAs(server.app, users.analyst.email);
    await server.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute'`);
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expectProblem(res, 401);
    expect(String(res.headers['set-cookie'])).toMatch(/cg_session=;/);
  });

  it('audits sign-ins, failures and sign-outs', async () => {
    const rows = await queryRows<{ action: string }>(server.database.db, sql`select distinct action from audit_log`);
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.signed_in', 'auth.sign_in_failed', 'auth.signed_out', 'auth.signed_out_everywhere', 'user.disabled']));
  });
});
