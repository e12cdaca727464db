import { nextState, type CaseEvent } from '../domain/cases/state-machine.ts';
import { appendAudit } from '../store/audit-log.ts';
import { appendCaseEvent, lockCase, type CaseEventRow, type CaseRow, type CaseStatusPatch } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { auditActor, type Caller } from './caller.ts';
import { eventActor } from './case-intake.ts';
import { syncCaseReports, type Words } from './case-report-status.ts';
import { AppError, notFound } from './errors.ts';

/** 409 naming the case's current state and the events it accepts. */
export function transitionRefused(row: CaseRow, event: CaseEvent): AppError {
  const t = nextState(row.status, event);
  const allowed = t.ok ? [] : t.allowed;
  return new AppError(409, 'case_transition_refused', `Case ${row.reference} is ${row.status}; it does not accept "${event}". It accepts: ${allowed.join(', ') || 'nothing'}.`, [
    { field: '/status', message: `Current state: ${row.status}. Allowed events: ${allowed.join(', ') || 'none'}.`, code: row.status },
  ]);
}

export interface RecordedEvent {
  before: CaseRow;
  row: CaseRow;
  event: CaseEventRow;
}

/**
 * The one way a case changes after intake: locks the case, asks the state machine, appends the
 * event with the derived status in the same transaction, writes the audit record and moves the
 * reports' public status along. Escalations and disputes record their events through it too.
 * `check` runs on the locked row before anything is written (permissions that depend on it).
 */
export async function recordCaseEvent(
  tx: Db,
  caller: Caller,
  caseId: string,
  type: CaseEvent,
  payload: Record<string, unknown>,
  options: { patch?: CaseStatusPatch; check?: (row: CaseRow) => void; outcome?: Words | null; locked?: CaseRow } = {},
): Promise<RecordedEvent> {
  const before = options.locked ?? (await lockCase(tx, caseId));
  if (!before) throw notFound('The case');
  const t = nextState(before.status, type);
  if (!t.ok) throw transitionRefused(before, type);
  options.check?.(before);
  const { event, row } = await appendCaseEvent(tx, caseId, { ...eventActor(caller), type, payload }, { ...options.patch, status: t.state });
  await appendAudit(tx, {
    ...auditActor(caller),
    action: `case.${type}`,
    subjectType: 'case',
    subjectId: caseId,
    before: { status: before.status, priority: before.priority, assigneeUserId: before.assigneeUserId },
    after: { status: row.status, priority: row.priority, assigneeUserId: row.assigneeUserId, eventId: event.id, payload },
  });
  if (row.status !== before.status || options.outcome) await syncCaseReports(tx, caller, caseId, row.status, options.outcome);
  return { before, row, event };
}
