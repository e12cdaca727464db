import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { piiCipher } from '../../src/app/pii-crypto.ts';
import { queryRows } from '../../src/store/connection.ts';
import { putIndicator } from '../helpers/indicators.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

/** The console's review of disputes: the queue's filters and order, one dispute's detail, the notice recorded. */

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let analyst: Session;
let supervisor: Session;
let operator: Session;
let partnerKey: string;

const reasons = { ground: 'investment', legalBasis: 'Decree 147/2024/ND-CP', evidence: ['owner_statement', 'investigation'], sourceType: 'agency' };
const db = () => server.database.db;
let address = 0;
const send = (method: 'GET' | 'PUT' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) =>
  server.app.inject({ method, url, headers, remoteAddress: `198.51.100.${++address % 250}`, ...(payload ? { payload } : {}) });
const dispute = (identifier: string, email: string, locale: 'vi' | 'en' = 'vi') =>
  send('POST', '/api/v1/disputes', {}, { identifier, explanation: 'Đây là số của cửa hàng tôi, chưa từng lừa ai.', contact: { name: 'Chủ Cửa Hàng', email }, locale });

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  operator = await signInAs(server.app, users.platform_operator.email);
  partnerKey = (await createApiKey(db(), systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'k', scopes: ['lookup'] })).key;
  await putIndicator(db(), { indicator: 'phone:+84913666001', verdict: 'confirmed', fraudTypes: ['investment'] });
  await putIndicator(db(), { indicator: 'phone:+84913666002', verdict: 'confirmed', fraudTypes: ['investment'] });
  await putIndicator(db(), { indicator: 'domain:shop-that.example', verdict: 'suspected', fraudTypes: ['investment'] });
});
afterAll(async () => server?.close());

describe('dispute review', () => {
  it('the queue puts open disputes first and filters by status and identifier kind; the detail has the history and the notices', async () => {
    const first = (await dispute('0913666001', 'first@example.vn')).json();
    const second = (await dispute('0913666002', 'second@example.vn', 'en')).json();
    const third = (await dispute('shop-that.example', 'third@example.vn')).json();
    const queue = (await send('GET', '/api/v1/disputes?status=open', analyst.headers)).json().items;
    expect(queue.map((d: { trackingCode: string }) => d.trackingCode)).toEqual([first.trackingCode, second.trackingCode, third.trackingCode]);
    const phones = (await send('GET', '/api/v1/disputes?status=all&kind=phone', analyst.headers)).json().items;
    expect(phones.map((d: { kind: string }) => d.kind)).toEqual(['phone', 'phone']);

    const id = queue[0].id;
    const detail = await send('GET', `/api/v1/disputes/${id}`, analyst.headers);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      trackingCode: first.trackingCode,
      status: 'open',
      verdict: 'disputed',
      kind: 'phone',
      explanation: expect.stringContaining('cửa hàng'),
      contact: { name: 'Chủ Cửa Hàng', email: 'first@example.vn', locale: 'vi' },
      notices: [{ purpose: 'dispute.received', locale: 'vi', version: 0, subject: `Đã nhận khiếu nại ${first.trackingCode}`, emailed: true, action: 'dispute.opened' }],
    });
    expect(detail.json().history.at(-1)).toMatchObject({ from: 'confirmed', to: 'disputed' });

    // The reason is required before anything changes.
    expectProblem(await send('POST', `/api/v1/disputes/${id}/decision`, supervisor.headers, { outcome: 'cleared', reasons }), 400);
    expectProblem(await send('POST', `/api/v1/disputes/${id}/decision`, supervisor.headers, { outcome: 'cleared', reason: '   ', reasons }), 400);
    expect((await send('GET', `/api/v1/disputes/${id}`, analyst.headers)).json().status).toBe('open');

    // A supervisor edits the Vietnamese "cleared" template; the decision's notice uses it and is recorded.
    const saved = await send('PUT', '/api/v1/message-templates/dispute.cleared/vi', supervisor.headers, { subject: 'Khiếu nại {{trackingCode}} được chấp nhận', body: '{{indicator}} đã được gỡ. Lý do: {{reason}}' });
    expect(saved.statusCode, saved.body).toBe(200);
    const decided = await send('POST', `/api/v1/disputes/${id}/decision`, supervisor.headers, { outcome: 'cleared', reason: 'Số của cửa hàng đã đăng ký.', reasons });
    expect(decided.statusCode, decided.body).toBe(200);
    const after = (await send('GET', `/api/v1/disputes/${id}`, analyst.headers)).json();
    expect(after).toMatchObject({ status: 'cleared', verdict: 'cleared', decisionReason: 'Số của cửa hàng đã đăng ký.', decidedBy: users.supervisor.id });
    expect(after.notices.at(-1)).toMatchObject({ purpose: 'dispute.cleared', version: 1, subject: `Khiếu nại ${first.trackingCode} được chấp nhận`, body: expect.stringContaining('đã được gỡ. Lý do: Số của cửa hàng đã đăng ký.') });
    const mails = await queryRows<{ payload: { toEncrypted?: string; subject: string; text: string } }>(db(), sql`select payload from outbox where topic = 'email.send' order by id`);
    const toFirst = mails.filter((m) => m.payload.toEncrypted && piiCipher().decrypt(m.payload.toEncrypted) === 'first@example.vn');
    expect(toFirst.at(-1)!.payload).toMatchObject({ subject: `Khiếu nại ${first.trackingCode} được chấp nhận` });

    // Decided ones follow the open ones; the English disputer keeps the English default.
    const all = (await send('GET', '/api/v1/disputes?status=all', analyst.headers)).json().items;
    expect(all.map((d: { status: string }) => d.status)).toEqual(['open', 'open', 'cleared']);
    const upheld = await send('POST', `/api/v1/disputes/${all[0].id}/decision`, supervisor.headers, { outcome: 'upheld', reason: 'Two banks confirmed the transfers.', reasons });
    expect(upheld.statusCode).toBe(200);
    expect((await send('GET', `/api/v1/disputes/${all[0].id}`, analyst.headers)).json().notices.at(-1)).toMatchObject({ purpose: 'dispute.upheld', locale: 'en', subject: `Outcome of dispute ${second.trackingCode}`, body: expect.stringContaining('was upheld') });
  });

  it('the detail is for the agency only', async () => {
    const [row] = await queryRows<{ id: string }>(db(), sql`select id from disputes limit 1`);
    expectProblem(await send('GET', `/api/v1/disputes/${row!.id}`, operator.headers), 403);
    expectProblem(await send('GET', `/api/v1/disputes/${row!.id}`, { authorization: `Bearer ${partnerKey}` }), 403);
    expectProblem(await send('GET', `/api/v1/disputes/${row!.id}`), 401);
    expectProblem(await send('GET', '/api/v1/disputes/00000000-0000-4000-8000-000000000000', analyst.headers), 404);
    expectProblem(await send('GET', '/api/v1/disputes?kind=nonsense', analyst.headers), 400);
  });
});
