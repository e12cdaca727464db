import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let admin: Session;
let supervisor: Session;
let analyst: Session;
let operator: Session;

interface Record_ {
  seq: number;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorId: string | null;
  organizationId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

const send = (method: 'GET' | 'PATCH' | 'PUT', url: string, headers: Record<string, string> = {}, payload?: object) => server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const list = async (query: string, session = admin): Promise<{ items: Record_[]; nextCursor: string | null }> => {
  const res = await send('GET', `/api/v1/audit?${query}`, session.headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
let startedAt: string;

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  admin = await signInAs(server.app, users.admin.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  analyst = await signInAs(server.app, users.analyst.email);
  operator = await signInAs(server.app, users.platform_operator.email);
  startedAt = new Date().toISOString();
  // A few changes by the admin to filter: two categories, two deadline policies.
  expect((await send('PATCH', '/api/v1/taxonomy/loan', admin.headers, { nameEn: 'Loan sharks' })).statusCode).toBe(200);
  expect((await send('PATCH', '/api/v1/taxonomy/fake_charity', admin.headers, { active: false })).statusCode).toBe(200);
  expect((await send('PUT', '/api/v1/deadline-policies/facebook', admin.headers, { hours: 12, dueSoonHours: 2 })).statusCode).toBe(200);
  expect((await send('PUT', '/api/v1/deadline-policies/zalo', admin.headers, { hours: 48, dueSoonHours: 6 })).statusCode).toBe(200);
});
afterAll(async () => server?.close());

describe('the audit log, filtered', () => {
  it('by one action or a family of actions', async () => {
    const policies = await list('action=deadline_policy.set');
    expect(policies.items.map((r) => r.subjectId)).toEqual(['zalo', 'facebook']);
    expect(policies.items[1]).toMatchObject({ subjectType: 'deadline_policy', before: null, after: { hours: 12, dueSoonHours: 2 } });
    const categories = await list('action=fraud_category.*');
    expect(categories.items.map((r) => r.subjectId)).toEqual(['fake_charity', 'loan']);
    // A family name alone is not an action: no record is called just "fraud_category".
    expect((await list('action=fraud_category')).items).toEqual([]);
  });

  it('by subject, actor (id or email), organization and period; filters combine', async () => {
    expect((await list('subjectType=deadline_policy&subjectId=facebook')).items).toHaveLength(1);
    const byEmail = await list(`actor=${encodeURIComponent(users.admin.email)}&action=fraud_category.*`);
    expect(byEmail.items).toHaveLength(2);
    expect(byEmail.items.every((r) => r.actorId === users.admin.id)).toBe(true);
    expect((await list(`actor=${users.admin.id}&subjectType=fraud_category`)).items).toHaveLength(2);
    expect((await list('actor=nobody%40test.example')).items).toEqual([]);
    expect((await list(`actor=${users.supervisor.id}&subjectType=fraud_category`)).items).toEqual([]);
    const ownOrg = await list(`organizationId=${users.orgs['agency']}&subjectType=deadline_policy`);
    expect(ownOrg.items).toHaveLength(2);
    expect((await list(`organizationId=${users.orgs['bank-a']}&subjectType=deadline_policy`)).items).toEqual([]);
    const inPeriod = await list(`from=${encodeURIComponent(startedAt)}`);
    expect(inPeriod.items.length).toBeGreaterThanOrEqual(4);
    expect(inPeriod.items.every((r) => r.at >= startedAt)).toBe(true);
    expect((await list(`to=${encodeURIComponent(startedAt)}&subjectType=fraud_category`)).items).toEqual([]);
  });

  it('pages with the cursor, filters kept, without repeats or gaps', async () => {
    const all = await list('limit=500');
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: Record_[]; nextCursor: string | null } = await list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((r) => r.seq));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((r) => r.seq));
    const first = await list('action=deadline_policy.set&limit=1');
    expect(first.items[0]!.subjectId).toBe('zalo');
    const second = await list(`action=deadline_policy.set&limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]!.subjectId).toBe('facebook');
    expect(second.nextCursor).toBeNull();
  });

  it('one record with the hash it points back at; its neighbour\'s hash is that hash', async () => {
    const [newest, previous] = (await list('limit=2')).items;
    const res = await send('GET', `/api/v1/audit/${newest!.seq}`, supervisor.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ seq: newest!.seq, hash: newest!.hash, prevHash: previous!.hash });
    expectProblem(await send('GET', '/api/v1/audit/999999', admin.headers), 404);
    expectProblem(await send('GET', '/api/v1/audit/abc', admin.headers), 404);
  });

  it('bad filters are a 400 naming the parameter', async () => {
    const bad: [string, string][] = [
      ['action=Not%20an%20action', 'querystring:/action'],
      ['cursor=abc', 'querystring:/cursor'],
      ['from=yesterday', 'querystring:/from'],
      ['organizationId=acme', 'querystring:/organizationId'],
      [`from=${encodeURIComponent(startedAt)}&to=${encodeURIComponent(startedAt)}`, 'querystring:/to'],
      ['colour=blue', 'querystring'],
    ];
    for (const [query, field] of bad) {
      const problem = expectProblem(await send('GET', `/api/v1/audit?${query}`, admin.headers), 400);
      expect(problem.errors?.some((e) => e.field.startsWith(field)), `${query}: ${JSON.stringify(problem.errors)}`).toBe(true);
    }
  });

  it('deadline policies: a platform no organization operates is a 404; saving the policy in force records nothing', async () => {
    expectProblem(await send('PUT', '/api/v1/deadline-policies/facebok', admin.headers, { hours: 12, dueSoonHours: 2 }), 404);
    const policies = (await send('GET', '/api/v1/deadline-policies', admin.headers)).json().items as { platform: string }[];
    expect(policies.map((p) => p.platform)).not.toContain('facebok');
    const again = await send('PUT', '/api/v1/deadline-policies/facebook', admin.headers, { hours: 12, dueSoonHours: 2 });
    expect(again.json()).toMatchObject({ platform: 'facebook', hours: 12, dueSoonHours: 2, configured: true });
    expect((await list('action=deadline_policy.set&subjectId=facebook')).items).toHaveLength(1);
  });

  it('admins and supervisors read; only admins verify; others are refused; anonymous callers must sign in', async () => {
    expect((await list('action=deadline_policy.set', supervisor)).items).toHaveLength(2);
    const verified = await send('GET', '/api/v1/audit/verify', admin.headers);
    expect(verified.json()).toMatchObject({ ok: true });
    expectProblem(await send('GET', '/api/v1/audit/verify', supervisor.headers), 403);
    for (const session of [analyst, operator]) {
      expectProblem(await send('GET', '/api/v1/audit?action=deadline_policy.set', session.headers), 403);
      expectProblem(await send('GET', '/api/v1/audit/1', session.headers), 403);
    }
    expectProblem(await send('GET', '/api/v1/audit'), 401);
    expectProblem(await send('GET', '/api/v1/audit/1'), 401);
  });
});
