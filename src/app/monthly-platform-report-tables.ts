import { fraudTypeName, outcomeName, platformName, reportWords, type ReportLang } from './monthly-platform-report-labels.ts';
import type { MonthlyPlatformReport } from './monthly-platform-report.ts';

export type Cell = string | number | null;

/** One table of the report: the same tables make the XLSX sheets, the CSV sections and the printed pages. */
export interface ReportTable {
  /** Stable, language-independent name (the XLSX sheet is named by `title`). */
  id: 'summary' | 'by_fraud_type' | 'by_legal_basis' | 'outcomes' | 'mitigation' | 'overdue';
  title: string;
  columns: string[];
  rows: Cell[][];
}

/** Instants shown in Vietnam time, `2026-10-03 14:05`, in every format alike. */
export function vietnamTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export function reportHeading(report: MonthlyPlatformReport, lang: ReportLang) {
  const w = reportWords(lang);
  return {
    title: w.title,
    lines: [
      [w.platform, platformName(report.platform)],
      [w.month, report.month],
      [w.period, `${vietnamTime(report.from)} – ${vietnamTime(report.to)} (UTC+7)`],
      [w.generatedAt, `${vietnamTime(report.generatedAt)} (UTC+7)`],
    ] as [string, string][],
    scope: w.scope,
  };
}

export function reportTables(report: MonthlyPlatformReport, lang: ReportLang): ReportTable[] {
  const w = reportWords(lang);
  const s = report.summary;
  const rateLabel = `${w.onTimeRate} (%)`;
  return [
    {
      id: 'summary',
      title: w.summary,
      columns: [w.measure, w.value],
      rows: [
        [w.escalations, s.escalations],
        [w.subjects, s.subjects],
        [w.acknowledged, s.acknowledged],
        [w.acknowledgedOnTime, s.acknowledgedOnTime],
        [w.answered, s.answered],
        [w.actedOnTime, s.actedOnTime],
        [rateLabel, percent(s.onTimeRate)],
        [w.overdueCount, s.overdue],
        [w.medianHoursToAcknowledge, s.medianHoursToAcknowledge],
        [w.medianHoursToAct, s.medianHoursToAct],
      ],
    },
    {
      id: 'by_fraud_type',
      title: w.byFraudType,
      columns: [w.fraudType, w.escalations, w.answered, w.actedOnTime, rateLabel, w.medianHoursToAcknowledge, w.medianHoursToAct],
      rows: report.byFraudType.map((f) => [fraudTypeName(lang, f.fraudType), f.escalations, f.answered, f.actedOnTime, percent(f.onTimeRate), f.medianHoursToAcknowledge, f.medianHoursToAct]),
    },
    {
      id: 'by_legal_basis',
      title: w.byLegalBasis,
      columns: [w.legalBasis, w.escalations],
      rows: report.byLegalBasis.map((b) => [b.legalBasis, b.escalations]),
    },
    {
      id: 'outcomes',
      title: w.outcomes,
      columns: [w.outcome, w.escalations],
      rows: report.outcomes.map((o) => [outcomeName(lang, o.outcome), o.escalations]),
    },
    {
      id: 'mitigation',
      title: w.mitigation,
      columns: [w.mitigationSubjects, w.medianHours, w.p90Hours],
      rows: [[report.mitigation.subjects, report.mitigation.medianHours, report.mitigation.p90Hours]],
    },
    {
      id: 'overdue',
      title: w.overdue,
      columns: [w.caseReference, w.fraudType, w.createdAt, w.dueAt, w.actionedAt, w.outcome, w.hoursLate, w.subjectList],
      rows: report.overdue.map((o) => [
        o.caseReference,
        fraudTypeName(lang, o.fraudType),
        vietnamTime(o.createdAt),
        vietnamTime(o.dueAt),
        vietnamTime(o.actionedAt),
        outcomeName(lang, o.action ?? 'unanswered'),
        o.hoursLate,
        o.subjects.join(' '),
      ]),
    },
  ];
}
