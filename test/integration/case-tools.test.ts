import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/connection.ts';
import { reportInto } from '../helpers/cases.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

// The case workspace's tools: finding the case to merge, and expanding a network from a node.

let server: TestServer;
let analyst: Session;
let operator: Session;
let partner: Session;

beforeAll(async () => {
  server = await startTestServer();
  const users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  operator = await signInAs(server.app, users.platform_operator.email);
  partner = await signInAs(server.app, users.partner_admin.email);
});
afterAll(async () => server?.close());

const db = () => server.database.db;
const get = (url: string, headers: Record<string, string> = analyst.headers) => server.app.inject({ method: 'GET', url, headers });
const referenceOf = async (caseId: string) => (await queryRows<{ reference: string }>(db(), sql`select reference from cases where id = ${caseId}`))[0]!.reference;

describe('merge candidates', () => {
  it('suggests the cases holding the same indicators, finds one by reference, and the merge follows', async () => {
    const first = await reportInto(db(), ['phone:+84912300001', 'phone:+84912300002']);
    const second = await reportInto(db(), ['phone:+84912300003']);
    const lone = await reportInto(db(), ['phone:+84912300009']);
    // A later report names an indicator of each: it joins the older case, which now shares one with the second.
    await reportInto(db(), ['phone:+84912300002', 'phone:+84912300003']);

    const suggestions = await get(`/api/v1/cases/${second.caseId}/merge-candidates`);
    expect(suggestions.statusCode).toBe(200);
    const items = suggestions.json().items as { case: { id: string }; sharedIndicators: { indicator: string }[]; mergeable: boolean }[];
    expect(items.map((i) => i.case.id)).toEqual([first.caseId]);
    expect(items[0]!.sharedIndicators.map((s) => s.indicator)).toEqual(['phone:+84912300003']);
    expect(items[0]!.mergeable).toBe(true);

    const byReference = await get(`/api/v1/cases/${first.caseId}/merge-candidates?reference=${(await referenceOf(lone.caseId)).toLowerCase()}`);
    expect(byReference.statusCode).toBe(200);
    expect(byReference.json().items).toMatchObject([{ case: { id: lone.caseId }, sharedIndicators: [], mergeable: true }]);
    // Its own reference is not a candidate; an unknown one is none; a malformed one is a 400 naming the field.
    expect((await get(`/api/v1/cases/${first.caseId}/merge-candidates?reference=${await referenceOf(first.caseId)}`)).json().items).toEqual([]);
    expect((await get(`/api/v1/cases/${first.caseId}/merge-candidates?reference=CG-1999-999999`)).json().items).toEqual([]);
    expect(expectProblem(await get(`/api/v1/cases/${first.caseId}/merge-candidates?reference=DROP%20TABLE`), 400).errors?.[0]?.field).toBe('querystring:/reference');

    const merged = await server.app.inject({ method: 'POST', url: `/api/v1/cases/${first.caseId}/merge`, headers: analyst.headers, payload: { sourceCaseId: second.caseId, reason: 'Cùng một số điện thoại.' } });
    expect(merged.statusCode).toBe(200);
    // A merged case is no longer suggested.
    expect((await get(`/api/v1/cases/${first.caseId}/merge-candidates`)).json().items).toEqual([]);
  });

  it('an unknown case is 404; platforms and partners get 403, an anonymous caller 401', async () => {
    expectProblem(await get('/api/v1/cases/00000000-0000-4000-8000-000000000000/merge-candidates'), 404);
    const { caseId } = await reportInto(db(), ['phone:+84912300020']);
    expectProblem(await get(`/api/v1/cases/${caseId}/merge-candidates`, operator.headers), 403);
    expectProblem(await get(`/api/v1/cases/${caseId}/merge-candidates`, partner.headers), 403);
    expectProblem(await get(`/api/v1/cases/${caseId}/merge-candidates`, {}), 401);
  });
});

describe('expanding a network from a node', () => {
  it('answers the member, its direct neighbours (most shared reports first) and the links among them', async () => {
    // A hub linked to three spokes; one spoke linked twice; a far member linked only to a spoke.
    await reportInto(db(), ['phone:+84912400001', 'phone:+84912400002']);
    await reportInto(db(), ['phone:+84912400001', 'phone:+84912400002']);
    await reportInto(db(), ['phone:+84912400001', 'phone:+84912400003']);
    await reportInto(db(), ['phone:+84912400001', 'phone:+84912400004']);
    await reportInto(db(), ['phone:+84912400004', 'phone:+84912400005']);
    const [hub] = await queryRows<{ id: string; network_id: string }>(db(), sql`select id, network_id from indicators where indicator = 'phone:+84912400001'`);
    const res = await get(`/api/v1/networks/${hub!.network_id}/members/${hub!.id}/neighbours`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { member: { id: string }; neighbours: { indicator: string }[]; links: { aId: string; bId: string; reports: number }[] };
    expect(body.member.id).toBe(hub!.id);
    // Ties on shared reports go to the more reported member (400004 is also named with 400005).
    expect(body.neighbours.map((n) => n.indicator)).toEqual(['phone:+84912400002', 'phone:+84912400004', 'phone:+84912400003']);
    expect(body.links).toHaveLength(3);
    expect(Math.max(...body.links.map((l) => l.reports))).toBe(2);
    // limit bounds the neighbours; 1000 is the most.
    expect((await get(`/api/v1/networks/${hub!.network_id}/members/${hub!.id}/neighbours?limit=1`)).json().neighbours).toHaveLength(1);
    expectProblem(await get(`/api/v1/networks/${hub!.network_id}/members/${hub!.id}/neighbours?limit=1001`), 400);
    // The whole network loads up to 1000 members.
    expect((await get(`/api/v1/networks/${hub!.network_id}?limit=1000`)).json().members).toHaveLength(5);
  });

  it('an indicator outside the network is 404; platforms 403; anonymous 401', async () => {
    await reportInto(db(), ['phone:+84912500001', 'phone:+84912500002']);
    await reportInto(db(), ['phone:+84912500003', 'phone:+84912500004']);
    const [a] = await queryRows<{ id: string; network_id: string }>(db(), sql`select id, network_id from indicators where indicator = 'phone:+84912500001'`);
    const [other] = await queryRows<{ id: string }>(db(), sql`select id from indicators where indicator = 'phone:+84912500003'`);
    expectProblem(await get(`/api/v1/networks/${a!.network_id}/members/${other!.id}/neighbours`), 404);
    expectProblem(await get(`/api/v1/networks/00000000-0000-4000-8000-000000000000/members/${a!.id}/neighbours`), 404);
    expectProblem(await get(`/api/v1/networks/${a!.network_id}/members/${a!.id}/neighbours`, operator.headers), 403);
    expectProblem(await get(`/api/v1/networks/${a!.network_id}/members/${a!.id}/neighbours`, {}), 401);
  });
});
