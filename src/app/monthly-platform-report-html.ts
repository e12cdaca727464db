import type { ReportLang } from './monthly-platform-report-labels.ts';
import { reportWords } from './monthly-platform-report-labels.ts';
import { reportHeading, reportTables, type Cell } from './monthly-platform-report-tables.ts';
import type { MonthlyPlatformReport } from './monthly-platform-report.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cell(value: Cell, lang: ReportLang, none: string): string {
  if (value === null || value === '') return `<td class="none">${none}</td>`;
  if (typeof value === 'number') return `<td class="num">${value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</td>`;
  return `<td>${escapeHtml(value)}</td>`;
}

/**
 * The report as a print-styled HTML page (A4, self-contained: no script, no outside file), which
 * Chromium prints to PDF; the console's preview shows the same page.
 */
export function monthlyReportHtml(report: MonthlyPlatformReport, lang: ReportLang): string {
  const w = reportWords(lang);
  const heading = reportHeading(report, lang);
  const tables = reportTables(report, lang)
    .map((t) => {
      if (t.id === 'overdue' && t.rows.length === 0) return `<section><h2>${escapeHtml(t.title)}</h2><p>${escapeHtml(w.noOverdue)}</p></section>`;
      const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      const body = t.rows.map((r) => `<tr>${r.map((v) => cell(v, lang, w.none)).join('')}</tr>`).join('\n');
      return `<section class="${t.id}"><h2>${escapeHtml(t.title)}</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${heading.title} — ${heading.lines[0]![1]} — ${report.month}`)}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  * { box-sizing: border-box; }
  /* On screen the page looks like the printed A4 sheet, its margins included. */
  body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 0 auto; padding: 16mm 14mm; max-width: 210mm; background: #fff; }
  @media print { body { padding: 0; max-width: none; } }
  header { border-bottom: 3px solid #0b5394; margin-bottom: 12px; padding-bottom: 8px; }
  .brand { color: #0b5394; font-weight: 700; letter-spacing: .02em; }
  h1 { font-size: 17pt; margin: 4px 0 8px; }
  h2 { font-size: 12pt; color: #0b5394; margin: 16px 0 6px; break-after: avoid; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .scope { font-size: 9pt; color: #444; margin: 8px 0 0; }
  table { border-collapse: collapse; width: 100%; break-inside: auto; }
  tr { break-inside: avoid; }
  th, td { border: 1px solid #c8d3e0; padding: 3px 6px; text-align: left; vertical-align: top; }
  th { background: #e8eef6; font-weight: 600; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  td.none { color: #777; text-align: center; }
  .overdue td:last-child { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
</style>
</head>
<body>
<header>
  <div class="brand">Canh Giác</div>
  <h1>${escapeHtml(heading.title)}</h1>
  <dl>${heading.lines.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
  <p class="scope">${escapeHtml(heading.scope)}</p>
</header>
<main>
${tables}
</main>
</body>
</html>
`;
}
