import { api } from './client.ts';

// The agency's case work (GET/POST /api/v1/cases…), as the console uses it.

export const CASE_STATES = ['new', 'triaged', 'verified', 'rejected', 'escalated', 'acknowledged', 'actioned', 'closed', 'merged'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const CASE_SORTS = ['updated', 'created', 'priority', 'risk', 'amount', 'reports'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const EVIDENCE_KINDS = [
  'citizen_reports',
  'screenshots',
  'transaction_records',
  'platform_confirmation',
  'bank_confirmation',
  'telco_confirmation',
  'investigation',
  'partner_sighting',
  'owner_statement',
  'no_new_reports',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const SOURCE_TYPES = ['citizen', 'agency', 'platform', 'bank', 'telco', 'automated'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export type CoordinationSignal = 'burst' | 'identical_narratives' | 'same_source' | 'low_reputation_sources';

export interface CaseSummary {
  id: string;
  reference: string;
  status: CaseState;
  priority: number;
  /** The highest risk score (0–100) of its reports. */
  riskScore: number;
  /** Set when its reports look coordinated: the reasons, for a human to weigh. */
  coordination: { reasons: { signal: CoordinationSignal; count: number; detail: string }[]; flaggedAt: string } | null;
  category: string;
  assigneeUserId: string | null;
  mergedIntoCaseId: string | null;
  reportCount: number;
  amountLostVnd: number;
  lastEventSeq: number;
  allowedEvents: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CaseIndicator {
  id: string;
  indicator: string;
  kind: string;
  display: string;
  verdict: string;
  confidence: number;
  reportCount: number;
  platformConfirmations: number;
  fraudTypes: string[];
  networkId: string | null;
  lastSeenAt: string;
}

export interface CaseReport {
  id: string;
  trackingCode: string;
  channel: string;
  category: string;
  narrative: string;
  occurredAt: string | null;
  amountLostVnd: number | null;
  paymentMethod: string | null;
  status: string;
  outcome: string | null;
  createdAt: string;
}

export interface CaseEvent {
  id: number;
  type: string;
  actor: { type: string; id: string | null; organizationId: string | null };
  payload: unknown;
  at: string;
}

export interface CaseDetail extends CaseSummary {
  reports: CaseReport[];
  indicators: CaseIndicator[];
  escalations: { id: string; platform: string; status: string; dueAt: string; action: string | null }[];
  events: CaseEvent[];
}

export interface CaseQuery {
  status?: CaseState[];
  category?: string;
  priority?: number;
  assignee?: string;
  escalationDue?: boolean;
  sort?: CaseSort;
  cursor?: string;
  limit?: number;
}

export interface CasePage {
  items: CaseSummary[];
  nextCursor: string | null;
  counts: Record<string, number>;
}

/** The statement of reasons every verdict change carries. */
export interface Reasons {
  ground: string;
  legalBasis: string;
  evidence: EvidenceKind[];
  sourceType: SourceType;
  explanation?: string | null;
}

export interface BulkResult {
  results: { caseId: string; ok: boolean; status: number; case?: CaseSummary; error?: { code: string; detail: string } }[];
}

export function caseQueryString(query: CaseQuery): string {
  const params = new URLSearchParams();
  for (const status of query.status ?? []) params.append('status', status);
  if (query.category) params.set('category', query.category);
  if (query.priority !== undefined) params.set('priority', String(query.priority));
  if (query.assignee) params.set('assignee', query.assignee);
  if (query.escalationDue !== undefined) params.set('escalationDue', String(query.escalationDue));
  if (query.sort) params.set('sort', query.sort);
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit) params.set('limit', String(query.limit));
  return params.toString();
}

export const listCases = (query: CaseQuery, signal?: AbortSignal) => api.get<CasePage>(`/api/v1/cases?${caseQueryString(query)}`, { signal });
export const getCase = (id: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, { signal });

const action = <T = CaseSummary>(id: string, name: string, body: unknown) => api.post<T>(`/api/v1/cases/${encodeURIComponent(id)}/${name}`, body);

export const triageCase = (id: string, body: { priority?: number; category?: string; note?: string }) => action(id, 'triage', body);
export const assignCase = (id: string, assigneeUserId: string | null) => action(id, 'assign', { assigneeUserId });
export const setCasePriority = (id: string, priority: number, note?: string) => action(id, 'priority', note ? { priority, note } : { priority });
export const commentOnCase = (id: string, text: string) => action(id, 'comments', { text });
export const verifyCase = (id: string, reasons: Reasons) => action<{ case: CaseSummary }>(id, 'verify', { reasons });
export const rejectCase = (id: string, body: { reason: string; indicators: 'clear' | 'keep_suspected'; reasons?: Reasons }) => action<{ case: CaseSummary }>(id, 'reject', body);
export const closeCase = (id: string, note?: string) => action(id, 'close', note ? { note } : {});

export const bulkAssign = (caseIds: string[], assigneeUserId: string | null) => api.post<BulkResult>('/api/v1/cases/bulk', { action: 'assign', caseIds, assigneeUserId });
export const bulkVerify = (caseIds: string[], reasons: Reasons) => api.post<BulkResult>('/api/v1/cases/bulk', { action: 'verify', caseIds, reasons });

// Merging (the case workspace's merge tool).
export interface MergeCandidate {
  case: CaseSummary;
  sharedIndicators: { id: string; indicator: string; display: string }[];
  mergeable: boolean;
}
export const mergeCandidates = (id: string, reference?: string, signal?: AbortSignal) =>
  api.get<{ items: MergeCandidate[] }>(`/api/v1/cases/${encodeURIComponent(id)}/merge-candidates${reference ? `?reference=${encodeURIComponent(reference)}` : ''}`, { signal });
export const mergeCase = (targetId: string, sourceCaseId: string, reason: string) =>
  action<{ target: CaseSummary; merged: CaseSummary }>(targetId, 'merge', { sourceCaseId, reason });
