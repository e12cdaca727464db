import { ORGANIZATION_KINDS, ROLES, ROLES_BY_ORGANIZATION_KIND, type OrganizationKind, type Role } from '../domain/auth/roles.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  insertOrganization,
  listOrganizations as listAllOrganizations,
  updateOrganization as updateOrganizationRow,
  type OrganizationRow,
} from '../store/organizations.ts';
import { deleteUserSessions } from '../store/sessions.ts';
import { findUserByEmail, findUserById, insertUser, listUsers as listUserRows, rolesInOrganization, updateUser, type UserFilter, type UserRow } from '../store/users.ts';
import { auditActor, isAgencyStaff, type Caller } from './caller.ts';
import { badRequest, conflict, forbidden, notFound, type FieldError } from './errors.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { isMobileNetwork, MOBILE_NETWORK_IDS } from '../domain/telcos/networks.ts';

export interface OrganizationView {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  platform: string | null;
  /** For telcos: the mobile network (`viettel`, `vinaphone`, …), which routes webhooks about its numbers. */
  network: string | null;
  createdAt: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  disabled: boolean;
  createdAt: string;
}

export function organizationView(o: OrganizationRow): OrganizationView {
  return { id: o.id, slug: o.slug, name: o.name, kind: o.kind, platform: o.platform, network: o.network, createdAt: o.createdAt.toISOString() };
}

export function userView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organizationId: u.organizationId,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const PLATFORM = /^[a-z0-9_]{2,32}$/;
// Deliberately loose: the address is checked by mail delivery, this only catches typos.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewOrganizationInput {
  slug: string;
  name: string;
  kind: string;
  platform?: string | null;
  network?: string | null;
}

/** Complaints about an organization's kind, platform and network together (each only fits one kind). */
function organizationShapeErrors(kind: string, platform: string | null, network: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if (!(ORGANIZATION_KINDS as readonly string[]).includes(kind)) {
    errors.push({ field: '/kind', message: `Kind must be one of ${ORGANIZATION_KINDS.join(', ')}.` });
  }
  if (platform !== null && (kind !== 'platform' || !PLATFORM.test(platform))) {
    errors.push({ field: '/platform', message: 'Only platform organizations name a platform (2–32 of a-z, 0-9, _).' });
  }
  if (network !== null && (kind !== 'telco' || !isMobileNetwork(network))) {
    errors.push({ field: '/network', message: `Only telcos name a network, one of ${MOBILE_NETWORK_IDS.join(', ')}.` });
  }
  return errors;
}

export async function createOrganization(db: Db, caller: Caller, input: NewOrganizationInput): Promise<OrganizationView> {
  const errors: FieldError[] = [];
  if (!SLUG.test(input.slug)) errors.push({ field: '/slug', message: 'Use 1–64 lower-case letters, digits and dashes.' });
  if (!input.name.trim()) errors.push({ field: '/name', message: 'A name is required.' });
  const platform = input.platform ?? null;
  const network = input.network ?? null;
  errors.push(...organizationShapeErrors(input.kind, platform, network));
  if (errors.length) throw badRequest('The organization is not valid.', errors);

  return db.transaction(async (tx) => {
    if (await findOrganizationBySlug(tx, input.slug)) {
      throw conflict(`An organization with slug "${input.slug}" already exists.`, [{ field: '/slug', message: 'Already taken.' }]);
    }
    const row = await insertOrganization(tx, {
      slug: input.slug,
      name: input.name.trim(),
      kind: input.kind as OrganizationKind,
      platform,
      network,
    }).catch((error: unknown) => {
      // Two requests can race past the slug check above; the unique index decides.
      const constraint = uniqueViolation(error);
      if (constraint === 'organizations_slug_key') throw conflict(`An organization with slug "${input.slug}" already exists.`, [{ field: '/slug', message: 'Already taken.' }]);
      if (constraint === 'organizations_platform_key') throw conflict('That platform already has an organization.', [{ field: '/platform', message: 'Already taken.' }]);
      throw error;
    });
    const view = organizationView(row);
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'organization.created',
      subjectType: 'organization',
      subjectId: row.id,
      after: view,
    });
    return view;
  });
}

