import type { CaseState } from '../domain/cases/state-machine.ts';
import type { ReportStatusName, Words } from '../domain/reports/report-status.ts';
import type { Db } from '../store/connection.ts';
import type { Caller } from './caller.ts';
import { reportStatusChanged } from './report-status.ts';

export type { Words };

/** What a reporter sees when the case holding the report reaches a state (null: no news for them). */
export function reportStatusForCase(state: CaseState): { status: ReportStatusName; outcome: Words | null } | null {
  switch (state) {
    case 'new':
    case 'merged':
      return null;
    case 'triaged':
      return { status: 'under_review', outcome: null };
    case 'verified':
      return { status: 'verified', outcome: { vi: 'Các định danh trong báo cáo đã được xác minh là lừa đảo.', en: 'The identifiers in the report were verified as fraudulent.' } };
    case 'escalated':
    case 'acknowledged':
      return { status: 'sent_to_platform', outcome: null };
    case 'actioned':
      return { status: 'platform_acted', outcome: null };
    case 'rejected':
      return { status: 'closed', outcome: { vi: 'Báo cáo đã được xem xét nhưng chưa đủ căn cứ để xác minh.', en: 'The report was reviewed but could not be verified.' } };
    case 'closed':
      return { status: 'closed', outcome: null };
  }
}

/**
 * Moves the public status of a case's reports to match the case, through the intake side's
 * `reportStatusChanged` (forward only, audit record per report, e-mail to a reporter who
 * asked), in the caller's transaction. A reopened case does not take back what reporters were told.
 */
export async function syncCaseReports(tx: Db, caller: Caller, caseId: string, state: CaseState, outcome?: Words | null): Promise<number> {
  const target = reportStatusForCase(state);
  if (!target) return 0;
  const { changed } = await reportStatusChanged(tx, { caseId }, { status: target.status, outcome: outcome ?? target.outcome }, caller);
  return changed;
}
