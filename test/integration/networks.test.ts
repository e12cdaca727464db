import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { queryRows } from '../../src/store/connection.ts';
import { putIndicator, putLegitimate } from '../helpers/indicators.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let analyst: Session;
let operator: Session;
let partnerKey: string;

beforeAll(async () => {
  server = await startTestServer();
  const users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  operator = await signInAs(server.app, users.platform_operator.email);
  partnerKey = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'all', scopes: ['lookup', 'reports:write', 'indicators:write'] })).key;
});
afterAll(async () => server?.close());

async function report(identifiers: string[], amountLostVnd = 1_000_000) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    payload: { category: 'investment', narrative: 'Họ hứa lãi 30% mỗi tháng rồi chặn liên lạc.', amountLostVnd, identifiers },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; identifiers: { indicator: string }[] };
}

const networkOf = async (indicator: string) =>
  (await queryRows<{ network_id: string | null }>(server.database.db, sql`select network_id from indicators where indicator = ${indicator}`))[0]?.network_id ?? null;

const getNetwork = (id: string, headers: Record<string, string> = analyst.headers) => server.app.inject({ method: 'GET', url: `/api/v1/networks/${id}`, headers });

describe('networks of linked identifiers', () => {
  it('identifiers named in one report form a network with its figures, members and links', async () => {
    await report(['0912 000 101', 'https://pay-a.example/x', 'VCB 0011 0000 10101'], 2_000_000);
    const id = await networkOf('phone:+84912000101');
    expect(id).not.toBeNull();
    expect(await networkOf('url:https://pay-a.example/x')).toBe(id);
    const res = await getNetwork(id!);
    expect(res.statusCode).toBe(200);
    const n = res.json();
    expect(n).toMatchObject({ id, requestedId: id, size: 3, confirmed: 0, confirmedShare: 0, reports: 1, moneyLostVnd: 2_000_000, fraudTypes: ['investment'] });
    expect(n.members).toHaveLength(3);
    expect(n.links).toHaveLength(3);
    expect(n.links.every((l: { reports: number }) => l.reports === 1)).toBe(true);
    // The indicator's own view names its network.
    const indicator = await server.app.inject({ method: 'GET', url: `/api/v1/indicators/${n.members[0].id}`, headers: analyst.headers });
    expect(indicator.json().networkId).toBe(id);
  });

  it('a lone identifier is in no network; a later report linking it grows the network and keeps its id', async () => {
    await report(['0912 000 201']);
    expect(await networkOf('phone:+84912000201')).toBeNull();
    const before = await networkOf('phone:+84912000101');
    await report(['0912 000 201', '0912 000 101'], 500_000);
    expect(await networkOf('phone:+84912000201')).toBe(before);
    const n = (await getNetwork(before!)).json();
    // Three reports name its members now (the lone one too), with their money lost.
    expect(n).toMatchObject({ size: 4, reports: 3, moneyLostVnd: 3_500_000 });
  });

  it('a report joining two networks keeps the larger one’s id; the smaller id leads to it', async () => {
    await report(['0912 000 301', '0912 000 302']);
    const small = await networkOf('phone:+84912000301');
    const large = await networkOf('phone:+84912000101');
    expect(small).not.toBe(large);
    await report(['0912 000 301', 'https://pay-a.example/x']);
    expect(await networkOf('phone:+84912000301')).toBe(large);
    expect(await networkOf('phone:+84912000302')).toBe(large);
    const viaOldId = (await getNetwork(small!)).json();
    expect(viaOldId).toMatchObject({ id: large, requestedId: small, size: 6 });
    const [stored] = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from indicators where network_id = ${large}`);
    expect(stored!.n).toBe(6);
  });

  it('a new report naming an identifier linked to a confirmed one puts its case at the top of the queue', async () => {
    await report(['0912 000 401', '0912 000 402']);
    await putIndicator(server.database.db, { indicator: 'phone:+84912000401', verdict: 'confirmed' });
    const fresh = await report(['0912 000 402', '0912 000 499']);
    const [row] = await queryRows<{ priority: number }>(server.database.db, sql`select c.priority from cases c join reports r on r.case_id = c.id where r.id = ${fresh.id}`);
    expect(row!.priority).toBe(1);
    const n = (await getNetwork((await networkOf('phone:+84912000402'))!)).json();
    expect(n.confirmed).toBe(1);
    expect(n.confirmedShare).toBeCloseTo(1 / 3);
    // An unrelated report keeps the default priority.
    const other = await report(['0912 000 501']);
    const [plain] = await queryRows<{ priority: number }>(server.database.db, sql`select c.priority from cases c join reports r on r.case_id = c.id where r.id = ${other.id}`);
    expect(plain!.priority).toBe(3);
  });

  it('a case can be escalated for its whole network: linked identifiers of an earlier case are accepted subjects', async () => {
    const post = (url: string, body: unknown) => server.app.inject({ method: 'POST', url, headers: analyst.headers, payload: body as object });
    const caseOfReport = async (id: string) => (await queryRows<{ case_id: string }>(server.database.db, sql`select case_id from reports where id = ${id}`))[0]!.case_id;
    const reasons = { ground: 'investment', legalBasis: 'Decree 147/2024/ND-CP', evidence: ['citizen_reports'], sourceType: 'agency' };
    // The first case (a page and a phone) is rejected, so the next report opens a case of its own.
    const first = await report(['fb.com/dau.tu.mang.luoi.1', '0912 000 601']);
    const firstCase = await caseOfReport(first.id);
    expect((await post(`/api/v1/cases/${firstCase}/triage`, {})).statusCode).toBe(200);
    expect((await post(`/api/v1/cases/${firstCase}/reject`, { reason: 'Not enough yet', indicators: 'keep_suspected' })).statusCode).toBe(200);
    const second = await report(['0912 000 601', 'fb.com/dau.tu.mang.luoi.2']);
    const secondCase = await caseOfReport(second.id);
    expect(secondCase).not.toBe(firstCase);
    expect((await post(`/api/v1/cases/${secondCase}/triage`, {})).statusCode).toBe(200);
    expect((await post(`/api/v1/cases/${secondCase}/verify`, { reasons })).statusCode).toBe(200);
    const ids = await queryRows<{ id: string; indicator: string }>(server.database.db, sql`select id, indicator from indicators where indicator like 'fb:%dautumangluoi%'`);
    expect(ids).toHaveLength(2);
    const escalation = { fraudCategory: 'investment', legalBasis: 'Decree 147/2024/ND-CP, Article 23', message: 'Hai trang trong cùng một mạng lưới lừa đảo.' };
    // A page that is in no way linked is still refused.
    await report(['fb.com/khong.lien.quan.99']);
    const [stranger] = await queryRows<{ id: string }>(server.database.db, sql`select id from indicators where indicator = 'fb:user:khonglienquan99'`);
    const refused = expectProblem(await post(`/api/v1/cases/${secondCase}/escalations`, { subjects: [stranger!.id], ...escalation }), 422);
    expect(refused.errors?.[0]).toMatchObject({ field: '/subjects/0' });
    const res = await post(`/api/v1/cases/${secondCase}/escalations`, { subjects: ids.map((i) => i.id), ...escalation });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await server.app.inject({ method: 'GET', url: `/api/v1/escalations/${res.json().escalations[0].id}`, headers: analyst.headers })).json();
    expect(detail.subjects.map((s: { indicator: string }) => s.indicator).sort()).toEqual(ids.map((i) => i.indicator).sort());
  });

  it('the risk score of a message names membership of a confirmed network (agency), never on the public check', async () => {
    // 0912 000 402 is linked to the confirmed 0912 000 401 (see above).
    const text = 'Chuyển khoản cho số 0912 000 402 để nhận hàng.';
    const scored = await server.app.inject({ method: 'POST', url: '/api/v1/risk/score', headers: analyst.headers, payload: { text } });
    expect(scored.statusCode).toBe(200);
    const reason = scored.json().reasons.find((r: { signal: string }) => r.signal === 'network.confirmed');
    expect(reason?.detail).toContain('phone:+84912000402');
    const checked = await server.app.inject({ method: 'POST', url: '/api/v1/risk/check', payload: { text } });
    expect(checked.json().reasons.map((r: { signal: string }) => r.signal)).not.toContain('network.confirmed');
  });

  it('identifiers one platform enforcement record names together are linked; new ones listed as suspected naming the record; legitimate ones left alone', async () => {
    await putLegitimate(server.database.db, 'phone:+842430000700', 'Official hotline of a bank');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/platform/enforcements',
      headers: operator.headers,
      payload: {
        items: [
          { identifier: 'fb.com/trang.lua.dao.701', fraudType: 'investment', reference: 'META-ENF-701', related: ['0912 000 701', 'VCB 0011 0000 70170', '024 3000 0700'] },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results[0]).toMatchObject({ ok: true, outcome: 'created' });
    const page = await networkOf('fb:user:trangluadao701');
    expect(page).not.toBeNull();
    expect(await networkOf('phone:+84912000701')).toBe(page);
    expect(await networkOf('bank:970436:0011000070170')).toBe(page);
    expect(await networkOf('phone:+842430000700')).toBeNull();
    const [phone] = await queryRows<{ verdict: string; explanation: string }>(
      server.database.db,
      sql`select i.verdict, v.explanation from indicators i join verdict_changes v on v.indicator_id = i.id where i.indicator = 'phone:+84912000701'`,
    );
    expect(phone).toMatchObject({ verdict: 'suspected', explanation: expect.stringContaining('META-ENF-701') });
    const n = (await getNetwork(page!)).json();
    expect(n).toMatchObject({ size: 3, confirmed: 1 });
    expect(n.links).toHaveLength(3);
  });

  it('only agency staff see networks: 401 anonymous, 403 platform operators and partner keys, 404 unknown', async () => {
    const id = (await networkOf('phone:+84912000101'))!;
    expectProblem(await server.app.inject({ method: 'GET', url: `/api/v1/networks/${id}` }), 401);
    expectProblem(await getNetwork(id, operator.headers), 403);
    expectProblem(await getNetwork(id, { authorization: `Bearer ${partnerKey}` }), 403);
    expectProblem(await getNetwork('00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await getNetwork('not-a-uuid'), 400);
  });

  it('keeps the audit chain valid', async () => {
    expect((await verifyAuditChain(server.database.db)).ok).toBe(true);
  });
});
