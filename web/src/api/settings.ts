import { api } from './client.ts';

// The settings screens' calls: the fraud category taxonomy (/api/v1/taxonomy), deadline policies
// (/api/v1/deadline-policies) and the audit log (/api/v1/audit).

export interface FraudCategory {
  code: string;
  name: { vi: string; en: string };
  description: { vi: string; en: string };
  active: boolean;
  position: number;
  updatedAt: string | null;
}

export interface FraudCategoryPatch {
  nameVi?: string;
  nameEn?: string;
  descriptionVi?: string;
  descriptionEn?: string;
  active?: boolean;
  position?: number;
}

export interface CategoryUsage {
  code: string;
  reports: number;
  cases: number;
  indicators: number;
}

export interface DeadlinePolicy {
  platform: string;
  hours: number;
  dueSoonHours: number;
  /** false: no row for the platform, the default applies. */
  configured: boolean;
}

/** The policy a platform without its own has (mirrors DEFAULT_DEADLINE in src/app/deadline-policies.ts). */
export const DEFAULT_DEADLINE = { hours: 24, dueSoonHours: 4 };

export interface AuditRecord {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  organizationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
}

export interface AuditFilter {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actor?: string;
  organizationId?: string;
  from?: string;
  to?: string;
}

export type AuditVerification = { ok: true; records: number; headHash: string } | { ok: false; records: number; seq: number; reason: string };

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const listTaxonomy = () => api.get<{ items: FraudCategory[] }>('/api/v1/taxonomy');
export const taxonomyUsage = () => api.get<{ items: CategoryUsage[] }>('/api/v1/taxonomy/usage');
export const changeCategory = (code: string, patch: FraudCategoryPatch) => api.patch<FraudCategory>(`/api/v1/taxonomy/${encodeURIComponent(code)}`, patch);

export const listDeadlinePolicies = () => api.get<{ items: DeadlinePolicy[] }>('/api/v1/deadline-policies');
export const setDeadlinePolicy = (platform: string, body: { hours: number; dueSoonHours: number }) => api.put<DeadlinePolicy>(`/api/v1/deadline-policies/${encodeURIComponent(platform)}`, body);

export const listAudit = (filter: AuditFilter, cursor?: string, limit = 50) => api.get<{ items: AuditRecord[]; nextCursor: string | null }>(`/api/v1/audit${query({ ...filter, cursor, limit })}`);
export const getAuditRecord = (seq: number) => api.get<AuditRecord & { prevHash: string }>(`/api/v1/audit/${seq}`);
export const verifyAudit = () => api.get<AuditVerification>('/api/v1/audit/verify');
