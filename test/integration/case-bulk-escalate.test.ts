import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/connection.ts';
import { reportInto } from '../helpers/cases.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let analyst: Session;
let supervisor: Session;
let admin: Session;
let meta: Session;
let partner: Session;

const reasons = { ground: 'investment', legalBasis: 'Decree 147/2024/ND-CP', evidence: ['citizen_reports', 'screenshots'], sourceType: 'agency' };
const LEGAL = 'Decree 147/2024/ND-CP, Article 23';
const db = () => server.database.db;
const post = (url: string, headers: Record<string, string>, payload: unknown) => server.app.inject({ method: 'POST', url, headers, payload: payload as object });
const count = async (table: string, where = 'true') => (await queryRows<{ n: number }>(db(), sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n;

let seq = 0;
/** A verified case naming the given indicators (each made unique to this call). */
async function verifiedCase(kinds: ('fb' | 'zalo' | 'phone')[]) {
  seq++;
  const made = kinds.map((k) => (k === 'fb' ? `fb:user:bulkescalate${seq}` : k === 'zalo' ? `zalo:09870${String(seq).padStart(5, '0')}` : `phone:+8491277${String(seq).padStart(4, '0')}`));
  const { caseId } = await reportInto(db(), made);
  expect((await post(`/api/v1/cases/${caseId}/triage`, analyst.headers, {})).statusCode).toBe(200);
  const verified = await post(`/api/v1/cases/${caseId}/verify`, analyst.headers, { reasons });
  expect(verified.statusCode, verified.body).toBe(200);
  return caseId;
}

const escalate = (session: Session, caseIds: string[], extra: Record<string, unknown> = {}) =>
  post('/api/v1/cases/bulk', session.headers, { action: 'escalate', caseIds, fraudCategory: 'investment', legalBasis: LEGAL, message: 'Please remove these pages.', ...extra });

beforeAll(async () => {
  server = await startTestServer();
  const users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  admin = await signInAs(server.app, users.admin.email);
  meta = await signInAs(server.app, users.platform_operator.email);
  partner = await signInAs(server.app, users.partner_admin.email);
});
afterAll(async () => server?.close());

describe('bulk escalate (POST /api/v1/cases/bulk, action escalate)', () => {
  it('escalates each case on its own and answers per case', async () => {
    const both = await verifiedCase(['fb', 'zalo', 'phone']);
    const phoneOnly = await verifiedCase(['phone']);
    const { caseId: notVerified } = await reportInto(db(), [`fb:user:notverified${seq}`]);
    const missing = '00000000-0000-4000-8000-000000000009';
    const before = await count('audit_log', `action = 'escalation.created'`);

    const res = await escalate(supervisor, [both, phoneOnly, notVerified, missing, both]);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as { caseId: string; ok: boolean; status: number; case?: { status: string }; escalations?: { platform: string; subjects: string[] }[]; error?: { code: string; errors?: { code?: string }[] } }[];
    // A case named twice is escalated once.
    expect(results.map((r) => [r.caseId, r.status])).toEqual([[both, 201], [phoneOnly, 422], [notVerified, 409], [missing, 404]]);
    expect(results[0]!.case!.status).toBe('escalated');
    expect(results[0]!.escalations!.map((e) => e.platform)).toEqual(['facebook', 'zalo']);
    // The phone number is nobody's platform subject: it is not sent.
    expect(results[0]!.escalations!.flatMap((e) => e.subjects).some((s) => s.startsWith('phone:'))).toBe(false);
    expect(results[1]!.error!.errors![0]!.code).toBe('no_platform_subjects');
    expect(results[2]!.error!.code).toBe('case_transition_refused');
    expect(await count('escalations', `case_id = '${both}'`)).toBe(2);
    expect(await count('escalations', `case_id in ('${phoneOnly}', '${notVerified}')`)).toBe(0);
    expect(await count('audit_log', `action = 'escalation.created'`)).toBe(before + 2);

    // Escalating again while the platforms have not answered is refused for that case only.
    const again = await escalate(analyst, [both]);
    expect(again.json().results[0]).toMatchObject({ ok: false, status: 409 });
  });

  it('sends only the chosen platforms\' subjects', async () => {
    const both = await verifiedCase(['fb', 'zalo']);
    const fbOnly = await verifiedCase(['fb']);
    const res = await escalate(analyst, [both, fbOnly], { platforms: ['zalo'] });
    const results = res.json().results;
    expect(results[0]).toMatchObject({ ok: true, status: 201 });
    expect(results[0].escalations.map((e: { platform: string }) => e.platform)).toEqual(['zalo']);
    expect(results[1]).toMatchObject({ ok: false, status: 422 });
    expect(await count('escalations', `case_id = '${both}' and platform = 'facebook'`)).toBe(0);
  });

  it('refuses a request wrong for every case at once, touching no case', async () => {
    const c = await verifiedCase(['fb']);
    const events = await count('case_events');
    const noBasis = expectProblem(await escalate(analyst, [c], { legalBasis: '  ' }), 400);
    expect(noBasis.errors!.map((e) => e.field)).toContain('/legalBasis');
    const spam = expectProblem(await escalate(analyst, [c], { fraudCategory: 'spam' }), 400);
    expect(spam.errors!.map((e) => e.field)).toContain('/fraudCategory');
    expectProblem(await escalate(analyst, [c], { platforms: ['facebook', 'facebook'] }), 400);
    expectProblem(await escalate(analyst, [c], { platforms: ['Face Book'] }), 400);
    expectProblem(await escalate(analyst, []), 400);
    expect(await count('case_events')).toBe(events);
    expect(await count('escalations', `case_id = '${c}'`)).toBe(0);
  });

  it('is for analysts and supervisors, as the single-case escalation', async () => {
    const c = await verifiedCase(['fb']);
    expectProblem(await escalate(admin, [c]), 403);
    expectProblem(await escalate(meta, [c]), 403);
    expectProblem(await escalate(partner, [c]), 403);
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/cases/bulk', payload: { action: 'escalate', caseIds: [c], fraudCategory: 'investment', legalBasis: LEGAL } }), 401);
    expect(await count('escalations', `case_id = '${c}'`)).toBe(0);
  });
});
