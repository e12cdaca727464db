import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts.ts';
import { createApiKey } from '../../src/app/api-keys.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { replay, type CaseEvent } from '../../src/domain/cases/state-machine.ts';
import { queryRows } from '../../src/store/connection.ts';
import { reportInto } from '../helpers/cases.ts';
import { expectProblem, seedUsers, signInAs, startTestServer, TEST_PASSWORD, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let users: Awaited<ReturnType<typeof seedUsers>>;
let analyst: Session;
let analyst2Id: string;
let supervisor: Session;
let operator: Session;
let partner: Session;
let partnerKey: string;

const reasons = {
  ground: 'investment',
  legalBasis: 'Decree 147/2024/ND-CP on internet services and online information',
  evidence: ['citizen_reports', 'transaction_records'],
  sourceType: 'agency',
  explanation: 'Four reports with transfer receipts to the same account.',
};

beforeAll(async () => {
  server = await startTestServer();
  users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
  supervisor = await signInAs(server.app, users.supervisor.email);
  operator = await signInAs(server.app, users.platform_operator.email);
  partner = await signInAs(server.app, users.partner_admin.email);
  analyst2Id = (await createUser(server.database.db, systemCaller('test'), { organizationId: users.orgs['agency']!, email: 'analyst2@test.example', name: 'Second analyst', role: 'analyst', password: TEST_PASSWORD })).user.id;
  partnerKey = (await createApiKey(server.database.db, systemCaller('test'), { organizationId: users.orgs['bank-a']!, name: 'all', scopes: ['lookup', 'reports:write', 'escalations', 'indicators:write'] })).key;
});
afterAll(async () => server?.close());

const db = () => server.database.db;
const post = (url: string, headers: Record<string, string>, payload: object) => server.app.inject({ method: 'POST', url, headers, payload });
const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });
const count = async (table: string) => (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
let seq = 0;
/** Identifiers unique to each test, so cases do not join across tests. */
const fresh = () => {
  seq++;
  return [`phone:+849130${String(seq).padStart(5, '0')}`, `bank:970436:00120000${String(seq).padStart(5, '0')}`];
};

async function triaged(inds = fresh()) {
  const r = await reportInto(db(), inds, { amountLostVnd: 2_000_000 });
  expect((await post(`/api/v1/cases/${r.caseId}/triage`, analyst.headers, { priority: 2 })).statusCode).toBe(200);
  return r;
}

describe('who may work on cases', () => {
  it('agency roles see the queue; platform operators, partners and their keys do not; the public must sign in', async () => {
    const r = await reportInto(db(), fresh());
    expect((await get('/api/v1/cases', analyst.headers)).statusCode).toBe(200);
    expect((await get('/api/v1/cases', supervisor.headers)).statusCode).toBe(200);
    for (const who of [operator, partner]) {
      expectProblem(await get('/api/v1/cases', who.headers), 403);
      expectProblem(await get(`/api/v1/cases/${r.caseId}`, who.headers), 403);
      expectProblem(await post(`/api/v1/cases/${r.caseId}/triage`, who.headers, {}), 403);
      expectProblem(await post(`/api/v1/cases/${r.caseId}/verify`, who.headers, { reasons }), 403);
    }
    expectProblem(await get('/api/v1/cases', { authorization: `Bearer ${partnerKey}` }), 403);
    expectProblem(await post(`/api/v1/cases/${r.caseId}/triage`, { authorization: `Bearer ${partnerKey}` }, {}), 403);
    expectProblem(await get('/api/v1/cases'), 401);
    expectProblem(await get(`/api/v1/cases/${r.caseId}`), 401);
  });

  it('an unknown case is 404, a malformed id 400', async () => {
    expectProblem(await get('/api/v1/cases/00000000-0000-4000-8000-000000000000', analyst.headers), 404);
    expectProblem(await post('/api/v1/cases/00000000-0000-4000-8000-000000000000/triage', analyst.headers, {}), 404);
    expectProblem(await get('/api/v1/cases/not-a-uuid', analyst.headers), 400);
  });

  it('only supervisors reopen', async () => {
    const r = await triaged();
    expect((await post(`/api/v1/cases/${r.caseId}/reject`, analyst.headers, { reason: 'No evidence of fraud', indicators: 'keep_suspected' })).statusCode).toBe(200);
    expectProblem(await post(`/api/v1/cases/${r.caseId}/reopen`, analyst.headers, { reason: 'New evidence' }), 403);
    const res = await post(`/api/v1/cases/${r.caseId}/reopen`, supervisor.headers, { reason: 'New evidence arrived' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('triaged');
  });

  it('analysts take a case themselves; supervisors assign anyone at the agency, never a partner', async () => {
    const r = await reportInto(db(), fresh());
    const self = await post(`/api/v1/cases/${r.caseId}/assign`, analyst.headers, { assigneeUserId: users.analyst.id });
    expect(self.statusCode).toBe(200);
    expect(self.json().assigneeUserId).toBe(users.analyst.id);
    expectProblem(await post(`/api/v1/cases/${r.caseId}/assign`, analyst.headers, { assigneeUserId: analyst2Id }), 403);
    expectProblem(await post(`/api/v1/cases/${r.caseId}/assign`, analyst.headers, { assigneeUserId: null }), 403);
    const other = await post(`/api/v1/cases/${r.caseId}/assign`, supervisor.headers, { assigneeUserId: analyst2Id });
    expect(other.json().assigneeUserId).toBe(analyst2Id);
    const bad = expectProblem(await post(`/api/v1/cases/${r.caseId}/assign`, supervisor.headers, { assigneeUserId: users.platform_operator.id }), 400);
    expect(bad.errors?.[0]?.field).toBe('/assigneeUserId');
    // The case is now the second analyst's: the first cannot take it over.
    expectProblem(await post(`/api/v1/cases/${r.caseId}/assign`, analyst.headers, { assigneeUserId: users.analyst.id }), 403);
    const none = await post(`/api/v1/cases/${r.caseId}/assign`, supervisor.headers, { assigneeUserId: null });
    expect(none.json().assigneeUserId).toBeNull();
  });
});

describe('the case workflow', () => {
  it('a disallowed transition is a 409 naming the current state and the allowed events, and nothing is stored', async () => {
    const r = await reportInto(db(), fresh());
    const events = await count('case_events');
    const problem = expectProblem(await post(`/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons }), 409);
    expect(problem.detail).toContain('is new');
    expect(problem.detail).toContain('triaged');
    expect(problem.errors?.[0]?.message).toMatch(/Current state: new\. Allowed events: .*triaged/);
    expectProblem(await post(`/api/v1/cases/${r.caseId}/close`, analyst.headers, {}), 409);
    expect(await count('case_events')).toBe(events);
  });

  it('verify confirms every indicator with the statement of reasons, the analyst as decider, and moves the reports on', async () => {
    const r = await triaged();
    const res = await post(`/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.case.status).toBe('verified');
    expect(body.indicators).toHaveLength(2);
    expect(body.indicators.every((i: { to: string }) => i.to === 'confirmed')).toBe(true);
    for (const id of r.indicatorIds) {
      const detail = (await get(`/api/v1/indicators/${id}`, analyst.headers)).json();
      expect(detail.verdict).toBe('confirmed');
      const last = detail.history.at(-1);
      expect(last).toMatchObject({ from: 'suspected', to: 'confirmed', reasons: { ground: 'investment', legalBasis: reasons.legalBasis, evidence: reasons.evidence, sourceType: 'agency', automated: false } });
      expect(last.reasons.decidedBy).toEqual({ type: 'person', userId: users.analyst.id, organizationId: users.orgs['agency'] });
    }
    const [report] = await queryRows<{ status: string; outcome: string | null }>(db(), sql`select status, outcome from reports where id = ${r.reportId}`);
    expect(report!.status).toBe('verified');
    const detail = (await get(`/api/v1/cases/${r.caseId}`, analyst.headers)).json();
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['created', 'report_added', 'triaged', 'verified']);
    expect(detail.events[3].actor).toMatchObject({ type: 'user', id: users.analyst.id });
    expect(detail.reports[0]).toMatchObject({ id: r.reportId, narrative: expect.any(String) });
    expect(JSON.stringify(detail)).not.toMatch(/contact/i);
    expect(detail.indicators.map((i: { verdict: string }) => i.verdict)).toEqual(['confirmed', 'confirmed']);
    expect(detail.allowedEvents).toContain('escalated');
    // Closing a verified case (phone numbers and bank accounts have no platform to act).
    const closed = await post(`/api/v1/cases/${r.caseId}/close`, analyst.headers, { note: 'Listed; banks informed.' });
    expect(closed.json().status).toBe('closed');
  });

  it('verify without a complete statement of reasons is 400 and changes nothing', async () => {
    const r = await triaged();
    const events = await count('case_events');
    const changes = await count('verdict_changes');
    expectProblem(await post(`/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons: { ...reasons, legalBasis: undefined } }), 400);
    const p = expectProblem(await post(`/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons: { ...reasons, legalBasis: '   ' } }), 400);
    expect(p.errors?.some((e) => e.field === '/reasons/legalBasis')).toBe(true);
    expectProblem(await post(`/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons, extra: 1 }), 400);
    expect(await count('case_events')).toBe(events);
    expect(await count('verdict_changes')).toBe(changes);
  });

  it('reject clears the suspected indicators with reasons, or leaves them suspected', async () => {
    const a = await triaged();
    const cleared = await post(`/api/v1/cases/${a.caseId}/reject`, analyst.headers, { reason: 'The shop delivered the goods', indicators: 'clear', reasons: { ...reasons, ground: 'online_shopping', evidence: ['investigation'], explanation: 'Delivery confirmed.' } });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().case.status).toBe('rejected');
    for (const id of a.indicatorIds) {
      const detail = (await get(`/api/v1/indicators/${id}`, analyst.headers)).json();
      expect(detail.verdict).toBe('cleared');
      expect(detail.history.at(-1)).toMatchObject({ from: 'suspected', to: 'cleared', reasons: { ground: 'online_shopping', evidence: ['investigation'] } });
      expect(detail.history.at(-1).reasons.decidedBy.userId).toBe(users.analyst.id);
    }
    const [report] = await queryRows<{ status: string; outcome: string | null }>(db(), sql`select status, outcome from reports where id = ${a.reportId}`);
    expect(report).toMatchObject({ status: 'closed', outcome: expect.stringContaining('xác minh') });

    const b = await triaged();
    expectProblem(await post(`/api/v1/cases/${b.caseId}/reject`, analyst.headers, { reason: 'Not enough', indicators: 'clear' }), 400);
    const kept = await post(`/api/v1/cases/${b.caseId}/reject`, analyst.headers, { reason: 'Not enough to act on yet', indicators: 'keep_suspected' });
    expect(kept.json().indicators.every((i: { to: string; skipped: string }) => i.to === 'suspected' && i.skipped === 'left suspected')).toBe(true);
  });

  it('comments and priority are events; they leave the state alone', async () => {
    const r = await reportInto(db(), fresh());
    expect((await post(`/api/v1/cases/${r.caseId}/comments`, analyst.headers, { text: 'Looks like the same ring as last week.' })).json().status).toBe('new');
    expect((await post(`/api/v1/cases/${r.caseId}/priority`, analyst.headers, { priority: 1 })).json().priority).toBe(1);
    expectProblem(await post(`/api/v1/cases/${r.caseId}/priority`, analyst.headers, { priority: 9 }), 400);
    expectProblem(await post(`/api/v1/cases/${r.caseId}/comments`, analyst.headers, { text: '' }), 400);
    const types = (await get(`/api/v1/cases/${r.caseId}`, analyst.headers)).json().events.map((e: { type: string }) => e.type);
    expect(types).toEqual(['created', 'report_added', 'commented', 'priority_set']);
  });

  it('merge moves reports and indicators, adds the counters, and records an event on both cases', async () => {
    const target = await reportInto(db(), fresh(), { amountLostVnd: 1_000 });
    const source = await reportInto(db(), fresh(), { amountLostVnd: 5_000 });
    const res = await post(`/api/v1/cases/${target.caseId}/merge`, analyst.headers, { sourceCaseId: source.caseId, reason: 'Same scammer, two numbers' });
    expect(res.statusCode).toBe(200);
    const { target: t, merged } = res.json();
    expect(t).toMatchObject({ reportCount: 2, amountLostVnd: 6_000, status: 'new' });
    expect(merged).toMatchObject({ status: 'merged', mergedIntoCaseId: target.caseId, reportCount: 0, amountLostVnd: 0, allowedEvents: [] });
    const detail = (await get(`/api/v1/cases/${target.caseId}`, analyst.headers)).json();
    expect(detail.reports.map((r: { id: string }) => r.id).sort()).toEqual([target.reportId, source.reportId].sort());
    expect(detail.indicators.map((i: { id: string }) => i.id).sort()).toEqual([...target.indicatorIds, ...source.indicatorIds].sort());
    expect(detail.events.at(-1)).toMatchObject({ type: 'merge_received', payload: { fromCaseId: source.caseId } });
    const old = (await get(`/api/v1/cases/${source.caseId}`, analyst.headers)).json();
    expect(old.events.at(-1)).toMatchObject({ type: 'merged', payload: { intoCaseId: target.caseId } });
    expect(old.reports).toEqual([]);
    // A later report with the source's identifier joins the target.
    const later = await reportInto(db(), [source.indicatorIds.length ? (await queryRows<{ indicator: string }>(db(), sql`select indicator from indicators where id = ${source.indicatorIds[0]!}`))[0]!.indicator : '']);
    expect(later.caseId).toBe(target.caseId);
    // Merged cases accept nothing more; a case cannot be merged into itself.
    expectProblem(await post(`/api/v1/cases/${target.caseId}/merge`, analyst.headers, { sourceCaseId: source.caseId, reason: 'again' }), 409);
    expectProblem(await post(`/api/v1/cases/${target.caseId}/merge`, analyst.headers, { sourceCaseId: target.caseId, reason: 'self' }), 400);
    const events = await count('case_events');
    expectProblem(await post(`/api/v1/cases/${target.caseId}/merge`, analyst.headers, { sourceCaseId: '00000000-0000-4000-8000-000000000002', reason: 'gone' }), 404);
    expectProblem(await post(`/api/v1/cases/${target.caseId}/merge`, analyst.headers, { sourceCaseId: 'nope', reason: 'bad id' }), 400);
    expect(await count('case_events')).toBe(events);
  });
});

describe('the queue', () => {
  it('filters, sorts, pages with a cursor and counts per status', async () => {
    const cat = `queue-${Date.now()}`;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await reportInto(db(), fresh(), { category: cat, amountLostVnd: (i + 1) * 1000 }));
    await post(`/api/v1/cases/${made[0]!.caseId}/triage`, analyst.headers, { priority: 1 });
    await post(`/api/v1/cases/${made[1]!.caseId}/assign`, analyst.headers, { assigneeUserId: users.analyst.id });

    const all = (await get(`/api/v1/cases?category=${cat}&sort=amount&limit=2`, analyst.headers)).json();
    expect(all.items.map((c: { amountLostVnd: number }) => c.amountLostVnd)).toEqual([5000, 4000]);
    expect(all.counts).toEqual({ new: 4, triaged: 1 });
    const page2 = (await get(`/api/v1/cases?category=${cat}&sort=amount&limit=2&cursor=${all.nextCursor}`, analyst.headers)).json();
    expect(page2.items.map((c: { amountLostVnd: number }) => c.amountLostVnd)).toEqual([3000, 2000]);
    const page3 = (await get(`/api/v1/cases?category=${cat}&sort=amount&limit=2&cursor=${page2.nextCursor}`, analyst.headers)).json();
    expect(page3.items.map((c: { amountLostVnd: number }) => c.amountLostVnd)).toEqual([1000]);
    expect(page3.nextCursor).toBeNull();

    const triagedOnly = (await get(`/api/v1/cases?category=${cat}&status=triaged`, analyst.headers)).json();
    expect(triagedOnly.items.map((c: { id: string }) => c.id)).toEqual([made[0]!.caseId]);
    const mine = (await get(`/api/v1/cases?category=${cat}&assignee=me`, analyst.headers)).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toEqual([made[1]!.caseId]);
    expect((await get(`/api/v1/cases?category=${cat}&assignee=none`, analyst.headers)).json().items).toHaveLength(4);
    expect((await get(`/api/v1/cases?category=${cat}&priority=1`, analyst.headers)).json().items).toHaveLength(1);
    expect((await get(`/api/v1/cases?category=${cat}&sort=priority&limit=1`, analyst.headers)).json().items[0].id).toBe(made[0]!.caseId);
    expect((await get(`/api/v1/cases?category=${cat}&escalationDue=true`, analyst.headers)).json().items).toEqual([]);
    // An escalation past its due-soon time puts its case on the "escalation due" list.
    await db().execute(sql`insert into escalations (case_id, platform, organization_id, fraud_category, legal_basis, due_at, due_soon_at)
      values (${made[2]!.caseId}, 'facebook', ${users.orgs['meta']!}, 'investment', 'Decree 147/2024/ND-CP', now() + interval '1 hour', now() - interval '1 minute')`);
    expect((await get(`/api/v1/cases?category=${cat}&escalationDue=true`, analyst.headers)).json().items.map((c: { id: string }) => c.id)).toEqual([made[2]!.caseId]);
    expect((await get(`/api/v1/cases?category=${cat}&escalationDue=false`, analyst.headers)).json().items).toHaveLength(4);
    expect((await get(`/api/v1/cases/${made[2]!.caseId}`, analyst.headers)).json().escalations).toMatchObject([{ platform: 'facebook', status: 'open' }]);

    // Walking by update time visits every case exactly once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await get(`/api/v1/cases?category=${cat}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, analyst.headers)).json();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(made.map((m) => m.caseId).sort());

    expectProblem(await get(`/api/v1/cases?cursor=garbage`, analyst.headers), 400);
    expectProblem(await get(`/api/v1/cases?sort=amount&cursor=${all.nextCursor}&sort=created`, analyst.headers), 400);
    expectProblem(await get(`/api/v1/cases?status=open`, analyst.headers), 400);
    expectProblem(await get(`/api/v1/cases?assignee=bob`, analyst.headers), 400);
  });

  it('bulk assign and verify answer per case', async () => {
    const a = await triaged();
    const b = await reportInto(db(), fresh());
    const missing = '00000000-0000-4000-8000-000000000001';
    const assign = await post('/api/v1/cases/bulk', supervisor.headers, { action: 'assign', caseIds: [a.caseId, b.caseId, missing], assigneeUserId: analyst2Id });
    expect(assign.statusCode).toBe(200);
    expect(assign.json().results.map((r: { status: number }) => r.status)).toEqual([200, 200, 404]);
    const verify = await post('/api/v1/cases/bulk', analyst.headers, { action: 'verify', caseIds: [a.caseId, b.caseId], reasons });
    const results = verify.json().results;
    expect(results[0]).toMatchObject({ ok: true, case: { status: 'verified' } });
    expect(results[1]).toMatchObject({ ok: false, status: 409, error: { code: 'case_transition_refused' } });
    // An analyst cannot hand cases to someone else in bulk either.
    const handOff = await post('/api/v1/cases/bulk', analyst.headers, { action: 'assign', caseIds: [a.caseId], assigneeUserId: analyst2Id });
    expect(handOff.json().results[0]).toMatchObject({ ok: false, status: 403 });
    const events = await count('case_events');
    expectProblem(await post('/api/v1/cases/bulk', analyst.headers, { action: 'verify', caseIds: [b.caseId], reasons: { ...reasons, legalBasis: '  ' } }), 400);
    expectProblem(await post('/api/v1/cases/bulk', analyst.headers, { action: 'close', caseIds: [b.caseId] }), 400);
    expect(await count('case_events')).toBe(events);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('concurrent case work on PostgreSQL', () => {
  it('the same action sent five times at once is applied once; the others are told the new state', async () => {
    const r = await reportInto(db(), fresh());
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(`/api/v1/cases/${r.caseId}/triage`, analyst.headers, {})));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().detail).toContain('is triaged');
  });

  it('a verification and reports joining the case at the same moment all succeed, consistently', async () => {
    const inds = fresh();
    const r = await triaged(inds);
    const [verify, ...joined] = await Promise.all([
      post(`/api/v1/cases/${r.caseId}/verify`, analyst.headers, { reasons }),
      ...Array.from({ length: 4 }, (_, n) => reportInto(db(), [inds[n % 2]!, `domain:joined-${seq}-${n}.vn`], { amountLostVnd: 10 })),
    ]);
    expect(verify.statusCode).toBe(200);
    expect(joined.every((j) => j.caseId === r.caseId)).toBe(true);
    const c = (await get(`/api/v1/cases/${r.caseId}`, analyst.headers)).json();
    expect(c.reportCount).toBe(5);
    expect(c.events.filter((e: { type: string }) => e.type === 'report_added')).toHaveLength(5);
  });
});

describe('afterwards', () => {
  it("every case's stored status is the replay of its events", async () => {
    const rows = await queryRows<{ id: string; status: string; last_event_seq: string | number; types: string[]; last_id: string | number }>(
      db(),
      sql`select c.id, c.status, c.last_event_seq, array_agg(e.type order by e.id) as types, max(e.id) as last_id from cases c join case_events e on e.case_id = c.id group by c.id`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(replay(r.types as CaseEvent[])).toEqual({ ok: true, state: r.status });
      expect(Number(r.last_event_seq)).toBe(Number(r.last_id));
    }
  });

  it('the audit chain is valid', async () => {
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
