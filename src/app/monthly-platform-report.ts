import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../store/connection.ts';
import { badRequest } from './errors.ts';

/**
 * The monthly report per platform for the cooperation agreement: what the agency escalated to
 * the platform in one calendar month (Vietnam time) and how the platform answered. Fraud only:
 * escalations, case references and the scam identifiers the platform already received; never a
 * report, a reporter or anything a reporter wrote.
 */
export interface MonthlyPlatformReport {
  platform: string;
  month: string;
  from: string;
  to: string;
  generatedAt: string;
  summary: {
    escalations: number;
    subjects: number;
    acknowledged: number;
    /** Acknowledged before the deadline. */
    acknowledgedOnTime: number;
    answered: number;
    /** Answered by the deadline. */
    actedOnTime: number;
    /** actedOnTime / (answered + unanswered past due); null while none is due. */
    onTimeRate: number | null;
    /** Answered late, or unanswered past due. */
    overdue: number;
    medianHoursToAcknowledge: number | null;
    medianHoursToAct: number | null;
  };
  byFraudType: { fraudType: string; escalations: number; answered: number; actedOnTime: number; onTimeRate: number | null; medianHoursToAcknowledge: number | null; medianHoursToAct: number | null }[];
  byLegalBasis: { legalBasis: string; escalations: number }[];
  /** The platform's answers: removed, restricted, no_violation, needs_more_information, or unanswered. */
  outcomes: { outcome: string; escalations: number }[];
  /** From a subject's first report to its removal, over subjects removed through this month's escalations. */
  mitigation: { subjects: number; medianHours: number | null; p90Hours: number | null };
  overdue: {
    escalationId: string;
    caseReference: string;
    fraudType: string;
    createdAt: string;
    dueAt: string;
    acknowledgedAt: string | null;
    actionedAt: string | null;
    action: string | null;
    /** How late the answer came, or how long past due it is still unanswered at generation time. */
    hoursLate: number;
    subjects: string[];
  }[];
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const MONTH = /^(\d{4})-(\d{2})$/;

/** `2026-10` → the instants starting and ending that month in Vietnam time; null when not a month. */
export function parseReportMonth(value: string): { from: Date; to: Date } | null {
  const m = MONTH.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 2000 || year > 2999) return null;
  return { from: new Date(Date.UTC(year, month - 1, 1) - VIETNAM_OFFSET_MS), to: new Date(Date.UTC(year, month, 1) - VIETNAM_OFFSET_MS) };
}

