import { api } from './client.ts';

// Networks of linked indicators and one indicator's history (agency staff).

export interface Network {
  id: string;
  requestedId: string;
  size: number;
  confirmed: number;
  confirmedShare: number;
  reports: number;
  moneyLostVnd: number;
  platforms: string[];
  fraudTypes: string[];
  members: { id: string; indicator: string; kind: string; display: string; verdict: string; reportCount: number }[];
  links: { aId: string; bId: string; reports: number }[];
}

export interface IndicatorHistoryEntry {
  at: string;
  from: string | null;
  to: string;
  confidence: number;
  reasons: { ground: string; legalBasis: string; evidence: string[]; sourceType: string; explanation: string | null; automated: boolean };
}

export interface IndicatorDetail {
  id: string;
  indicator: string;
  display: string;
  verdict: string;
  history: IndicatorHistoryEntry[];
}

export interface ReportEvidence {
  sha256: string;
  mediaType: string;
  size: number;
  position: number;
  originalName: string | null;
  url: string | null;
}

export const getNetwork = (id: string, signal?: AbortSignal) => api.get<Network>(`/api/v1/networks/${encodeURIComponent(id)}?limit=100`, { signal });
export const getIndicator = (id: string, signal?: AbortSignal) => api.get<IndicatorDetail>(`/api/v1/indicators/${encodeURIComponent(id)}`, { signal });
export const getReportEvidence = (id: string, signal?: AbortSignal) =>
  api.get<{ id: string; evidence: ReportEvidence[] }>(`/api/v1/reports/${encodeURIComponent(id)}`, { signal });
