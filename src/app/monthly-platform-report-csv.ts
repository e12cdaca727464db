import { stringify } from 'csv-stringify/sync';
import type { ReportLang } from './monthly-platform-report-labels.ts';
import { reportHeading, reportTables } from './monthly-platform-report-tables.ts';
import type { MonthlyPlatformReport } from './monthly-platform-report.ts';

/**
 * The report as one CSV file: the heading lines, then each table as a title line, a header line
 * and its rows, tables separated by an empty line (CSV has no sheets; the XLSX has one per table).
 * UTF-8 with a byte order mark so that spreadsheet programs read the Vietnamese letters right.
 */
export function monthlyReportCsv(report: MonthlyPlatformReport, lang: ReportLang): string {
  const heading = reportHeading(report, lang);
  const records: (string | number | null)[][] = [[heading.title], ...heading.lines, [heading.scope]];
  for (const table of reportTables(report, lang)) {
    records.push([], [table.title], table.columns, ...table.rows);
  }
  return `\uFEFF${stringify(records, { record_delimiter: '\r\n', cast: { number: (n) => String(n) } })}`;
}
