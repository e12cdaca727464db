import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts.ts';
import { createApiKey } from '../../src/app/api-keys.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { tickDeadlines } from '../../src/app/deadlines.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, TEST_PASSWORD, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let analyst: Session;
let supervisor: Session;
let admin: Session;
let meta: Session;
let zalo: Session;
let partner: Session;
let metaKey: string;
let zaloKey: string;
let bankKey: string;
let metaWriteKey: string;
let lookupKey: string;

const REPORTER_EMAIL = 'nan-nhan.rieng@private.example';
const REPORTER_PHONE = '0909 111 222';
const REPORTER_PHONE_E164 = '+84909111222';
const REPORTER_NAME = 'Nguyễn Thị Riêng Tư';
const LEGAL = 'Decree 147/2024/ND-CP, Article 23: removal of unlawful content on request';
const reasons = { ground: 'investment', legalBasis: 'Decree 147/2024/ND-CP', evidence: ['citizen_reports', 'screenshots'], sourceType: 'agency' };

const db = () => server.database.db;
const h = (key: string) => ({ authorization: `Bearer ${key}` });
const post = (url: string, headers: Record<string, string>, payload: unknown) => server.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const count = async (table: string, where = 'true') => (await queryRows<{ n: number }>(db(), sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n;

/** A 40×30 image, white with a red square where a victim's name would be. */
async function screenshot(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite([{ input: { create: { width: 10, height: 10, channels: 3, background: { r: 255, g: 0, b: 0 } } }, left: 5, top: 5 }])
    .png()
    .toBuffer();
}

async function multipart(report: unknown, files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  form.append('report', JSON.stringify(report));
  for (const f of files) form.append('evidence', new Blob([f.bytes]), f.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

let seq = 0;
/**
 * A case verified by the agency, from a public report with contact details and a screenshot,
 * naming a Facebook page, a Zalo group and a phone number unique to this call.
 */
async function verifiedCase() {
  seq++;
  const identifiers = [`fb.com/lua.dao.dau.tu.${seq}`, `zalo.me/g/luadao${seq}x`, `0912 77${String(seq).padStart(4, '0')}`];
  const form = await multipart(
    {
      category: 'investment',
      narrative: `Trang hứa lãi 30% một tháng, tôi là ${REPORTER_NAME}.`,
      identifiers,
      contact: { name: REPORTER_NAME, email: REPORTER_EMAIL, phone: REPORTER_PHONE },
      consentToContact: true,
    },
    [{ name: 'shot.png', bytes: await screenshot() }],
  );
  const receipt = await server.app.inject({ method: 'POST', url: '/api/v1/reports', ...form });
  expect(receipt.statusCode, receipt.body).toBe(201);
  const report = (await get(`/api/v1/reports/${receipt.json().id}`, analyst.headers)).json();
  const caseId = report.caseId as string;
  expect((await post(`/api/v1/cases/${caseId}/triage`, analyst.headers, {})).statusCode).toBe(200);
  const verified = await post(`/api/v1/cases/${caseId}/verify`, analyst.headers, { reasons });
  expect(verified.statusCode, verified.body).toBe(200);
  const detail = (await get(`/api/v1/cases/${caseId}`, analyst.headers)).json();
  const byKind = (k: string) => detail.indicators.find((i: { kind: string }) => i.kind === k) as { id: string; indicator: string };
  return { caseId, reportId: receipt.json().id as string, trackingCode: receipt.json().trackingCode as string, fb: byKind('fb'), zalo: byKind('zalo'), phone: byKind('phone'), evidence: report.evidence[0].sha256 as string };
}

async function escalate(c: Awaited<ReturnType<typeof verifiedCase>>, over: Record<string, unknown> = {}) {
  const res = await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [c.fb.id, c.zalo.id], fraudCategory: 'investment', legalBasis: LEGAL, message: 'Trang lừa đảo đầu tư; xin gỡ bỏ.', ...over });
  expect(res.statusCode, res.body).toBe(201);
  const list = res.json().escalations as { id: string; platform: string; dueAt: string; createdAt: string }[];
  return { fb: list.find((e) => e.platform === 'facebook')!, zalo: list.find((e) => e.platform === 'zalo')! };
}

/** No answer a platform gets may carry the reporter's contact details or identity. */
function expectNoReporterData(body: string) {
  for (const secret of [REPORTER_EMAIL, REPORTER_PHONE, REPORTER_PHONE_E164, REPORTER_NAME, '0909111222', 'Riêng Tư', 'narrative', 'trackingCode', 'contact']) {
    expect(body, `leaked ${secret}`).not.toContain(secret);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  const caller = systemCaller('test');
  await createUser(db(), caller, { organizationId: users.orgs['zalo']!, email: 'op@zalo.example', name: 'Zalo operator', role: 'platform_operator', password: TEST_PASSWORD });
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  admin = await signInAs(server.app, users.admin.email);
  meta = await signInAs(server.app, users.platform_operator.email);
  zalo = await signInAs(server.app, 'op@zalo.example');
  partner = await signInAs(server.app, users.partner_admin.email);
  metaKey = (await createApiKey(db(), caller, { organizationId: users.orgs['meta']!, name: 'inbox', scopes: ['escalations'] })).key;
  metaWriteKey = (await createApiKey(db(), caller, { organizationId: users.orgs['meta']!, name: 'enforcement', scopes: ['indicators:write'] })).key;
  zaloKey = (await createApiKey(db(), caller, { organizationId: users.orgs['zalo']!, name: 'inbox', scopes: ['escalations'] })).key;
  bankKey = (await createApiKey(db(), caller, { organizationId: users.orgs['bank-a']!, name: 'wrong org', scopes: ['escalations', 'indicators:write'] })).key;
  lookupKey = (await createApiKey(db(), caller, { organizationId: users.orgs['meta']!, name: 'lookups', scopes: ['lookup'] })).key;
});
afterAll(async () => server?.close());

describe('escalating a verified case', () => {
  it('routes each subject to the platform that owns it, one escalation per platform, due by the policy', async () => {
    const c = await verifiedCase();
    const before = Date.now();
    const { fb, zalo: z } = await escalate(c);
    expect(fb && z).toBeTruthy();
    const hours = (e: { dueAt: string; createdAt: string }) => (Date.parse(e.dueAt) - Date.parse(e.createdAt)) / 3_600_000;
    expect(hours(fb)).toBeCloseTo(24, 1);
    expect(Date.parse(fb.dueAt)).toBeGreaterThanOrEqual(before + 24 * 3_600_000 - 1000);
    const rows = await queryRows<{ platform: string; organization_id: string; fraud_category: string; legal_basis: string }>(db(), sql`select platform, organization_id, fraud_category, legal_basis from escalations where case_id = ${c.caseId} order by platform`);
    expect(rows.map((r) => [r.platform, r.organization_id])).toEqual([
      ['facebook', users.orgs['meta']],
      ['zalo', users.orgs['zalo']],
    ]);
    expect(rows.every((r) => r.fraud_category === 'investment' && r.legal_basis === LEGAL)).toBe(true);
    const subjects = await queryRows<{ platform: string; indicator: string }>(db(), sql`select e.platform, i.indicator from escalation_subjects s join escalations e on e.id = s.escalation_id join indicators i on i.id = s.indicator_id where e.case_id = ${c.caseId} order by e.platform`);
    expect(subjects).toEqual([
      { platform: 'facebook', indicator: c.fb.indicator },
      { platform: 'zalo', indicator: c.zalo.indicator },
    ]);
    const kase = (await get(`/api/v1/cases/${c.caseId}`, analyst.headers)).json();
    expect(kase.status).toBe('escalated');
    expect(kase.events.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(2);
    expect((await get(`/api/v1/reports/track/${c.trackingCode}`)).json().status).toBe('sent_to_platform');
    // Events for webhooks, e-mails to each platform's users (never to anyone else about it).
    const topics = await queryRows<{ topic: string; payload: { to?: string; escalationId?: string } }>(db(), sql`select topic, payload from outbox where payload->>'escalationId' in (${fb.id}, ${z.id}) or (topic = 'email.send' and payload->>'text' like ${`%${fb.id}%`})`);
    expect(topics.filter((t) => t.topic === 'escalation.created')).toHaveLength(2);
    expect(topics.filter((t) => t.topic === 'email.send').map((t) => t.payload.to)).toEqual([users.platform_operator.email]);
    for (const t of topics) expectNoReporterData(JSON.stringify(t.payload));
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('refuses subjects no platform owns, or outside the case, per subject, and stores nothing', async () => {
    const c = await verifiedCase();
    const other = await verifiedCase();
    const before = await count('escalations');
    const problem = expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [c.fb.id, c.phone.id, other.zalo.id], fraudCategory: 'investment', legalBasis: LEGAL }), 422);
    expect(problem.errors!.map((e) => e.field)).toEqual(['/subjects/1', '/subjects/2']);
    expect(problem.errors![0]!.message).toContain('no platform answers for phone');
    expect(problem.errors![1]!.message).toContain('Not an indicator of this case');
    expect(await count('escalations')).toBe(before);
    expect((await get(`/api/v1/cases/${c.caseId}`, analyst.headers)).json().status).toBe('verified');
  });

  it('requires a fraud category and a legal basis, a verified case, and one open escalation per platform', async () => {
    const c = await verifiedCase();
    const before = await count('escalations');
    expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [c.fb.id], legalBasis: LEGAL }), 400);
    expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [c.fb.id], fraudCategory: 'copyright', legalBasis: LEGAL }), 400);
    expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [c.fb.id], fraudCategory: 'investment', legalBasis: '  ' }), 400);
    expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [], fraudCategory: 'investment', legalBasis: LEGAL }), 400);
    expectProblem(await post(`/api/v1/cases/00000000-0000-4000-8000-000000000000/escalations`, analyst.headers, { subjects: [c.fb.id], fraudCategory: 'investment', legalBasis: LEGAL }), 404);
    expect(await count('escalations')).toBe(before);
    await escalate(c, { subjects: [c.fb.id] });
    const again = expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [c.fb.id], fraudCategory: 'investment', legalBasis: LEGAL }), 409);
    expect(again.detail).toContain('facebook');
    // A case not yet verified cannot be escalated.
    const fresh = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { category: 'investment', narrative: 'Một trang lạ mời đầu tư.', identifiers: ['fb.com/chua.xac.minh.99'] } });
    const caseId = (await get(`/api/v1/reports/${fresh.json().id}`, analyst.headers)).json().caseId;
    const ind = (await get(`/api/v1/cases/${caseId}`, analyst.headers)).json().indicators[0].id;
    expectProblem(await post(`/api/v1/cases/${caseId}/escalations`, analyst.headers, { subjects: [ind], fraudCategory: 'investment', legalBasis: LEGAL }), 409);
  });

  it('takes the deadline from the platform\'s policy, which only an admin sets', async () => {
    expectProblem(await server.app.inject({ method: 'PUT', url: '/api/v1/deadline-policies/zalo', headers: supervisor.headers, payload: { hours: 12, dueSoonHours: 2 } }), 403);
    expectProblem(await server.app.inject({ method: 'PUT', url: '/api/v1/deadline-policies/zalo', headers: admin.headers, payload: { hours: 12, dueSoonHours: 12 } }), 422);
    const set = await server.app.inject({ method: 'PUT', url: '/api/v1/deadline-policies/zalo', headers: admin.headers, payload: { hours: 12, dueSoonHours: 2 } });
    expect(set.statusCode, set.body).toBe(200);
    const policies = (await get('/api/v1/deadline-policies', analyst.headers)).json().items;
    expect(policies).toContainEqual({ platform: 'zalo', hours: 12, dueSoonHours: 2, configured: true });
    expect(policies).toContainEqual({ platform: 'facebook', hours: 24, dueSoonHours: 4, configured: false });
    const c = await verifiedCase();
    const { zalo: z } = await escalate(c);
    expect((Date.parse(z.dueAt) - Date.parse(z.createdAt)) / 3_600_000).toBeCloseTo(12, 1);
    await server.app.inject({ method: 'PUT', url: '/api/v1/deadline-policies/zalo', headers: admin.headers, payload: { hours: 24, dueSoonHours: 4 } });
  });
});

