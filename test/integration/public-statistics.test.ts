import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts.ts';
import { seedDemoAlerts } from '../../src/app/alerts.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { importArticles } from '../../src/app/content-import.ts';
import { publicStatistics, PublicStatisticsCache, weekStartOf } from '../../src/app/public-statistics.ts';
import { queryRows } from '../../src/store/connection.ts';
import { seedUsers, signInAs, startTestServer, TEST_PASSWORD, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let analyst: Session;
let meta: Session;
let zalo: Session;

const REPORTER = { name: 'Trần Thị Bí Mật', email: 'bi.mat.rieng@private.example', phone: '0909 333 444' };
const PRIVATE_NEEDLES = [REPORTER.name, REPORTER.email, REPORTER.phone, '0909333444', '+84909333444', 'Bí Mật', 'narrative', 'trackingCode', 'tracking code', 'luadao.thongke', 'thongke-'];
const LEGAL = 'Decree 147/2024/ND-CP, Article 23';
const reasons = { ground: 'investment', legalBasis: LEGAL, evidence: ['citizen_reports', 'screenshots'], sourceType: 'agency' };

const db = () => server.database.db;
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: Record<string, string>, payload: object) => server.app.inject({ method: 'POST', url, headers, payload });

let seq = 0;
/** A public report through the API, with the reporter's contact details; returns its case. */
async function report(category: string, identifiers: string[]) {
  const res = await post('/api/v1/reports', {}, { category, narrative: `Tôi là ${REPORTER.name}, tôi bị lừa (${++seq}).`, identifiers, contact: REPORTER, consentToContact: true });
  expect(res.statusCode, res.body).toBe(201);
  const detail = (await get(`/api/v1/reports/${res.json().id}`, analyst.headers)).json();
  return { reportId: res.json().id as string, caseId: detail.caseId as string };
}

/** Triage, verify and escalate a case's platform accounts; returns the escalation ids by platform. */
async function escalateCase(caseId: string, category: string): Promise<Record<string, string>> {
  expect((await post(`/api/v1/cases/${caseId}/triage`, analyst.headers, {})).statusCode).toBe(200);
  const verified = await post(`/api/v1/cases/${caseId}/verify`, analyst.headers, { reasons: { ...reasons, ground: category } });
  expect(verified.statusCode, verified.body).toBe(200);
  const detail = (await get(`/api/v1/cases/${caseId}`, analyst.headers)).json();
  const subjects = (detail.indicators as { id: string; kind: string }[]).filter((i) => i.kind === 'fb' || i.kind === 'zalo').map((i) => i.id);
  const res = await post(`/api/v1/cases/${caseId}/escalations`, analyst.headers, { subjects, fraudCategory: category, legalBasis: LEGAL, message: 'Xin gỡ bỏ.' });
  expect(res.statusCode, res.body).toBe(201);
  return Object.fromEntries((res.json().escalations as { id: string; platform: string }[]).map((e) => [e.platform, e.id]));
}

async function answer(operator: Session, escalationId: string, action: string, note?: string) {
  expect((await post(`/api/v1/escalations/${escalationId}/acknowledge`, operator.headers, {})).statusCode).toBe(200);
  const res = await post(`/api/v1/escalations/${escalationId}/answer`, operator.headers, { action, ...(note ? { note } : {}) });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  server = await startTestServer();
  const users = await seedUsers(server.database);
  await createUser(db(), systemCaller('test'), { organizationId: users.orgs['zalo']!, email: 'op@zalo.example', name: 'Zalo operator', role: 'platform_operator', password: TEST_PASSWORD });
  analyst = await signInAs(server.app, users.analyst.email);
  meta = await signInAs(server.app, users.platform_operator.email);
  zalo = await signInAs(server.app, 'op@zalo.example');
  await importArticles(db(), systemCaller('test'));
  await seedDemoAlerts(db(), systemCaller('test'));
});
afterAll(async () => server?.close());

