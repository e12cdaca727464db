import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { piiCipher } from '../../src/app/pii-crypto.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let analyst: Session;
let supervisor: Session;
let admin: Session;
let operator: Session;
let partnerKey: string;

const REPORTER_EMAIL = 'nguoi-bao.rieng@private.example';
const REPORTER_PHONE = '0909 333 444';
const REPORTER_NAME = 'Trần Thị Bí Mật';
const reasons = { ground: 'investment', legalBasis: 'Decree 147/2024/ND-CP', evidence: ['citizen_reports', 'screenshots'], sourceType: 'agency' };

const db = () => server.database.db;
const send = (method: 'GET' | 'PUT' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) => server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const count = async (table: string, where = 'true') => (await queryRows<{ n: number }>(db(), sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0]!.n;
const mails = async () => (await queryRows<{ payload: { to?: string; toEncrypted?: string; subject: string; text: string } }>(db(), sql`select payload from outbox where topic = 'email.send' order by id`)).map((r) => r.payload);

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  admin = await signInAs(server.app, users.admin.email);
  operator = await signInAs(server.app, users.platform_operator.email);
  partnerKey = (await createApiKey(db(), systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'k', scopes: ['lookup'] })).key;
});
afterAll(async () => server?.close());

/** A public report with the reporter's contact details and consent, naming a Facebook page; its case id. */
async function publicReport(n: number) {
  const receipt = await send('POST', '/api/v1/reports', {}, {
    category: 'investment',
    narrative: `Trang hứa lãi 30% một tháng, tôi là ${REPORTER_NAME}, số ${REPORTER_PHONE}.`,
    identifiers: [`fb.com/lua.dao.mau.${n}`],
    contact: { name: REPORTER_NAME, email: REPORTER_EMAIL, phone: REPORTER_PHONE },
    consentToContact: true,
  });
  expect(receipt.statusCode, receipt.body).toBe(201);
  const report = (await send('GET', `/api/v1/reports/${receipt.json().id}`, analyst.headers)).json();
  return { caseId: report.caseId as string, trackingCode: receipt.json().trackingCode as string };
}

