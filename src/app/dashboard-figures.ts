import { sql, type SQL } from 'drizzle-orm';
import { platformOfKind } from '../domain/escalations/platforms.ts';
import { IDENTIFIER_KINDS } from '../domain/identifiers/types.ts';
import { queryRows, type Db } from '../store/connection.ts';
import { BUCKET_SECONDS, dashboardPeriod, type DashboardBucket, type DashboardPeriod } from './dashboard-period.ts';

export interface DashboardQuery {
  from?: string;
  to?: string;
  bucket?: DashboardBucket;
  platform?: string;
  fraudType?: string;
}

export interface EscalationFigureRow {
  count: number;
  answered: number;
  /** Answered by the deadline. */
  onTime: number;
  /** onTime / (answered + unanswered past due); null while nothing is due yet. */
  onTimeRate: number | null;
  medianHoursToAcknowledge: number | null;
  medianHoursToAct: number | null;
  /** From a subject's first report to the platform removing it. */
  mitigation: { subjects: number; medianHours: number | null };
}

export interface DashboardBucketRow {
  start: string;
  end: string;
  reports: number;
  cases: number;
  /** Cases neither closed, rejected nor merged at the end of the bucket. */
  backlog: number;
  verified: number;
  medianHoursToVerify: number | null;
  escalations: number;
  onTimeRate: number | null;
}

export interface DashboardFigures {
  from: string;
  to: string;
  bucket: DashboardBucket;
  filters: { platform: string | null; fraudType: string | null };
  buckets: DashboardBucketRow[];
  totals: { reports: number; cases: number; backlogAtEnd: number };
  /** Cases verified in the period: from the case's creation to its first "verified" event. */
  verification: { cases: number; medianHours: number | null; p90Hours: number | null };
  escalations: {
    total: EscalationFigureRow;
    byPlatform: (EscalationFigureRow & { platform: string })[];
    byFraudType: (EscalationFigureRow & { fraudType: string })[];
  };
  /** Money reporters said they lost, by the report's fraud type, over reports received in the period. */
  moneyLost: { totalVnd: number; reportsWithLoss: number; byFraudType: { fraudType: string; reportsWithLoss: number; amountVnd: number }[] };
  generatedAt: string;
}

const hours = (seconds: number | string | null | undefined) => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 3600) * 100) / 100);
const rate = (onTime: number, decided: number) => (decided ? Math.round((onTime / decided) * 1000) / 1000 : null);

/** The identifier kinds a platform answers for (`facebook` → `fb`). */
export function kindsOfPlatform(platform: string): string[] {
  return IDENTIFIER_KINDS.filter((k) => platformOfKind(k) === platform);
}

const iso = (d: Date) => d.toISOString();

/** SQL pieces for one period and filter set, shared by every query of a dashboard. */
function sqlParts(period: DashboardPeriod, query: DashboardQuery) {
  const from = sql`${iso(period.from)}::timestamptz`;
  const to = sql`${iso(period.to)}::timestamptz`;
  const size = sql.raw(String(BUCKET_SECONDS[period.bucket]));
  const bucketOf = (column: SQL) => sql`floor(extract(epoch from (${column} - ${from})) / ${size})::int`;
  const inRange = (column: SQL) => sql`${column} >= ${from} and ${column} < ${to}`;
  const kinds = query.platform ? kindsOfPlatform(query.platform) : [];
  // A platform with no identifier kinds (an unknown name) matches nothing rather than everything.
  const kindList = kinds.length ? sql.join(kinds.map((k) => sql`${k}`), sql`, `) : sql`null`;
  const reportFilter = sql.join(
    [
      sql`true`,
      query.fraudType ? sql`r.category = ${query.fraudType}` : sql`true`,
      query.platform
        ? sql`exists (select 1 from report_indicators ri join indicators i on i.id = ri.indicator_id where ri.report_id = r.id and i.kind in (${kindList}))`
        : sql`true`,
    ],
    sql` and `,
  );
  const caseFilter = sql.join(
    [
      sql`true`,
      query.fraudType ? sql`c.category = ${query.fraudType}` : sql`true`,
      query.platform
        ? sql`(exists (select 1 from case_indicators ci join indicators i on i.id = ci.indicator_id where ci.case_id = c.id and i.kind in (${kindList}))
               or exists (select 1 from escalations pe where pe.case_id = c.id and pe.platform = ${query.platform}))`
        : sql`true`,
    ],
    sql` and `,
  );
  const escalationFilter = sql.join(
    [sql`true`, query.fraudType ? sql`e.fraud_category = ${query.fraudType}` : sql`true`, query.platform ? sql`e.platform = ${query.platform}` : sql`true`],
    sql` and `,
  );
  return { from, to, size, bucketOf, inRange, reportFilter, caseFilter, escalationFilter };
}

type Grouped = { g_bucket: number; g_platform: number; g_fraud: number; bucket: number | null; platform: string | null; fraud_category: string | null };

/**
 * Every figure of the dashboards for one period, bucket size and filter set. Each is one
 * set-based query (grouping sets give the buckets, the platforms, the fraud types and the total
 * in a single pass; percentile_cont gives medians and p90), valid on PostgreSQL 15 and PGlite.
 */