describe('redacted evidence', () => {
  it('shares a copy with the boxed pixels blacked out, and serves the platform only the copy', async () => {
    const c = await verifiedCase();
    const { fb } = await escalate(c, { subjects: [c.fb.id], evidence: [{ sha256: c.evidence, redactions: [{ x: 5, y: 5, width: 10, height: 10 }] }] });
    const detail = (await get(`/api/v1/escalations/${fb.id}`, meta.headers)).json();
    expect(detail.evidence).toHaveLength(1);
    const shared = detail.evidence[0];
    expect(shared.redacted).toBe(true);
    expect(shared.sha256).not.toBe(c.evidence);
    expect(shared.sourceSha256).toBeUndefined();
    const row = (await queryRows<{ sha256: string; source_sha256: string; redactions: unknown }>(db(), sql`select sha256, source_sha256, redactions from escalation_evidence where escalation_id = ${fb.id}`))[0]!;
    expect(row).toEqual({ sha256: shared.sha256, source_sha256: c.evidence, redactions: [{ x: 5, y: 5, width: 10, height: 10 }] });

    const copy = await get(shared.url, meta.headers);
    expect(copy.statusCode).toBe(200);
    const original = await get(`/api/v1/evidence/${c.evidence}`, analyst.headers);
    const pixels = async (bytes: Buffer) => sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const a = await pixels(original.rawPayload);
    const b = await pixels(copy.rawPayload);
    expect([b.info.width, b.info.height]).toEqual([a.info.width, a.info.height]);
    const at = (p: typeof a, x: number, y: number) => [...p.data.subarray((y * p.info.width + x) * 3, (y * p.info.width + x) * 3 + 3)];
    expect(at(a, 10, 10)).toEqual([255, 0, 0]);
    expect(at(b, 10, 10)).toEqual([0, 0, 0]);
    expect(at(b, 5, 5)).toEqual([0, 0, 0]);
    expect(at(b, 14, 14)).toEqual([0, 0, 0]);
    // Outside the box nothing changed.
    expect(at(b, 30, 20)).toEqual(at(a, 30, 20));
    expect(at(b, 15, 15)).toEqual(at(a, 15, 15));

    // The original is not reachable through the escalation, nor through the agency's evidence route.
    expectProblem(await get(`/api/v1/escalations/${fb.id}/evidence/${c.evidence}`, meta.headers), 404);
    expectProblem(await get(`/api/v1/evidence/${c.evidence}`, meta.headers), 403);
    // Another platform cannot fetch it either.
    expectProblem(await get(shared.url, zalo.headers), 404);
    expectProblem(await get(shared.url, h(zaloKey)), 404);
  });

  it('refuses boxes outside the image, evidence of another case, with nothing stored', async () => {
    const c = await verifiedCase();
    const other = await verifiedCase();
    const before = await count('escalations');
    const p1 = expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [c.fb.id], fraudCategory: 'investment', legalBasis: LEGAL, evidence: [{ sha256: c.evidence, redactions: [{ x: 1, y: 1, width: 2, height: 2 }, { x: 500, y: 1, width: 2, height: 2 }] }] }), 422);
    expect(p1.errors!.map((e) => e.field)).toEqual(['/evidence/0/redactions/1']);
    const evidenceOfOther = (await get(`/api/v1/reports/${other.reportId}`, analyst.headers)).json().evidence[0].sha256;
    // Identical screenshots are stored once, so make the other case's file differ.
    if (evidenceOfOther === c.evidence) {
      const p2 = expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, analyst.headers, { subjects: [c.fb.id], fraudCategory: 'investment', legalBasis: LEGAL, evidence: [{ sha256: 'f'.repeat(64) }] }), 422);
      expect(p2.errors![0]!.field).toBe('/evidence/0/sha256');
    }
    expect(await count('escalations')).toBe(before);
  });
});

