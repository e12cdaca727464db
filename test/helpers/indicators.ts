import { sql } from 'drizzle-orm';
import { indicatorSha256, rangePrefixOf } from '../../src/domain/indicators/hashing.ts';
import type { Tlp, Verdict } from '../../src/domain/indicators/verdicts.ts';
import type { Db } from '../../src/store/connection.ts';

export interface PutIndicator {
  indicator: string;
  verdict: Verdict;
  tlp?: Tlp;
  confidence?: number;
  reportCount?: number;
  fraudTypes?: string[];
  lastSeenAt?: Date;
}

/**
 * Writes an indicator's state and its `index_changes` row in one transaction, as the write
 * side does (plain SQL, so look-up tests do not depend on the verdict use cases).
 */
export async function putIndicator(db: Db, p: PutIndicator): Promise<void> {
  const sha = indicatorSha256(p.indicator);
  const kind = p.indicator.slice(0, p.indicator.indexOf(':'));
  const fraud = `{${(p.fraudTypes ?? []).join(',')}}`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into indicators (indicator, kind, display, sha256, range_prefix, verdict, tlp, confidence, report_count, fraud_types, last_seen_at)
      values (${p.indicator}, ${kind}, ${p.indicator}, ${sha}, ${rangePrefixOf(sha)}, ${p.verdict}, ${p.tlp ?? 'green'}, ${p.confidence ?? 70}, ${p.reportCount ?? 3}, ${fraud}::text[], ${(p.lastSeenAt ?? new Date()).toISOString()})
      on conflict (indicator) do update set verdict = excluded.verdict, tlp = excluded.tlp, confidence = excluded.confidence,
        report_count = excluded.report_count, fraud_types = excluded.fraud_types, last_seen_at = excluded.last_seen_at, updated_at = now()`);
    await tx.execute(sql`insert into index_changes (indicator) values (${p.indicator})`);
  });
}

export async function putLegitimate(db: Db, indicator: string, ownerName: string, category = 'bank'): Promise<void> {
  const sha = indicatorSha256(indicator);
  const kind = indicator.slice(0, indicator.indexOf(':'));
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into legitimate_identifiers (indicator, kind, display, sha256, range_prefix, owner_name, category)
      values (${indicator}, ${kind}, ${indicator}, ${sha}, ${rangePrefixOf(sha)}, ${ownerName}, ${category})`);
    await tx.execute(sql`insert into index_changes (indicator) values (${indicator})`);
  });
}

export async function removeLegitimate(db: Db, indicator: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update legitimate_identifiers set removed_at = now() where indicator = ${indicator} and removed_at is null`);
    await tx.execute(sql`insert into index_changes (indicator) values (${indicator})`);
  });
}