describe('message templates', () => {
  it('who may read, edit and preview: agency reads, supervisors and admins edit, platforms and partners are refused', async () => {
    const list = await send('GET', '/api/v1/message-templates', analyst.headers);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(24);
    expect(list.json().items[0]).toMatchObject({ purpose: 'report.received', locale: 'vi', version: 0, isDefault: true });
    expect((await send('GET', '/api/v1/message-templates/dispute.cleared/vi', analyst.headers)).statusCode).toBe(200);
    expect((await send('POST', '/api/v1/message-templates/dispute.cleared/vi/preview', analyst.headers, {})).statusCode).toBe(200);
    const draft = { subject: 'Kết quả {{trackingCode}}', body: 'Xong: {{indicator}}. {{reason}}' };
    expectProblem(await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', analyst.headers, draft), 403);
    expectProblem(await send('POST', '/api/v1/message-templates/dispute.cleared/vi/reset', analyst.headers), 403);
    for (const headers of [operator.headers, { authorization: `Bearer ${partnerKey}` }]) {
      expectProblem(await send('GET', '/api/v1/message-templates', headers), 403);
      expectProblem(await send('GET', '/api/v1/message-templates/dispute.cleared/vi', headers), 403);
      expectProblem(await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', headers, draft), 403);
      expectProblem(await send('POST', '/api/v1/message-templates/dispute.cleared/vi/reset', headers), 403);
      expectProblem(await send('POST', '/api/v1/message-templates/dispute.cleared/vi/preview', headers, {}), 403);
    }
    expectProblem(await send('GET', '/api/v1/message-templates'), 401);
    expectProblem(await send('GET', '/api/v1/message-templates/dispute.cleared/vi'), 401);
    expectProblem(await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', {}, draft), 401);
    expectProblem(await send('POST', '/api/v1/message-templates/dispute.cleared/vi/reset'), 401);
    expectProblem(await send('POST', '/api/v1/message-templates/dispute.cleared/vi/preview', {}, {}), 401);
    expectProblem(await send('GET', '/api/v1/message-templates/no.such/vi', analyst.headers), 404);
    expectProblem(await send('GET', '/api/v1/message-templates/dispute.cleared/fr', analyst.headers), 404);
    expect(await count('message_template_versions')).toBe(0);
  });

  it('unknown placeholders and broken syntax are refused per field, and nothing is stored', async () => {
    const before = [await count('message_template_versions'), await count('audit_log')];
    const unknown = expectProblem(await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', supervisor.headers, { subject: 'Kết quả {{trackingCode}}', body: 'Gửi {{disputerName}}: {{indicator}}' }), 400);
    expect(unknown.errors).toEqual([expect.objectContaining({ field: '/body', message: expect.stringContaining('{{disputerName}}') })]);
    const broken = expectProblem(await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', supervisor.headers, { subject: 'Kết quả {{trackingCode', body: '{{{indicator}}} {{> footer}}' }), 400);
    expect(broken.errors?.map((e) => e.field).sort()).toEqual(['/body', '/body', '/subject']);
    expectProblem(await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', supervisor.headers, { subject: ' ', body: '{{indicator}}' }), 400);
    const preview = expectProblem(await send('POST', '/api/v1/message-templates/dispute.cleared/vi/preview', analyst.headers, { body: 'Hi {{trackingCod}}' }), 400);
    expect(preview.errors?.[0]?.field).toBe('/body');
    expect([await count('message_template_versions'), await count('audit_log')]).toEqual(before);
  });

  it('each save is a version with an audit record; a stale save is a conflict; reset puts the default back', async () => {
    const draft = { subject: 'Canh Giác — kết quả {{trackingCode}}', body: 'Định danh {{indicator}} không còn trong danh sách.\nLý do: {{reason}}', baseVersion: 0 };
    const saved = await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', supervisor.headers, draft);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, isDefault: false, subject: draft.subject, updatedBy: users.supervisor.id });
    expectProblem(await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', admin.headers, { ...draft, baseVersion: 0 }), 409);

    const preview = (await send('POST', '/api/v1/message-templates/dispute.cleared/vi/preview', analyst.headers, {})).json();
    expect(preview.subject).toBe('Canh Giác — kết quả KN-7K4MQ-9TXA2');
    expect(preview.body).toContain('Định danh +84 912 000 111 không còn trong danh sách.');

    const reset = await send('POST', '/api/v1/message-templates/dispute.cleared/vi/reset', admin.headers);
    expect(reset.json()).toMatchObject({ version: 2, isDefault: true, subject: 'Kết quả khiếu nại {{trackingCode}}' });
    const one = (await send('GET', '/api/v1/message-templates/dispute.cleared/vi', analyst.headers)).json();
    expect(one.history.map((h: { version: number; createdByName: string }) => [h.version, h.createdByName])).toEqual([[2, 'Test admin'], [1, 'Test supervisor']]);
    const audit = await queryRows<{ action: string; after: { version: number } }>(db(), sql`select action, after from audit_log where subject_type = 'message_template' order by seq`);
    expect(audit.map((a) => [a.action, a.after.version])).toEqual([['message_template.saved', 1], ['message_template.reset', 2]]);
  });

  it("a reporter's status e-mail is rendered from the template in force", async () => {
    const saved = await send('PUT', '/api/v1/message-templates/report.under_review/vi', supervisor.headers, {
      subject: 'Báo cáo {{trackingCode}}: {{status}}',
      body: 'Chào bạn, báo cáo {{trackingCode}} đang được chuyên viên xem xét ({{status}}).{{#outcome}} {{outcome}}{{/outcome}}',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const r = await publicReport(1);
    expect((await send('POST', `/api/v1/cases/${r.caseId}/triage`, analyst.headers, {})).statusCode).toBe(200);
    const toReporter = (await mails()).filter((m) => m.toEncrypted && piiCipher().decrypt(m.toEncrypted) === REPORTER_EMAIL);
    expect(toReporter.at(-1)).toMatchObject({ subject: `Báo cáo ${r.trackingCode}: Đang xem xét`, text: `Chào bạn, báo cáo ${r.trackingCode} đang được chuyên viên xem xét (Đang xem xét).` });
  });

  it("what goes to platforms never carries a reporter's personal data, and cannot be made to", async () => {
    // No platform placeholder can name the reporter: an editor who tries is refused.
    for (const name of ['reporterEmail', 'reporterName', 'contact', 'narrative', 'trackingCode', 'outcome']) {
      const p = expectProblem(await send('PUT', '/api/v1/message-templates/escalation.created/en', supervisor.headers, { subject: 'New escalation {{caseReference}}', body: `From {{${name}}}` }), 400);
      expect(p.errors?.[0]?.field).toBe('/body');
    }
    const saved = await send('PUT', '/api/v1/message-templates/escalation.created/en', supervisor.headers, {
      subject: 'Please act on {{caseReference}} by {{dueAt}}',
      body: 'Platform {{platform}}: {{subjects}} ({{fraudCategory}}; {{legalBasis}}). Escalation {{escalationId}}.',
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const r = await publicReport(2);
    await send('POST', `/api/v1/cases/${r.caseId}/triage`, analyst.headers, {});
    expect((await send('POST', `/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons })).statusCode).toBe(200);
    const detail = (await send('GET', `/api/v1/cases/${r.caseId}`, analyst.headers)).json();
    const fb = detail.indicators.find((i: { kind: string }) => i.kind === 'fb');
    const esc = await send('POST', `/api/v1/cases/${r.caseId}/escalations`, analyst.headers, { subjects: [fb.id], fraudCategory: 'investment', legalBasis: 'Decree 147/2024/ND-CP, Article 23', message: 'Xin gỡ bỏ.' });
    expect(esc.statusCode, esc.body).toBe(201);

    const toPlatform = (await mails()).filter((m) => m.to === users.platform_operator.email);
    expect(toPlatform).toHaveLength(1);
    const mail = toPlatform[0]!;
    // Vietnamese (the default) then English (this supervisor's version), the due time in Vietnam's time.
    expect(mail.subject).toMatch(/^Canh Giác: yêu cầu xử lý lừa đảo mới .+ gửi Facebook, hạn .+ \(giờ Việt Nam, UTC\+7\) \/ Please act on .+ by .+ \(Vietnam time, UTC\+7\)$/);
    expect(mail.text).toContain(`Platform Facebook: ${fb.indicator} (investment; Decree 147/2024/ND-CP, Article 23). Escalation ${esc.json().escalations[0].id}.`);
    for (const secret of [REPORTER_EMAIL, REPORTER_NAME, REPORTER_PHONE, '0909333444', '+84909333444', 'Bí Mật', r.trackingCode, 'hứa lãi']) {
      expect(JSON.stringify(mail), `leaked ${secret}`).not.toContain(secret);
    }
  });

  it('the audit chain is valid', async () => {
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