describe('the platform\'s side', () => {
  it('a platform sees only its own escalations, and never a reporter\'s personal data', async () => {
    const c = await verifiedCase();
    const { fb, zalo: z } = await escalate(c, { evidence: [{ sha256: c.evidence }] });
    for (const who of [meta.headers, h(metaKey)]) {
      const list = await get('/api/v1/escalations?limit=200', who);
      expect(list.statusCode).toBe(200);
      const items = list.json().items as { id: string; platform: string; caseId?: string }[];
      expect(items.some((e) => e.id === fb.id)).toBe(true);
      expect(items.every((e) => e.platform === 'facebook')).toBe(true);
      expect(items.every((e) => e.caseId === undefined)).toBe(true);
      expectNoReporterData(list.body);
      const detail = await get(`/api/v1/escalations/${fb.id}`, who);
      expect(detail.statusCode).toBe(200);
      expectNoReporterData(detail.body);
      expectProblem(await get(`/api/v1/escalations/${z.id}`, who), 404);
      expectProblem(await post(`/api/v1/escalations/${z.id}/acknowledge`, who, {}), 404);
      expectProblem(await post(`/api/v1/escalations/${z.id}/answer`, who, { action: 'removed' }), 404);
      const csv = await get('/api/v1/escalations/export.csv', who);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toContain(z.id);
      expectNoReporterData(csv.body);
      // Filters on platform are ignored for a platform: it cannot ask for another's.
      const sneaky = (await get('/api/v1/escalations?platform=zalo', who)).json().items as { platform: string }[];
      expect(sneaky.every((e) => e.platform === 'facebook')).toBe(true);
    }
    const zl = (await get('/api/v1/escalations', h(zaloKey))).json().items as { id: string }[];
    expect(zl.some((e) => e.id === z.id) && !zl.some((e) => e.id === fb.id)).toBe(true);
    // The agency sees both, with the case.
    const agency = (await get(`/api/v1/escalations?caseId=${c.caseId}`, analyst.headers)).json().items as { caseId: string }[];
    expect(agency).toHaveLength(2);
    expect(agency.every((e) => e.caseId === c.caseId)).toBe(true);
    // A bank's key with the scope answers for no platform.
    expectProblem(await get('/api/v1/escalations', h(bankKey)), 403);
  });

  it('filters by status and due time, overdue included', async () => {
    const c = await verifiedCase();
    const { fb } = await escalate(c, { subjects: [c.fb.id] });
    await db().execute(sql`update escalations set due_at = now() - interval '1 hour', due_soon_at = now() - interval '5 hours' where id = ${fb.id}`);
    const ids = async (q: string) => ((await get(`/api/v1/escalations?${q}`, h(metaKey))).json().items as { id: string }[]).map((e) => e.id);
    expect(await ids('overdue=true&limit=200')).toContain(fb.id);
    expect(await ids('overdue=false&limit=200')).not.toContain(fb.id);
    expect(await ids(`dueBefore=${encodeURIComponent(new Date().toISOString())}&limit=200`)).toContain(fb.id);
    expect(await ids(`dueAfter=${encodeURIComponent(new Date().toISOString())}&limit=200`)).not.toContain(fb.id);
    expect(await ids('status=open&limit=200')).toContain(fb.id);
    expect(await ids('status=actioned&limit=200')).not.toContain(fb.id);
    expectProblem(await get('/api/v1/escalations?status=closed', h(metaKey)), 400);
    expectProblem(await get('/api/v1/escalations?cursor=nonsense', h(metaKey)), 400);
  });

  it('acknowledge and answer move the case, the reports and the indicators', async () => {
    const c = await verifiedCase();
    const { fb } = await escalate(c, { subjects: [c.fb.id] });
    const ack = await post(`/api/v1/escalations/${fb.id}/acknowledge`, meta.headers, {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().status).toBe('acknowledged');
    expect((await post(`/api/v1/escalations/${fb.id}/acknowledge`, meta.headers, {})).statusCode).toBe(200);
    expect((await get(`/api/v1/cases/${c.caseId}`, analyst.headers)).json().status).toBe('acknowledged');

    expectProblem(await post(`/api/v1/escalations/${fb.id}/answer`, meta.headers, { action: 'deleted' }), 400);
    expectProblem(await post(`/api/v1/escalations/${fb.id}/answer`, meta.headers, { action: 'needs_more_information' }), 400);
    const answered = await post(`/api/v1/escalations/${fb.id}/answer`, meta.headers, { action: 'removed', note: 'Page removed for investment fraud.', reference: 'META-TS-1001' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'actioned', action: 'removed', platformReference: 'META-TS-1001' });
    // The same answer again is a no-op; a different one is refused.
    expect((await post(`/api/v1/escalations/${fb.id}/answer`, meta.headers, { action: 'removed', note: 'again', reference: 'META-TS-1001' })).statusCode).toBe(200);
    expectProblem(await post(`/api/v1/escalations/${fb.id}/answer`, meta.headers, { action: 'no_violation' }), 409);
    expectProblem(await post(`/api/v1/escalations/${fb.id}/acknowledge`, meta.headers, {}), 409);

    const kase = (await get(`/api/v1/cases/${c.caseId}`, analyst.headers)).json();
    expect(kase.status).toBe('actioned');
    const track = (await get(`/api/v1/reports/track/${c.trackingCode}`)).json();
    expect(track.status).toBe('platform_acted');
    expect(JSON.stringify(track.steps)).toContain('Facebook');
    const ind = (await get(`/api/v1/indicators/${c.fb.id}`, analyst.headers)).json();
    expect(ind.platformConfirmations).toBe(1);
    expect(ind.sources.some((s: { sourceType: string; confirmations: number }) => s.sourceType === 'platform' && s.confirmations === 1)).toBe(true);
    const answeredEvents = await count('outbox', `topic = 'escalation.answered' and payload->>'escalationId' = '${fb.id}'`);
    expect(answeredEvents).toBe(1);
  });

  it('needs_more_information goes back to the agency, which escalates again', async () => {
    const c = await verifiedCase();
    const { fb } = await escalate(c, { subjects: [c.fb.id] });
    const res = await post(`/api/v1/escalations/${fb.id}/answer`, h(metaKey), { action: 'needs_more_information', note: 'Send the transfer receipts.' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get(`/api/v1/cases/${c.caseId}`, analyst.headers)).json().status).toBe('actioned');
    expect((await get(`/api/v1/indicators/${c.fb.id}`, analyst.headers)).json().platformConfirmations).toBe(0);
    const again = await post(`/api/v1/cases/${c.caseId}/escalations`, supervisor.headers, { subjects: [c.fb.id], fraudCategory: 'investment', legalBasis: LEGAL, message: 'Receipts attached.' });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('answers many at once (JSON) with a result per item', async () => {
    const c1 = await verifiedCase();
    const c2 = await verifiedCase();
    const { fb: a, zalo: z } = await escalate(c1);
    const { fb: b } = await escalate(c2, { subjects: [c2.fb.id] });
    const res = await post('/api/v1/escalations/answers', h(metaKey), [
      { escalationId: a.id, action: 'removed', reference: 'M-1' },
      { escalationId: z.id, action: 'removed', reference: 'M-2' },
      { escalationId: b.id, action: 'needs_more_information' },
      { escalationId: 'not-a-uuid', action: 'removed' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ answered: 1, failed: 3 });
    expect(body.results.map((r: { index: number; ok: boolean; error?: { status: number } }) => [r.index, r.ok, r.error?.status ?? 200])).toEqual([
      [0, true, 200],
      [1, false, 404],
      [2, false, 400],
      [3, false, 400],
    ]);
    expectNoReporterData(res.body);
    expect((await get(`/api/v1/escalations/${b.id}`, analyst.headers)).json().status).toBe('open');
    expectProblem(await post('/api/v1/escalations/answers', h(metaKey), []), 400);
  });

  it('answers many from a CSV upload with a result per line', async () => {
    const c1 = await verifiedCase();
    const c2 = await verifiedCase();
    const { fb: a } = await escalate(c1, { subjects: [c1.fb.id] });
    const { fb: b, zalo: z } = await escalate(c2);
    const csv = [
      'escalation_id,action,note,reference',
      `${a.id},restricted,"Restricted, pending appeal",M-10`,
      `${b.id},no_such_action,,`,
      `${z.id},removed,,`,
      `,removed,,`,
      `${b.id},no_violation,"=HYPERLINK(""x"")",M-11`,
    ].join('\r\n');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/escalations/answers/csv', headers: { ...h(metaKey), 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { index: number; ok: boolean; error?: { status: number } }) => [r.index, r.ok, r.error?.status ?? 200])).toEqual([
      [2, true, 200],
      [3, false, 400],
      [4, false, 404],
      [5, false, 400],
      [6, true, 200],
    ]);
    expect((await get(`/api/v1/escalations/${a.id}`, analyst.headers)).json()).toMatchObject({ action: 'restricted', platformNote: 'Restricted, pending appeal', platformReference: 'M-10' });
    // The export neutralises formula cells.
    const exported = (await get('/api/v1/escalations/export.csv', h(metaKey))).body;
    expect(exported.split('\n')[0]).toContain('escalation_id,case_reference,platform,status');
    expect(exported).toContain(`'=HYPERLINK`);
    // A file without the required columns is refused whole; a JSON body on the CSV route is 415.
    const before = await count('escalations', "status = 'actioned'");
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/escalations/answers/csv', headers: { ...h(metaKey), 'content-type': 'text/csv' }, payload: `id,what\n${b.id},removed\n` }), 400);
    expectProblem(await server.app.inject({ method: 'POST', url: '/api/v1/escalations/answers/csv', headers: { ...h(metaKey), 'content-type': 'text/csv' }, payload: 'escalation_id,action\n"unterminated,removed\n' }), 400);
    expect(await count('escalations', "status = 'actioned'")).toBe(before);
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/escalations/answers/csv', headers: { ...h(metaKey), 'content-type': 'text/plain' }, payload: 'x' })).statusCode).toBe(415);
  });

  it('keeps agency and other callers out of the platform\'s actions and platforms out of the agency\'s', async () => {
    const c = await verifiedCase();
    const { fb } = await escalate(c, { subjects: [c.fb.id] });
    expectProblem(await post(`/api/v1/escalations/${fb.id}/acknowledge`, analyst.headers, {}), 403);
    expectProblem(await post(`/api/v1/escalations/${fb.id}/answer`, supervisor.headers, { action: 'removed' }), 403);
    expectProblem(await post(`/api/v1/escalations/${fb.id}/answer`, h(lookupKey), { action: 'removed' }), 403);
    expectProblem(await post(`/api/v1/escalations/${fb.id}/answer`, h(bankKey), { action: 'removed' }), 403);
    expectProblem(await post(`/api/v1/escalations/${fb.id}/answer`, partner.headers, { action: 'removed' }), 403);
    expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, meta.headers, { subjects: [c.zalo.id], fraudCategory: 'investment', legalBasis: LEGAL }), 403);
    expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, admin.headers, { subjects: [c.zalo.id], fraudCategory: 'investment', legalBasis: LEGAL }), 403);
    expectProblem(await post(`/api/v1/cases/${c.caseId}/escalations`, h(metaKey), { subjects: [c.zalo.id], fraudCategory: 'investment', legalBasis: LEGAL }), 403);
    expectProblem(await get('/api/v1/stats/escalations', meta.headers), 403);
    expectProblem(await get('/api/v1/stats/escalations', h(metaKey)), 403);
    expectProblem(await get('/api/v1/deadline-policies', meta.headers), 403);
    expectProblem(await get('/api/v1/escalations', partner.headers), 403);
    expectProblem(await get('/api/v1/escalations'), 401);
  });
});

