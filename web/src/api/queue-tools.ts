import { api } from './client.ts';
import type { CaseQuery, CaseSummary } from './cases.ts';

// The queue's tools: assignees by name, saved views, bulk escalation (GET /api/v1/assignees,
// /api/v1/saved-views, POST /api/v1/cases/bulk with action "escalate").

export interface Assignee {
  id: string;
  name: string;
  role: 'analyst' | 'supervisor';
  /** Cases assigned to them that are not closed, rejected or merged. */
  openCaseCount: number;
}

export const listAssignees = (signal?: AbortSignal) => api.get<{ items: Assignee[] }>('/api/v1/assignees', { signal });

/** The queue's filters and sort, as a saved view keeps them. */
export type ViewFilters = Omit<CaseQuery, 'cursor' | 'limit'>;

export interface SavedView {
  id: string;
  name: string;
  filters: ViewFilters;
  shared: boolean;
  owner: { id: string; name: string };
  mine: boolean;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

export const listSavedViews = (signal?: AbortSignal) => api.get<{ items: SavedView[] }>('/api/v1/saved-views', { signal });
export const createSavedView = (body: { name: string; filters: ViewFilters; shared?: boolean }) => api.post<SavedView>('/api/v1/saved-views', body);
export const changeSavedView = (id: string, body: { name?: string; shared?: boolean }) => api.patch<SavedView>(`/api/v1/saved-views/${encodeURIComponent(id)}`, body);
export const deleteSavedView = (id: string) => api.delete<null>(`/api/v1/saved-views/${encodeURIComponent(id)}`);

export interface BulkCaseResult {
  caseId: string;
  ok: boolean;
  status: number;
  case?: CaseSummary;
  escalations?: { id: string; platform: string; dueAt: string; subjects: string[] }[];
  error?: { code: string; detail: string; errors?: { field: string; message: string; code?: string }[] };
}

export interface BulkEscalateBody {
  fraudCategory: string;
  legalBasis: string;
  message?: string;
  platforms?: string[];
}

export const bulkEscalate = (caseIds: string[], body: BulkEscalateBody) =>
  api.post<{ results: BulkCaseResult[] }>('/api/v1/cases/bulk', { action: 'escalate', caseIds, ...body });
