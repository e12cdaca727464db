import { listAssignees as listAssigneeRows, type AssigneeRow } from '../store/assignees.ts';
import type { Db } from '../store/connection.ts';
import type { Caller } from './caller.ts';
import { forbidden } from './errors.ts';

/** The roles a case can be assigned to (the rule `assignCase` enforces). */
export const ASSIGNABLE_ROLES = ['analyst', 'supervisor'] as const;

/**
 * The agency's people a case can be assigned to, for the assign-by-name pickers: name, role
 * and how many unfinished cases they hold. No e-mail addresses or other contact details: the
 * picker does not need them and analysts call this too.
 */
export async function listAssignees(db: Db, caller: Caller): Promise<{ items: AssigneeRow[] }> {
  if (caller.actor.type !== 'user' || caller.actor.organizationKind !== 'agency') throw forbidden('Only the agency\'s staff see its people.');
  return { items: await listAssigneeRows(db, ASSIGNABLE_ROLES) };
}