describe('deadlines', () => {
  it('marks due-soon and overdue once each, records the breach at the deadline, and notifies the platform', async () => {
    const c = await verifiedCase();
    const { fb, zalo: z } = await escalate(c);
    const dueAt = new Date(fb.dueAt);
    // Before the window: nothing.
    let r = await tickDeadlines(db(), new Date(dueAt.getTime() - 5 * 3_600_000));
    const notified = async (id: string, topic: string) => count('outbox', `topic = '${topic}' and payload->>'escalationId' = '${id}'`);
    expect(await notified(fb.id, 'escalation.due_soon')).toBe(0);
    // In the due-soon window (4 h before), twice: one notice.
    const soon = new Date(dueAt.getTime() - 3 * 3_600_000);
    r = await tickDeadlines(db(), soon);
    expect(r.dueSoon).toBeGreaterThanOrEqual(2);
    await tickDeadlines(db(), soon);
    expect(await notified(fb.id, 'escalation.due_soon')).toBe(1);
    expect(await count('outbox', `topic = 'email.send' and payload->>'to' = '${users.platform_operator.email}' and payload->>'subject' like '%is due%'`)).toBeGreaterThanOrEqual(1);
    // Zalo acts in time; Facebook does not.
    expect((await post(`/api/v1/escalations/${z.id}/answer`, zalo.headers, { action: 'removed', reference: 'Z-1' })).statusCode).toBe(200);
    const late = new Date(dueAt.getTime() + 3_600_000);
    r = await tickDeadlines(db(), late);
    expect(r.breached).toBeGreaterThanOrEqual(1);
    const [tick1, tick2] = await Promise.all([tickDeadlines(db(), late), tickDeadlines(db(), late)]);
    expect(tick1.breached + tick2.breached).toBe(0);
    expect(await notified(fb.id, 'escalation.overdue')).toBe(1);
    expect(await notified(z.id, 'escalation.overdue')).toBe(0);
    const rows = await queryRows<{ id: string; breached_at: Date | string | null; due_at: Date | string }>(db(), sql`select id, breached_at, due_at from escalations where id in (${fb.id}, ${z.id})`);
    const fbRow = rows.find((x) => x.id === fb.id)!;
    expect(new Date(fbRow.breached_at!).getTime()).toBe(new Date(fbRow.due_at).getTime());
    expect(rows.find((x) => x.id === z.id)!.breached_at).toBeNull();
    expect((await get(`/api/v1/escalations/${fb.id}`, meta.headers)).json().overdue).toBe(false);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('a late answer is a breach even when no tick saw it', async () => {
    const c = await verifiedCase();
    const { fb } = await escalate(c, { subjects: [c.fb.id] });
    await db().execute(sql`update escalations set due_at = now() - interval '1 minute', due_soon_at = now() - interval '2 hours' where id = ${fb.id}`);
    const res = await post(`/api/v1/escalations/${fb.id}/answer`, meta.headers, { action: 'removed' });
    expect(res.json().breachedAt).toBeTruthy();
  });
});

describe('platform enforcement pushes', () => {
  it('lists removed accounts as confirmed by the platform, idempotent by the platform\'s reference, per item', async () => {
    const legit = await server.app.inject({ method: 'POST', url: '/api/v1/legitimate', headers: admin.headers, payload: { value: 'fb.com/vietcombank.official', ownerName: 'Vietcombank', category: 'bank' } });
    expect(legit.statusCode, legit.body).toBeLessThan(300);
    const items = [
      { identifier: 'fb.com/push.scam.one', fraudType: 'investment', reference: 'ENF-1', removedAt: '2026-01-02T03:04:05Z' },
      { identifier: 'not an identifier ###', fraudType: 'investment', reference: 'ENF-2' },
      { identifier: 'fb.com/vietcombank.official', fraudType: 'impersonating_bank', reference: 'ENF-3' },
    ];
    const res = await post('/api/v1/platform/enforcements', h(metaWriteKey), { items });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results;
    expect(results[0]).toMatchObject({ ok: true, outcome: 'created', indicator: { verdict: 'confirmed', platformConfirmations: 1 } });
    expect(results[1]).toMatchObject({ ok: false, error: { status: 400 } });
    expect(results[1].error.errors[0].field).toBe('/items/1/identifier');
    expect(results[2]).toMatchObject({ ok: false, error: { status: 409 } });

    const again = (await post('/api/v1/platform/enforcements', meta.headers, { items: [items[0]] })).json().results[0];
    expect(again).toMatchObject({ ok: true, outcome: 'duplicate', indicator: { platformConfirmations: 1 } });
    const detail = (await get(`/api/v1/indicators/${results[0].indicator.id}`, analyst.headers)).json();
    const change = detail.history.at(-1);
    expect(change.reasons).toMatchObject({ sourceType: 'platform', evidence: ['platform_confirmation'] });
    expect(change.reasons.decidedBy).toEqual({ type: 'organization', organizationId: users.orgs['meta'] });
    expect(await count('platform_enforcements', `reference = 'ENF-1'`)).toBe(1);
    expect(await count('platform_enforcements', `reference in ('ENF-2', 'ENF-3')`)).toBe(0);

    // A suspected indicator is confirmed by a push.
    const c = await server.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { category: 'online_shopping', narrative: 'Shop không giao hàng.', identifiers: ['fb.com/shop.ao.77'] } });
    expect(c.statusCode).toBe(201);
    const pushed = (await post('/api/v1/platform/enforcements', h(metaKey), { items: [{ identifier: 'fb.com/shop.ao.77', fraudType: 'online_shopping', reference: 'ENF-4' }] })).json().results[0];
    expect(pushed).toMatchObject({ ok: true, outcome: 'created', indicator: { verdict: 'confirmed', platformConfirmations: 1 } });
  });

  it('refuses callers that are not a platform, and bad bodies, with nothing stored', async () => {
    const before = await count('platform_enforcements');
    expectProblem(await post('/api/v1/platform/enforcements', h(bankKey), { items: [{ identifier: 'fb.com/x.y.z', fraudType: 'investment', reference: 'B-1' }] }), 403);
    expectProblem(await post('/api/v1/platform/enforcements', analyst.headers, { items: [{ identifier: 'fb.com/x.y.z', fraudType: 'investment', reference: 'B-1' }] }), 403);
    expectProblem(await post('/api/v1/platform/enforcements', h(lookupKey), { items: [{ identifier: 'fb.com/x.y.z', fraudType: 'investment', reference: 'B-1' }] }), 403);
    expectProblem(await post('/api/v1/platform/enforcements', h(metaKey), { items: [] }), 400);
    expectProblem(await post('/api/v1/platform/enforcements', h(metaKey), { items: [{ identifier: 'fb.com/x.y.z', fraudType: 'gambling', reference: 'B-1' }] }), 400);
    expect(await count('platform_enforcements')).toBe(before);
  });
});

