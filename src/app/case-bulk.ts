import { validateReasons, type ReasonsInput } from '../domain/indicators/statement-of-reasons.ts';
import type { Db } from '../store/connection.ts';
import type { Caller } from './caller.ts';
import { verifyCase } from './case-decisions.ts';
import type { CaseView } from './case-queue.ts';
import { assignCase } from './cases.ts';
import { AppError, badRequest } from './errors.ts';
import { decidedByOf, type IndicatorPolicy } from './indicators.ts';

export type BulkCaseAction =
  | { action: 'assign'; caseIds: string[]; assigneeUserId: string | null }
  | { action: 'verify'; caseIds: string[]; reasons: ReasonsInput; confidence?: number };

export type BulkItemResult =
  | { caseId: string; ok: true; status: 200; case: CaseView }
  | { caseId: string; ok: false; status: number; error: { code: string; detail: string } };

/**
 * Applies one action to many cases from the queue. Each case is its own transaction: one
 * refused case (wrong state, gone) does not undo the others, and each gets its own answer.
 */
export async function bulkCaseAction(db: Db, caller: Caller, input: BulkCaseAction, policy: IndicatorPolicy): Promise<{ results: BulkItemResult[] }> {
  // Bad reasons are the request's fault, not each case's: answer once, before touching any case.
  if (input.action === 'verify') {
    const checked = validateReasons(input.reasons, decidedByOf(caller));
    if (!checked.ok) throw badRequest('The statement of reasons is incomplete.', checked.errors);
  }
  const results: BulkItemResult[] = [];
  for (const caseId of [...new Set(input.caseIds)]) {
    try {
      const view = input.action === 'assign'
        ? await assignCase(db, caller, caseId, { assigneeUserId: input.assigneeUserId })
        : (await verifyCase(db, caller, caseId, { reasons: input.reasons, ...(input.confidence !== undefined ? { confidence: input.confidence } : {}) }, policy)).case;
      results.push({ caseId, ok: true, status: 200, case: view });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ caseId, ok: false, status: error.status, error: { code: error.code, detail: error.message } });
    }
  }
  return { results };
}