describe('public statistics', () => {
  it('counts reports per week and category, and per platform what became of the escalations, from the real tables', async () => {
    // Three investment reports naming Facebook and Zalo accounts, one loan report with a phone number only.
    const a = await report('investment', ['fb.com/luadao.thongke.1', 'zalo.me/g/thongke1x']);
    const b = await report('investment', ['fb.com/luadao.thongke.2', 'zalo.me/g/thongke2x']);
    const c = await report('investment', ['fb.com/luadao.thongke.3']);
    await report('loan', ['0912 880 001']);
    const ea = await escalateCase(a.caseId, 'investment');
    const eb = await escalateCase(b.caseId, 'investment');
    const ec = await escalateCase(c.caseId, 'investment');
    await answer(meta, ea.facebook!, 'removed');
    await answer(meta, eb.facebook!, 'no_violation');
    await answer(meta, ec.facebook!, 'needs_more_information', 'Which posts?');
    await answer(zalo, ea.zalo!, 'restricted');
    // eb.zalo stays unanswered, and is not yet due.
    // One report moved three weeks back (created_at is set by the server, not the API) to check the weekly buckets.
    const old = await report('romance', ['fb.com/luadao.thongke.4']);
    const threeWeeksAgo = new Date(Date.now() - 21 * 86_400_000);
    await queryRows(db(), sql`update reports set created_at = ${threeWeeksAgo.toISOString()}::timestamptz where id = ${old.reportId}`);

    const res = await get('/api/v1/public/statistics');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const stats = res.json();

    expect(stats.weeks).toHaveLength(12);
    const thisWeek = weekStartOf(new Date());
    const localDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(stats.weeks[11]).toEqual({ weekStart: localDay(thisWeek), byCategory: { investment: 3, loan: 1 } });
    const oldWeek = stats.weeks.find((w: { weekStart: string }) => w.weekStart === localDay(weekStartOf(threeWeeksAgo)));
    expect(oldWeek.byCategory).toEqual({ romance: 1 });
    const total = stats.weeks.reduce((n: number, w: { byCategory: Record<string, number> }) => n + Object.values(w.byCategory).reduce((x, y) => x + y, 0), 0);
    expect(total).toBe(5);
    for (let i = 1; i < 12; i++) expect(Date.parse(stats.weeks[i].weekStart) - Date.parse(stats.weeks[i - 1].weekStart)).toBe(7 * 86_400_000);

    const facebook = stats.platforms.find((p: { platform: string }) => p.platform === 'facebook');
    expect(facebook).toMatchObject({ reports: 4, escalations: 3, acted: 1, rejected: 1, pending: 1, onTimeRate: 1 });
    expect(facebook.medianHoursToAct).toBeGreaterThanOrEqual(0);
    expect(facebook.medianHoursToAct).toBeLessThan(1);
    const zaloRow = stats.platforms.find((p: { platform: string }) => p.platform === 'zalo');
    expect(zaloRow).toMatchObject({ reports: 2, escalations: 2, acted: 1, rejected: 0, pending: 1 });
    // One answered in time; the other is neither answered nor due yet, so it does not count against the rate.
    expect(zaloRow.onTimeRate).toBe(1);
    expect(stats.platforms.map((p: { platform: string }) => p.platform)).toEqual(['facebook', 'zalo']);
    expect(Date.parse(stats.generatedAt)).not.toBeNaN();
  });

  it('keeps an answer for a minute, then computes it again', async () => {
    const cache = new PublicStatisticsCache(db());
    const t0 = new Date();
    const first = await cache.get(t0);
    await report('loan', ['0912 880 002']);
    const cached = await cache.get(new Date(t0.getTime() + 30_000));
    expect(cached).toBe(first);
    const fresh = await cache.get(new Date(t0.getTime() + 61_000));
    expect(fresh.generatedAt).not.toBe(first.generatedAt);
    const count = (s: typeof first) => s.weeks.reduce((n, w) => n + (w.byCategory.loan ?? 0), 0);
    expect(count(fresh)).toBe(count(first) + 1);
  });

  it('has twelve empty weeks and no platform where nothing happened', async () => {
    const stats = await publicStatistics(db(), new Date(Date.now() + 365 * 86_400_000));
    expect(stats.weeks).toHaveLength(12);
    expect(stats.weeks.every((w) => Object.keys(w.byCategory).length === 0)).toBe(true);
    expect(stats.platforms).toEqual([]);
  });
});

describe('no personal data in any public answer', () => {
  it('keeps reporters, narratives, tracking codes and reported identifiers out of the public content and statistics', async () => {
    const urls = [
      '/api/v1/public/statistics',
      '/api/v1/public/articles',
      '/api/v1/public/articles?lang=en',
      '/api/v1/public/articles/fake-investment',
      '/api/v1/public/alerts?limit=100',
      '/api/v1/public/alerts?lang=en&limit=100',
      '/alerts.atom',
      '/alerts.rss?lang=en',
    ];
    const code = (await queryRows<{ tracking_code: string }>(db(), sql`select tracking_code from reports limit 1`))[0]!.tracking_code;
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      for (const needle of [...PRIVATE_NEEDLES, code]) expect(res.body.toLowerCase(), `${url} leaks ${needle}`).not.toContain(needle.toLowerCase());
    }
  });
});
