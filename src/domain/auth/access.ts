import type { Role } from './roles.ts';

/**
 * What an API key may be granted. A key belongs to an organization; the scopes say which
 * partner functions it can call.
 */
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

export const AGENCY_ROLES: readonly Role[] = ['admin', 'supervisor', 'analyst'];

/**
 * Every route declares who may call it. `public` routes need no credentials; otherwise the
 * caller must be a signed-in user with one of `roles`, or an API key with one of `scopes`.
 */
export type AccessRule = { public: true } | { roles?: readonly Role[]; scopes?: readonly Scope[] };
