import { api } from './client.ts';
import type { OrganizationKind, Role } from './auth.ts';

// Users and organizations, as the administration screens see them (GET/POST/PATCH /api/v1/users, /organizations).

/** Which roles a user of each kind of organization may hold (mirrors src/domain/auth/roles.ts; the server checks). */
export const ROLES_BY_ORGANIZATION_KIND: Record<OrganizationKind, readonly Role[]> = {
  agency: ['admin', 'supervisor', 'analyst'],
  platform: ['platform_operator', 'partner_admin'],
  bank: ['partner_admin'],
  telco: ['partner_admin'],
  other: ['partner_admin'],
};

/** Vietnam's mobile networks a telco may operate (mirrors src/domain/telcos/networks.ts). */
export const MOBILE_NETWORKS = ['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile', 'itelecom', 'reddi'] as const;
export const MOBILE_NETWORK_NAMES: Record<string, string> = {
  viettel: 'Viettel',
  vinaphone: 'VinaPhone',
  mobifone: 'MobiFone',
  vietnamobile: 'Vietnamobile',
  gmobile: 'Gmobile',
  itelecom: 'Itelecom',
  reddi: 'Reddi',
};

export interface AdminOrganization {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  platform: string | null;
  network: string | null;
  createdAt: string;
}

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  disabled: boolean;
  createdAt: string;
}

export interface UserFilter {
  organizationId?: string;
  role?: Role;
  active?: boolean;
}

export interface NewOrganization {
  slug: string;
  name: string;
  kind: OrganizationKind;
  platform?: string | null;
  network?: string | null;
}

export interface SharingSettings {
  organizationId: string;
  maxTlp: 'clear' | 'green' | 'amber';
  confirmOwnSubjects: boolean;
  bins: string[];
  updatedAt: string | null;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const listOrganizations = () => api.get<{ items: AdminOrganization[] }>('/api/v1/organizations');
export const createOrganization = (body: NewOrganization) => api.post<AdminOrganization>('/api/v1/organizations', body);
export const updateOrganization = (id: string, body: Partial<Omit<NewOrganization, 'slug'>>) => api.patch<AdminOrganization>(`/api/v1/organizations/${id}`, body);
export const getSharing = (id: string) => api.get<SharingSettings>(`/api/v1/organizations/${id}/sharing`);
export const setSharing = (id: string, body: Pick<SharingSettings, 'maxTlp' | 'confirmOwnSubjects'> & { bins?: string[] }) => api.put<SharingSettings>(`/api/v1/organizations/${id}/sharing`, body);

export const listUsers = (filter: UserFilter) => api.get<{ items: AdminUser[] }>(`/api/v1/users${query({ ...filter })}`);
export const createUser = (body: { organizationId: string; email: string; name: string; role: Role }) =>
  api.post<{ user: AdminUser; password: string }>('/api/v1/users', body);
export const changeUser = (id: string, body: { role?: Role; disabled?: boolean }) => api.patch<AdminUser>(`/api/v1/users/${id}`, body);
export const signOutUserEverywhere = (id: string) => api.post<{ sessionsEnded: number }>(`/api/v1/users/${id}/sign-out-everywhere`);
export const resetUserPassword = (id: string) => api.post<{ user: AdminUser; password: string }>(`/api/v1/users/${id}/reset-password`);

