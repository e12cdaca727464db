import type { Reasons } from './cases.ts';
import { api } from './client.ts';

// The agency's dispute review (GET /api/v1/disputes, GET /api/v1/disputes/:id, POST …/decision).

export const DISPUTE_STATUSES = ['open', 'upheld', 'cleared'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export type DisputeOutcome = 'upheld' | 'cleared';

export interface AgencyDispute {
  id: string;
  trackingCode: string;
  status: DisputeStatus;
  indicatorId: string;
  indicator: string;
  indicatorDisplay: string;
  kind: string;
  verdict: string;
  explanation: string;
  contact: { name?: string; email?: string; phone?: string; locale: string };
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface RecordedNotice {
  purpose: string;
  locale: string;
  version: number;
  subject: string;
  body: string;
  emailed: boolean;
  at: string;
  action: string;
}

export interface DisputeDetail extends AgencyDispute {
  history: { at: string; from: string | null; to: string; confidence: number; reasons: { ground?: string; legalBasis?: string; explanation?: string | null; automated?: boolean } }[];
  notices: RecordedNotice[];
}

export interface DisputeQuery {
  status: DisputeStatus | 'all';
  kind?: string;
}

export function listDisputes(query: DisputeQuery, signal?: AbortSignal) {
  const params = new URLSearchParams({ status: query.status });
  if (query.kind) params.set('kind', query.kind);
  return api.get<{ items: AgencyDispute[] }>(`/api/v1/disputes?${params}`, { signal });
}

export const getDispute = (id: string, signal?: AbortSignal) => api.get<DisputeDetail>(`/api/v1/disputes/${encodeURIComponent(id)}`, { signal });

export const decideDispute = (id: string, body: { outcome: DisputeOutcome; reason: string; reasons: Reasons }) =>
  api.post<{ id: string; trackingCode: string; status: DisputeStatus; verdict: string; settled: number }>(`/api/v1/disputes/${encodeURIComponent(id)}/decision`, body);
