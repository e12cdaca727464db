import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { dashboardFigures } from '../../app/dashboard-figures.ts';
import { forbidden } from '../../app/errors.ts';
import { monthlyReportCsv } from '../../app/monthly-platform-report-csv.ts';
import { monthlyReportHtml } from '../../app/monthly-platform-report-html.ts';
import { ReportPrinter } from '../../app/monthly-platform-report-pdf.ts';
import { monthlyReportXlsx } from '../../app/monthly-platform-report-xlsx.ts';
import { monthlyPlatformReport, previousMonth } from '../../app/monthly-platform-report.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';
import { DashboardFigures, DashboardQuery, MonthlyPlatformReport, MonthlyReportQuery } from '../schemas/dashboards.ts';

const MEDIA_TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** The platform of the first cooperation agreement: the agency's report when none is named. */
const DEFAULT_REPORT_PLATFORM = 'facebook';

/** Routes for dashboards (the agency's figures over time) and the monthly platform report. */
export const dashboardRoutes: FastifyPluginAsyncTypebox<{ db: Db; chromiumPath: string }> = async (app, { db, chromiumPath }) => {
  const printer = new ReportPrinter(chromiumPath);

  app.get(
    '/api/v1/dashboards/figures',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['dashboards'],
        summary: 'Dashboard figures over a period, per day or week',
        description: [
          'For the period [from, to) (default: the last 90 days) in day or week buckets, optionally for one platform and one fraud type: ',
          'reports and cases received per bucket; the open backlog at the end of each bucket (cases not closed, rejected or merged); ',
          'time to verify (case created → first verified event; median and 90th percentile, over cases verified in the period); ',
          'over escalations sent in the period, the on-time rate and the median hours to acknowledge and to act, per platform and per fraud type, ',
          'and the mitigation latency (a subject\'s first report → its removal); money reporters lost (VND) by fraud type.',
        ].join(''),
        querystring: DashboardQuery,
        response: { 200: DashboardFigures, ...problemResponses },
      },
    },
    async (request, reply) => reply.header('Cache-Control', 'no-store').send(await dashboardFigures(db, request.query)),
  );

  app.get(
    '/api/v1/dashboards/monthly-report',
    {
      config: { access: { roles: [...AGENCY_ROLES, 'platform_operator'] } },
      schema: {
        tags: ['dashboards'],
        summary: 'The monthly report for one platform (cooperation agreement)',
        description: [
          'Escalations sent to the platform in one calendar month (Vietnam time): by fraud type and legal basis, acknowledged and answered on time, ',
          'medians, outcomes, the overdue list and the mitigation latency. Fraud data only, never reporters\' personal data. ',
          'As JSON, the print page (html), a PDF printed by Chromium (503 when Chromium is not available), XLSX (one sheet per table) or CSV. ',
          'A platform\'s operator may fetch its own platform\'s report only.',
        ].join(''),
        querystring: MonthlyReportQuery,
        response: {
          200: {
            description: 'The report in the requested format.',
            content: {
              'application/json': { schema: MonthlyPlatformReport },
              [MEDIA_TYPES.html]: { schema: { type: 'string' } },
              [MEDIA_TYPES.pdf]: { schema: { type: 'string', format: 'binary' } },
              [MEDIA_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
              [MEDIA_TYPES.csv]: { schema: { type: 'string' } },
            },
          },
          503: { $ref: 'Problem' },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = request.caller.actor;
      const { format = 'json', lang = 'vi' } = request.query;
      const operator = actor.type === 'user' && actor.role === 'platform_operator';
      const platform = request.query.platform ?? (operator && actor.platform ? actor.platform : DEFAULT_REPORT_PLATFORM);
      if (operator && actor.platform !== platform) {
        throw forbidden('A platform\'s operators may read their own platform\'s report only.');
      }
      const month = request.query.month ?? previousMonth(new Date());
      const report = await monthlyPlatformReport(db, { platform, month });
      reply.header('Cache-Control', 'no-store');
      if (format === 'json') return reply.type('application/json').send(report);
      const fileName = `canhgiac-${platform}-${month}-${lang}.${format}`;
      if (format !== 'html') reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
      const body =
        format === 'html'
          ? monthlyReportHtml(report, lang)
          : format === 'pdf'
            ? await printer.print(monthlyReportHtml(report, lang))
            : format === 'xlsx'
              ? await monthlyReportXlsx(report, lang)
              : monthlyReportCsv(report, lang);
      return reply.type(MEDIA_TYPES[format]).send(body);
    },
  );
};
