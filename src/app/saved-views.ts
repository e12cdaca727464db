import type { CaseState } from '../domain/cases/state-machine.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { CaseSort } from '../store/case-queue.ts';
import type { Db } from '../store/connection.ts';
import {
  countSavedViewsOf,
  deleteSavedView as deleteSavedViewRow,
  findSavedViewByName,
  insertSavedView,
  listVisibleSavedViews,
  lockSavedView,
  updateSavedView,
  type SavedViewRow,
} from '../store/saved-views.ts';
import { auditActor, type Caller } from './caller.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from './errors.ts';

/** The queue's filters and sort as a view stores them (the same names as `GET /api/v1/cases`). */
export interface SavedViewFilters {
  status?: CaseState[];
  category?: string;
  priority?: number;
  minRisk?: number;
  coordinated?: boolean;
  assignee?: string;
  escalationDue?: boolean;
  sort?: CaseSort;
}

export interface SavedView {
  id: string;
  name: string;
  filters: SavedViewFilters;
  shared: boolean;
  owner: { id: string; name: string };
  /** The caller owns it. */
  mine: boolean;
  /** The caller may rename or delete it (its owner, or a supervisor for a shared view). */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Enough for every routine a person keeps; more is a list nobody reads. */
export const MAX_VIEWS_PER_USER = 50;
const SUPERVISING_ROLES: readonly string[] = ['supervisor', 'admin'];

type StaffUser = { userId: string; role: string; organizationId: string };

function staffUser(caller: Caller): StaffUser {
  const a = caller.actor;
  if (a.type !== 'user' || a.organizationKind !== 'agency') throw forbidden('Saved views belong to the agency\'s staff.');
  return { userId: a.userId, role: a.role, organizationId: a.organizationId };
}

const supervises = (user: StaffUser) => SUPERVISING_ROLES.includes(user.role);
const canEdit = (user: StaffUser, view: SavedViewRow) => view.ownerUserId === user.userId || (view.shared && view.organizationId === user.organizationId && supervises(user));
const visible = (user: StaffUser, view: SavedViewRow) => view.ownerUserId === user.userId || (view.shared && view.organizationId === user.organizationId);

function viewOf(user: StaffUser, row: SavedViewRow, ownerName: string): SavedView {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters as SavedViewFilters,
    shared: row.shared,
    owner: { id: row.ownerUserId, name: ownerName },
    mine: row.ownerUserId === user.userId,
    editable: canEdit(user, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Names compare as people read them: trimmed, inner runs of spaces as one, Unicode NFC. */
function cleanName(name: string): string {
  const cleaned = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (cleaned.length < 1 || cleaned.length > 80) throw badRequest('The view needs a name of 1 to 80 characters.', [{ field: '/name', message: 'Between 1 and 80 characters.' }]);
  return cleaned;
}

/** Drops empty values so that two views with the same effect store the same filters. */
function cleanFilters(filters: SavedViewFilters): SavedViewFilters {
  const out: SavedViewFilters = {};
  if (filters.status?.length) out.status = [...new Set(filters.status)].sort();
  if (filters.category) out.category = filters.category;
  if (filters.priority !== undefined) out.priority = filters.priority;
  if (filters.minRisk !== undefined) out.minRisk = filters.minRisk;
  if (filters.coordinated !== undefined) out.coordinated = filters.coordinated;
  if (filters.assignee) out.assignee = filters.assignee;
  if (filters.escalationDue !== undefined) out.escalationDue = filters.escalationDue;
  out.sort = filters.sort ?? 'updated';
  return out;
}

function refuseSharing(user: StaffUser, shared: boolean | undefined): void {
  if (shared && !supervises(user)) throw forbidden('Only supervisors share views with the agency.');
}

function violatedConstraint(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : null;
  return pgError ? (pgError.constraint ?? 'unknown') : null;
}

export async function listSavedViews(db: Db, caller: Caller): Promise<{ items: SavedView[] }> {
  const user = staffUser(caller);
  const rows = await listVisibleSavedViews(db, user.userId, user.organizationId);
  return { items: rows.map((r) => viewOf(user, r, r.ownerName)) };
}

async function refuseTakenName(db: Db, ownerUserId: string, name: string, exceptId?: string): Promise<void> {
  const taken = await findSavedViewByName(db, ownerUserId, name);
  if (taken && taken.id !== exceptId) throw conflict(`A view named "${name}" exists already.`, [{ field: '/name', message: 'Already used for another view.' }]);
}

export async function createSavedView(db: Db, caller: Caller, input: { name: string; filters: SavedViewFilters; shared?: boolean }): Promise<SavedView> {
  const user = staffUser(caller);
  const name = cleanName(input.name);
  refuseSharing(user, input.shared);
  const filters = cleanFilters(input.filters);
  return db.transaction(async (tx) => {
    await refuseTakenName(tx, user.userId, name);
    if ((await countSavedViewsOf(tx, user.userId)) >= MAX_VIEWS_PER_USER) throw unprocessable(`A person keeps at most ${MAX_VIEWS_PER_USER} views; delete one first.`);
    const row = await insertSavedView(tx, { ownerUserId: user.userId, organizationId: user.organizationId, name, filters: filters as Record<string, unknown>, shared: input.shared ?? false }).catch((error: unknown) => {
      // Two requests can race past the name check above; the unique index decides.
      if (violatedConstraint(error) === 'saved_views_owner_name_key') throw conflict(`A view named "${name}" exists already.`, [{ field: '/name', message: 'Already used for another view.' }]);
      throw error;
    });
    await appendAudit(tx, { ...auditActor(caller), action: 'saved_view.created', subjectType: 'saved_view', subjectId: row.id, before: null, after: { name, filters, shared: row.shared } });
    const owner = await lockSavedView(tx, row.id);
    return viewOf(user, row, owner!.ownerName);
  });
}

/** The view if the caller may change it: 404 when they cannot see it, 403 when they see but may not change it. */
async function editableView(db: Db, user: StaffUser, id: string) {
  const view = await lockSavedView(db, id);
  if (!view || !visible(user, view)) throw notFound('The view');
  if (!canEdit(user, view)) throw forbidden('Only its owner, or a supervisor for a shared view, changes it.');
  return view;
}

export async function changeSavedView(db: Db, caller: Caller, id: string, input: { name?: string; shared?: boolean }): Promise<SavedView> {
  const user = staffUser(caller);
  const name = input.name === undefined ? undefined : cleanName(input.name);
  if (name === undefined && input.shared === undefined) throw badRequest('Nothing to change.', [{ field: '/name', message: 'Give a new name or the sharing.' }]);
  return db.transaction(async (tx) => {
    const view = await editableView(tx, user, id);
    if (input.shared !== undefined && input.shared !== view.shared && !supervises(user)) throw forbidden('Only supervisors share views with the agency.');
    if (name !== undefined) await refuseTakenName(tx, view.ownerUserId, name, view.id);
    const row = await updateSavedView(tx, id, { ...(name !== undefined ? { name } : {}), ...(input.shared !== undefined ? { shared: input.shared } : {}) });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'saved_view.changed',
      subjectType: 'saved_view',
      subjectId: id,
      before: { name: view.name, shared: view.shared },
      after: { name: row.name, shared: row.shared },
    });
    return viewOf(user, row, view.ownerName);
  });
}

export async function deleteSavedView(db: Db, caller: Caller, id: string): Promise<void> {
  const user = staffUser(caller);
  await db.transaction(async (tx) => {
    const view = await editableView(tx, user, id);
    await deleteSavedViewRow(tx, id);
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'saved_view.deleted',
      subjectType: 'saved_view',
      subjectId: id,
      before: { name: view.name, filters: view.filters, shared: view.shared, ownerUserId: view.ownerUserId },
      after: null,
    });
  });
}
