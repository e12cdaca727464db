import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { attachReportToCase } from '../../src/app/case-intake.ts';
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

/** A report attached to its case in one transaction, as intake does. */
export async function reportInto(db: Db, indicators: string[], p: { category?: string; amountLostVnd?: number | null; narrative?: string } = {}) {
  const ids: string[] = [];
  for (const i of indicators) ids.push(await indicatorId(db, i));
  return db.transaction(async (tx) => {
    const reportId = await insertReport(tx, p);
    const r = await attachReportToCase(tx, systemCaller('intake-test'), { reportId, indicatorIds: ids, category: p.category ?? 'investment', amountLostVnd: p.amountLostVnd ?? null });
    return { reportId, ...r, indicatorIds: ids };
  });
}
