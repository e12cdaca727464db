import type { Scope } from '../domain/auth/access.ts';
import type { OrganizationKind, Role } from '../domain/auth/roles.ts';
import type { AuditEntry } from '../store/audit-log.ts';

/** Who is making a call: a signed-in user, an organization's API key, the system, or the public. */
export type Actor =
  | {
      type: 'user';
      userId: string;
      email: string;
      role: Role;
      organizationId: string;
      organizationKind: OrganizationKind;
      platform: string | null;
    }
  | {
      type: 'api_key';
      apiKeyId: string;
      scopes: readonly Scope[];
      organizationId: string;
      organizationKind: OrganizationKind;
      platform: string | null;
    }
  | { type: 'system'; label: string }
  | { type: 'public' };

/** The actor plus the request it acts in, for audit records. */
export interface Caller {
  actor: Actor;
  requestId: string | null;
}

export function systemCaller(label: string): Caller {
  return { actor: { type: 'system', label }, requestId: null };
}

/** The actor fields of an audit record. */
export function auditActor(caller: Caller): Pick<AuditEntry, 'actorType' | 'actorId' | 'organizationId' | 'requestId'> {
  const a = caller.actor;
  switch (a.type) {
    case 'user':
      return { actorType: 'user', actorId: a.userId, organizationId: a.organizationId, requestId: caller.requestId };
    case 'api_key':
      return { actorType: 'api_key', actorId: a.apiKeyId, organizationId: a.organizationId, requestId: caller.requestId };
    case 'system':
      return { actorType: 'system', actorId: a.label, organizationId: null, requestId: caller.requestId };
    case 'public':
      return { actorType: 'public', actorId: null, organizationId: null, requestId: caller.requestId };
  }
}

export function isAgencyStaff(actor: Actor): boolean {
  return actor.type === 'user' && actor.organizationKind === 'agency';
}
