import { api } from './client.ts';

// API keys of partners and the agency (GET/POST /api/v1/api-keys, /revoke, /usage).

/** Every scope a key can carry (mirrors src/domain/auth/access.ts); the screen explains each in words. */
export const SCOPES = [
  'lookup',
  'lookup:batch',
  'reports:write',
  'escalations',
  'indicators:write',
  'sightings:write',
  'feeds:read',
  'taxii:read',
  'taxii:write',
  'webhooks:manage',
  'metrics',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiKey {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  dailyQuota: number | null;
  usage?: { day: string; requests: number }[];
}

export interface ApiKeyUsage {
  apiKeyId: string;
  dailyQuota: number;
  quotaIsDefault: boolean;
  days: { day: string; requests: number }[];
}

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

export function apiKeyStatus(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now = new Date()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt) <= now) return 'expired';
  return 'active';
}

export interface NewApiKey {
  organizationId: string;
  name: string;
  scopes: Scope[];
  expiresAt?: string | null;
  dailyQuota?: number | null;
}

export const listApiKeys = (organizationId: string) => api.get<{ items: ApiKey[] }>(`/api/v1/api-keys?organizationId=${encodeURIComponent(organizationId)}`);
export const createApiKey = (body: NewApiKey) => api.post<{ apiKey: ApiKey; key: string }>('/api/v1/api-keys', body);
export const revokeApiKey = (id: string) => api.post<ApiKey>(`/api/v1/api-keys/${id}/revoke`);
export const apiKeyUsage = (id: string, days = 30) => api.get<ApiKeyUsage>(`/api/v1/api-keys/${id}/usage?days=${days}`);