/** The month (Vietnam time) before the one holding `now`: the report one usually wants. */
export function previousMonth(now: Date): string {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const hours = (seconds: number | string | null | undefined) => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 3600) * 100) / 100);
const rate = (onTime: number, decided: number) => (decided ? Math.round((onTime / decided) * 1000) / 1000 : null);
const isoOrNull = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export async function monthlyPlatformReport(db: Db, query: { platform: string; month: string }, now = new Date()): Promise<MonthlyPlatformReport> {
  const period = parseReportMonth(query.month);
  if (!period) throw badRequest('month must be a month like 2026-10.', [{ field: 'querystring:/month', message: 'A month: YYYY-MM.' }]);
  const from = sql`${period.from.toISOString()}::timestamptz`;
  const to = sql`${period.to.toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const these = sql`e.platform = ${query.platform} and e.created_at >= ${from} and e.created_at < ${to}`;
  const late = sql`(e.actioned_at > e.due_at or (e.actioned_at is null and e.due_at <= ${nowSql}))`;

  const [grouped, subjects, bases, outcomes, latency, overdue] = await Promise.all([
    queryRows<{ g_fraud: number; fraud_category: string | null; count: number; acknowledged: number; ack_on_time: number; answered: number; on_time: number; decided: number; overdue: number; ack: number | null; act: number | null }>(
      db,
      sql`select grouping(e.fraud_category)::int as g_fraud, e.fraud_category, count(*)::int as count,
            count(*) filter (where e.acknowledged_at is not null)::int as acknowledged,
            count(*) filter (where e.acknowledged_at is not null and e.acknowledged_at <= e.due_at)::int as ack_on_time,
            count(*) filter (where e.actioned_at is not null)::int as answered,
            count(*) filter (where e.actioned_at is not null and e.actioned_at <= e.due_at)::int as on_time,
            count(*) filter (where e.actioned_at is not null or e.due_at <= ${nowSql})::int as decided,
            count(*) filter (where ${late})::int as overdue,
            (percentile_cont(0.5) within group (order by extract(epoch from e.acknowledged_at - e.created_at)))::float8 as ack,
            (percentile_cont(0.5) within group (order by extract(epoch from e.actioned_at - e.created_at)))::float8 as act
          from escalations e where ${these}
          group by grouping sets ((e.fraud_category), ())`,
    ),
    queryRows<{ count: number }>(db, sql`select count(distinct s.indicator_id)::int as count from escalations e join escalation_subjects s on s.escalation_id = e.id where ${these}`),
    queryRows<{ legal_basis: string; count: number }>(
      db,
      sql`select e.legal_basis, count(*)::int as count from escalations e where ${these} group by e.legal_basis order by count(*) desc, e.legal_basis`,
    ),
    queryRows<{ outcome: string; count: number }>(
      db,
      sql`select coalesce(e.action, 'unanswered') as outcome, count(*)::int as count from escalations e where ${these} group by 1 order by count(*) desc, 1`,
    ),
    queryRows<{ subjects: number; median: number | null; p90: number | null }>(
      db,
      sql`with l as (
            select extract(epoch from e.actioned_at - coalesce(fr.first_report_at, i.first_seen_at)) as seconds
            from escalations e
            join escalation_subjects s on s.escalation_id = e.id
            join indicators i on i.id = s.indicator_id
            left join lateral (
              select min(r.created_at) as first_report_at from report_indicators ri join reports r on r.id = ri.report_id where ri.indicator_id = s.indicator_id
            ) fr on true
            where ${these} and e.action = 'removed'
          )
          select count(*)::int as subjects,
            (percentile_cont(0.5) within group (order by seconds))::float8 as median,
            (percentile_cont(0.9) within group (order by seconds))::float8 as p90
          from l`,
    ),
    queryRows<{ id: string; reference: string; fraud_category: string; created_at: Date | string; due_at: Date | string; acknowledged_at: Date | string | null; actioned_at: Date | string | null; action: string | null; late_seconds: number; subjects: string[] | null }>(
      db,
      sql`select e.id, c.reference, e.fraud_category, e.created_at, e.due_at, e.acknowledged_at, e.actioned_at, e.action,
            extract(epoch from coalesce(e.actioned_at, ${nowSql}) - e.due_at)::float8 as late_seconds,
            (select array_agg(i.indicator order by i.indicator) from escalation_subjects s join indicators i on i.id = s.indicator_id where s.escalation_id = e.id) as subjects
          from escalations e join cases c on c.id = e.case_id
          where ${these} and ${late}
          order by e.due_at, e.id`,
    ),
  ]);

  const total = grouped.find((r) => r.g_fraud);
  const l = latency[0];
  return {
    platform: query.platform,
    month: query.month,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    generatedAt: now.toISOString(),
    summary: {
      escalations: Number(total?.count ?? 0),
      subjects: Number(subjects[0]?.count ?? 0),
      acknowledged: Number(total?.acknowledged ?? 0),
      acknowledgedOnTime: Number(total?.ack_on_time ?? 0),
      answered: Number(total?.answered ?? 0),
      actedOnTime: Number(total?.on_time ?? 0),
      onTimeRate: total ? rate(Number(total.on_time), Number(total.decided)) : null,
      overdue: Number(total?.overdue ?? 0),
      medianHoursToAcknowledge: hours(total?.ack),
      medianHoursToAct: hours(total?.act),
    },
    byFraudType: grouped
      .filter((r) => !r.g_fraud)
      .map((r) => ({
        fraudType: r.fraud_category!,
        escalations: Number(r.count),
        answered: Number(r.answered),
        actedOnTime: Number(r.on_time),
        onTimeRate: rate(Number(r.on_time), Number(r.decided)),
        medianHoursToAcknowledge: hours(r.ack),
        medianHoursToAct: hours(r.act),
      }))
      .sort((a, b) => b.escalations - a.escalations || a.fraudType.localeCompare(b.fraudType)),
    byLegalBasis: bases.map((b) => ({ legalBasis: b.legal_basis, escalations: Number(b.count) })),
    outcomes: outcomes.map((o) => ({ outcome: o.outcome, escalations: Number(o.count) })),
    mitigation: { subjects: Number(l?.subjects ?? 0), medianHours: hours(l?.median), p90Hours: hours(l?.p90) },
    overdue: overdue.map((o) => ({
      escalationId: o.id,
      caseReference: o.reference,
      fraudType: o.fraud_category,
      createdAt: new Date(o.created_at).toISOString(),
      dueAt: new Date(o.due_at).toISOString(),
      acknowledgedAt: isoOrNull(o.acknowledged_at),
      actionedAt: isoOrNull(o.actioned_at),
      action: o.action,
      hoursLate: hours(o.late_seconds) ?? 0,
      subjects: o.subjects ?? [],
    })),
  };
}
