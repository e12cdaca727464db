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

/** The API gives at most 1000 members at once; the drawing starts with the first 100. */
export const NETWORK_MEMBER_LIMITS = [100, 250, 500, 1000] as const;
export const getNetwork = (id: string, signal?: AbortSignal, limit = 100) => api.get<Network>(`/api/v1/networks/${encodeURIComponent(id)}?limit=${limit}`, { signal });
export interface Neighbourhood {
  networkId: string;
  member: Network['members'][number];
  neighbours: Network['members'];
  links: Network['links'];
}
export const getNeighbourhood = (networkId: string, indicatorId: string, signal?: AbortSignal) =>
  api.get<Neighbourhood>(`/api/v1/networks/${encodeURIComponent(networkId)}/members/${encodeURIComponent(indicatorId)}/neighbours?limit=100`, { signal });
export const getIndicator = (id: string, signal?: AbortSignal) => api.get<IndicatorDetail>(`/api/v1/indicators/${encodeURIComponent(id)}`, { signal });
export const getReportEvidence = (id: string, signal?: AbortSignal) =>
  api.get<{ id: string; evidence: ReportEvidence[] }>(`/api/v1/reports/${encodeURIComponent(id)}`, { signal });
