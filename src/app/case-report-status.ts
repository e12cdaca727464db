import { sql } from 'drizzle-orm';
import type { CaseState } from '../domain/cases/state-machine.ts';
import { appendAudit } from '../store/audit-log.ts';
import { queryRows, type Db } from '../store/connection.ts';
import { REPORT_STATUSES, type ReportStatus } from '../store/schema.ts';
import { auditActor, type Caller } from './caller.ts';

export interface Words {
  vi: string;
  en: string;
}

/** What a reporter sees when the case holding the report reaches a state. */
export function reportStatusForCase(state: CaseState): { status: ReportStatus; outcome: Words | null } | null {
  switch (state) {
    case 'new':
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
    case 'merged':
      return null;
  }
}

/**
 * Moves the public status of a case's reports forward to match the case, in the caller's
 * transaction (never backwards: a reopened case does not take back what a reporter was told).
 * Written here directly because the intake side's `reportStatusChanged` was not committed yet
 * when cases were built; it is the one place to switch over.
 */
export async function syncCaseReports(tx: Db, caller: Caller, caseId: string, state: CaseState, outcome?: Words | null): Promise<number> {
  const target = reportStatusForCase(state);
  if (!target) return 0;
  const behind = REPORT_STATUSES.slice(0, REPORT_STATUSES.indexOf(target.status));
  const words = outcome ?? target.outcome;
  const rows = await queryRows<{ id: string; status: ReportStatus }>(
    tx,
    sql`update reports r set status = ${target.status}, updated_at = now(),
          outcome = coalesce(case when r.locale = 'en' then ${words?.en ?? null}::text else ${words?.vi ?? null}::text end, r.outcome)
        from (select id, status from reports where case_id = ${caseId} and status in ${sql.raw(`(${behind.map((s) => `'${s}'`).join(',') || "''"})`)} for update) old
        where r.id = old.id
        returning r.id, old.status`,
  );
  for (const row of rows) {
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'report.status_changed',
      subjectType: 'report',
      subjectId: row.id,
      before: { status: row.status },
      after: { status: target.status, outcome: words },
    });
  }
  return rows.length;
}
