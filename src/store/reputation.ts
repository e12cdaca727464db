import { sql } from 'drizzle-orm';
import { anyOf } from './any-of.ts';
import { reporterReputation } from './schema.ts';
import type { Db } from './connection.ts';

/**
 * Counts a case's decision in the track record of each source that reported in it: one
 * verified (or rejected) per report of that source. A case verified after a reopening counts
 * again: the record follows decisions, as analysts make them.
 */
export async function recordCaseOutcomeForReporters(db: Db, caseId: string, outcome: 'verified' | 'rejected'): Promise<void> {
  const verified = outcome === 'verified' ? sql`count(*)::int` : sql`0`;
  const rejected = outcome === 'rejected' ? sql`count(*)::int` : sql`0`;
  await db.execute(sql`
    insert into reporter_reputation (source_key, verified, rejected, updated_at)
    select source_key, ${verified}, ${rejected}, now() from reports where case_id = ${caseId}::uuid and source_key is not null group by source_key
    on conflict (source_key) do update set
      verified = reporter_reputation.verified + excluded.verified,
      rejected = reporter_reputation.rejected + excluded.rejected,
      updated_at = excluded.updated_at`);
}

/** The track records of these sources (those with none are absent). */
export async function findReputations(db: Db, sourceKeys: readonly string[]): Promise<Map<string, { verified: number; rejected: number }>> {
  const keys = [...new Set(sourceKeys)];
  if (keys.length === 0) return new Map();
  const rows = await db.select().from(reporterReputation).where(anyOf(reporterReputation.sourceKey, keys));
  return new Map(rows.map((r) => [r.sourceKey, { verified: r.verified, rejected: r.rejected }]));
}
