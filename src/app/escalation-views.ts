import type { Db } from '../store/connection.ts';
import { findEscalation, listEscalationRows, listSharedEvidence, listSubjects, caseReferenceOf, type EscalationRow, type SubjectRow } from '../store/escalations.ts';
import { findSharedFile } from '../store/escalations.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { isAgencyStaff, type Caller } from './caller.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

/**
 * What each caller may see of escalations: the agency sees all of them, a platform (its
 * operators and its keys) only those addressed to its own organization. Nothing here ever
 * reads reports' narratives or reporters' contact details: a platform learns the subjects,
 * the analyst's message and the (redacted) evidence, nothing about who reported.
 */
export type EscalationAudience = { agency: true } | { agency: false; organizationId: string; platform: string };

export function escalationAudience(caller: Caller): EscalationAudience {
  const a = caller.actor;
  if (isAgencyStaff(a)) return { agency: true };
  if ((a.type === 'user' || a.type === 'api_key') && a.organizationKind === 'platform' && a.platform) {
    return { agency: false, organizationId: a.organizationId, platform: a.platform };
  }
  throw forbidden('Only the agency and platforms see escalations; your organization answers for no platform.');
}

/** The escalation if the caller may see it; 404 otherwise, so another platform's ids do not leak. */
export async function visibleEscalation(db: Db, caller: Caller, id: string): Promise<EscalationRow> {
  const audience = escalationAudience(caller);
  const row = await findEscalation(db, id);
  if (!row || (!audience.agency && row.organizationId !== audience.organizationId)) throw notFound('The escalation');
  return row;
}

export interface EscalationSummary {
  id: string;
  caseReference: string;
  platform: string;
  status: EscalationRow['status'];
  fraudCategory: string;
  legalBasis: string;
  message: string | null;
  dueAt: string;
  dueSoonAt: string;
  overdue: boolean;
  breachedAt: string | null;
  acknowledgedAt: string | null;
  actionedAt: string | null;
  action: EscalationRow['action'];
  platformNote: string | null;
  platformReference: string | null;
  createdAt: string;
  subjects: { indicatorId: string; indicator: string; kind: string; display: string; verdict: string }[];
  /** Agency only: the case it belongs to. */
  caseId?: string;
}

export function escalationSummary(row: EscalationRow, caseReference: string, subjects: readonly SubjectRow[], audience: EscalationAudience, now = new Date()): EscalationSummary {
  return {
    id: row.id,
    caseReference,
    platform: row.platform,
    status: row.status,
    fraudCategory: row.fraudCategory,
    legalBasis: row.legalBasis,
    message: row.message,
    dueAt: row.dueAt.toISOString(),
    dueSoonAt: row.dueSoonAt.toISOString(),
    overdue: row.status !== 'actioned' && row.dueAt <= now,
    breachedAt: row.breachedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    actionedAt: row.actionedAt?.toISOString() ?? null,
    action: row.action,
    platformNote: row.platformNote,
    platformReference: row.platformReference,
    createdAt: row.createdAt.toISOString(),
    subjects: subjects
      .filter((s) => s.escalationId === row.id)
      .map((s) => ({ indicatorId: s.indicatorId, indicator: s.indicator, kind: s.kind, display: s.display, verdict: s.verdict })),
    ...(audience.agency ? { caseId: row.caseId } : {}),
  };
}

export interface EscalationQuery {
  status?: EscalationRow['status'][];
  platform?: string;
  caseId?: string;
  dueBefore?: string;
  dueAfter?: string;
  overdue?: boolean;
  cursor?: string;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) throw badRequest('The cursor is not valid.', [{ field: 'querystring:/cursor', message: 'Use the nextCursor of a previous page.' }]);
  return { createdAt, id };
}

function parseDate(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw badRequest(`${field} is not a date.`, [{ field: `querystring:/${field}`, message: 'Give an ISO 8601 date and time.' }]);
  return d;
}

/** A page of escalations, newest first; a platform's filter on its own organization is forced. */
export async function listEscalations(db: Db, caller: Caller, query: EscalationQuery): Promise<{ items: EscalationSummary[]; nextCursor: string | null }> {
  const audience = escalationAudience(caller);
  const now = new Date();
  const rows = await listEscalationRows(db, {
    ...(audience.agency ? { platform: query.platform, caseId: query.caseId } : { organizationId: audience.organizationId }),
    statuses: query.status,
    dueBefore: parseDate(query.dueBefore, 'dueBefore'),
    dueAfter: parseDate(query.dueAfter, 'dueAfter'),
    overdue: query.overdue,
    now,
    before: parseCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const subjects = await listSubjects(db, page.map((r) => r.id));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => escalationSummary(r, r.caseReference, subjects, audience, now)),
    nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

/** Every escalation matching the query (for the CSV export), in pages of 500. */
export async function allEscalations(db: Db, caller: Caller, query: Omit<EscalationQuery, 'cursor' | 'limit'>): Promise<EscalationSummary[]> {
  const out: EscalationSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEscalations(db, caller, { ...query, cursor, limit: 500 });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export interface SharedEvidenceView {
  sha256: string;
  mediaType: string;
  size: number;
  redacted: boolean;
  /** Where the caller fetches the file. */
  url: string;
  /** Agency only: the original it was made from and the boxes blacked out. */
  sourceSha256?: string;
  redactions?: unknown;
}

export async function getEscalation(db: Db, caller: Caller, id: string): Promise<EscalationSummary & { evidence: SharedEvidenceView[] }> {
  const audience = escalationAudience(caller);
  const row = await visibleEscalation(db, caller, id);
  const [subjects, evidence, reference] = await Promise.all([listSubjects(db, [row.id]), listSharedEvidence(db, row.id), caseReferenceOf(db, row.caseId)]);
  return {
    ...escalationSummary(row, reference ?? '', subjects, audience),
    evidence: evidence.map((e) => ({
      sha256: e.sha256,
      mediaType: e.mediaType,
      size: e.size,
      redacted: e.sha256 !== e.sourceSha256,
      url: `/api/v1/escalations/${row.id}/evidence/${e.sha256}`,
      ...(audience.agency ? { sourceSha256: e.sourceSha256, redactions: e.redactions ?? null } : {}),
    })),
  };
}

/** A file shared with the escalation; the originals behind redacted copies are never served here. */
export async function readSharedEvidence(db: Db, store: EvidenceStore, caller: Caller, id: string, sha256: string): Promise<{ bytes: Buffer; mediaType: string }> {
  const row = await visibleEscalation(db, caller, id);
  const file = /^[0-9a-f]{64}$/.test(sha256) ? await findSharedFile(db, row.id, sha256) : undefined;
  const bytes = file ? await store.get(sha256) : null;
  if (!file || !bytes) throw notFound('The evidence file');
  return { bytes, mediaType: file.mediaType };
}
