import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, TEST_PASSWORD, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
const s: Record<string, Session> = {};

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, session?: Session, payload?: unknown) =>
  server.app.inject({ method, url, headers: session?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const list = async (session: Session) => (await call('GET', '/api/v1/saved-views', session)).json().items as { id: string; name: string; shared: boolean; mine: boolean; editable: boolean; owner: { name: string }; filters: Record<string, unknown> }[];
const count = async (where: string) => (await queryRows<{ n: number }>(server.database.db, sql.raw(`select count(*)::int as n from ${where}`)))[0]!.n;

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  await createUser(server.database.db, systemCaller('test'), { organizationId: users.orgs['agency']!, email: 'analyst2@test.example', name: 'Second analyst', role: 'analyst', password: TEST_PASSWORD });
  for (const role of ['admin', 'supervisor', 'analyst', 'platform_operator', 'partner_admin'] as const) s[role] = await signInAs(server.app, users[role].email);
  s.analyst2 = await signInAs(server.app, 'analyst2@test.example');
});
afterAll(async () => server?.close());

describe('saved queue views', () => {
  it('keeps a person\'s own views private and cleans what it stores', async () => {
    const res = await call('POST', '/api/v1/saved-views', s.analyst, { name: '  Lừa đảo   đầu tư  ', filters: { status: ['triaged', 'new', 'new'], category: 'investment', assignee: 'me', sort: 'risk' } });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ name: 'Lừa đảo đầu tư', shared: false, mine: true, editable: true, owner: { name: 'Test analyst' }, filters: { status: ['new', 'triaged'], category: 'investment', assignee: 'me', sort: 'risk' } });
    expect((await list(s.analyst!)).map((v) => v.id)).toEqual([view.id]);
    expect(await list(s.analyst2!)).toEqual([]);
    expect(await list(s.supervisor!)).toEqual([]);
    expect(await count(`audit_log where action = 'saved_view.created' and subject_id = '${view.id}'`)).toBe(1);

    // Someone else's private view is not there for them at all.
    expectProblem(await call('PATCH', `/api/v1/saved-views/${view.id}`, s.analyst2, { name: 'Mine now' }), 404);
    expectProblem(await call('DELETE', `/api/v1/saved-views/${view.id}`, s.supervisor), 404);

    const renamed = await call('PATCH', `/api/v1/saved-views/${view.id}`, s.analyst, { name: 'Đầu tư của tôi' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe('Đầu tư của tôi');
    expect((await call('DELETE', `/api/v1/saved-views/${view.id}`, s.analyst)).statusCode).toBe(204);
    expect(await list(s.analyst!)).toEqual([]);
    expect(await count(`audit_log where action in ('saved_view.changed', 'saved_view.deleted') and subject_id = '${view.id}'`)).toBe(2);
  });

  it('lets supervisors share with the agency; a shared view is changed by its owner or a supervisor', async () => {
    const shared = (await call('POST', '/api/v1/saved-views', s.supervisor, { name: 'Overdue at platforms', filters: { escalationDue: true, sort: 'priority' }, shared: true })).json();
    expect(shared.shared).toBe(true);
    const seen = (await list(s.analyst!)).find((v) => v.id === shared.id)!;
    expect(seen).toMatchObject({ mine: false, editable: false, owner: { name: 'Test supervisor' } });
    expect((await list(s.admin!)).find((v) => v.id === shared.id)!.editable).toBe(true);

    // An analyst sees it but may not rename, unshare or delete it.
    expectProblem(await call('PATCH', `/api/v1/saved-views/${shared.id}`, s.analyst, { name: 'Hijacked' }), 403);
    expectProblem(await call('DELETE', `/api/v1/saved-views/${shared.id}`, s.analyst), 403);
    // Another supervisor (here the admin) may.
    expect((await call('PATCH', `/api/v1/saved-views/${shared.id}`, s.admin, { name: 'Overdue (all platforms)' })).json().name).toBe('Overdue (all platforms)');

    // Analysts keep their views to themselves.
    expectProblem(await call('POST', '/api/v1/saved-views', s.analyst, { name: 'Team view', filters: {}, shared: true }), 403);
    const own = (await call('POST', '/api/v1/saved-views', s.analyst, { name: 'Team view', filters: {} })).json();
    expectProblem(await call('PATCH', `/api/v1/saved-views/${own.id}`, s.analyst, { shared: true }), 403);
    expect(await count(`saved_views where name = 'Team view' and shared`)).toBe(0);

    // Unsharing takes it away from the others, and its owner may delete it then.
    expect((await call('PATCH', `/api/v1/saved-views/${shared.id}`, s.supervisor, { shared: false })).json().shared).toBe(false);
    expect((await list(s.analyst!)).some((v) => v.id === shared.id)).toBe(false);
    expect((await call('DELETE', `/api/v1/saved-views/${shared.id}`, s.supervisor)).statusCode).toBe(204);
  });

  it('refuses bad input by field and stores nothing', async () => {
    const before = await count('saved_views');
    const post = (body: unknown) => call('POST', '/api/v1/saved-views', s.analyst, body);
    expectProblem(await post({ name: '   ', filters: {} }), 400);
    expectProblem(await post({ name: 'x'.repeat(81), filters: {} }), 400);
    expectProblem(await post({ name: 'Bad status', filters: { status: ['open'] } }), 400);
    expectProblem(await post({ name: 'Bad assignee', filters: { assignee: 'bob' } }), 400);
    expectProblem(await post({ name: 'Bad sort', filters: { sort: 'random' } }), 400);
    expectProblem(await post({ name: 'Extra', filters: { colour: 'red' } }), 400);
    expectProblem(await post({ name: 'No filters' }), 400);
    expect(await count('saved_views')).toBe(before);

    const first = (await post({ name: 'Twice', filters: {} })).json();
    const twice = expectProblem(await post({ name: ' Twice ', filters: { priority: 1 } }), 409);
    expect(twice.errors![0]!.field).toBe('/name');
    const other = (await post({ name: 'Other', filters: {} })).json();
    expectProblem(await call('PATCH', `/api/v1/saved-views/${other.id}`, s.analyst, { name: 'Twice' }), 409);
    expectProblem(await call('PATCH', `/api/v1/saved-views/${other.id}`, s.analyst, {}), 400);
    // The same name is fine for another person.
    expect((await call('POST', '/api/v1/saved-views', s.analyst2, { name: 'Twice', filters: {} })).statusCode).toBe(201);
    expect(first.filters).toEqual({ sort: 'updated' });
  });

  it('is for the agency\'s staff: platforms and partners 403, anonymous 401', async () => {
    const id = '00000000-0000-4000-8000-00000000000a';
    for (const role of ['platform_operator', 'partner_admin']) {
      expectProblem(await call('GET', '/api/v1/saved-views', s[role]), 403);
      expectProblem(await call('POST', '/api/v1/saved-views', s[role], { name: 'x', filters: {} }), 403);
      expectProblem(await call('PATCH', `/api/v1/saved-views/${id}`, s[role], { name: 'x' }), 403);
      expectProblem(await call('DELETE', `/api/v1/saved-views/${id}`, s[role]), 403);
    }
    expectProblem(await call('GET', '/api/v1/saved-views'), 401);
    expectProblem(await call('POST', '/api/v1/saved-views', undefined, { name: 'x', filters: {} }), 401);
    expectProblem(await call('DELETE', `/api/v1/saved-views/${id}`), 401);
    expectProblem(await call('DELETE', `/api/v1/saved-views/${id}`, s.analyst), 404);
  });
});
