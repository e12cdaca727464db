import ExcelJS from 'exceljs';
import type { ReportLang } from './monthly-platform-report-labels.ts';
import { reportHeading, reportTables } from './monthly-platform-report-tables.ts';
import type { MonthlyPlatformReport } from './monthly-platform-report.ts';

/** Excel limits sheet names to 31 characters without []:*?/\ . */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** The report as an XLSX workbook: a cover sheet with the heading, then one sheet per table. */
export async function monthlyReportXlsx(report: MonthlyPlatformReport, lang: ReportLang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Canh Giác';
  workbook.created = new Date(report.generatedAt);
  const heading = reportHeading(report, lang);
  const cover = workbook.addWorksheet(sheetName(heading.title));
  cover.addRow([heading.title]).font = { bold: true, size: 14 };
  for (const line of heading.lines) cover.addRow(line);
  cover.addRow([heading.scope]);
  cover.getColumn(1).width = 28;
  cover.getColumn(2).width = 48;
  for (const table of reportTables(report, lang)) {
    const sheet = workbook.addWorksheet(sheetName(table.title));
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    table.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(12, c.length + 2))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
