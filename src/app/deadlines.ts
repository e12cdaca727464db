import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { caseReferenceOf, claimBreached, claimDueSoon, listSubjects, type EscalationRow } from '../store/escalations.ts';
import { systemCaller, auditActor } from './caller.ts';
import { notifyEscalation, type EscalationTopic } from './escalation-notices.ts';

const BATCH = 100;
const caller = systemCaller('deadline-ticker');

async function announce(tx: Db, rows: readonly EscalationRow[], topic: EscalationTopic): Promise<void> {
  const subjects = await listSubjects(tx, rows.map((r) => r.id));
  for (const row of rows) {
    await appendAudit(tx, {
      ...auditActor(caller),
      action: topic === 'escalation.overdue' ? 'escalation.breached' : 'escalation.due_soon',
      subjectType: 'escalation',
      subjectId: row.id,
      before: null,
      after: topic === 'escalation.overdue' ? { breachedAt: row.breachedAt, dueAt: row.dueAt } : { dueSoonNotifiedAt: row.dueSoonNotifiedAt, dueAt: row.dueAt },
    });
    const reference = (await caseReferenceOf(tx, row.caseId)) ?? '';
    await notifyEscalation(tx, topic, row, reference, subjects.filter((s) => s.escalationId === row.id).map((s) => s.indicator));
  }
}

/**
 * One pass of the deadline watch: escalations entering their due-soon window get a reminder,
 * escalations past due and unanswered get their breach recorded and an overdue notice. Each
 * batch claims its rows and marks them in one transaction with the notices, so a crash sends
 * nothing twice and nothing never, and nodes ticking at once skip each other's rows.
 * `now` is a parameter so tests (and a catch-up after downtime) can move time.
 */
export async function tickDeadlines(db: Db, now = new Date()): Promise<{ dueSoon: number; breached: number }> {
  let dueSoon = 0;
  let breached = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await claimDueSoon(tx, now, BATCH);
      await announce(tx, rows, 'escalation.due_soon');
      return rows.length;
    });
    dueSoon += n;
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await claimBreached(tx, now, BATCH);
      await announce(tx, rows, 'escalation.overdue');
      return rows.length;
    });
    breached += n;
    if (n < BATCH) break;
  }
  return { dueSoon, breached };
}
