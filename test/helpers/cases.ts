import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { storeReportBatch, type PreparedReport } from '../../src/app/report-batch.ts';
import { systemCaller } from '../../src/app/caller.ts';
import { queryRows, type Db } from '../../src/store/connection.ts';
import { putIndicator } from './indicators.ts';

/** The id of an indicator row, written (as suspected unless given) when it does not exist. */
export async function indicatorId(db: Db, indicator: string, verdict: 'suspected' | 'confirmed' | 'cleared' | 'disputed' = 'suspected'): Promise<string> {
  const [found] = await queryRows<{ id: string }>(db, sql`select id from indicators where indicator = ${indicator}`);
  if (found) return found.id;
  await putIndicator(db, { indicator, verdict });
  const [row] = await queryRows<{ id: string }>(db, sql`select id from indicators where indicator = ${indicator}`);
  return row!.id;
}

/** A bare report row, as intake stores it (plain SQL, so case tests do not depend on intake). */
export async function insertReport(db: Db, p: { category?: string; narrative?: string; amountLostVnd?: number | null } = {}): Promise<string> {
  const code = `T${randomBytes(6).toString('hex').toUpperCase()}`;
  const [row] = await queryRows<{ id: string }>(db, sql`insert into reports (tracking_code, channel, category, narrative, amount_lost_vnd)
    values (${code}, 'public', ${p.category ?? 'investment'}, ${p.narrative ?? 'They promised 30% a month.'}, ${p.amountLostVnd ?? null}) returning id`);
  return row!.id;
}

/**
 * A report stored by the intake's own batch writer (a batch of one), naming indicators that are
 * written first (as suspected) when they do not exist yet.
 */
export async function reportInto(db: Db, indicators: string[], p: { category?: string; amountLostVnd?: number | null; narrative?: string } = {}) {
  const ids: string[] = [];
  for (const i of indicators) ids.push(await indicatorId(db, i));
  const [stored] = await db.transaction((tx) => storeReportBatch(tx, [preparedReport(indicators, p)], POLICY));
  if (stored?.kind !== 'stored') throw new Error('the report was not stored');
  return { reportId: stored.report.id, caseId: stored.caseId, created: stored.caseCreated, indicatorIds: ids };
}

const POLICY = { suspectedExpiryDays: 90, confirmedReviewDays: 180 };

/** A report as intake prepares it (canonical indicators given as `kind:value`). */
export function preparedReport(indicators: string[], p: { category?: string; amountLostVnd?: number | null; narrative?: string; idempotencyKey?: string } = {}): PreparedReport {
  const category = (p.category ?? 'investment') as PreparedReport['category'];
  return {
    caller: systemCaller('intake-test'),
    values: {
      trackingCode: `T${randomBytes(6).toString('hex').toUpperCase()}`,
      channel: 'public',
      category,
      narrative: p.narrative ?? 'They promised 30% a month.',
      amountLostVnd: p.amountLostVnd ?? null,
      idempotencyPrincipal: p.idempotencyKey ? 'test' : null,
      idempotencyKey: p.idempotencyKey ?? null,
    },
    identifiers: [...new Set(indicators)].sort().map((indicator) => ({
      ref: { indicator, kind: indicator.slice(0, indicator.indexOf(':')), display: indicator.slice(indicator.indexOf(':') + 1) },
      rawInput: indicator,
      extracted: false,
    })),
    evidence: [],
    category,
    amountLostVnd: p.amountLostVnd ?? null,
    sourceType: 'citizen',
    organizationId: null,
  };
}
