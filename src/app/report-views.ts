import type { Db } from '../store/connection.ts';
import { findEvidenceFile, findReportById, listReportEvidence, listReportIndicators, listReportRows, type ReportRow } from '../store/reports.ts';
import type { ReportStatus } from '../store/schema.ts';
import { isAgencyStaff, type Caller } from './caller.ts';
import { badRequest, notFound } from './errors.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { piiCipher } from './pii-crypto.ts';
import type { ReportContact } from './reports.ts';

export interface ReportSummary {
  id: string;
  trackingCode: string;
  channel: string;
  category: string;
  status: ReportStatus;
  outcome: string | null;
  occurredAt: string | null;
  amountLostVnd: number | null;
  paymentMethod: string | null;
  locale: string;
  organizationId: string | null;
  caseId: string | null;
  hasContact: boolean;
  createdAt: string;
  updatedAt: string;
}

function summaryOf(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    channel: r.channel,
    category: r.category,
    status: r.status,
    outcome: r.outcome,
    occurredAt: r.occurredAt?.toISOString() ?? null,
    amountLostVnd: r.amountLostVnd === null ? null : Number(r.amountLostVnd),
    paymentMethod: r.paymentMethod,
    locale: r.locale,
    organizationId: r.organizationId,
    caseId: r.caseId,
    hasContact: r.reporterContactEncrypted !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One report in full. Agency staff see everything, the reporter's contact details included
 * (decrypted here, only for them); an organization sees the reports it submitted itself,
 * without contact details; anyone else gets 404, so existence does not leak.
 */
export async function getReport(db: Db, caller: Caller, id: string) {
  const report = UUID.test(id) ? await findReportById(db, id) : undefined;
  const agency = isAgencyStaff(caller.actor);
  const a = caller.actor;
  const own = (a.type === 'user' || a.type === 'api_key') && report?.organizationId === a.organizationId;
  if (!report || !(agency || own)) throw notFound('The report');
  const [identifiers, evidence] = await Promise.all([listReportIndicators(db, report.id), listReportEvidence(db, report.id)]);
  return {
    ...summaryOf(report),
    narrative: report.narrative,
    consentToContact: report.consentToContact,
    contact: agency && report.reporterContactEncrypted ? piiCipher().decryptJson<ReportContact>(report.reporterContactEncrypted) : null,
    identifiers: identifiers.map((i) => ({ indicatorId: i.indicatorId, indicator: i.indicator, kind: i.kind, display: i.display, verdict: i.verdict, rawInput: i.rawInput, extracted: i.extracted })),
    evidence: evidence.map((e) => ({
      sha256: e.sha256,
      mediaType: e.mediaType,
      size: e.size,
      position: e.position,
      originalName: e.originalName,
      // Only agency staff may fetch the files; platforms get redacted copies via escalations.
      url: agency ? `/api/v1/evidence/${e.sha256}` : null,
    })),
  };
}

export interface ReportListQuery {
  status?: ReportStatus[];
  category?: string;
  channel?: string;
  caseId?: string;
  indicatorId?: string;
  cursor?: string;
  limit: number;
}

/** The agency's report queue, newest first, with keyset pagination. */
export async function listReports(db: Db, query: ReportListQuery): Promise<{ items: ReportSummary[]; nextCursor: string | null }> {
  let before: { createdAt: Date; id: string } | undefined;
  if (query.cursor) {
    const [at, id] = Buffer.from(query.cursor, 'base64url').toString('utf8').split('|');
    const createdAt = new Date(at ?? '');
    if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
      throw badRequest('The cursor is not valid.', [{ field: 'querystring:/cursor', message: 'Use the nextCursor of a previous page.' }]);
    }
    before = { createdAt, id };
  }
  const rows = await listReportRows(db, {
    statuses: query.status,
    category: query.category,
    channel: query.channel,
    caseId: query.caseId,
    indicatorId: query.indicatorId,
    before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(summaryOf),
    nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

/** An evidence file's bytes for agency staff (the route's access rule), with its stored type. */
export async function readEvidence(db: Db, store: EvidenceStore, sha256: string): Promise<{ bytes: Buffer; mediaType: string }> {
  const row = /^[0-9a-f]{64}$/.test(sha256) ? await findEvidenceFile(db, sha256) : undefined;
  const bytes = row ? await store.get(sha256) : null;
  if (!row || !bytes) throw notFound('The evidence file');
  return { bytes, mediaType: row.mediaType };
}
