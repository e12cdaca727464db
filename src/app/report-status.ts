import { isForwardStatusChange, REPORT_STATUS_WORDS, type ReportStatusName, type Words } from '../domain/reports/report-status.ts';
import { normalizeTrackingCode } from '../domain/reports/tracking-code.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { enqueue } from '../store/outbox.ts';
import { findReportByTrackingCode, lockReportsForStatus, reportStatusHistory, updateReportStatus, type ReportRow } from '../store/reports.ts';
import { auditActor, systemCaller, type Caller } from './caller.ts';
import { notFound } from './errors.ts';
import { renderNotice } from './message-templates.ts';
import { piiCipher } from './pii-crypto.ts';
import type { ReportContact } from './reports.ts';

export interface StatusChange {
  status: ReportStatusName;
  /** The outcome in plain words, for the reporter (e.g. "The platform removed the page."). */
  outcome?: Words | null;
}

/**
 * Moves one report, or every report of a case, to a new status (forward only: a report already
 * further along, or closed, is left as it is), in the caller's transaction. Each change writes
 * an audit record, which is also the step list of the tracking page, and a reporter who left an
 * e-mail address and consented gets an e-mail through the outbox. For the cases module to call
 * as a case moves.
 */
export async function reportStatusChanged(
  tx: Db,
  target: { reportId: string } | { caseId: string },
  change: StatusChange,
  caller: Caller = systemCaller('case-workflow'),
): Promise<{ changed: number }> {
  const rows = await lockReportsForStatus(tx, target);
  let changed = 0;
  for (const report of rows) {
    if (!isForwardStatusChange(report.status, change.status)) continue;
    const outcome = change.outcome ?? null;
    await updateReportStatus(tx, report.id, change.status, outcome ? outcome[report.locale] : report.outcome);
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'report.status_changed',
      subjectType: 'report',
      subjectId: report.id,
      before: { status: report.status },
      after: { status: change.status, outcome },
    });
    await notifyReporter(tx, report, change.status, outcome);
    changed++;
  }
  return { changed };
}

async function notifyReporter(tx: Db, report: ReportRow, status: ReportStatusName, outcome: Words | null): Promise<void> {
  if (!report.consentToContact || !report.reporterContactEncrypted) return;
  const contact = piiCipher().decryptJson<ReportContact>(report.reporterContactEncrypted);
  if (!contact.email) return;
  // The words come from the message template of the status in the report's language (console: Templates).
  const message = await renderNotice(tx, `report.${status}`, report.locale, {
    trackingCode: report.trackingCode,
    status: REPORT_STATUS_WORDS[status][report.locale],
    outcome: outcome ? outcome[report.locale] : '',
  });
  // The address stays encrypted in the outbox table too; the e-mail handler decrypts it to send.
  await enqueue(tx, 'email.send', { toEncrypted: piiCipher().encrypt(contact.email), subject: message.subject, text: message.body });
}

export interface TrackingView {
  trackingCode: string;
  status: ReportStatusName;
  statusWords: Words;
  category: string;
  receivedAt: string;
  steps: { status: ReportStatusName; words: Words; at: string; outcome: Words | null }[];
}

/**
 * What anyone holding the tracking code sees: the status steps with their dates and outcomes.
 * Never the narrative, identifiers, evidence, contact details or the case (which would show
 * other reporters' reports).
 */
export async function trackReport(db: Db, code: string): Promise<TrackingView> {
  const normalized = normalizeTrackingCode(code);
  const report = normalized ? await findReportByTrackingCode(db, normalized) : undefined;
  if (!report) throw notFound('A report with this tracking code');
  const history = await reportStatusHistory(db, report.id);
  const steps = history.map((h) => {
    const after = (h.after ?? {}) as { status?: ReportStatusName; outcome?: Words | null };
    const status = after.status ?? 'received';
    return { status, words: REPORT_STATUS_WORDS[status], at: h.at.toISOString(), outcome: after.outcome ?? null };
  });
  return {
    trackingCode: report.trackingCode,
    status: report.status,
    statusWords: REPORT_STATUS_WORDS[report.status],
    category: report.category,
    receivedAt: report.createdAt.toISOString(),
    steps,
  };
}