export async function getOrganization(db: Db, caller: Caller, id: string): Promise<OrganizationView> {
  const a = caller.actor;
  // Partners see only their own organization; asking for another one looks like "not found".
  const own = (a.type === 'user' || a.type === 'api_key') && a.organizationId === id;
  if (!isAgencyStaff(a) && !own) throw notFound('The organization');
  const row = await findOrganizationById(db, id);
  if (!row) throw notFound('The organization');
  return organizationView(row);
}

export async function listOrganizations(db: Db): Promise<OrganizationView[]> {
  return (await listAllOrganizations(db)).map(organizationView);
}

export interface NewUserInput {
  organizationId: string;
  email: string;
  name: string;
  role: string;
  /** When absent a password is generated and returned once. */
  password?: string;
}

export async function createUser(
  db: Db,
  caller: Caller,
  input: NewUserInput,
): Promise<{ user: UserView; password: string }> {
  const email = input.email.trim().toLowerCase();
  const errors = [];
  if (!EMAIL.test(email)) errors.push({ field: '/email', message: 'Not an e-mail address.' });
  if (!input.name.trim()) errors.push({ field: '/name', message: 'A name is required.' });
  if (!(ROLES as readonly string[]).includes(input.role)) {
    errors.push({ field: '/role', message: `Role must be one of ${ROLES.join(', ')}.` });
  }
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    errors.push({ field: '/password', message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` });
  }
  if (errors.length) throw badRequest('The user is not valid.', errors);
  const role = input.role as Role;

  const a = caller.actor;
  if (a.type === 'user' && a.role !== 'admin') {
    // A partner's administrator manages the people of their own organization only.
    if (a.role !== 'partner_admin' || a.organizationId !== input.organizationId) throw forbidden();
  } else if (a.type === 'api_key' || a.type === 'public') {
    throw forbidden();
  }

  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const organization = await findOrganizationById(tx, input.organizationId);
    if (!organization) throw badRequest('The organization does not exist.', [{ field: '/organizationId', message: 'Unknown organization.' }]);
    if (!ROLES_BY_ORGANIZATION_KIND[organization.kind].includes(role)) {
      throw badRequest(`A user of a ${organization.kind} organization cannot be ${role}.`, [
        { field: '/role', message: `Allowed: ${ROLES_BY_ORGANIZATION_KIND[organization.kind].join(', ')}.` },
      ]);
    }
    if (await findUserByEmail(tx, email)) {
      throw conflict('A user with this e-mail already exists.', [{ field: '/email', message: 'Already registered.' }]);
    }
    const row = await insertUser(tx, { organizationId: organization.id, email, name: input.name.trim(), role, passwordHash });
    const user = userView(row);
    await appendAudit(tx, { ...auditActor(caller), action: 'user.created', subjectType: 'user', subjectId: row.id, after: user });
    return { user, password };
  });
}

export async function listUsers(db: Db, caller: Caller, filter: UserFilter = {}): Promise<UserView[]> {
  const a = caller.actor;
  if (a.type === 'user' && a.role === 'admin') return (await listUserRows(db, filter)).map(userView);
  if (a.type === 'user' && a.role === 'partner_admin') {
    if (filter.organizationId && filter.organizationId !== a.organizationId) return [];
    return (await listUserRows(db, { ...filter, organizationId: a.organizationId })).map(userView);
  }
  throw forbidden();
}

/** Sets a new password (generated when not given) and signs the user out everywhere. */
export async function resetPassword(
  db: Db,
  caller: Caller,
  email: string,
  newPassword?: string,
): Promise<{ user: UserView; password: string }> {
  if (newPassword !== undefined && newPassword.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`Use at least ${MIN_PASSWORD_LENGTH} characters.`, [{ field: '/password', message: 'Too short.' }]);
  }
  const password = newPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, email.trim().toLowerCase());
    if (!existing) throw notFound(`The user ${email}`);
    const row = await updateUser(tx, existing.id, { passwordHash, failedSignIns: 0, lockedUntil: null });
    const ended = await deleteUserSessions(tx, existing.id);
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: existing.id,
      after: { sessionsEnded: ended },
    });
    return { user: userView(row!), password };
  });
}

export async function setUserDisabled(db: Db, caller: Caller, userId: string, disabled: boolean): Promise<UserView> {
  return changeUser(db, caller, userId, { disabled });
}

export interface UserChange {
  disabled?: boolean;
  role?: string;
}

/** The user, when the caller may manage them: admins anyone, a partner's administrator their own organization's people. */
async function manageableUser(db: Db, caller: Caller, userId: string): Promise<UserRow> {
  const existing = await findUserById(db, userId);
  const a = caller.actor;
  const mayManage =
    a.type === 'user' && (a.role === 'admin' || (a.role === 'partner_admin' && existing?.organizationId === a.organizationId));
  if (!existing || !mayManage) throw notFound('The user');
  return existing;
}

/**
 * Changes a user's role and/or disables or enables them, in one audited step. Either change
 * ends the user's sessions (a changed role takes effect at the next sign-in; a disabled user
 * is out at once). Nobody changes or disables their own account, so an administrator cannot
 * lock everyone out by mistake.
 */
export async function changeUser(db: Db, caller: Caller, userId: string, change: UserChange): Promise<UserView> {
  if (change.disabled === undefined && change.role === undefined) {
    throw badRequest('Nothing to change: give `role` or `disabled`.', [{ field: '/role', message: 'Give a role or disabled.' }]);
  }
  if (change.role !== undefined && !(ROLES as readonly string[]).includes(change.role)) {
    throw badRequest('The role is not valid.', [{ field: '/role', message: `Role must be one of ${ROLES.join(', ')}.` }]);
  }
  return db.transaction(async (tx) => {
    const existing = await manageableUser(tx, caller, userId);
    const a = caller.actor;
    const self = a.type === 'user' && a.userId === userId;
    if (self && change.disabled === true) throw badRequest('You cannot disable your own account.', [{ field: '/disabled', message: 'Not your own account.' }]);
    if (self && change.role !== undefined && change.role !== existing.role) {
      throw badRequest('You cannot change your own role.', [{ field: '/role', message: 'Ask another administrator.' }]);
    }
    const role = (change.role ?? existing.role) as Role;
    if (role !== existing.role) {
      const organization = await findOrganizationById(tx, existing.organizationId);
      const allowed = organization ? ROLES_BY_ORGANIZATION_KIND[organization.kind] : [];
      if (!allowed.includes(role)) {
        throw badRequest(`A user of a ${organization?.kind ?? 'unknown'} organization cannot be ${role}.`, [{ field: '/role', message: `Allowed: ${allowed.join(', ')}.` }]);
      }
    }
    const disabledAt = change.disabled === undefined ? existing.disabledAt : change.disabled ? (existing.disabledAt ?? new Date()) : null;
    const row = await updateUser(tx, userId, { role, disabledAt });
    const roleChanged = role !== existing.role;
    const disabledChanged = (disabledAt === null) !== (existing.disabledAt === null);
    if (!roleChanged && !disabledChanged) return userView(row!);
    const sessionsEnded = await deleteUserSessions(tx, userId);
    const action = roleChanged ? 'user.role_changed' : disabledAt ? 'user.disabled' : 'user.enabled';
    await appendAudit(tx, {
      ...auditActor(caller),
      action,
      subjectType: 'user',
      subjectId: userId,
      before: userView(existing),
      after: { ...userView(row!), sessionsEnded },
    });
    return userView(row!);
  });
}

/** Ends every session of a user ("sign out everywhere", for someone else); returns how many ended. */
export async function signOutUserEverywhere(db: Db, caller: Caller, userId: string): Promise<{ sessionsEnded: number }> {
  return db.transaction(async (tx) => {
    await manageableUser(tx, caller, userId);
    const sessionsEnded = await deleteUserSessions(tx, userId);
    await appendAudit(tx, { ...auditActor(caller), action: 'user.signed_out_everywhere', subjectType: 'user', subjectId: userId, after: { sessionsEnded } });
    return { sessionsEnded };
  });
}

/** A new generated password for a user, shown once; their sessions end and a lock-out is lifted. */
export async function resetUserPassword(db: Db, caller: Caller, userId: string): Promise<{ user: UserView; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await manageableUser(tx, caller, userId);
    const row = await updateUser(tx, userId, { passwordHash, failedSignIns: 0, lockedUntil: null });
    const sessionsEnded = await deleteUserSessions(tx, userId);
    await appendAudit(tx, { ...auditActor(caller), action: 'user.password_reset', subjectType: 'user', subjectId: userId, after: { sessionsEnded } });
    return { user: userView(row!), password };
  });
}

export interface OrganizationChange {
  name?: string;
  kind?: string;
  platform?: string | null;
  network?: string | null;
}

/**
 * Edits an organization's name, kind, platform or mobile network (the slug is its stable
 * name in URLs and the CLI, so it stays). A new kind must fit every role its users hold, and
 * platform and network must fit the resulting kind.
 */
export async function updateOrganization(db: Db, caller: Caller, id: string, change: OrganizationChange): Promise<OrganizationView> {
  return db.transaction(async (tx) => {
    const existing = await findOrganizationById(tx, id);
    if (!existing) throw notFound('The organization');
    const kind = change.kind ?? existing.kind;
    // Leaving the platform or telco kind drops what only that kind names, unless it is given again.
    const platform = change.platform !== undefined ? change.platform : kind === 'platform' ? existing.platform : null;
    const network = change.network !== undefined ? change.network : kind === 'telco' ? existing.network : null;
    const errors: FieldError[] = [];
    if (change.name !== undefined && !change.name.trim()) errors.push({ field: '/name', message: 'A name is required.' });
    errors.push(...organizationShapeErrors(kind, platform, network));
    if (errors.length) throw badRequest('The organization is not valid.', errors);
    if (kind !== existing.kind) {
      if (existing.kind === 'agency') throw badRequest('The agency stays the agency.', [{ field: '/kind', message: 'The agency’s kind cannot change.' }]);
      const misfits = (await rolesInOrganization(tx, id)).filter((r) => !ROLES_BY_ORGANIZATION_KIND[kind as OrganizationKind].includes(r));
      if (misfits.length) {
        throw conflict(`Users of this organization hold roles a ${kind} organization cannot have: ${misfits.join(', ')}.`, [
          { field: '/kind', message: `Change those users’ roles first (${misfits.join(', ')}).` },
        ]);
      }
    }
    const row = await updateOrganizationRow(tx, id, { name: change.name?.trim() ?? existing.name, kind: kind as OrganizationKind, platform, network }).catch((error: unknown) => {
      if (uniqueViolation(error) === 'organizations_platform_key') throw conflict('That platform already has an organization.', [{ field: '/platform', message: 'Already taken.' }]);
      throw error;
    });
    const view = organizationView(row!);
    await appendAudit(tx, { ...auditActor(caller), action: 'organization.updated', subjectType: 'organization', subjectId: id, before: organizationView(existing), after: view });
    return view;
  });
}

/** The name of the unique constraint a database error violated, or null for any other error. */
function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : null;
  return pgError ? (pgError.constraint ?? 'unknown') : null;
}
