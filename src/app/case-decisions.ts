import { recordCaseOutcomeForReporters } from '../store/reputation.ts';
import { nextState } from '../domain/cases/state-machine.ts';
import { validateReasons, type ReasonsInput, type StatementOfReasons } from '../domain/indicators/statement-of-reasons.ts';
import type { Verdict } from '../domain/indicators/verdicts.ts';
import { listCaseIndicatorIds, lockCase } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { transactionRetryingDeadlocks } from '../store/deadlock-retry.ts';
import { addSourceContribution, lockIndicator, type IndicatorRow } from '../store/indicators.ts';
import type { Caller } from './caller.ts';
import { caseView, type CaseView } from './case-queue.ts';
import { recordCaseEvent, transitionRefused } from './case-transition.ts';
import { badRequest, notFound } from './errors.ts';
import { changeVerdict, decidedByOf, type IndicatorPolicy } from './indicators.ts';

export interface IndicatorOutcome {
  indicatorId: string;
  indicator: string;
  from: Verdict;
  to: Verdict;
  /** Why the verdict was left as it was, when it was. */
  skipped: string | null;
}

export interface DecisionResult {
  case: CaseView;
  indicators: IndicatorOutcome[];
}

function reasonsOrThrow(caller: Caller, reasons: ReasonsInput | undefined): StatementOfReasons {
  const checked = validateReasons(reasons, decidedByOf(caller));
  if (!checked.ok) throw badRequest('The statement of reasons is incomplete.', checked.errors);
  return checked.value;
}

/** The statement as kept in the case event (the decider is the event's actor). */
function reasonsPayload(r: StatementOfReasons) {
  return { ground: r.ground, legalBasis: r.legalBasis, evidence: r.evidence, sourceType: r.sourceType, explanation: r.explanation, endsAt: r.endsAt?.toISOString() ?? null };
}

/**
 * Locks the case's indicators (in canonical-string order), then the case, as intake does
 * (indicator rows in that order, then the case it joins): the same order everywhere keeps a
 * verification and an incoming report from waiting on each other in a circle. An indicator that joined between the read and the case lock is
 * locked too.
 */
async function lockCaseAndIndicators(tx: Db, caseId: string, event: 'verified' | 'rejected') {
  const indicators = new Map<string, IndicatorRow>();
  const lockAll = async (ids: string[]) => {
    for (const id of ids) if (!indicators.has(id)) indicators.set(id, (await lockIndicator(tx, id))!);
  };
  await lockAll(await listCaseIndicatorIds(tx, caseId));
  const row = await lockCase(tx, caseId);
  if (!row) throw notFound('The case');
  if (!nextState(row.status, event).ok) throw transitionRefused(row, event);
  await lockAll(await listCaseIndicatorIds(tx, caseId));
  return { row, indicators: [...indicators.values()].sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0)) };
}

/**
 * Verifying confirms the case's indicators, each verdict change carrying the statement of
 * reasons given here with the caller as the decider. A disputed indicator is left to the
 * supervisor deciding the dispute; an indicator already confirmed keeps its verdict.
 */
export async function verifyCase(
  db: Db,
  caller: Caller,
  caseId: string,
  input: { reasons: ReasonsInput; confidence?: number },
  policy: IndicatorPolicy,
): Promise<DecisionResult> {
  const reasons = reasonsOrThrow(caller, input.reasons);
  const organizationId = caller.actor.type === 'user' || caller.actor.type === 'api_key' ? caller.actor.organizationId : null;
  return transactionRetryingDeadlocks(db, async (tx) => {
    const { row: locked, indicators } = await lockCaseAndIndicators(tx, caseId, 'verified');
    const outcomes: IndicatorOutcome[] = [];
    for (const ind of indicators) {
      const id = ind.id;
      const skipped = ind.verdict === 'confirmed' ? 'already confirmed' : ind.verdict === 'disputed' ? 'under dispute: the dispute decision settles it' : null;
      if (!skipped) {
        await changeVerdict(tx, caller, id, { verdict: 'confirmed', ...(input.confidence !== undefined ? { confidence: input.confidence } : {}), reasons: input.reasons }, policy);
        await addSourceContribution(tx, { indicatorId: id, organizationId, sourceType: reasons.sourceType, confirmations: 1 });
      }
      outcomes.push({ indicatorId: id, indicator: ind.indicator, from: ind.verdict, to: skipped ? ind.verdict : 'confirmed', skipped });
    }
    const { row } = await recordCaseEvent(tx, caller, caseId, 'verified', { reasons: reasonsPayload(reasons), indicators: outcomes }, { locked });
    await recordCaseOutcomeForReporters(tx, caseId, 'verified');
    return { case: caseView(row), indicators: outcomes };
  });
}

/**
 * Rejecting either clears the case's suspected indicators (with the statement of reasons given)
 * or leaves them suspected, to expire unless new reports come. Indicators confirmed or
 * disputed on other grounds are not touched by a rejection.
 */
export async function rejectCase(
  db: Db,
  caller: Caller,
  caseId: string,
  input: { reason: string; indicators: 'clear' | 'keep_suspected'; reasons?: ReasonsInput },
  policy: IndicatorPolicy,
): Promise<DecisionResult> {
  const reason = input.reason.trim();
  if (reason.length < 3) throw badRequest('Say why the case is rejected.', [{ field: '/reason', message: 'At least a few words.' }]);
  const clear = input.indicators === 'clear';
  if (!clear && input.reasons) throw badRequest('A statement of reasons goes with clearing the indicators.', [{ field: '/reasons', message: 'Only with indicators: "clear".' }]);
  const reasons = clear ? reasonsOrThrow(caller, input.reasons) : null;
  return transactionRetryingDeadlocks(db, async (tx) => {
    const { row: locked, indicators } = await lockCaseAndIndicators(tx, caseId, 'rejected');
    const outcomes: IndicatorOutcome[] = [];
    for (const ind of indicators) {
      const id = ind.id;
      let skipped: string | null = null;
      if (!clear) skipped = 'left suspected';
      else if (ind.verdict !== 'suspected') skipped = `${ind.verdict} on other grounds`;
      if (!skipped) await changeVerdict(tx, caller, id, { verdict: 'cleared', reasons: input.reasons! }, policy);
      outcomes.push({ indicatorId: id, indicator: ind.indicator, from: ind.verdict, to: skipped ? ind.verdict : 'cleared', skipped });
    }
    const { row } = await recordCaseEvent(tx, caller, caseId, 'rejected', { reason, indicators: input.indicators, reasons: reasons ? reasonsPayload(reasons) : null, outcomes }, { locked });
    await recordCaseOutcomeForReporters(tx, caseId, 'rejected');
    return { case: caseView(row), indicators: outcomes };
  });
}
