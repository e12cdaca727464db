import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../store/connection.ts';
import { badRequest } from './errors.ts';

export interface FigureRow {
  count: number;
  answered: number;
  /** Answered by the deadline. */
  onTime: number;
  /** onTime / (answered + unanswered past due); null while nothing is due yet. */
  onTimeRate: number | null;
  /** Answered late, or unanswered past due. */
  breaches: number;
  medianHoursToAcknowledge: number | null;
  medianHoursToAct: number | null;
  /** From a subject's first report to the platform removing it. */
  mitigationLatency: { subjects: number; medianHours: number | null };
}

export interface EscalationFigures {
  from: string;
  to: string;
  total: FigureRow;
  platforms: (FigureRow & { platform: string; byFraudType: (FigureRow & { fraudType: string })[] })[];
  /** Every escalation states its legal basis, and is counted by it. */
  byLegalBasis: { legalBasis: string; count: number }[];
}

const DAY_MS = 86_400_000;

interface Grouped {
  platform: string | null;
  fraud_category: string | null;
  g_platform: number;
  g_fraud: number;
}

const key = (r: Grouped) => `${r.g_platform ? '*' : r.platform}|${r.g_fraud ? '*' : r.fraud_category}`;
const hours = (seconds: number | string | null) => (seconds === null ? null : Math.round((Number(seconds) / 3600) * 100) / 100);

/**
 * The compliance figures per platform and fraud type over escalations created in [from, to):
 * computed in SQL with grouping sets (one pass gives every level) and percentile_cont for the
 * medians, which PostgreSQL 15 and PGlite both have.
 */
export async function escalationFigures(db: Db, query: { from?: string; to?: string }, now = new Date()): Promise<EscalationFigures> {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw badRequest('from and to must be dates.', [{ field: 'querystring:/from', message: 'ISO 8601 dates.' }]);
  if (from >= to) throw badRequest('from must be before to.', [{ field: 'querystring:/from', message: 'Before to.' }]);
  const range = sql`e.created_at >= ${from.toISOString()}::timestamptz and e.created_at < ${to.toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const sets = sql.raw('grouping sets ((e.platform, e.fraud_category), (e.platform), ())');

  const [main, latency, bases] = await Promise.all([
    queryRows<Grouped & { count: number; answered: number; on_time: number; decided: number; breaches: number; ack: number | null; act: number | null }>(
      db,
      sql`select e.platform, e.fraud_category, grouping(e.platform)::int as g_platform, grouping(e.fraud_category)::int as g_fraud,
            count(*)::int as count,
            count(*) filter (where e.status = 'actioned')::int as answered,
            count(*) filter (where e.actioned_at is not null and e.actioned_at <= e.due_at)::int as on_time,
            count(*) filter (where e.actioned_at is not null or e.due_at <= ${nowSql})::int as decided,
            count(*) filter (where e.breached_at is not null or e.actioned_at > e.due_at or (e.actioned_at is null and e.due_at <= ${nowSql}))::int as breaches,
            (percentile_cont(0.5) within group (order by extract(epoch from e.acknowledged_at - e.created_at)))::float8 as ack,
            (percentile_cont(0.5) within group (order by extract(epoch from e.actioned_at - e.created_at)))::float8 as act
          from escalations e where ${range}
          group by ${sets}`,
    ),
    queryRows<Grouped & { subjects: number; median: number | null }>(
      db,
      sql`select e.platform, e.fraud_category, grouping(e.platform)::int as g_platform, grouping(e.fraud_category)::int as g_fraud,
            count(*)::int as subjects,
            (percentile_cont(0.5) within group (order by extract(epoch from e.actioned_at - coalesce(fr.first_report_at, i.first_seen_at))))::float8 as median
          from escalations e
          join escalation_subjects s on s.escalation_id = e.id
          join indicators i on i.id = s.indicator_id
          left join lateral (
            select min(r.created_at) as first_report_at from report_indicators ri join reports r on r.id = ri.report_id where ri.indicator_id = s.indicator_id
          ) fr on true
          where ${range} and e.action = 'removed'
          group by ${sets}`,
    ),
    queryRows<{ legal_basis: string; count: number }>(
      db,
      sql`select e.legal_basis, count(*)::int as count from escalations e where ${range} group by e.legal_basis order by count(*) desc, e.legal_basis`,
    ),
  ]);

  const latencyBy = new Map(latency.map((r) => [key(r), r]));
  const figure = (r: (typeof main)[number]): FigureRow => {
    const l = latencyBy.get(key(r));
    return {
      count: Number(r.count),
      answered: Number(r.answered),
      onTime: Number(r.on_time),
      onTimeRate: Number(r.decided) ? Math.round((Number(r.on_time) / Number(r.decided)) * 1000) / 1000 : null,
      breaches: Number(r.breaches),
      medianHoursToAcknowledge: hours(r.ack),
      medianHoursToAct: hours(r.act),
      mitigationLatency: { subjects: Number(l?.subjects ?? 0), medianHours: hours(l?.median ?? null) },
    };
  };
  const empty: FigureRow = { count: 0, answered: 0, onTime: 0, onTimeRate: null, breaches: 0, medianHoursToAcknowledge: null, medianHoursToAct: null, mitigationLatency: { subjects: 0, medianHours: null } };
  const total = main.find((r) => r.g_platform && r.g_fraud);
  const platforms = main
    .filter((r) => !r.g_platform && r.g_fraud)
    .map((p) => ({
      platform: p.platform!,
      ...figure(p),
      byFraudType: main
        .filter((r) => !r.g_platform && !r.g_fraud && r.platform === p.platform)
        .map((r) => ({ fraudType: r.fraud_category!, ...figure(r) }))
        .sort((a, b) => a.fraudType.localeCompare(b.fraudType)),
    }))
    .sort((a, b) => a.platform.localeCompare(b.platform));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: total ? figure(total) : empty,
    platforms,
    byLegalBasis: bases.map((b) => ({ legalBasis: b.legal_basis, count: Number(b.count) })),
  };
}
