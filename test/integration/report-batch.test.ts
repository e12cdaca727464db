import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { checkLinks } from '../../src/app/link-check.ts';
import { IntakeQueue } from '../../src/app/intake-queue.ts';
import { storeReportBatch, type PreparedReport, type StoredReport } from '../../src/app/report-batch.ts';
import { queryRows, type Database, type Db } from '../../src/store/connection.ts';
import { freshDatabase } from '../helpers/database.ts';
import { preparedReport } from '../helpers/cases.ts';
import { putIndicator, putLegitimate } from '../helpers/indicators.ts';

const POLICY = { suspectedExpiryDays: 90, confirmedReviewDays: 180 };

let one: Database;
let batched: Database;
beforeAll(async () => {
  [one, batched] = await Promise.all([freshDatabase(), freshDatabase()]);
});
afterAll(async () => {
  await one?.close();
  await batched?.close();
});

/**
 * What intake leaves behind, named by report index and indicator string only (ids, references
 * and times differ between databases): which reports share a case, each case's counters and
 * indicators, each indicator's verdict and counts, and the audit actions in order.
 */
async function outcome(db: Db, stored: StoredReport[], prefix: string) {
  const reportIds = stored.map((s) => (s.kind === 'stored' ? s.report.id : null));
  const index = new Map(reportIds.map((id, n) => [id, n]));
  const cases = await queryRows<{ id: string; report_count: number; amount_lost_vnd: string | number; priority: number; reports: string[]; indicators: string[] | null; events: string[] }>(
    db,
    sql`select c.id, c.report_count, c.amount_lost_vnd, c.priority,
          (select array_agg(r.id::text) from reports r where r.case_id = c.id) as reports,
          (select array_agg(i.indicator order by i.indicator) from case_indicators ci join indicators i on i.id = ci.indicator_id where ci.case_id = c.id) as indicators,
          (select array_agg(e.type order by e.id) from case_events e where e.case_id = c.id) as events
        from cases c where exists (select 1 from reports r where r.case_id = c.id and r.narrative like ${`${prefix}%`})`,
  );
  const caseShapes = cases
    .map((c) => ({
      reports: c.reports.map((id) => index.get(id)!).sort((a, b) => a - b),
      reportCount: c.report_count,
      amount: Number(c.amount_lost_vnd),
      priority: c.priority,
      indicators: c.indicators ?? [],
      events: c.events,
    }))
    .sort((a, b) => a.reports[0]! - b.reports[0]!);
  const indicators = await queryRows<{ indicator: string; verdict: string; confidence: number; report_count: number; fraud_types: string[]; changes: number; sources: number }>(
    db,
    sql`select i.indicator, i.verdict, i.confidence, i.report_count, i.fraud_types,
          (select count(*)::int from verdict_changes v where v.indicator_id = i.id) as changes,
          (select coalesce(sum(s.reports), 0)::int from indicator_sources s where s.indicator_id = i.id) as sources
        from indicators i where i.indicator like ${`%${prefix}%`} order by i.indicator`,
  );
  const ids = `{${reportIds.filter(Boolean).join(',')}}`;
  const audit = await queryRows<{ action: string; report_id: string }>(
    db,
    sql`select action, coalesce(after->>'reportId', subject_id) as report_id from audit_log
        where (subject_type = 'report' and subject_id = any(${ids}::text[])) or (subject_type = 'case' and after->>'reportId' = any(${ids}::text[]))
        order by seq`,
  );
  const grouped = await queryRows<{ members: string[]; size: number }>(
    db,
    sql`select array_agg(i.indicator order by i.indicator) as members, n.size from indicators i join networks n on n.id = i.network_id
        where i.indicator like ${`%${prefix}%`} group by n.id, n.size`,
  );
  const links = await queryRows<{ a: string; b: string; reports: number }>(
    db,
    sql`select ia.indicator as a, ib.indicator as b, l.reports from indicator_links l join indicators ia on ia.id = l.a_id join indicators ib on ib.id = l.b_id
        where ia.indicator like ${`%${prefix}%`}`,
  );
  const [reviews] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from indicator_reviews where indicator like ${`%${prefix}%`} and reason = 'legitimate_conflict'`);
  return {
    networks: grouped.map((g) => `${g.size}:${g.members.join(' ')}`).sort(),
    links: links.map((l) => `${[l.a, l.b].sort().join(' ')}:${l.reports}`).sort(),
    reviews: reviews!.n,
    caseShapes, indicators: indicators.map((i) => ({ ...i, fraud_types: [...i.fraud_types].sort() })), audit: audit.map((a) => `${index.get(a.report_id)}:${a.action}`) };
}

const storeOneByOne = async (db: Db, reports: PreparedReport[]) => {
  const stored: StoredReport[] = [];
  for (const r of reports) stored.push(...(await db.transaction((tx) => storeReportBatch(tx, [r], POLICY))));
  return stored;
};

describe('a batch stores reports as storing them one by one would', () => {
  it('same cases, counters, indicators, verdicts and audit trail for random reports over a small pool', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            picks: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
            category: fc.constantFrom('investment', 'job_task', 'online_shopping'),
            amount: fc.option(fc.integer({ min: 1, max: 9_000_000 }), { nil: null }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.uniqueArray(fc.record({ n: fc.integer({ min: 0, max: 4 }), verdict: fc.constantFrom('suspected', 'confirmed', 'cleared', 'disputed') }), {
          maxLength: 3,
          selector: (p) => p.n,
        }),
        async (specs, preset) => {
          const prefix = `r${run++}x`;
          // A pool of six identifiers per run: some already listed (or cleared) on both databases,
          // and the last one a verified-legitimate entry that reports never list.
          const pool = Array.from({ length: 6 }, (_, n) => `domain:${prefix}-${n}.example`);
          for (const { n, verdict } of preset) {
            await putIndicator(one.db, { indicator: pool[n]!, verdict });
            await putIndicator(batched.db, { indicator: pool[n]!, verdict });
          }
          await putLegitimate(one.db, pool[5]!, 'Owner');
          await putLegitimate(batched.db, pool[5]!, 'Owner');
          const reports = (db: 'a' | 'b') =>
            specs.map((s, n) =>
              preparedReport(
                s.picks.map((p) => pool[p]!),
                { category: s.category, amountLostVnd: s.amount, narrative: `${prefix} report ${n} (${db})` },
              ),
            );
          const a = await storeOneByOne(one.db, reports('a'));
          const b = await batched.db.transaction((tx) => storeReportBatch(tx, reports('b'), POLICY));
          expect(await outcome(batched.db, b, prefix)).toEqual(await outcome(one.db, a, prefix));
        },
      ),
      { numRuns: 25 },
    );
    expect((await verifyAuditChain(one.db)).ok).toBe(true);
    expect((await verifyAuditChain(batched.db)).ok).toBe(true);
    // The link tables keep no foreign keys (decision 0012): every row they wrote names rows that are there.
    for (const db of [one.db, batched.db]) expect((await checkLinks(db)).missing).toEqual([]);
  });

  it('a later report in the batch joins the case an earlier one opened, through an identifier it added', async () => {
    const [a, b, c] = await batched.db.transaction((tx) =>
      storeReportBatch(tx, [preparedReport(['phone:+84900000101']), preparedReport(['phone:+84900000102']), preparedReport(['phone:+84900000102', 'phone:+84900000101'])], POLICY),
    );
    expect(a).toMatchObject({ kind: 'stored', caseCreated: true });
    expect(b).toMatchObject({ kind: 'stored', caseCreated: true });
    // The third names both: it joins the older case (the first report's) and brings the second identifier to it.
    expect(c).toMatchObject({ kind: 'stored', caseCreated: false, caseId: a!.kind === 'stored' ? a!.caseId : '' });
  });
});

describe('the intake queue', () => {
  it('stores reports that arrive together in shared transactions, each answered with its own report', async () => {
    const queue = new IntakeQueue(batched.db, POLICY, { maxBatch: 10 });
    const reports = Array.from({ length: 25 }, (_, n) => preparedReport([`phone:+849100002${String(n % 5).padStart(2, '0')}`], { narrative: `queue ${n}` }));
    const stored = await Promise.all(reports.map((r) => queue.submit(r)));
    expect(stored.every((s) => s.kind === 'stored')).toBe(true);
    expect(new Set(stored.map((s) => (s.kind === 'stored' ? s.report.narrative : '')))).toEqual(new Set(reports.map((r) => r.values.narrative)));
    // Five identifiers, five reports each: five cases of five reports.
    const cases = new Map<string, number>();
    for (const s of stored) if (s.kind === 'stored') cases.set(s.caseId, (cases.get(s.caseId) ?? 0) + 1);
    expect([...cases.values()]).toEqual([5, 5, 5, 5, 5]);
  });

  it('stores one report per Idempotency-Key, however many copies arrive at once', async () => {
    const queue = new IntakeQueue(batched.db, POLICY);
    const copies = Array.from({ length: 6 }, () => preparedReport(['phone:+84910000301'], { idempotencyKey: 'same-key-1', narrative: 'retried report' }));
    const stored = await Promise.all(copies.map((r) => queue.submit(r)));
    expect(stored.filter((s) => s.kind === 'stored')).toHaveLength(1);
    expect(stored.filter((s) => s.kind === 'duplicate')).toHaveLength(5);
    const [row] = await queryRows<{ n: number }>(batched.db, sql`select count(*)::int as n from reports where idempotency_key = 'same-key-1'`);
    expect(row!.n).toBe(1);
  });

  it('two nodes storing the same Idempotency-Key at once store it once, and the rest of both batches', async () => {
    // Two queues, as two server nodes would have, each with its own batch: on PostgreSQL the
    // batches run in two transactions at once, the later insert of the key fails on the unique
    // index and its batch runs again, skipping the retry. On PGlite they take turns.
    const nodes = [new IntakeQueue(batched.db, POLICY, { concurrency: 2 }), new IntakeQueue(batched.db, POLICY, { concurrency: 2 })];
    const submitted = nodes.flatMap((queue, n) => [
      queue.submit(preparedReport(['phone:+84910000351'], { idempotencyKey: 'two-nodes-1', narrative: 'raced report' })),
      ...Array.from({ length: 3 }, (_, k) => queue.submit(preparedReport([`phone:+8491000036${n}${k}`], { narrative: `raced neighbour ${n}${k}` }))),
    ]);
    const stored = await Promise.all(submitted);
    const raced = [stored[0]!, stored[4]!];
    expect(raced.map((s) => s.kind).sort()).toEqual(['duplicate', 'stored']);
    expect(stored.filter((s, n) => n % 4 !== 0).every((s) => s.kind === 'stored')).toBe(true);
    const [row] = await queryRows<{ keyed: number; neighbours: number }>(
      batched.db,
      sql`select count(*) filter (where idempotency_key = 'two-nodes-1')::int as keyed, count(*) filter (where narrative like 'raced neighbour %')::int as neighbours from reports`,
    );
    expect(row).toEqual({ keyed: 1, neighbours: 6 });
    expect((await verifyAuditChain(batched.db)).ok).toBe(true);
  });

  it('a report that cannot be stored fails alone; the others of its batch are stored', async () => {
    const queue = new IntakeQueue(batched.db, POLICY);
    const good = Array.from({ length: 4 }, (_, n) => preparedReport([`phone:+8491000040${n}`], { narrative: `good ${n}` }));
    // An organization that does not exist breaks the foreign key: a database error, not a conflict.
    const bad: PreparedReport = { ...preparedReport(['phone:+84910000499']), values: { ...preparedReport([]).values, organizationId: '00000000-0000-4000-8000-000000000000' } };
    const results = await Promise.allSettled([good[0]!, good[1]!, bad, good[2]!, good[3]!].map((r) => queue.submit(r)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const [row] = await queryRows<{ n: number }>(batched.db, sql`select count(*)::int as n from reports where narrative like 'good %'`);
    expect(row!.n).toBe(4);
    expect((await verifyAuditChain(batched.db)).ok).toBe(true);
  });
});
