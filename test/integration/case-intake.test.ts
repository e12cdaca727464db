import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresCode } from '../../src/app/intake-queue.ts';
import { storeReportBatch } from '../../src/app/report-batch.ts';
import { verifyAuditChain } from '../../src/app/audit.ts';
import { queryRows, type Database } from '../../src/store/connection.ts';
import { freshDatabase } from '../helpers/database.ts';
import { preparedReport, reportInto } from '../helpers/cases.ts';

const POLICY = { suspectedExpiryDays: 90, confirmedReviewDays: 180 };

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database?.close());

const caseRow = async (id: string) =>
  (await queryRows<{ reference: string; status: string; report_count: number; amount_lost_vnd: string | number; last_event_seq: string | number }>(database.db, sql`select * from cases where id = ${id}`))[0]!;
const eventTypes = async (id: string) => (await queryRows<{ type: string }>(database.db, sql`select type from case_events where case_id = ${id} order by id`)).map((r) => r.type);

describe('a report joins a case or opens one', () => {
  it('opens a case with a human reference, events created + report_added, indicators and counters', async () => {
    const r = await reportInto(database.db, ['phone:+84912000001', 'bank:970436:0011000000001'], { amountLostVnd: 5_000_000 });
    expect(r.created).toBe(true);
    const c = await caseRow(r.caseId);
    expect(c.reference).toMatch(new RegExp(`^CG-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(c.status).toBe('new');
    expect(c.report_count).toBe(1);
    expect(Number(c.amount_lost_vnd)).toBe(5_000_000);
    expect(await eventTypes(r.caseId)).toEqual(['created', 'report_added']);
    const [last] = await queryRows<{ id: string | number }>(database.db, sql`select max(id) as id from case_events where case_id = ${r.caseId}`);
    expect(Number(c.last_event_seq)).toBe(Number(last!.id));
    const linked = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from case_indicators where case_id = ${r.caseId}`);
    expect(linked[0]!.n).toBe(2);
    const [report] = await queryRows<{ case_id: string }>(database.db, sql`select case_id from reports where id = ${r.reportId}`);
    expect(report!.case_id).toBe(r.caseId);
  });

  it('joins the open case that shares any identifier, adding the new identifiers and counts', async () => {
    const first = await reportInto(database.db, ['phone:+84912000011'], { amountLostVnd: 1_000 });
    const second = await reportInto(database.db, ['domain:scam-join.vn', 'phone:+84912000011'], { amountLostVnd: 2_000 });
    expect(second).toMatchObject({ caseId: first.caseId, created: false });
    const c = await caseRow(first.caseId);
    expect(c.report_count).toBe(2);
    expect(Number(c.amount_lost_vnd)).toBe(3_000);
    expect(await eventTypes(first.caseId)).toEqual(['created', 'report_added', 'report_added']);
    // The identifier that came with the second report now leads to the same case.
    const third = await reportInto(database.db, ['domain:scam-join.vn']);
    expect(third.caseId).toBe(first.caseId);
  });

  it('a report joining a verified case is verified at once for its reporter', async () => {
    const first = await reportInto(database.db, ['phone:+84912000051']);
    await database.db.execute(sql`update cases set status = 'verified' where id = ${first.caseId}`);
    const second = await reportInto(database.db, ['phone:+84912000051']);
    expect(second.caseId).toBe(first.caseId);
    const [row] = await queryRows<{ status: string }>(database.db, sql`select status from reports where id = ${second.reportId}`);
    expect(row!.status).toBe('verified');
  });

  it('a closed, rejected or merged case is not joined: a new case opens', async () => {
    for (const status of ['closed', 'rejected', 'merged']) {
      const ind = `phone:+8491200002${status.length}`;
      const first = await reportInto(database.db, [ind]);
      await database.db.execute(sql`update cases set status = ${status} where id = ${first.caseId}`);
      const again = await reportInto(database.db, [ind]);
      expect(again.created).toBe(true);
      expect(again.caseId).not.toBe(first.caseId);
    }
  });

  it('a report without identifiers gets a case of its own', async () => {
    const a = await reportInto(database.db, []);
    const b = await reportInto(database.db, []);
    expect(a.created && b.created).toBe(true);
    expect(a.caseId).not.toBe(b.caseId);
  });

  it('keeps the audit chain valid', async () => {
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('concurrent reports on PostgreSQL', () => {
  it('reports arriving at once with the same new identifiers open one case', async () => {
    // The pool has several connections, so the transactions really overlap; half name the
    // identifiers in the other order. Conflicts are retried as the intake queue does.
    expect(database.driver).toBe('postgres');
    const names = ['phone:+84912000041', 'domain:race-one.vn'];
    const results = await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        for (let attempt = 1; ; attempt++) {
          try {
            const [stored] = await database.db.transaction((tx) => storeReportBatch(tx, [preparedReport(n % 2 ? names : [...names].reverse(), { amountLostVnd: 100 })], POLICY));
            if (stored?.kind !== 'stored') throw new Error('not stored');
            return stored;
          } catch (error) {
            if (attempt < 10 && ['23505', '40P01'].includes(postgresCode(error) ?? '')) continue;
            throw error;
          }
        }
      }),
    );
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(results.filter((r) => r.caseCreated)).toHaveLength(1);
    const c = await caseRow(results[0]!.caseId);
    expect(c.report_count).toBe(8);
    expect(Number(c.amount_lost_vnd)).toBe(800);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
