import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/api-keys.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { applyExpiryPolicy } from '../../src/app/indicator-expiry.ts';
import { canonicalOrThrow, noteReportedIdentifier } from '../../src/app/indicators.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { queryRows } from '../../src/store/connection.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let analyst: Session;
let supervisor: Session;
let partner: Session;
let bankKey: string;
let bankKeyNoSightings: string;
const policy = { suspectedExpiryDays: 90, confirmedReviewDays: 180 };

const reasons = {
  ground: 'investment',
  legalBasis: 'Decree 147/2024/ND-CP on internet services and online information',
  evidence: ['citizen_reports', 'screenshots'],
  sourceType: 'agency',
  explanation: 'Three independent reports with transfer receipts.',
};

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  partner = await signInAs(server.app, users.partner_admin.email);
  bankKey = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'engine', scopes: ['lookup', 'sightings:write'] })).key;
  bankKeyNoSightings = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: users.orgs['bank-b']!, name: 'reader', scopes: ['lookup'] })).key;
});
afterAll(async () => server?.close());

const post = (url: string, headers: Record<string, string>, payload: object) => server.app.inject({ method: 'POST', url, headers, payload });
const get = (url: string, headers: Record<string, string>) => server.app.inject({ method: 'GET', url, headers });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('listing with a statement of reasons', () => {
  it('lists a canonicalized identifier and records who decided, on what ground and basis', async () => {
    const res = await post('/api/v1/indicators', analyst.headers, { value: '0912 345 001', verdict: 'confirmed', reasons });
    expect(res.statusCode).toBe(201);
    const listed = res.json();
    expect(listed).toMatchObject({ indicator: 'phone:+84912345001', verdict: 'confirmed', confidence: 90, tlp: 'clear', fraudTypes: ['investment'] });
    expect(listed.reviewAt).not.toBeNull();

    const detail = (await get(`/api/v1/indicators/${listed.id}`, analyst.headers)).json();
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ from: null, to: 'confirmed', reasons: { ground: 'investment', legalBasis: reasons.legalBasis, automated: false, sourceType: 'agency' } });
    expect(detail.history[0].reasons.decidedBy).toEqual({ type: 'person', userId: users.analyst.id, organizationId: users.orgs['agency'] });
    // The detail also answers to the identifier in another written form.
    const byValue = await get(`/api/v1/indicators/${encodeURIComponent('+84 912 345 001')}`, analyst.headers);
    expect(byValue.json().id).toBe(listed.id);
  });

  it('refuses a listing without a complete statement of reasons, naming each missing part, and stores nothing', async () => {
    const before = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from indicators`);
    const res = await post('/api/v1/indicators', analyst.headers, { value: '0912 345 002', verdict: 'confirmed', reasons: { ground: 'investment', legalBasis: '', evidence: [], sourceType: 'agency' } });
    const problem = expectProblem(res, 400);
    expect(problem.errors!.map((e) => e.field)).toEqual(expect.arrayContaining(['/reasons/legalBasis', '/reasons/evidence']));
    const bad = await post('/api/v1/indicators', analyst.headers, { value: 'not an identifier at all', verdict: 'confirmed', reasons });
    expect(expectProblem(bad, 400).errors![0]).toMatchObject({ field: '/value' });
    const after = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from indicators`);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
  });

  it('changes verdicts only along allowed transitions, each with reasons', async () => {
    const { id } = (await post('/api/v1/indicators', analyst.headers, { value: 'https://shop-re-demo.example/sale', verdict: 'suspected', reasons: { ...reasons, ground: 'online_shopping' } })).json();
    const same = await post(`/api/v1/indicators/${id}/verdict`, analyst.headers, { verdict: 'suspected', reasons });
    expectProblem(same, 409);
    const confirm = await post(`/api/v1/indicators/${id}/verdict`, supervisor.headers, { verdict: 'confirmed', confidence: 85, reasons: { ...reasons, ground: 'online_shopping' } });
    expect(confirm.json()).toMatchObject({ verdict: 'confirmed', confidence: 85 });
    const clear = await post(`/api/v1/indicators/${id}/verdict`, supervisor.headers, { verdict: 'cleared', reasons: { ...reasons, ground: 'online_shopping', evidence: ['owner_statement'], explanation: 'The shop proved ownership.' } });
    expect(clear.json().verdict).toBe('cleared');
    const illegal = await post(`/api/v1/indicators/${id}/verdict`, supervisor.headers, { verdict: 'disputed', reasons });
    expect(expectProblem(illegal, 409).detail).toMatch(/cannot change from cleared to disputed/);
    const detail = (await get(`/api/v1/indicators/${id}`, analyst.headers)).json();
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual(['suspected', 'confirmed', 'cleared']);
    const changes = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from index_changes where indicator = ${detail.indicator}`);
    expect(Number(changes[0]!.n)).toBe(3);
  });

  it('lets only agency staff list or change verdicts', async () => {
    expectProblem(await post('/api/v1/indicators', partner.headers, { value: '0912 345 003', verdict: 'confirmed', reasons }), 403);
    expectProblem(await post('/api/v1/indicators', bearer(bankKey), { value: '0912 345 003', verdict: 'confirmed', reasons }), 403);
  });
});

describe('reports make identifiers suspected', () => {
  it('the first report lists as suspected by an automated rule; more reports raise the count and confidence', async () => {
    const canonical = canonicalOrThrow('0912 345 010', undefined, '/x');
    const caller = systemCaller('test');
    for (let i = 0; i < 3; i++) {
      await server.database.db.transaction((tx) => noteReportedIdentifier(tx, caller, { canonical, fraudType: 'job_task', sourceType: 'citizen', organizationId: null }, policy));
    }
    const detail = (await get(`/api/v1/indicators/${encodeURIComponent(canonical.indicator)}`, analyst.headers)).json();
    expect(detail).toMatchObject({ verdict: 'suspected', reportCount: 3, fraudTypes: ['job_task'] });
    expect(detail.confidence).toBeGreaterThan(30);
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0].reasons).toMatchObject({ automated: true, decidedBy: { type: 'automated_rule', rule: 'first_report' } });
    expect(detail.sources).toEqual([expect.objectContaining({ sourceType: 'citizen', organization: null, reports: 3 })]);
  });
});

describe('the verified-legitimate registry', () => {
  it('refuses to list a registered identifier, flags reports against it for review, and opens a review when a listed one is registered', async () => {
    const reg = await post('/api/v1/legitimate', supervisor.headers, { value: '1900 000 555', ownerName: 'Bank A hotline', category: 'bank', ownerOrganizationId: users.orgs['bank-a'] });
    expect(reg.statusCode).toBe(201);
    const listing = await post('/api/v1/indicators', analyst.headers, { value: '1900000555', verdict: 'confirmed', reasons });
    expect(expectProblem(listing, 409).detail).toMatch(/verified legitimate identifier of Bank A hotline/);
    const note = await server.database.db.transaction((tx) =>
      noteReportedIdentifier(tx, systemCaller('test'), { canonical: canonicalOrThrow('1900 000 555', undefined, '/x'), fraudType: 'impersonating_bank', sourceType: 'citizen', organizationId: null }, policy),
    );
    expect(note).toEqual({ indicator: null, flaggedLegitimate: true });
    const reviews = (await get('/api/v1/reviews', analyst.headers)).json().items;
    expect(reviews.filter((r: { reason: string; indicator: string }) => r.reason === 'legitimate_conflict' && r.indicator === 'phone:+841900000555')).toHaveLength(1);

    await post('/api/v1/indicators', analyst.headers, { value: 'https://bank-a-official.example/', verdict: 'suspected', reasons });
    const late = await post('/api/v1/legitimate', supervisor.headers, { value: 'https://bank-a-official.example/', ownerName: 'Bank A', category: 'bank' });
    expect(late.json().reviewOpened).toBe(true);
    expectProblem(await post('/api/v1/legitimate', supervisor.headers, { value: 'https://bank-a-official.example/', ownerName: 'Bank A', category: 'bank' }), 409);
    expectProblem(await post('/api/v1/legitimate', analyst.headers, { value: '1900 000 556', ownerName: 'X', category: 'bank' }), 403);

    const list = (await get('/api/v1/legitimate', analyst.headers)).json().items;
    const entry = list.find((l: { ownerName: string }) => l.ownerName === 'Bank A hotline');
    const removed = await server.app.inject({ method: 'DELETE', url: `/api/v1/legitimate/${entry.id}`, headers: supervisor.headers });
    expect(removed.statusCode).toBe(200);
    expect((await get('/api/v1/legitimate', analyst.headers)).json().items.some((l: { id: string }) => l.id === entry.id)).toBe(false);
  });
});

describe('sightings', () => {
  it('records partners\' sightings, opens one review for false positives, and shows counts in the detail', async () => {
    await post('/api/v1/indicators', analyst.headers, { value: 'VCB 0011 0045 67890', verdict: 'confirmed', reasons });
    const seen = await post('/api/v1/sightings', bearer(bankKey), { value: '970436:0011004567890', type: 'seen', count: 4 });
    expect(seen.statusCode).toBe(201);
    expect(seen.json().reviewId).toBeNull();
    const fp1 = (await post('/api/v1/sightings', bearer(bankKey), { value: 'vcb 0011004567890', type: 'false_positive', note: 'Our customer\'s own account' })).json();
    const fp2 = (await post('/api/v1/sightings', partner.headers, { value: 'vcb 0011004567890', type: 'false_positive' })).json();
    expect(fp1.reviewId).not.toBeNull();
    expect(fp2.reviewId).toBe(fp1.reviewId);
    expect(fp2.counts).toMatchObject({ seen: { count: 4, organizations: 1 }, false_positive: { count: 2, organizations: 1 } });

    expectProblem(await post('/api/v1/sightings', bearer(bankKeyNoSightings), { value: 'vcb 0011004567890', type: 'seen' }), 403);
    expectProblem(await post('/api/v1/sightings', bearer(bankKey), { value: '0988 777 666', type: 'seen' }), 404);
    expectProblem(await post('/api/v1/sightings', bearer(bankKey), { value: 'vcb 0011004567890', type: 'seen', observedAt: '2999-01-01T00:00:00Z' }), 400);

    const review = (await get('/api/v1/reviews', analyst.headers)).json().items.find((r: { id: string }) => r.id === fp1.reviewId);
    expect(review.reason).toBe('false_positive_sighting');
    const closed = await post(`/api/v1/reviews/${review.id}/close`, analyst.headers, { outcome: 'Kept: the account received transfers from 12 victims.' });
    expect(closed.json().status).toBe('closed');
    expectProblem(await post(`/api/v1/reviews/${review.id}/close`, analyst.headers, { outcome: 'again' }), 409);
  });

  it('shows partners the decider\'s organization, never the person, and hides cleared and TLP:RED indicators', async () => {
    const listed = (await post('/api/v1/indicators', analyst.headers, { value: 'zalo.me/0912345020', verdict: 'confirmed', reasons })).json();
    const asPartner = (await get(`/api/v1/indicators/${listed.id}`, bearer(bankKey))).json();
    expect(asPartner.history[0].reasons.decidedBy).toEqual({ type: 'organization', organizationId: users.orgs['agency'] });
    const red = (await post('/api/v1/indicators', analyst.headers, { value: '0912 345 021', verdict: 'confirmed', tlp: 'red', reasons })).json();
    expectProblem(await get(`/api/v1/indicators/${red.id}`, bearer(bankKey)), 404);
    expect((await get(`/api/v1/indicators/${red.id}`, analyst.headers)).statusCode).toBe(200);
    const page = (await get('/api/v1/indicators?limit=500', bearer(bankKey))).json();
    expect(page.items.every((i: { tlp: string; verdict: string }) => i.tlp !== 'red' && i.verdict !== 'cleared')).toBe(true);
  });
});

describe('expiry policy', () => {
  it('clears stale suspected indicators by an automated rule and brings confirmed ones up for review once', async () => {
    const db = server.database.db;
    const stale = (await post('/api/v1/indicators', analyst.headers, { value: 'https://stale-demo.example/x', verdict: 'suspected', reasons })).json();
    const due = (await post('/api/v1/indicators', analyst.headers, { value: 'https://old-confirmed-demo.example/x', verdict: 'confirmed', reasons })).json();
    await db.execute(sql`update indicators set expires_at = now() - interval '1 day' where id = ${stale.id}`);
    await db.execute(sql`update indicators set review_at = now() - interval '1 day' where id = ${due.id}`);
    const first = await applyExpiryPolicy(db, policy);
    expect(first.cleared).toBeGreaterThanOrEqual(1);
    expect(first.reviewsOpened).toBeGreaterThanOrEqual(1);
    const staleDetail = (await get(`/api/v1/indicators/${stale.id}`, analyst.headers)).json();
    expect(staleDetail.verdict).toBe('cleared');
    expect(staleDetail.history.at(-1).reasons).toMatchObject({ automated: true, decidedBy: { type: 'automated_rule', rule: 'expiry' }, evidence: ['no_new_reports'] });
    const dueDetail = (await get(`/api/v1/indicators/${due.id}`, analyst.headers)).json();
    expect(dueDetail.verdict).toBe('confirmed');
    expect(new Date(dueDetail.reviewAt).getTime()).toBeGreaterThan(Date.now());
    const second = await applyExpiryPolicy(db, policy);
    expect(second).toEqual({ cleared: 0, reviewsOpened: 0 });
  });
});

describe('bad input and the audit trail', () => {
  it('answers bad queries with 400 and keeps the audit chain valid', async () => {
    expectProblem(await get('/api/v1/indicators?verdict=maybe', analyst.headers), 400);
    expectProblem(await get('/api/v1/indicators?cursor=garbage', analyst.headers), 400);
    expectProblem(await get('/api/v1/reviews?status=pending', analyst.headers), 400);
    expectProblem(await get('/api/v1/indicators/phone%3A%2B84999', analyst.headers), 404);
    const page1 = (await get('/api/v1/indicators?limit=2', analyst.headers)).json();
    const page2 = (await get(`/api/v1/indicators?limit=2&cursor=${page1.nextCursor}`, analyst.headers)).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const verify = await verifyAuditChain(server.database.db);
    expect(verify.ok).toBe(true);
  });
});
