import { nextState } from '../domain/cases/state-machine.ts';
import { appendAudit } from '../store/audit-log.ts';
import { appendCaseEvent, lockCase, moveCaseIndicators, moveCaseReports } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { transactionRetryingDeadlocks } from '../store/deadlock-retry.ts';
import { findUserWithOrganization } from '../store/users.ts';
import { auditActor, type Caller } from './caller.ts';
import { eventActor } from './case-intake.ts';
import { caseView, type CaseView } from './case-queue.ts';
import { syncCaseReports } from './case-report-status.ts';
import { recordCaseEvent, transitionRefused } from './case-transition.ts';
import { badRequest, forbidden, notFound } from './errors.ts';

/**
 * The analysts' actions on a case. Each runs in one transaction: the case event with the
 * derived status, the audit record and the side effects (reports' public status, moves).
 */

const SUPERVISING_ROLES = ['supervisor', 'admin'];

function isSupervisor(caller: Caller): boolean {
  return caller.actor.type === 'user' && SUPERVISING_ROLES.includes(caller.actor.role);
}

export async function triageCase(db: Db, caller: Caller, caseId: string, input: { priority?: number; category?: string; note?: string }): Promise<CaseView> {
  return transactionRetryingDeadlocks(db, async (tx) => {
    const { row } = await recordCaseEvent(tx, caller, caseId, 'triaged', { priority: input.priority ?? null, category: input.category ?? null, note: input.note ?? null }, {
      patch: { ...(input.priority !== undefined ? { priority: input.priority } : {}), ...(input.category ? { category: input.category } : {}) },
    });
    return caseView(row);
  });
}

/** Supervisors assign anyone at the agency (or nobody); analysts may only take an unassigned case themselves. */
export async function assignCase(db: Db, caller: Caller, caseId: string, input: { assigneeUserId: string | null }): Promise<CaseView> {
  const a = caller.actor;
  if (a.type !== 'user') throw forbidden();
  if (!isSupervisor(caller) && input.assigneeUserId !== a.userId) throw forbidden('Analysts may take a case themselves; a supervisor assigns it to someone else.');
  return transactionRetryingDeadlocks(db, async (tx) => {
    if (input.assigneeUserId) {
      const found = await findUserWithOrganization(tx, input.assigneeUserId);
      const ok = found && !found.user.disabledAt && found.organization.kind === 'agency' && ['analyst', 'supervisor'].includes(found.user.role);
      if (!ok) throw badRequest('The assignee must be an active analyst or supervisor of the agency.', [{ field: '/assigneeUserId', message: 'Not an active analyst or supervisor.' }]);
    }
    const { row } = await recordCaseEvent(tx, caller, caseId, 'assigned', { assigneeUserId: input.assigneeUserId }, {
      patch: { assigneeUserId: input.assigneeUserId },
      // Taking a colleague's case is a supervisor's call, not a race between analysts.
      check: (locked) => {
        if (!isSupervisor(caller) && locked.assigneeUserId && locked.assigneeUserId !== a.userId) throw forbidden('The case is assigned to someone else; a supervisor reassigns it.');
      },
    });
    return caseView(row);
  });
}

export async function commentOnCase(db: Db, caller: Caller, caseId: string, input: { text: string }): Promise<CaseView> {
  const text = input.text.trim();
  if (!text) throw badRequest('The comment is empty.', [{ field: '/text', message: 'Write something.' }]);
  return transactionRetryingDeadlocks(db, async (tx) => caseView((await recordCaseEvent(tx, caller, caseId, 'commented', { text })).row));
}

export async function setCasePriority(db: Db, caller: Caller, caseId: string, input: { priority: number; note?: string }): Promise<CaseView> {
  return transactionRetryingDeadlocks(db, async (tx) =>
    caseView((await recordCaseEvent(tx, caller, caseId, 'priority_set', { priority: input.priority, note: input.note ?? null }, { patch: { priority: input.priority } })).row),
  );
}

/** Back to the analysts (as triaged); what reporters were told is not taken back. */
export async function reopenCase(db: Db, caller: Caller, caseId: string, input: { reason: string }): Promise<CaseView> {
  return transactionRetryingDeadlocks(db, async (tx) => caseView((await recordCaseEvent(tx, caller, caseId, 'reopened', { reason: input.reason })).row));
}

export async function closeCase(db: Db, caller: Caller, caseId: string, input: { note?: string; outcome?: { vi: string; en: string } }): Promise<CaseView> {
  return transactionRetryingDeadlocks(db, async (tx) =>
    caseView((await recordCaseEvent(tx, caller, caseId, 'closed', { note: input.note ?? null, outcome: input.outcome ?? null }, { outcome: input.outcome ?? null })).row),
  );
}

/**
 * Merges `sourceId` into `targetId`: the source becomes `merged` and points at the target, its
 * reports and indicators move, the counters follow, and both cases get an event.
 */
export async function mergeCases(db: Db, caller: Caller, targetId: string, input: { sourceCaseId: string; reason: string }): Promise<{ target: CaseView; merged: CaseView }> {
  if (input.sourceCaseId === targetId) throw badRequest('A case cannot be merged into itself.', [{ field: '/sourceCaseId', message: 'Name another case.' }]);
  return transactionRetryingDeadlocks(db, async (tx) => {
    // Lock both in id order, so two merges of the same pair in opposite directions cannot deadlock.
    const [firstId, secondId] = [targetId, input.sourceCaseId].sort() as [string, string];
    const first = await lockCase(tx, firstId);
    const second = await lockCase(tx, secondId);
    const target = firstId === targetId ? first : second;
    const source = firstId === targetId ? second : first;
    if (!target) throw notFound('The case');
    if (!source) throw notFound('The case to merge');
    if (!nextState(target.status, 'merge_received').ok) throw transitionRefused(target, 'merge_received');
    if (!nextState(source.status, 'merged').ok) throw transitionRefused(source, 'merged');

    const reportIds = await moveCaseReports(tx, source.id, target.id);
    const indicatorIds = await moveCaseIndicators(tx, source.id, target.id);
    const actor = eventActor(caller);
    const merged = await appendCaseEvent(
      tx,
      source.id,
      { ...actor, type: 'merged', payload: { intoCaseId: target.id, intoReference: target.reference, reason: input.reason, reportIds } },
      { status: 'merged', mergedIntoCaseId: target.id, assigneeUserId: null, addReports: -source.reportCount, addAmountLostVnd: -source.amountLostVnd },
    );
    const received = await appendCaseEvent(
      tx,
      target.id,
      { ...actor, type: 'merge_received', payload: { fromCaseId: source.id, fromReference: source.reference, reason: input.reason, reportIds, indicatorIds } },
      { addReports: source.reportCount, addAmountLostVnd: source.amountLostVnd },
    );
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'case.merged',
      subjectType: 'case',
      subjectId: source.id,
      before: { status: source.status, reportCount: source.reportCount },
      after: { status: 'merged', intoCaseId: target.id, movedReports: reportIds, movedIndicators: indicatorIds, reason: input.reason },
    });
    // The moved reports now follow the target's progress.
    await syncCaseReports(tx, caller, target.id, received.row.status);
    return { target: caseView(received.row), merged: caseView(merged.row) };
  });
}
