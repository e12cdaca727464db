import { api } from './client.ts';

// Escalations to platforms (GET/POST /api/v1/escalations…, POST /api/v1/cases/:id/escalations).

export const PLATFORM_ACTIONS = ['removed', 'restricted', 'no_violation', 'needs_more_information'] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];
export const ESCALATION_STATUSES = ['open', 'acknowledged', 'actioned'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export interface EscalationSubject {
  indicatorId: string;
  indicator: string;
  kind: string;
  display: string;
  verdict: string;
}

export interface Escalation {
  id: string;
  caseReference: string;
  platform: string;
  status: EscalationStatus;
  fraudCategory: string;
  legalBasis: string;
  message: string | null;
  dueAt: string;
  dueSoonAt: string;
  overdue: boolean;
  breachedAt: string | null;
  acknowledgedAt: string | null;
  actionedAt: string | null;
  action: PlatformAction | null;
  platformNote: string | null;
  platformReference: string | null;
  createdAt: string;
  subjects: EscalationSubject[];
  caseId?: string;
}

export interface EscalationDetail extends Escalation {
  /** `sourceSha256` and `redactions` are for the agency only. */
  evidence: { sha256: string; mediaType: string; size: number; redacted: boolean; url: string; sourceSha256?: string; redactions?: RedactionBox[] | null }[];
}

export interface EscalationQuery {
  status?: EscalationStatus[];
  platform?: string;
  overdue?: boolean;
  cursor?: string;
  limit?: number;
}

export function escalationQueryString(query: EscalationQuery): string {
  const params = new URLSearchParams();
  for (const status of query.status ?? []) params.append('status', status);
  if (query.platform) params.set('platform', query.platform);
  if (query.overdue !== undefined) params.set('overdue', String(query.overdue));
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit) params.set('limit', String(query.limit));
  return params.toString();
}

export const listEscalations = (query: EscalationQuery, signal?: AbortSignal) =>
  api.get<{ items: Escalation[]; nextCursor: string | null }>(`/api/v1/escalations?${escalationQueryString(query)}`, { signal });
export const getEscalation = (id: string, signal?: AbortSignal) => api.get<EscalationDetail>(`/api/v1/escalations/${encodeURIComponent(id)}`, { signal });
export const acknowledgeEscalation = (id: string) => api.post<Escalation>(`/api/v1/escalations/${encodeURIComponent(id)}/acknowledge`);
export const answerEscalation = (id: string, body: { action: PlatformAction; note?: string | null; reference?: string | null }) =>
  api.post<Escalation>(`/api/v1/escalations/${encodeURIComponent(id)}/answer`, body);

export interface EscalateInput {
  subjects: string[];
  fraudCategory: string;
  legalBasis: string;
  message?: string;
  evidence?: { sha256: string; redactions?: RedactionBox[] }[];
}

/** A rectangle to black out, in whole pixels of the stored image (origin top left), as the API takes it. */
export interface RedactionBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
export const escalateCase = (caseId: string, body: EscalateInput) =>
  api.post<{ escalations: Escalation[] }>(`/api/v1/cases/${encodeURIComponent(caseId)}/escalations`, body);

/** The platforms whose accounts and pages can be escalated, by identifier kind. */
export const PLATFORM_OF_KIND: Readonly<Record<string, string>> = {
  fb: 'facebook',
  zalo: 'zalo',
  tiktok: 'tiktok',
  telegram: 'telegram',
  instagram: 'instagram',
  x: 'x',
  youtube: 'youtube',
};

// Bulk answers, CSV export and import (the platform inbox).
export interface BulkAnswerResult {
  results: {
    index: number;
    escalationId: string | null;
    ok: boolean;
    escalation?: Escalation;
    error?: { status: number; code: string; message: string; errors?: { field: string; message: string }[] };
  }[];
  answered: number;
  failed: number;
}
export const answerEscalations = (items: { escalationId: string; action: PlatformAction; note?: string | null; reference?: string | null }[]) =>
  api.post<BulkAnswerResult>('/api/v1/escalations/answers', items);
/**
 * The CSV upload. The route takes `text/csv` or a JSON string (its body schema is a string);
 * the shared client sends JSON with the session's CSRF token, so the file's text goes as one.
 */
export const answerEscalationsCsv = (csv: string) => api.post<BulkAnswerResult>('/api/v1/escalations/answers/csv', csv);
export const escalationsExportUrl = (query: Omit<EscalationQuery, 'cursor' | 'limit'>) => {
  const search = escalationQueryString(query);
  return `/api/v1/escalations/export.csv${search ? `?${search}` : ''}`;
};
