import { api } from './client.ts';

// Dashboards and the monthly platform report (GET /api/v1/dashboards/…).

export const DASHBOARD_PLATFORMS = ['facebook', 'zalo', 'tiktok', 'telegram', 'instagram', 'x', 'youtube'] as const;
export const DASHBOARD_BUCKETS = ['day', 'week'] as const;
export type DashboardBucket = (typeof DASHBOARD_BUCKETS)[number];
export const REPORT_DOWNLOADS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportDownload = (typeof REPORT_DOWNLOADS)[number];

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
  onTime: number;
  onTimeRate: number | null;
  medianHoursToAcknowledge: number | null;
  medianHoursToAct: number | null;
  mitigation: { subjects: number; medianHours: number | null };
}

export interface DashboardFigures {
  from: string;
  to: string;
  bucket: DashboardBucket;
  filters: { platform: string | null; fraudType: string | null };
  buckets: {
    start: string;
    end: string;
    reports: number;
    cases: number;
    backlog: number;
    verified: number;
    medianHoursToVerify: number | null;
    escalations: number;
    onTimeRate: number | null;
  }[];
  totals: { reports: number; cases: number; backlogAtEnd: number };
  verification: { cases: number; medianHours: number | null; p90Hours: number | null };
  escalations: {
    total: EscalationFigureRow;
    byPlatform: (EscalationFigureRow & { platform: string })[];
    byFraudType: (EscalationFigureRow & { fraudType: string })[];
  };
  moneyLost: { totalVnd: number; reportsWithLoss: number; byFraudType: { fraudType: string; reportsWithLoss: number; amountVnd: number }[] };
  generatedAt: string;
}

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
    acknowledgedOnTime: number;
    answered: number;
    actedOnTime: number;
    onTimeRate: number | null;
    overdue: number;
    medianHoursToAcknowledge: number | null;
    medianHoursToAct: number | null;
  };
  byFraudType: { fraudType: string; escalations: number; answered: number; actedOnTime: number; onTimeRate: number | null; medianHoursToAcknowledge: number | null; medianHoursToAct: number | null }[];
  byLegalBasis: { legalBasis: string; escalations: number }[];
  outcomes: { outcome: string; escalations: number }[];
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
    hoursLate: number;
    subjects: string[];
  }[];
}

function search(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) q.set(key, value);
  return q.toString();
}

export const getDashboardFigures = (query: DashboardQuery, signal?: AbortSignal) =>
  api.get<DashboardFigures>(`/api/v1/dashboards/figures?${search({ ...query })}`, { signal });

export const getMonthlyReport = (platform: string, month: string, signal?: AbortSignal) =>
  api.get<MonthlyPlatformReport>(`/api/v1/dashboards/monthly-report?${search({ platform, month })}`, { signal });

/** The address that downloads the report as a file (the browser sends the session cookie). */
export const monthlyReportUrl = (platform: string, month: string, format: ReportDownload | 'html', lang: 'vi' | 'en') =>
  `/api/v1/dashboards/monthly-report?${search({ platform, month, format, lang })}`;
