import { api } from './client.ts';

export const ROLES = ['admin', 'supervisor', 'analyst', 'platform_operator', 'partner_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['agency', 'platform', 'bank', 'telco', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  /** For a platform organization, which platform it runs (e.g. "facebook"); else null. */
  platform?: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: Organization;
}

/** What sign-in and /auth/me answer: the user and the CSRF token for this session. */
export interface Session {
  user: User;
  csrfToken: string;
}

/** What /auth/session answers: the session, or no user for an anonymous visitor (not a 401). */
export type SessionCheck = Session | { user: null };

export interface Credentials {
  email: string;
  password: string;
}

export const authApi = {
  signIn: (credentials: Credentials) =>
    api.post<Session>('/api/v1/auth/sign-in', credentials, { ignoreUnauthorized: true }),
  me: (signal?: AbortSignal) => api.get<Session>('/api/v1/auth/me', { signal, ignoreUnauthorized: true }),
  session: (signal?: AbortSignal) =>
    api.get<SessionCheck>('/api/v1/auth/session', { signal, ignoreUnauthorized: true }),
  signOut: () => api.post<void>('/api/v1/auth/sign-out', undefined, { ignoreUnauthorized: true }),
  signOutEverywhere: () =>
    api.post<void>('/api/v1/auth/sign-out-everywhere', undefined, { ignoreUnauthorized: true }),
};
