import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_WINDOW_MS } from '../../src/domain/reports/coordination.ts';
import { recentCaseReports } from '../../src/store/cases.ts';
import { queryRows } from '../../src/store/connection.ts';
import { seedUsers, signInAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let analyst: Session;

beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: 'true' });
  const users = await seedUsers(server.database);
  analyst = await signInAs(server.app, users.analyst.email);
});
afterAll(async () => server?.close());

interface ReportOptions {
  narrative?: string;
  ip?: string;
  email?: string;
  category?: string;
}

async function report(identifiers: string[], o: ReportOptions = {}) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: { 'x-forwarded-for': o.ip ?? `198.51.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200)}` },
    payload: {
      category: o.category ?? 'online_shopping',
      narrative: o.narrative ?? `Tôi mua hàng số ${Math.random()} nhưng không nhận được, người bán chặn liên lạc ${Math.random().toString(36)}.`,
      identifiers,
      ...(o.email ? { contact: { email: o.email }, consentToContact: false } : {}),
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

const caseOf = async (reportId: string) =>
  (
    await queryRows<{ id: string; coordination: { reasons: { signal: string; count: number }[] } | null; risk_score: number }>(
      server.database.db,
      sql`select c.id, c.coordination, c.risk_score from cases c join reports r on r.case_id = c.id where r.id = ${reportId}`,
    )
  )[0]!;

const post = (url: string, body: unknown) => server.app.inject({ method: 'POST', url, headers: analyst.headers, payload: body as object });

describe('protecting the innocent', () => {
  it('copy-pasted narratives against one target flag the case for a human, with the reason', async () => {
    const story = (amount: string) => `Shop này lừa đảo, tôi chuyển ${amount} rồi bị chặn. Mọi người tránh xa!`;
    const a = await report(['0987 000 111'], { narrative: story('500.000đ') });
    expect((await caseOf(a.id)).coordination).toBeNull();
    await report(['0987 000 111'], { narrative: story('1.200.000đ') });
    const c = await report(['0987 000 111'], { narrative: story('300.000 đ') });
    const flagged = await caseOf(c.id);
    expect(flagged.coordination?.reasons).toEqual([expect.objectContaining({ signal: 'identical_narratives', count: 3 })]);
    const audit = await queryRows<{ action: string }>(server.database.db, sql`select action from audit_log where subject_id = ${flagged.id} and action = 'case.flagged_coordinated'`);
    expect(audit).toHaveLength(1);
    // The queue shows it and can filter on it.
    const queue = await server.app.inject({ method: 'GET', url: '/api/v1/cases?coordinated=true', headers: analyst.headers });
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(flagged.id);
    expect(queue.json().items.find((i: { id: string }) => i.id === flagged.id).coordination.reasons[0].signal).toBe('identical_narratives');
  });

  it('reports from one network are flagged at the third; different people with their own words are not', async () => {
    for (let n = 0; n < 5; n++) await report(['0987 000 222']);
    const genuine = await report(['0987 000 222']);
    expect((await caseOf(genuine.id)).coordination).toBeNull();
    await report(['0987 000 333'], { ip: '203.0.113.10' });
    await report(['0987 000 333'], { ip: '203.0.113.20' });
    const third = await report(['0987 000 333'], { ip: '203.0.113.30' });
    expect((await caseOf(third.id)).coordination?.reasons).toEqual([expect.objectContaining({ signal: 'same_source', count: 3 })]);
    // Only a keyed hash of the network is stored, never the address.
    const [row] = await queryRows<{ source_key: string }>(server.database.db, sql`select source_key from reports where id = ${third.id}`);
    expect(row!.source_key).toMatch(/^net:[0-9a-f]{32}$/);
    expect(row!.source_key).not.toContain('203.0.113');
  });

  it('rejected reports lower a reporter’s reputation; two reports from such reporters flag the next case', async () => {
    const first = await report(['0987 000 441'], { email: 'grudge@mail.example' });
    await report(['0987 000 441'], { email: 'grudge@mail.example' });
    const caseId = (await caseOf(first.id)).id;
    expect((await post(`/api/v1/cases/${caseId}/triage`, {})).statusCode).toBe(200);
    expect((await post(`/api/v1/cases/${caseId}/reject`, { reason: 'The shop delivered; a personal dispute', indicators: 'keep_suspected' })).statusCode).toBe(200);
    const [rep] = await queryRows<{ verified: number; rejected: number }>(
      server.database.db,
      sql`select rr.verified, rr.rejected from reporter_reputation rr join reports r on r.source_key = rr.source_key where r.id = ${first.id}`,
    );
    expect(rep).toEqual({ verified: 0, rejected: 2 });
    await report(['0987 000 442'], { email: 'grudge@mail.example' });
    const again = await report(['0987 000 442'], { email: 'GRUDGE@mail.example' });
    expect((await caseOf(again.id)).coordination?.reasons.map((r) => r.signal)).toEqual(['low_reputation_sources']);
  });

  it('reports weigh by their source’s record: a reliable source adds more confidence, one with rejected reports less', async () => {
    const sourceOf = async (reportId: string) => (await queryRows<{ source_key: string }>(server.database.db, sql`select source_key from reports where id = ${reportId}`))[0]!.source_key;
    const confidence = async (indicator: string) => (await queryRows<{ confidence: number }>(server.database.db, sql`select confidence from indicators where indicator = ${indicator}`))[0]!.confidence;
    const reliable = await sourceOf((await report(['0987 000 771'], { email: 'reliable@mail.example' })).id);
    const unreliable = await sourceOf((await report(['0987 000 772'], { email: 'unreliable@mail.example' })).id);
    await server.database.db.execute(sql`insert into reporter_reputation (source_key, verified, rejected) values (${reliable}, 8, 0), (${unreliable}, 0, 8)
      on conflict (source_key) do update set verified = excluded.verified, rejected = excluded.rejected`);
    for (const [who, phone] of [[null, '0987 000 781'], ['reliable@mail.example', '0987 000 782'], ['unreliable@mail.example', '0987 000 783']] as const) {
      await report([phone]);
      await report([phone], who ? { email: who } : {});
    }
    // Two reports from new sources: 20 + 10 × 2 = 40; the second from a reliable source weighs 1.8, from an unreliable one 0.2.
    expect(await confidence('phone:+84987000781')).toBe(40);
    expect(await confidence('phone:+84987000782')).toBe(48);
    expect(await confidence('phone:+84987000783')).toBe(32);
  });

  it('report volume alone never confirms: many reports leave an identifier suspected, at most 70% confident', async () => {
    for (let n = 0; n < 12; n++) await report(['0987 000 555']);
    const [row] = await queryRows<{ verdict: string; confidence: number; report_count: number }>(server.database.db, sql`select verdict, confidence, report_count from indicators where indicator = 'phone:+84987000555'`);
    expect(row).toEqual({ verdict: 'suspected', confidence: 70, report_count: 12 });
  });
});

describe('risk scores in triage', () => {
  it('each report and its case carry a risk score; the queue sorts and filters by it', async () => {
    const scam = await report(['0987 000 661'], {
      category: 'job_task',
      narrative: 'Tuyển cộng tác viên việc nhẹ lương cao, làm nhiệm vụ nhận hoa hồng, nạp tiền trước để mở khoá đơn hàng, chuyển khoản gấp kẻo mất thưởng.',
    });
    const plain = await report(['0987 000 662'], { category: 'other', narrative: 'Có người gọi điện hỏi thăm, tôi không chắc đó là ai.' });
    const high = await caseOf(scam.id);
    const low = await caseOf(plain.id);
    expect(high.risk_score).toBeGreaterThan(low.risk_score);
    const [r] = await queryRows<{ risk_score: number }>(server.database.db, sql`select risk_score from reports where id = ${scam.id}`);
    expect(r!.risk_score).toBe(high.risk_score);
    const sorted = (await server.app.inject({ method: 'GET', url: '/api/v1/cases?sort=risk&limit=200', headers: analyst.headers })).json().items as { id: string; riskScore: number }[];
    const scores = sorted.map((i) => i.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(sorted.findIndex((i) => i.id === high.id)).toBeLessThan(sorted.findIndex((i) => i.id === low.id));
    const filtered = (await server.app.inject({ method: 'GET', url: `/api/v1/cases?minRisk=${high.risk_score}`, headers: analyst.headers })).json().items as { riskScore: number }[];
    expect(filtered.every((i) => i.riskScore >= high.risk_score)).toBe(true);
    // Paging through the risk order with the cursor loses nothing.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await server.app.inject({ method: 'GET', url: `/api/v1/cases?sort=risk&limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: analyst.headers })
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(sorted.map((i) => i.id).sort());
  });
});

describe('the recent reports the check reads', () => {
  it('are the latest within the window, at most the limit per case, each with its source reputation', async () => {
    const first = await report(['0912 404 771'], { ip: '203.0.113.77' });
    const { id: caseId } = await caseOf(first.id);
    await report(['0912 404 771'], { ip: '203.0.113.78' });
    await report(['0912 404 771'], { ip: '203.0.113.79' });
    const other = await caseOf((await report(['0912 404 772'])).id);
    // The oldest report falls out of the window; the source of one has a track record.
    await queryRows(server.database.db, sql`update reports set created_at = now() - interval '3 days' where id = ${first.id}`);
    const [src] = await queryRows<{ source_key: string }>(server.database.db, sql`select source_key from reports where case_id = ${caseId} and id <> ${first.id} order by created_at desc limit 1`);
    await queryRows(server.database.db, sql`insert into reporter_reputation (source_key, verified, rejected) values (${src!.source_key}, 4, 1)`);

    const since = new Date(Date.now() - RECENT_WINDOW_MS);
    const all = await recentCaseReports(server.database.db, [caseId, other.id], since, 10);
    expect(all.get(caseId)).toHaveLength(2);
    expect(all.get(other.id)).toHaveLength(1);
    expect(all.get(caseId)!.find((r) => r.sourceKey === src!.source_key)?.reputation).toEqual({ verified: 4, rejected: 1 });
    const [latest] = await queryRows<{ created_at: Date | string }>(server.database.db, sql`select created_at from reports where case_id = ${caseId} order by created_at desc limit 1`);
    const capped = await recentCaseReports(server.database.db, [caseId], since, 1);
    expect(capped.get(caseId)!.map((r) => r.createdAt.getTime())).toEqual([new Date(latest!.created_at).getTime()]);
  });
});
