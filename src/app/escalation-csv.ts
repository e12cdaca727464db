import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { AnswerInput } from './escalation-answers.ts';
import type { EscalationSummary } from './escalation-views.ts';
import { badRequest } from './errors.ts';

/** The columns of an answers upload; `note` and `reference` may be left empty. */
export const ANSWER_COLUMNS = ['escalation_id', 'action', 'note', 'reference'] as const;
const MAX_ROWS = 1000;

/**
 * Reads an answers upload into items numbered by their CSV line (the header is line 1), so the
 * per-row results point at the line a spreadsheet shows. A file that is not CSV, lacks the
 * required columns or has too many rows is refused whole (400): nothing is answered.
 */
export function parseAnswersCsv(text: string): ({ index: number; escalationId: string | null } & AnswerInput)[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    throw badRequest(`The CSV could not be read: ${(error as Error).message}`, [{ field: '/', message: 'Send RFC 4180 CSV with a header row.' }]);
  }
  if (records.length === 0) throw badRequest('The CSV has no rows.', [{ field: '/', message: `Header ${ANSWER_COLUMNS.join(',')} and one row per answer.` }]);
  const columns = Object.keys(records[0]!.record);
  for (const required of ['escalation_id', 'action']) {
    if (!columns.includes(required)) throw badRequest(`The CSV lacks the column "${required}".`, [{ field: `/${required}`, message: `Columns: ${ANSWER_COLUMNS.join(', ')}.` }]);
  }
  if (records.length > MAX_ROWS) throw badRequest(`At most ${MAX_ROWS} rows per upload.`, [{ field: '/', message: `${records.length} rows.` }]);
  return records.map(({ record, info }) => ({
    index: info.lines,
    escalationId: record.escalation_id || null,
    action: record.action ?? '',
    note: record.note || null,
    reference: record.reference || null,
  }));
}

/**
 * Spreadsheet programs run a cell starting with = + - @ as a formula; platform notes and
 * messages are free text, so such cells get a leading apostrophe (OWASP's CSV injection advice).
 */
function cell(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const EXPORT_COLUMNS = [
  'escalation_id',
  'case_reference',
  'platform',
  'status',
  'fraud_category',
  'legal_basis',
  'created_at',
  'due_at',
  'overdue',
  'breached_at',
  'acknowledged_at',
  'actioned_at',
  'action',
  'platform_reference',
  'platform_note',
  'subjects',
] as const;

export function escalationsCsv(items: readonly EscalationSummary[]): string {
  return stringify(
    items.map((e) => [
      e.id,
      e.caseReference,
      e.platform,
      e.status,
      e.fraudCategory,
      cell(e.legalBasis),
      e.createdAt,
      e.dueAt,
      e.overdue ? 'true' : 'false',
      e.breachedAt ?? '',
      e.acknowledgedAt ?? '',
      e.actionedAt ?? '',
      e.action ?? '',
      cell(e.platformReference),
      cell(e.platformNote),
      e.subjects.map((s) => s.indicator).join(' '),
    ]),
    { header: true, columns: [...EXPORT_COLUMNS] },
  );
}
