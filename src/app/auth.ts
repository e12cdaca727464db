import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { OrganizationKind, Role } from '../domain/auth/roles.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { deleteSession, deleteUserSessions, findLiveSession, insertSession, touchSession } from '../store/sessions.ts';
import { clearFailedSignIns, findUserByEmail, findUserWithOrganization, recordFailedSignIn } from '../store/users.ts';
import { auditActor, type Actor, type Caller } from './caller.ts';
import { tooManyRequests, unauthorized } from './errors.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';

export interface SignInPolicy {
  maxFailures: number;
  lockMs: number;
  sessionTtlMs: number;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: { id: string; name: string; kind: OrganizationKind; platform: string | null };
}

export interface SignedIn {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string | null; userAgent: string | null; requestId: string | null },
  policy: SignInPolicy,
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(db, email);
  if (!user) {
    // Spend the same time as a real check, so the answer's timing does not reveal accounts.
    await verifyPassword(await decoyPasswordHash(), input.password);
    throw unauthorized('The e-mail or password is wrong.');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    const seconds = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000);
    throw tooManyRequests('Too many failed sign-ins: this account is locked for a while.', seconds);
  }
  const valid = await verifyPassword(user.passwordHash, input.password);
  if (!valid || user.disabledAt) {
    await db.transaction(async (tx) => {
      await recordFailedSignIn(tx, user.id, policy.maxFailures, policy.lockMs);
      await appendAudit(tx, {
        actorType: 'public',
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: user.id,
        after: { ip: input.ip, reason: user.disabledAt ? 'disabled' : 'wrong_password' },
        requestId: input.requestId,
      });
    });
    throw unauthorized('The e-mail or password is wrong.');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + policy.sessionTtlMs);
  const found = await db.transaction(async (tx) => {
    await clearFailedSignIns(tx, user.id);
    await insertSession(tx, { id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt, ip: input.ip, userAgent: input.userAgent });
    const withOrg = await findUserWithOrganization(tx, user.id);
    await appendAudit(tx, {
      actorType: 'user',
      actorId: user.id,
      organizationId: user.organizationId,
      action: 'auth.signed_in',
      subjectType: 'user',
      subjectId: user.id,
      after: { ip: input.ip },
      requestId: input.requestId,
    });
    return withOrg!;
  });
  return { token, csrfToken, expiresAt, user: sessionUser(found.user, found.organization) };
}

function sessionUser(
  user: { id: string; email: string; name: string; role: Role },
  organization: { id: string; name: string; kind: OrganizationKind; platform: string | null },
): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organization: { id: organization.id, name: organization.name, kind: organization.kind, platform: organization.platform },
  };
}

export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
  actor: Actor;
}

const TOUCH_EVERY_MS = 60_000;

/** The session behind a cookie token, or null when it is unknown, expired or its user disabled. */
export async function sessionFromToken(db: Db, token: string): Promise<ActiveSession | null> {
  const sessionId = sessionIdOf(token);
  const session = await findLiveSession(db, sessionId);
  if (!session) return null;
  const found = await findUserWithOrganization(db, session.userId);
  if (!found || found.user.disabledAt) return null;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, sessionId);
  const { user, organization } = found;
  return {
    sessionId,
    csrfToken: session.csrfToken,
    user: sessionUser(user, organization),
    actor: {
      type: 'user',
      userId: user.id,
      email: user.email,
      role: user.role,
      organizationId: organization.id,
      organizationKind: organization.kind,
      platform: organization.platform,
    },
  };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function signOut(db: Db, caller: Caller, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await appendAudit(tx, { ...auditActor(caller), action: 'auth.signed_out', subjectType: 'session', subjectId: null });
  });
}

export async function signOutEverywhere(db: Db, caller: Caller, userId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await deleteUserSessions(tx, userId);
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'auth.signed_out_everywhere',
      subjectType: 'user',
      subjectId: userId,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}
