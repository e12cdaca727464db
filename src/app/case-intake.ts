import { JOINABLE_STATES, nextState } from '../domain/cases/state-machine.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  addCaseIndicators,
  appendCaseEvent,
  findCaseSharingIndicators,
  insertCase,
  lockCase,
  lockIndicatorsForJoining,
  nextCaseReference,
  setReportCase,
  type CaseEventInput,
} from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { auditActor, type Caller } from './caller.ts';
import { reportStatusForCase } from './case-report-status.ts';
import { reportStatusChanged } from './report-status.ts';
import { notFound } from './errors.ts';

export interface AttachReportInput {
  reportId: string;
  /** The report's indicators (ids of `indicators` rows); may be empty. */
  indicatorIds: readonly string[];
  category: string;
  amountLostVnd: number | null;
}

/** The event's actor columns, from the same caller the audit record names. */
export function eventActor(caller: Caller): Pick<CaseEventInput, 'actorType' | 'actorId' | 'organizationId'> {
  const a = auditActor(caller);
  return { actorType: a.actorType, actorId: a.actorId ?? null, organizationId: a.organizationId ?? null };
}

/**
 * Puts a freshly stored report into a case, inside the intake transaction `tx`: the oldest open
 * case that shares an identifier with the report, or a new one. Joining is serialised per
 * identifier (transaction-scoped advisory locks), so two reports naming the same new
 * identifier at once open one case, not two.
 */
export async function attachReportToCase(tx: Db, caller: Caller, input: AttachReportInput): Promise<{ caseId: string; created: boolean }> {
  const indicatorIds = [...new Set(input.indicatorIds)];
  await lockIndicatorsForJoining(tx, indicatorIds);
  const actor = eventActor(caller);
  const amount = input.amountLostVnd && input.amountLostVnd > 0 ? input.amountLostVnd : 0;

  // The search ran before the row lock: a case that left the joinable states since is skipped.
  const shared = await findCaseSharingIndicators(tx, indicatorIds, JOINABLE_STATES);
  const locked = shared ? await lockCase(tx, shared.id) : undefined;
  let target = locked && nextState(locked.status, 'report_added').ok ? locked : undefined;
  const created = !target;
  if (!target) {
    const row = await insertCase(tx, { reference: await nextCaseReference(tx, new Date()), category: input.category });
    target = (await appendCaseEvent(tx, row.id, { ...actor, type: 'created', payload: { category: input.category, reportId: input.reportId } }, { status: 'new' })).row;
  }
  const caseId = target.id;
  const added = await addCaseIndicators(tx, caseId, indicatorIds);
  if (!(await setReportCase(tx, input.reportId, caseId))) throw notFound('The report');
  await appendCaseEvent(
    tx,
    caseId,
    { ...actor, type: 'report_added', payload: { reportId: input.reportId, indicatorIds: added, amountLostVnd: amount } },
    { addReports: 1, addAmountLostVnd: amount },
  );
  await appendAudit(tx, {
    ...auditActor(caller),
    action: created ? 'case.created' : 'case.report_added',
    subjectType: 'case',
    subjectId: caseId,
    after: { reference: target.reference, reportId: input.reportId, addedIndicatorIds: added },
  });
  // A report joining a case already under review or verified tells its reporter so at once.
  const status = created ? null : reportStatusForCase(target.status);
  if (status) await reportStatusChanged(tx, { reportId: input.reportId }, status);
  return { caseId, created };
}
