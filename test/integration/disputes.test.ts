import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { piiCipher } from '../../src/app/pii-crypto.ts';
import { queryRows } from '../../src/store/connection.ts';
import { reportInto } from '../helpers/cases.ts';
import { putIndicator } from '../helpers/indicators.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let analyst: Session;
let supervisor: Session;
let operator: Session;
let partnerKey: string;

const reasons = {
  ground: 'investment',
  legalBasis: 'Decree 147/2024/ND-CP on internet services and online information',
  evidence: ['citizen_reports', 'transaction_records'],
  sourceType: 'agency',
};

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  operator = await signInAs(server.app, users.platform_operator.email);
  partnerKey = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'k', scopes: ['lookup', 'indicators:write'] })).key;
});
afterAll(async () => server?.close());

const db = () => server.database.db;
let address = 0;
/** Each request from its own address, except where the rate limit is the point. */
const post = (url: string, headers: Record<string, string>, payload: object, remoteAddress = `198.51.100.${++address % 250}`) => server.app.inject({ method: 'POST', url, headers, payload, remoteAddress });
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const count = async (table: string) => (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const dispute = (identifier: string, extra: object = {}) =>
  post('/api/v1/disputes', {}, { identifier, explanation: 'This is my own shop’s number; I have never scammed anyone.', contact: { name: 'Nguyễn Văn A', email: 'owner@example.vn', phone: '0987 654 321' }, ...extra });

describe('disputes end to end', () => {
  it('a listed identifier disputed in any written form becomes disputed, the cases record it, the disputer gets a code', async () => {
    const r = await reportInto(db(), ['phone:+84913555001']);
    await post(`/api/v1/cases/${r.caseId}/triage`, analyst.headers, {});
    expect((await post(`/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons })).statusCode).toBe(200);

    const res = await dispute('0913 555 001');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'open', trackingCode: expect.stringMatching(/^KN-[0-9A-Z]{5}-[0-9A-Z]{5}$/) });

    const detail = (await get(`/api/v1/indicators/${r.indicatorIds[0]}`, analyst.headers)).json();
    expect(detail.verdict).toBe('disputed');
    expect(detail.history.at(-1)).toMatchObject({ from: 'confirmed', to: 'disputed', reasons: { automated: true, evidence: ['owner_statement'], sourceType: 'automated', decidedBy: { type: 'automated_rule', rule: 'dispute_received' } } });

    const c = (await get(`/api/v1/cases/${r.caseId}`, analyst.headers)).json();
    expect(c.events.at(-1)).toMatchObject({ type: 'disputed', payload: { phase: 'opened', indicatorId: r.indicatorIds[0] } });
    expect(c.status).toBe('verified');

    // Contact details are encrypted at rest.
    const [row] = await queryRows<{ contact_encrypted: string }>(db(), sql`select contact_encrypted from disputes where tracking_code = ${body.trackingCode}`);
    expect(row!.contact_encrypted).not.toContain('owner@example.vn');
    expect(row!.contact_encrypted).not.toContain('Nguyễn');

    // The public status by code (typed loosely) shows no personal data.
    const status = await get(`/api/v1/disputes/track/${body.trackingCode.toLowerCase().replace(/-/g, ' ')}`);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ trackingCode: body.trackingCode, status: 'open', indicator: expect.any(String), decisionReason: null });
    expect(status.body).not.toMatch(/owner@example|Nguyễn|0987|never scammed/);

    // The agency sees the open dispute with the contact details.
    const list = (await get('/api/v1/disputes', supervisor.headers)).json();
    const mine = list.items.find((d: { trackingCode: string }) => d.trackingCode === body.trackingCode);
    expect(mine.contact).toMatchObject({ email: 'owner@example.vn', name: 'Nguyễn Văn A' });

    // The supervisor clears it with a reason; the disputer is told by e-mail.
    const decided = await post(`/api/v1/disputes/${mine.id}/decision`, supervisor.headers, { outcome: 'cleared', reason: 'The number belongs to a registered shop; the reports were about a different number.', reasons: { ...reasons, evidence: ['owner_statement', 'investigation'] } });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'cleared', verdict: 'cleared', settled: 1 });
    const after = (await get(`/api/v1/indicators/${r.indicatorIds[0]}`, analyst.headers)).json();
    expect(after.history.at(-1)).toMatchObject({ from: 'disputed', to: 'cleared', reasons: { automated: false, decidedBy: { type: 'person', userId: users.supervisor.id } } });
    const publicAfter = (await get(`/api/v1/disputes/track/${body.trackingCode}`)).json();
    expect(publicAfter).toMatchObject({ status: 'cleared', decisionReason: expect.stringContaining('registered shop'), decidedAt: expect.any(String) });
    const queued = await queryRows<{ payload: { to?: string; toEncrypted?: string; subject: string; text: string } }>(db(), sql`select payload from outbox where topic = 'email.send' order by id`);
    // The address is not in the outbox in clear.
    expect(JSON.stringify(queued)).not.toContain('owner@example.vn');
    const mails = queued.filter((m) => m.payload.toEncrypted && piiCipher().decrypt(m.payload.toEncrypted) === 'owner@example.vn');
    expect(mails).toHaveLength(2);
    expect(mails[1]!.payload.text).toContain('registered shop');
    const events = (await get(`/api/v1/cases/${r.caseId}`, analyst.headers)).json().events;
    expect(events.at(-1)).toMatchObject({ type: 'disputed', payload: { phase: 'decided', outcome: 'cleared' } });

    // Decided once: a second decision is a conflict.
    expectProblem(await post(`/api/v1/disputes/${mine.id}/decision`, supervisor.headers, { outcome: 'upheld', reason: 'Again', reasons }), 409);
  });

  it('upheld puts the listing back to confirmed and settles every open dispute of the indicator', async () => {
    await putIndicator(db(), { indicator: 'phone:+84913555002', verdict: 'confirmed', fraudTypes: ['loan'] });
    const a = (await dispute('+84913555002')).json();
    const b = (await dispute('84913555002', { contact: { phone: '0900000000' }, locale: 'en' })).json();
    expect(b.status).toBe('open');
    const list = (await get('/api/v1/disputes', supervisor.headers)).json();
    const id = list.items.find((d: { trackingCode: string }) => d.trackingCode === a.trackingCode).id;
    const res = await post(`/api/v1/disputes/${id}/decision`, supervisor.headers, { outcome: 'upheld', reason: 'Transfers to this number were confirmed by two banks.', reasons: { ...reasons, ground: 'loan', evidence: ['bank_confirmation'] } });
    expect(res.json()).toMatchObject({ status: 'upheld', verdict: 'confirmed', settled: 2 });
    expect((await get(`/api/v1/disputes/track/${b.trackingCode}`)).json().status).toBe('upheld');
  });

  it('a retried dispute with the same Idempotency-Key gets the same answer and stores one dispute', async () => {
    await putIndicator(db(), { indicator: 'phone:+84913555008', verdict: 'confirmed' });
    const payload = { identifier: '0913555008', explanation: 'This number has been mine for ten years.', contact: { email: 'retry@example.vn' } };
    const send = () => server.app.inject({ method: 'POST', url: '/api/v1/disputes', payload, headers: { 'idempotency-key': 'dispute-retry-1' }, remoteAddress: '192.0.2.50' });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().trackingCode).toBe(first.json().trackingCode);
    const [row] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from disputes d join indicators i on i.id = d.indicator_id where i.indicator = 'phone:+84913555008'`);
    expect(row!.n).toBe(1);
  });

  it('verifying a case leaves a disputed indicator to the dispute decision', async () => {
    const r = await reportInto(db(), ['phone:+84913555006', 'phone:+84913555007']);
    expect((await dispute('0913555006')).statusCode).toBe(201);
    await post(`/api/v1/cases/${r.caseId}/triage`, analyst.headers, {});
    const res = await post(`/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons });
    const outcomes = Object.fromEntries(res.json().indicators.map((i: { indicator: string; to: string; skipped: string | null }) => [i.indicator, i]));
    expect(outcomes['phone:+84913555006']).toMatchObject({ to: 'disputed', skipped: expect.stringContaining('dispute') });
    expect(outcomes['phone:+84913555007']).toMatchObject({ to: 'confirmed', skipped: null });
  });

  it('who may decide: supervisors only; the list is for the agency', async () => {
    await putIndicator(db(), { indicator: 'phone:+84913555003', verdict: 'suspected' });
    const code = (await dispute('0913555003')).json().trackingCode;
    const [row] = await queryRows<{ id: string }>(db(), sql`select id from disputes where tracking_code = ${code}`);
    const decision = { outcome: 'cleared', reason: 'Not a scam', reasons };
    expectProblem(await post(`/api/v1/disputes/${row!.id}/decision`, analyst.headers, decision), 403);
    expectProblem(await post(`/api/v1/disputes/${row!.id}/decision`, operator.headers, decision), 403);
    expectProblem(await post(`/api/v1/disputes/${row!.id}/decision`, { authorization: `Bearer ${partnerKey}` }, decision), 403);
    expectProblem(await post(`/api/v1/disputes/${row!.id}/decision`, {}, decision), 401);
    expectProblem(await get('/api/v1/disputes', operator.headers), 403);
    expectProblem(await get('/api/v1/disputes', { authorization: `Bearer ${partnerKey}` }), 403);
    expectProblem(await get('/api/v1/disputes'), 401);
    expectProblem(await post('/api/v1/disputes/00000000-0000-4000-8000-000000000000/decision', supervisor.headers, decision), 404);
    // An incomplete statement of reasons is refused before anything changes.
    const p = expectProblem(await post(`/api/v1/disputes/${row!.id}/decision`, supervisor.headers, { ...decision, reasons: { ...reasons, legalBasis: ' ' } }), 400);
    expect(p.errors?.[0]?.field).toBe('/reasons/legalBasis');
    expect((await get(`/api/v1/disputes/track/${code}`)).json().status).toBe('open');
  });

  it('bad input is a 4xx and stores nothing; unlisted, cleared or restricted identifiers are not found alike', async () => {
    await putIndicator(db(), { indicator: 'phone:+84913555004', verdict: 'cleared' });
    await putIndicator(db(), { indicator: 'phone:+84913555005', verdict: 'confirmed', tlp: 'red' });
    const before = [await count('disputes'), await count('verdict_changes'), await count('outbox')];
    expectProblem(await dispute('0913555099'), 404);
    expectProblem(await dispute('0913555004'), 404);
    expectProblem(await dispute('0913555005'), 404);
    expect(expectProblem(await dispute('not an identifier at all ###'), 400).errors?.[0]?.field).toBe('/identifier');
    expect(expectProblem(await dispute('0913555001', { contact: { name: 'Only a name' } }), 400).errors?.[0]?.field).toBe('/contact');
    expectProblem(await dispute('0913555001', { explanation: 'short' }), 400);
    expectProblem(await dispute('0913555001', { contact: { email: 'not-an-email' } }), 400);
    expectProblem(await dispute('0913555001', { surprise: true }), 400);
    expectProblem(await get('/api/v1/disputes/track/KN-00000-00000'), 404);
    expectProblem(await get('/api/v1/disputes/track/garbage'), 404);
    expect([await count('disputes'), await count('verdict_changes'), await count('outbox')]).toEqual(before);
  });

  it('the audit chain is valid', async () => {
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('dispute submissions are rate-limited per address', async () => {
    let limited = false;
    for (let i = 0; i < 15 && !limited; i++) limited = (await post('/api/v1/disputes', {}, {}, '203.0.113.9')).statusCode === 429;
    expect(limited).toBe(true);
  });
});
