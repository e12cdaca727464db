import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { queryRows } from '../../src/store/connection.ts';
import { reportInto } from '../helpers/cases.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, TEST_PASSWORD, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
const sessions: Record<string, Session> = {};
let secondAnalystId: string;
let goneAnalystId: string;

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

interface Assignee { id: string; name: string; role: string; openCaseCount: number }

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  const caller = systemCaller('test');
  const agency = users.orgs['agency']!;
  secondAnalystId = (await createUser(server.database.db, caller, { organizationId: agency, email: 'an.nguyen@test.example', name: 'An Nguyễn', role: 'analyst', password: TEST_PASSWORD })).user.id;
  goneAnalystId = (await createUser(server.database.db, caller, { organizationId: agency, email: 'gone@test.example', name: 'Former Analyst', role: 'analyst', password: TEST_PASSWORD })).user.id;
  await queryRows(server.database.db, sql`update users set disabled_at = now() where id = ${goneAnalystId}`);
  for (const role of ['admin', 'supervisor', 'analyst', 'platform_operator', 'partner_admin'] as const) sessions[role] = await signInAs(server.app, users[role].email);
});
afterAll(async () => server?.close());

describe('GET /api/v1/assignees', () => {
  it('lists the active analysts and supervisors of the agency with their open cases, by name, without contact details', async () => {
    const open = await reportInto(server.database.db, ['fb:user:assigneeopen1']);
    const closedToo = await reportInto(server.database.db, ['fb:user:assigneeclosed1']);
    for (const c of [open, closedToo]) {
      const res = await server.app.inject({ method: 'POST', url: `/api/v1/cases/${c.caseId}/assign`, headers: sessions.supervisor!.headers, payload: { assigneeUserId: secondAnalystId } });
      expect(res.statusCode, res.body).toBe(200);
    }
    // A closed (finished) case does not count as open work.
    await queryRows(server.database.db, sql`update cases set status = 'closed' where id = ${closedToo.caseId}`);

    const res = await get('/api/v1/assignees', sessions.analyst!.headers);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Assignee[];
    expect(items.map((i) => i.name)).toEqual(['An Nguyễn', 'Test analyst', 'Test supervisor']);
    expect(items.find((i) => i.id === secondAnalystId)).toEqual({ id: secondAnalystId, name: 'An Nguyễn', role: 'analyst', openCaseCount: 1 });
    expect(items.find((i) => i.id === users.supervisor.id)!.openCaseCount).toBe(0);
    // Admins, disabled people and the platforms' operators are not assignees.
    expect(items.some((i) => i.id === goneAnalystId || i.id === users.admin.id || i.id === users.platform_operator.id)).toBe(false);
    expect(res.body).not.toContain('@test.example');
  });

  it('answers every agency role, and refuses platforms, partners and anonymous callers', async () => {
    for (const role of ['admin', 'supervisor', 'analyst']) expect((await get('/api/v1/assignees', sessions[role]!.headers)).statusCode).toBe(200);
    expectProblem(await get('/api/v1/assignees', sessions.platform_operator!.headers), 403);
    expectProblem(await get('/api/v1/assignees', sessions.partner_admin!.headers), 403);
    expectProblem(await get('/api/v1/assignees'), 401);
  });
});
