import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { IndexFollower } from '../../src/jobs/index-follower.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { putIndicator, putLegitimate } from '../helpers/indicators.ts';

let server: TestServer;
let analyst: Session;
let supervisor: Session;
let platformOperator: Session;
let partnerAdmin: Session;
let lookupKey: string;
let feedsKey: string;

const CONFIRMED = 'phone:+84912000111';
const SUSPECTED = 'phone:+84912000222';
const RED = 'phone:+84912000333';
const LEGIT = 'phone:+84912000444';
const MESSAGE = 'Anh gọi 0912 000 111 hoặc 0912 000 222 hoặc 0912 000 333, tổng đài 0912 000 444 nhé';

interface Answer {
  score: number;
  label: string;
  reasons: { signal: string; weight: number; detail: string }[];
}

async function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  return server.app.inject({ method: 'POST', url, payload: payload as object, headers });
}

function signals(a: Answer): string[] {
  return a.reasons.map((r) => r.signal);
}

function expectExplained(a: Answer): void {
  expect(a.score).toBeGreaterThanOrEqual(0);
  expect(a.score).toBeLessThanOrEqual(100);
  expect(a.reasons.reduce((n, r) => n + r.weight, 0)).toBe(a.score);
}

beforeAll(async () => {
  server = await startTestServer();
  const users = await seedUsers(server.database);
  const caller = systemCaller('test');
  lookupKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-a']!, name: 'risk', scopes: ['lookup'] })).key;
  feedsKey = (await createApiKey(server.database.db, caller, { organizationId: users.orgs['bank-b']!, name: 'feeds', scopes: ['feeds:read'] })).key;
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  platformOperator = await signInAs(server.app, users.platform_operator.email);
  partnerAdmin = await signInAs(server.app, users.partner_admin.email);
  const db = server.database.db;
  await putIndicator(db, { indicator: CONFIRMED, verdict: 'confirmed', reportCount: 9 });
  await putIndicator(db, { indicator: SUSPECTED, verdict: 'suspected', reportCount: 2 });
  await putIndicator(db, { indicator: RED, verdict: 'confirmed', tlp: 'red', reportCount: 4 });
  await putLegitimate(db, LEGIT, 'Ngân hàng Thử nghiệm');
  const follower = new IndexFollower(db, server.app.lookupIndex, { gapMinAgeMs: 200 });
  await follower.startFrom(server.app.lookupIndex.version);
  await follower.pollOnce();
});

afterAll(async () => {
  await server?.close();
});

describe('POST /api/v1/risk/score', () => {
  it('gives the agency every verdict with its report count', async () => {
    const res = await post('/api/v1/risk/score', { text: MESSAGE }, analyst.headers);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Answer;
    expectExplained(a);
    const confirmed = a.reasons.find((r) => r.signal === 'identifier.confirmed')!;
    expect(confirmed.detail).toContain(CONFIRMED);
    expect(confirmed.detail).toContain(RED);
    expect(confirmed.detail).toMatch(/13 reports/);
    expect(signals(a)).toContain('identifier.suspected');
    expect(signals(a)).toContain('identifier.verified_legitimate');
    expect(a.label).toBe('scam');
  });

  it('gives a partner key with scope lookup the partner view: suspected yes, TLP red no', async () => {
    const res = await post('/api/v1/risk/score', { text: MESSAGE }, { authorization: `Bearer ${lookupKey}` });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Answer;
    expectExplained(a);
    expect(signals(a)).toContain('identifier.suspected');
    const confirmed = a.reasons.find((r) => r.signal === 'identifier.confirmed')!;
    expect(confirmed.detail).toContain(CONFIRMED);
    expect(confirmed.detail).not.toContain(RED);
  });

  it('scores identifiers given beside the text', async () => {
    const res = await post('/api/v1/risk/score', { text: 'Liên hệ em nhé', identifiers: ['0912 000 111'] }, supervisor.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(signals(res.json() as Answer)).toContain('identifier.confirmed');
  });

  it('refuses the public (401), other roles (403) and API keys without scope lookup (403)', async () => {
    expectProblem(await post('/api/v1/risk/score', { text: MESSAGE }), 401);
    expectProblem(await post('/api/v1/risk/score', { text: MESSAGE }, platformOperator.headers), 403);
    expectProblem(await post('/api/v1/risk/score', { text: MESSAGE }, partnerAdmin.headers), 403);
    expectProblem(await post('/api/v1/risk/score', { text: MESSAGE }, { authorization: `Bearer ${feedsKey}` }), 403);
    expectProblem(await post('/api/v1/risk/score', { text: MESSAGE }, { authorization: 'Bearer cg_00000000_wrong' }), 401);
  });

  it('refuses a signed-in write without the CSRF token', async () => {
    expectProblem(await post('/api/v1/risk/score', { text: MESSAGE }, { cookie: analyst.cookie }), 403);
  });

  it('answers bad bodies with a 400 problem naming the field', async () => {
    const missing = expectProblem(await post('/api/v1/risk/score', { identifiers: [] }, analyst.headers), 400);
    expect(JSON.stringify(missing.errors)).toContain('text');
    expectProblem(await post('/api/v1/risk/score', { text: { a: 1 } }, analyst.headers), 400);
    expectProblem(await post('/api/v1/risk/score', { text: 'x'.repeat(20_001) }, analyst.headers), 400);
    expectProblem(await post('/api/v1/risk/score', { text: 'x', identifiers: Array(51).fill('0912000111') }, analyst.headers), 400);
    expectProblem(await post('/api/v1/risk/score', { text: 'x', extra: 1 }, analyst.headers), 400);
  });

  it('is in the OpenAPI document with its access rule', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, { post?: { description?: string; security?: unknown[] } }> };
    expect(doc.paths['/api/v1/risk/score']?.post?.description).toContain('scope lookup');
    expect(doc.paths['/api/v1/risk/check']?.post?.security).toEqual([]);
  });
});

describe('POST /api/v1/risk/check (public)', () => {
  it('counts confirmed listings only and shows no report counts', async () => {
    const res = await post('/api/v1/risk/check', { text: MESSAGE });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Answer;
    expectExplained(a);
    const confirmed = a.reasons.find((r) => r.signal === 'identifier.confirmed')!;
    expect(confirmed.detail).toContain(CONFIRMED);
    expect(confirmed.detail).not.toContain(RED);
    expect(confirmed.detail).not.toMatch(/report/);
    expect(signals(a)).not.toContain('identifier.suspected');
    expect(JSON.stringify(a)).not.toContain(SUSPECTED);
  });

  it('gives a signed-in analyst the public view too', async () => {
    const res = await post('/api/v1/risk/check', { text: MESSAGE }, analyst.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(signals(res.json() as Answer)).not.toContain('identifier.suspected');
  });

  it('labels a scam message without any listed identifier by its words and links', async () => {
    const res = await post('/api/v1/risk/check', { text: 'Vietcombank thông báo tài khoản của quý khách bị tạm khóa, xác minh ngay tại https://vietcornbank-xacminh.example/login và nhập mã OTP' });
    const a = res.json() as Answer;
    expect(a.label).toBe('scam');
    expect(signals(a)).toEqual(expect.arrayContaining(['link.confusable_brand', 'text.account_threat']));
  });

  it('is rate-limited per address', async () => {
    let limited = 0;
    for (let i = 0; i < 40; i++) {
      const res = await post('/api/v1/risk/check', { text: 'xin chào' });
      if (res.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
  });
});