describe('figures', () => {
  it('per platform and fraud type over a date range, on a known dataset', async () => {
    // A window of its own, in the past, so the other tests' escalations do not count.
    const base = new Date('2025-03-01T00:00:00Z');
    const at = (h: number) => new Date(base.getTime() + h * 3_600_000).toISOString();
    const c1 = await verifiedCase();
    const c2 = await verifiedCase();
    const c3 = await verifiedCase();
    const e1 = await escalate(c1);
    const e2 = await escalate(c2, { subjects: [c2.fb.id], fraudCategory: 'job_task' });
    const e3 = await escalate(c3, { subjects: [c3.fb.id] });
    // fb #1 (investment): acknowledged after 2 h, removed after 10 h (on time); first report 20 h before.
    // fb #3 (investment): acknowledged after 4 h, removed after 30 h (late: breach).
    // fb #2 (job_task): never answered, past due (breach).
    // zalo #1 (investment): restricted after 6 h, on time.
    const set = async (id: string, p: { created: number; ack?: number; act?: number; action?: string; breached?: boolean }) =>
      db().execute(sql`update escalations set created_at = ${at(p.created)}::timestamptz, due_at = ${at(p.created + 24)}::timestamptz, due_soon_at = ${at(p.created + 20)}::timestamptz,
        acknowledged_at = ${p.ack === undefined ? null : at(p.ack)}::timestamptz, actioned_at = ${p.act === undefined ? null : at(p.act)}::timestamptz,
        action = ${p.action ?? null}, status = ${p.act !== undefined ? 'actioned' : p.ack !== undefined ? 'acknowledged' : 'open'},
        breached_at = ${p.breached ? at(p.created + 24) : null}::timestamptz where id = ${id}`);
    await set(e1.fb.id, { created: 0, ack: 2, act: 10, action: 'removed' });
    await set(e3.fb.id, { created: 0, ack: 4, act: 30, action: 'removed', breached: true });
    await set(e2.fb.id, { created: 1, breached: true });
    await set(e1.zalo.id, { created: 0, act: 6, action: 'restricted' });
    await db().execute(sql`update reports set created_at = ${at(-20)}::timestamptz where id = ${c1.reportId}`);
    await db().execute(sql`update reports set created_at = ${at(-10)}::timestamptz where id = ${c3.reportId}`);

    const res = await get(`/api/v1/stats/escalations?from=${encodeURIComponent(at(-1))}&to=${encodeURIComponent(at(48))}`, supervisor.headers);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.total).toMatchObject({ count: 4, answered: 3, onTime: 2, breaches: 2, onTimeRate: 0.5 });
    const fb = f.platforms.find((p: { platform: string }) => p.platform === 'facebook');
    expect(fb).toMatchObject({ count: 3, answered: 2, onTime: 1, breaches: 2, medianHoursToAcknowledge: 3, medianHoursToAct: 20 });
    expect(fb.onTimeRate).toBeCloseTo(1 / 3, 3);
    // Removal 10 h after creation, first report 20 h before: 30 h; and 30 + 10 = 40 h. Median 35 h.
    expect(fb.mitigationLatency).toEqual({ subjects: 2, medianHours: 35 });
    const inv = fb.byFraudType.find((t: { fraudType: string }) => t.fraudType === 'investment');
    expect(inv).toMatchObject({ count: 2, answered: 2, onTime: 1, onTimeRate: 0.5, breaches: 1 });
    expect(fb.byFraudType.find((t: { fraudType: string }) => t.fraudType === 'job_task')).toMatchObject({ count: 1, answered: 0, breaches: 1, medianHoursToAct: null });
    const zl = f.platforms.find((p: { platform: string }) => p.platform === 'zalo');
    expect(zl).toMatchObject({ count: 1, onTime: 1, onTimeRate: 1, breaches: 0, medianHoursToAcknowledge: null, medianHoursToAct: 6, mitigationLatency: { subjects: 0, medianHours: null } });
    expect(f.byLegalBasis).toEqual([{ legalBasis: LEGAL, count: 4 }]);

    expectProblem(await get(`/api/v1/stats/escalations?from=${encodeURIComponent(at(10))}&to=${encodeURIComponent(at(0))}`, supervisor.headers), 400);
    expectProblem(await get('/api/v1/stats/escalations?from=yesterday', supervisor.headers), 400);
  });
});
