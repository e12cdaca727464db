import { sql } from 'drizzle-orm';
import { platformOfKind } from '../domain/escalations/platforms.ts';
import { queryRows, type Db } from '../store/connection.ts';
import { escalationFigures } from './escalation-figures.ts';
import { publicCampaignReach, type PublicCampaignReach } from './campaign-public.ts';

export interface PublicStatistics {
  /** The last 12 weeks (Monday to Sunday, Vietnam time), oldest first; weeks with no reports included. */
  weeks: { weekStart: string; byCategory: Record<string, number> }[];
  platforms: {
    platform: string;
    /** Reports in the period naming at least one account on this platform. */
    reports: number;
    /** Escalations sent to the platform in the period. */
    escalations: number;
    /** Answered "removed" or "restricted". */
    acted: number;
    /** Answered "no violation". */
    rejected: number;
    /** Not answered yet, or answered "needs more information". */
    pending: number;
    /** Answered by the deadline, of those answered or past due; null while none is due. */
    onTimeRate: number | null;
    medianHoursToAct: number | null;
  }[];
  /** Reach of each public awareness campaign since it began (docs/campaigns.md). */
  campaigns: PublicCampaignReach[];
  from: string;
  to: string;
  generatedAt: string;
}

export const STATISTICS_WEEKS = 12;
const DAY_MS = 86_400_000;
/** Vietnam has no daylight saving time: UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Monday 00:00 Vietnam time of the week holding `at`, as an instant. */
export function weekStartOf(at: Date): Date {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const daysSinceMonday = (local.getUTCDay() + 6) % 7;
  const mondayLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - daysSinceMonday);
  return new Date(mondayLocal - VIETNAM_OFFSET_MS);
}

const localDate = (instant: Date) => new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The public statistics page: reports per week and category, and per platform the reports
 * naming it and what became of the escalations, over the last 12 weeks (this one included).
 * Counts only: no report, reporter, indicator or case is named.
 */
export async function publicStatistics(db: Db, now = new Date()): Promise<PublicStatistics> {
  const firstWeek = new Date(weekStartOf(now).getTime() - (STATISTICS_WEEKS - 1) * 7 * DAY_MS);
  const from = firstWeek.toISOString();
  const to = now.toISOString();
  const range = (column: string) => sql`${sql.raw(column)} >= ${from}::timestamptz and ${sql.raw(column)} < ${to}::timestamptz`;

  const [perWeek, perKind, outcomes, figures, campaigns] = await Promise.all([
    // Week buckets computed in SQL as whole weeks from the first Monday: no time zone database needed.
    queryRows<{ week: number; category: string; count: number }>(
      db,
      sql`select floor(extract(epoch from (r.created_at - ${from}::timestamptz)) / 604800)::int as week, r.category, count(*)::int as count
          from reports r where ${range('r.created_at')} group by 1, 2`,
    ),
    queryRows<{ kind: string; reports: number }>(
      db,
      sql`select i.kind, count(distinct r.id)::int as reports
          from reports r join report_indicators ri on ri.report_id = r.id join indicators i on i.id = ri.indicator_id
          where ${range('r.created_at')} group by i.kind`,
    ),
    queryRows<{ platform: string; acted: number; rejected: number; pending: number }>(
      db,
      sql`select e.platform,
            count(*) filter (where e.action in ('removed','restricted'))::int as acted,
            count(*) filter (where e.action = 'no_violation')::int as rejected,
            count(*) filter (where e.action is null or e.action = 'needs_more_information')::int as pending
          from escalations e where ${range('e.created_at')} group by e.platform`,
    ),
    escalationFigures(db, { from, to }, now),
    publicCampaignReach(db, now),
  ]);

  const weeks = Array.from({ length: STATISTICS_WEEKS }, (_, i) => ({ weekStart: localDate(new Date(firstWeek.getTime() + i * 7 * DAY_MS)), byCategory: {} as Record<string, number> }));
  for (const row of perWeek) {
    const week = weeks[Number(row.week)];
    if (week) week.byCategory[row.category] = (week.byCategory[row.category] ?? 0) + Number(row.count);
  }

  const reportsByPlatform = new Map<string, number>();
  for (const row of perKind) {
    const platform = platformOfKind(row.kind);
    if (platform) reportsByPlatform.set(platform, (reportsByPlatform.get(platform) ?? 0) + Number(row.reports));
  }
  const outcomesByPlatform = new Map(outcomes.map((o) => [o.platform, o]));
  const figuresByPlatform = new Map(figures.platforms.map((p) => [p.platform, p]));
  const names = [...new Set([...reportsByPlatform.keys(), ...outcomesByPlatform.keys()])].sort();
  const platforms = names.map((platform) => {
    const o = outcomesByPlatform.get(platform);
    const f = figuresByPlatform.get(platform);
    return {
      platform,
      reports: reportsByPlatform.get(platform) ?? 0,
      escalations: f?.count ?? 0,
      acted: Number(o?.acted ?? 0),
      rejected: Number(o?.rejected ?? 0),
      pending: Number(o?.pending ?? 0),
      onTimeRate: f?.onTimeRate ?? null,
      medianHoursToAct: f?.medianHoursToAct ?? null,
    };
  });
  return { weeks, platforms, campaigns, from, to, generatedAt: now.toISOString() };
}

/** The statistics cost a few aggregate queries: each server keeps an answer for a minute. */
export class PublicStatisticsCache {
  private cached: { at: number; value: Promise<PublicStatistics> } | null = null;

  constructor(
    private readonly db: Db,
    readonly ttlMs = 60_000,
  ) {}

  get(now = new Date()): Promise<PublicStatistics> {
    if (!this.cached || now.getTime() - this.cached.at >= this.ttlMs) {
      const value = publicStatistics(this.db, now);
      this.cached = { at: now.getTime(), value };
      // A failed computation is not kept: the next request tries again.
      value.catch(() => {
        if (this.cached?.value === value) this.cached = null;
      });
    }
    return this.cached.value;
  }
}