export async function dashboardFigures(db: Db, query: DashboardQuery, now = new Date()): Promise<DashboardFigures> {
  const period = dashboardPeriod(query, now);
  const p = sqlParts(period, query);
  const nowSql = sql`${iso(now)}::timestamptz`;
  const buckets = sql.raw(String(period.buckets));

  const [reportRows, caseRows, backlogRows, verifyRows, escalationRows, latencyRows, moneyRows] = await Promise.all([
    queryRows<{ bucket: number; count: number }>(
      db,
      sql`select ${p.bucketOf(sql`r.created_at`)} as bucket, count(*)::int as count from reports r
          where ${p.inRange(sql`r.created_at`)} and ${p.reportFilter} group by 1`,
    ),
    queryRows<{ bucket: number; count: number }>(
      db,
      sql`select ${p.bucketOf(sql`c.created_at`)} as bucket, count(*)::int as count from cases c
          where ${p.inRange(sql`c.created_at`)} and ${p.caseFilter} group by 1`,
    ),
    // A case is open from its creation, or a reopening, until it is closed, rejected or merged:
    // those marks in time order give its open spans, and each bucket's end counts the spans it falls in.
    queryRows<{ bucket: number; count: number }>(
      db,
      sql`with c as (select c.id, c.created_at from cases c where c.created_at < ${p.to} and ${p.caseFilter}),
          marks as (
            select c.id as case_id, c.created_at as at, 0::bigint as ord, true as opens from c
            union all
            select ev.case_id, ev.created_at, ev.id, ev.type = 'reopened' from case_events ev join c on c.id = ev.case_id
            where ev.type in ('closed', 'rejected', 'merged', 'reopened') and ev.created_at < ${p.to}
          ),
          spans as (select opens, at as opened_at, lead(at) over (partition by case_id order by at, ord) as ended_at from marks),
          ends as (select g.i as bucket, least(${p.from} + ((g.i + 1) * ${p.size}) * interval '1 second', ${p.to}) as at from generate_series(0, ${buckets} - 1) as g(i))
          select ends.bucket, count(s.opened_at)::int as count
          from ends left join spans s on s.opens and s.opened_at < ends.at and (s.ended_at is null or s.ended_at >= ends.at)
          group by ends.bucket`,
    ),
    queryRows<{ g_bucket: number; bucket: number | null; count: number; median: number | null; p90: number | null }>(
      db,
      sql`with v as (
            select c.id, c.created_at, min(ev.created_at) as verified_at from cases c join case_events ev on ev.case_id = c.id and ev.type = 'verified'
            where ${p.caseFilter} group by c.id, c.created_at
          ),
          b as (select v.*, ${p.bucketOf(sql`v.verified_at`)} as bucket from v where ${p.inRange(sql`v.verified_at`)})
          select grouping(b.bucket)::int as g_bucket, b.bucket, count(*)::int as count,
            (percentile_cont(0.5) within group (order by extract(epoch from b.verified_at - b.created_at)))::float8 as median,
            (percentile_cont(0.9) within group (order by extract(epoch from b.verified_at - b.created_at)))::float8 as p90
          from b group by grouping sets ((b.bucket), ())`,
    ),
    queryRows<Grouped & { count: number; answered: number; on_time: number; decided: number; ack: number | null; act: number | null }>(
      db,
      sql`select grouping(e.bucket)::int as g_bucket, grouping(e.platform)::int as g_platform, grouping(e.fraud_category)::int as g_fraud,
            e.bucket, e.platform, e.fraud_category,
            count(*)::int as count,
            count(*) filter (where e.actioned_at is not null)::int as answered,
            count(*) filter (where e.actioned_at is not null and e.actioned_at <= e.due_at)::int as on_time,
            count(*) filter (where e.actioned_at is not null or e.due_at <= ${nowSql})::int as decided,
            (percentile_cont(0.5) within group (order by extract(epoch from e.acknowledged_at - e.created_at)))::float8 as ack,
            (percentile_cont(0.5) within group (order by extract(epoch from e.actioned_at - e.created_at)))::float8 as act
          from (select e.*, ${p.bucketOf(sql`e.created_at`)} as bucket from escalations e where ${p.inRange(sql`e.created_at`)} and ${p.escalationFilter}) e
          group by grouping sets ((e.bucket), (e.platform), (e.fraud_category), ())`,
    ),
    queryRows<Grouped & { subjects: number; median: number | null }>(
      db,
      sql`select 1 as g_bucket, grouping(e.platform)::int as g_platform, grouping(e.fraud_category)::int as g_fraud, e.platform, e.fraud_category,
            count(*)::int as subjects,
            (percentile_cont(0.5) within group (order by extract(epoch from e.actioned_at - coalesce(fr.first_report_at, i.first_seen_at))))::float8 as median
          from escalations e
          join escalation_subjects s on s.escalation_id = e.id
          join indicators i on i.id = s.indicator_id
          left join lateral (
            select min(r.created_at) as first_report_at from report_indicators ri join reports r on r.id = ri.report_id where ri.indicator_id = s.indicator_id
          ) fr on true
          where ${p.inRange(sql`e.created_at`)} and ${p.escalationFilter} and e.action = 'removed'
          group by grouping sets ((e.platform), (e.fraud_category), ())`,
    ),
    queryRows<{ g_fraud: number; category: string | null; reports: number; amount: number | string | null }>(
      db,
      sql`select grouping(r.category)::int as g_fraud, r.category, count(*)::int as reports, sum(r.amount_lost_vnd) as amount
          from reports r where ${p.inRange(sql`r.created_at`)} and ${p.reportFilter} and r.amount_lost_vnd > 0
          group by grouping sets ((r.category), ())`,
    ),
  ]);

  const size = BUCKET_SECONDS[period.bucket] * 1000;
  const byBucket = <T extends { bucket: number | null }>(rows: T[]) => new Map(rows.filter((r) => r.bucket !== null).map((r) => [Number(r.bucket), r]));
  const reportsBy = byBucket(reportRows);
  const casesBy = byBucket(caseRows);
  const backlogBy = byBucket(backlogRows);
  const verifyBy = byBucket(verifyRows.filter((r) => !r.g_bucket));
  const escalationBy = byBucket(escalationRows.filter((r) => !r.g_bucket));
  const rows: DashboardBucketRow[] = Array.from({ length: period.buckets }, (_, i) => {
    const e = escalationBy.get(i);
    const v = verifyBy.get(i);
    return {
      start: iso(new Date(period.from.getTime() + i * size)),
      end: iso(new Date(Math.min(period.from.getTime() + (i + 1) * size, period.to.getTime()))),
      reports: Number(reportsBy.get(i)?.count ?? 0),
      cases: Number(casesBy.get(i)?.count ?? 0),
      backlog: Number(backlogBy.get(i)?.count ?? 0),
      verified: Number(v?.count ?? 0),
      medianHoursToVerify: hours(v?.median),
      escalations: Number(e?.count ?? 0),
      onTimeRate: e ? rate(Number(e.on_time), Number(e.decided)) : null,
    };
  });

  const level = (r: Grouped) => (!r.g_platform ? 'platform' : !r.g_fraud ? 'fraud' : r.g_bucket ? 'total' : 'bucket');
  const latencyKey = (r: Grouped) => `${level(r)}|${r.platform ?? ''}|${r.fraud_category ?? ''}`;
  const latencyBy = new Map(latencyRows.map((r) => [latencyKey(r), r]));
  const figure = (r: (typeof escalationRows)[number] | undefined, l: (typeof latencyRows)[number] | undefined): EscalationFigureRow => ({
    count: Number(r?.count ?? 0),
    answered: Number(r?.answered ?? 0),
    onTime: Number(r?.on_time ?? 0),
    onTimeRate: r ? rate(Number(r.on_time), Number(r.decided)) : null,
    medianHoursToAcknowledge: hours(r?.ack),
    medianHoursToAct: hours(r?.act),
    mitigation: { subjects: Number(l?.subjects ?? 0), medianHours: hours(l?.median) },
  });
  const withLatency = (r: (typeof escalationRows)[number]) => figure(r, latencyBy.get(latencyKey(r)));
  const total = escalationRows.find((r) => level(r) === 'total');
  const verifyTotal = verifyRows.find((r) => r.g_bucket);
  const moneyTotal = moneyRows.find((r) => r.g_fraud);

  return {
    from: iso(period.from),
    to: iso(period.to),
    bucket: period.bucket,
    filters: { platform: query.platform ?? null, fraudType: query.fraudType ?? null },
    buckets: rows,
    totals: {
      reports: rows.reduce((s, b) => s + b.reports, 0),
      cases: rows.reduce((s, b) => s + b.cases, 0),
      backlogAtEnd: rows.at(-1)?.backlog ?? 0,
    },
    verification: { cases: Number(verifyTotal?.count ?? 0), medianHours: hours(verifyTotal?.median), p90Hours: hours(verifyTotal?.p90) },
    escalations: {
      total: total ? withLatency(total) : figure(undefined, undefined),
      byPlatform: escalationRows
        .filter((r) => level(r) === 'platform')
        .map((r) => ({ platform: r.platform!, ...withLatency(r) }))
        .sort((a, b) => a.platform.localeCompare(b.platform)),
      byFraudType: escalationRows
        .filter((r) => level(r) === 'fraud')
        .map((r) => ({ fraudType: r.fraud_category!, ...withLatency(r) }))
        .sort((a, b) => a.fraudType.localeCompare(b.fraudType)),
    },
    moneyLost: {
      totalVnd: Number(moneyTotal?.amount ?? 0),
      reportsWithLoss: Number(moneyTotal?.reports ?? 0),
      byFraudType: moneyRows
        .filter((r) => !r.g_fraud)
        .map((r) => ({ fraudType: r.category!, reportsWithLoss: Number(r.reports), amountVnd: Number(r.amount ?? 0) }))
        .sort((a, b) => b.amountVnd - a.amountVnd || a.fraudType.localeCompare(b.fraudType)),
    },
    generatedAt: iso(now),
  };
}
