import { Type } from 'typebox';
import { DASHBOARD_BUCKETS } from '../../app/dashboard-period.ts';

const Hours = Type.Union([Type.Number(), Type.Null()], { description: 'Hours, two decimals; null when there is nothing to measure.' });
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const DateTime = Type.String({ format: 'date-time' });

const PeriodEnd = (what: string) =>
  Type.String({ maxLength: 40, description: `${what}: a date (YYYY-MM-DD, Vietnam time) or an ISO 8601 instant with its time zone.` });

export const DashboardQuery = Type.Object(
  {
    from: Type.Optional(PeriodEnd('Start of the period (inclusive; default 90 days before `to`, at a Vietnam midnight)')),
    to: Type.Optional(PeriodEnd('End of the period (exclusive for an instant; a date includes that whole day; default now)')),
    bucket: Type.Optional(Type.Union(DASHBOARD_BUCKETS.map((b) => Type.Literal(b)), { description: 'Bucket size, default day.' })),
    platform: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_-]+$', description: 'Only this platform: reports and cases naming its accounts, escalations to it.' })),
    fraudType: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_]+$', description: 'Only this fraud type (report and case category, escalation fraud category).' })),
  },
  { additionalProperties: false },
);

const EscalationFigure = {
  count: Count,
  answered: Count,
  onTime: Count,
  onTimeRate: Rate,
  medianHoursToAcknowledge: Hours,
  medianHoursToAct: Hours,
  mitigation: Type.Object({ subjects: Count, medianHours: Hours }),
};

export const DashboardFigures = Type.Object({
  from: DateTime,
  to: DateTime,
  bucket: Type.String(),
  filters: Type.Object({ platform: Type.Union([Type.String(), Type.Null()]), fraudType: Type.Union([Type.String(), Type.Null()]) }),
  buckets: Type.Array(
    Type.Object({
      start: DateTime,
      end: DateTime,
      reports: Count,
      cases: Count,
      backlog: Count,
      verified: Count,
      medianHoursToVerify: Hours,
      escalations: Count,
      onTimeRate: Rate,
    }),
  ),
  totals: Type.Object({ reports: Count, cases: Count, backlogAtEnd: Count }),
  verification: Type.Object({ cases: Count, medianHours: Hours, p90Hours: Hours }),
  escalations: Type.Object({
    total: Type.Object(EscalationFigure),
    byPlatform: Type.Array(Type.Object({ platform: Type.String(), ...EscalationFigure })),
    byFraudType: Type.Array(Type.Object({ fraudType: Type.String(), ...EscalationFigure })),
  }),
  moneyLost: Type.Object({
    totalVnd: Type.Integer({ minimum: 0 }),
    reportsWithLoss: Count,
    byFraudType: Type.Array(Type.Object({ fraudType: Type.String(), reportsWithLoss: Count, amountVnd: Type.Integer({ minimum: 0 }) })),
  }),
  generatedAt: DateTime,
});

export const REPORT_FORMATS = ['json', 'html', 'pdf', 'xlsx', 'csv'] as const;

export const MonthlyReportQuery = Type.Object(
  {
    platform: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_-]+$', description: 'The platform (facebook, zalo, tiktok, …); default: an operator\'s own platform, for the agency facebook (the first cooperation agreement).' }),
    ),
    month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'The calendar month in Vietnam time, YYYY-MM; default the previous month.' })),
    format: Type.Optional(Type.Union(REPORT_FORMATS.map((f) => Type.Literal(f)), { description: 'json (default), html (the print page), pdf (printed by Chromium), xlsx (one sheet per table) or csv.' })),
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'Language of the html, pdf, xlsx and csv; default vi.' })),
  },
  { additionalProperties: false },
);

const FraudRow = Type.Object({ fraudType: Type.String(), escalations: Count, answered: Count, actedOnTime: Count, onTimeRate: Rate, medianHoursToAcknowledge: Hours, medianHoursToAct: Hours });

export const MonthlyPlatformReport = Type.Object({
  platform: Type.String(),
  month: Type.String(),
  from: DateTime,
  to: DateTime,
  generatedAt: DateTime,
  summary: Type.Object({
    escalations: Count,
    subjects: Count,
    acknowledged: Count,
    acknowledgedOnTime: Count,
    answered: Count,
    actedOnTime: Count,
    onTimeRate: Rate,
    overdue: Count,
    medianHoursToAcknowledge: Hours,
    medianHoursToAct: Hours,
  }),
  byFraudType: Type.Array(FraudRow),
  byLegalBasis: Type.Array(Type.Object({ legalBasis: Type.String(), escalations: Count })),
  outcomes: Type.Array(Type.Object({ outcome: Type.String(), escalations: Count })),
  mitigation: Type.Object({ subjects: Count, medianHours: Hours, p90Hours: Hours }),
  overdue: Type.Array(
    Type.Object({
      escalationId: Type.String({ format: 'uuid' }),
      caseReference: Type.String(),
      fraudType: Type.String(),
      createdAt: DateTime,
      dueAt: DateTime,
      acknowledgedAt: Type.Union([DateTime, Type.Null()]),
      actionedAt: Type.Union([DateTime, Type.Null()]),
      action: Type.Union([Type.String(), Type.Null()]),
      hoursLate: Type.Number(),
      subjects: Type.Array(Type.String()),
    }),
  ),
});
