import { sql } from 'drizzle-orm';
import { nextState, type CaseEvent } from '../domain/cases/state-machine.ts';
import { actionOutcome, confirmsFraud, isPlatformAction, PLATFORM_ACTIONS, type PlatformAction } from '../domain/escalations/platform-actions.ts';
import { appendAudit } from '../store/audit-log.ts';
import { lockCase } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { caseReferenceOf, listSubjects, lockEscalation, updateEscalation, type EscalationRow } from '../store/escalations.ts';
import { addSourceContribution, recordIndexChange } from '../store/indicators.ts';
import { indicators } from '../store/schema.ts';
import { auditActor, type Caller } from './caller.ts';
import { recordCaseEvent } from './case-transition.ts';
import { notifyEscalation } from './escalation-notices.ts';
import { escalationAudience, escalationSummary, type EscalationSummary } from './escalation-views.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from './errors.ts';
import { reportStatusChanged } from './report-status.ts';

/** Only the platform an escalation is addressed to answers it; the agency reads the answer. */
function platformOf(caller: Caller): { organizationId: string; platform: string } {
  const audience = escalationAudience(caller);
  if (audience.agency) throw forbidden('Only the platform an escalation is addressed to answers it.');
  return audience;
}

async function lockOwn(tx: Db, caller: Caller, id: string): Promise<EscalationRow> {
  const own = platformOf(caller);
  const row = await lockEscalation(tx, id);
  if (!row || row.organizationId !== own.organizationId) throw notFound('The escalation');
  return row;
}

/**
 * The case follows its escalations. When the case cannot take the event any more (another
 * platform's answer already moved it on, or the agency closed it), the answer is still
 * recorded on the case as a comment, so its history is complete and no answer is refused
 * for something the platform cannot see.
 */
async function recordOnCase(tx: Db, caller: Caller, row: EscalationRow, type: CaseEvent, payload: Record<string, unknown>, outcome: { vi: string; en: string } | null): Promise<void> {
  const locked = await lockCase(tx, row.caseId);
  if (!locked) throw notFound('The case');
  if (nextState(locked.status, type).ok) await recordCaseEvent(tx, caller, row.caseId, type, payload, { locked, outcome });
  else await recordCaseEvent(tx, caller, row.caseId, 'commented', { ...payload, platformAnswer: type, caseStatus: locked.status }, { locked });
}

async function view(tx: Db, caller: Caller, row: EscalationRow): Promise<EscalationSummary> {
  // One after the other: a transaction's one connection takes one query at a time.
  const subjects = await listSubjects(tx, [row.id]);
  const reference = await caseReferenceOf(tx, row.caseId);
  return escalationSummary(row, reference ?? '', subjects, escalationAudience(caller));
}

/** The platform has seen the escalation. Acknowledging again changes nothing. */
export async function acknowledgeEscalation(db: Db, caller: Caller, id: string): Promise<EscalationSummary> {
  return db.transaction(async (tx) => {
    const before = await lockOwn(tx, caller, id);
    if (before.status === 'acknowledged') return view(tx, caller, before);
    if (before.status === 'actioned') throw conflict('The escalation is already answered.', [{ field: '/status', message: `Answered: ${before.action}.`, code: 'actioned' }]);
    const row = await updateEscalation(tx, id, { status: 'acknowledged', acknowledgedAt: new Date() });
    await appendAudit(tx, { ...auditActor(caller), action: 'escalation.acknowledged', subjectType: 'escalation', subjectId: id, before: { status: before.status }, after: { status: row.status } });
    await recordOnCase(tx, caller, row, 'acknowledged', { escalationId: id, platform: row.platform }, null);
    return view(tx, caller, row);
  });
}

export interface AnswerInput {
  action: string;
  note?: string | null;
  reference?: string | null;
}

function checkAnswer(input: AnswerInput, at: string): { action: PlatformAction; note: string | null; reference: string | null } {
  const errors = [];
  if (!isPlatformAction(input.action)) errors.push({ field: `${at}/action`, message: `One of ${PLATFORM_ACTIONS.join(', ')}.` });
  const note = input.note?.trim() || null;
  const reference = input.reference?.trim() || null;
  if (note && note.length > 4000) errors.push({ field: `${at}/note`, message: 'At most 4000 characters.' });
  if (reference && reference.length > 200) errors.push({ field: `${at}/reference`, message: 'At most 200 characters.' });
  if (input.action === 'needs_more_information' && !note) errors.push({ field: `${at}/note`, message: 'Say what information is needed.' });
  if (errors.length) throw badRequest('The answer is not valid.', errors);
  return { action: input.action as PlatformAction, note, reference };
}

/**
 * The platform's answer: removed, restricted, no violation, or needs more information (which
 * sends the case back to the agency, who answers with a new escalation). Removing or
 * restricting counts as the platform confirming each subject. Answering the same way again
 * (same action and reference) is a no-op, so a retried upload does not fail.
 */
export async function answerEscalation(db: Db, caller: Caller, id: string, input: AnswerInput): Promise<EscalationSummary> {
  const answer = checkAnswer(input, '');
  return db.transaction(async (tx) => {
    const before = await lockOwn(tx, caller, id);
    if (before.status === 'actioned') {
      if (before.action === answer.action && before.platformReference === answer.reference) return view(tx, caller, before);
      throw conflict(`The escalation was already answered (${before.action}).`, [{ field: '/action', message: `Already answered: ${before.action}.`, code: 'actioned' }]);
    }
    const now = new Date();
    const row = await updateEscalation(tx, id, {
      status: 'actioned',
      action: answer.action,
      platformNote: answer.note,
      platformReference: answer.reference,
      actionedAt: now,
      // A late answer is a breach even when no deadline tick saw it first.
      ...(before.breachedAt === null && before.dueAt < now ? { breachedAt: before.dueAt } : {}),
    });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'escalation.answered',
      subjectType: 'escalation',
      subjectId: id,
      before: { status: before.status },
      after: { status: row.status, action: row.action, note: row.platformNote, reference: row.platformReference },
    });
    const subjects = await listSubjects(tx, [id]);
    if (confirmsFraud(answer.action)) {
      for (const s of subjects) {
        await tx.update(indicators).set({ platformConfirmations: sql`${indicators.platformConfirmations} + 1`, updatedAt: now }).where(sql`${indicators.id} = ${s.indicatorId}`);
        await addSourceContribution(tx, { indicatorId: s.indicatorId, organizationId: row.organizationId, sourceType: 'platform', confirmations: 1 });
        await recordIndexChange(tx, s.indicator);
      }
    }
    const outcome = actionOutcome(answer.action, row.platform);
    // The case moves to actioned for every answer (the state machine's way back to the agency,
    // which answers "needs more information" with a new escalation); reporters read the
    // outcome in plain words, including that the agency is following up.
    await reportStatusChanged(tx, { caseId: row.caseId }, { status: 'platform_acted', outcome }, caller);
    await recordOnCase(tx, caller, row, 'actioned', { escalationId: id, platform: row.platform, action: row.action, note: row.platformNote, reference: row.platformReference }, outcome);
    const reference = (await caseReferenceOf(tx, row.caseId)) ?? '';
    await notifyEscalation(tx, 'escalation.answered', row, reference, subjects.map((s) => s.indicator));
    return escalationSummary(row, reference, subjects, escalationAudience(caller));
  });
}

export interface BulkItemResult {
  /** Position in the request (0-based for JSON, the CSV line number for uploads). */
  index: number;
  escalationId: string | null;
  ok: boolean;
  escalation?: EscalationSummary;
  error?: { status: number; code: string; message: string; errors?: { field: string; message: string }[] };
}

/** Answers many escalations, each in its own transaction: one bad row never blocks the others. */
export async function answerMany(db: Db, caller: Caller, items: readonly ({ index: number; escalationId: string | null } & AnswerInput)[]): Promise<{ results: BulkItemResult[]; answered: number; failed: number }> {
  platformOf(caller);
  const results: BulkItemResult[] = [];
  for (const item of items) {
    try {
      if (!item.escalationId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(item.escalationId)) {
        throw badRequest('The escalation id is missing or not a UUID.', [{ field: '/escalationId', message: 'Give the escalation\'s id.' }]);
      }
      const escalation = await answerEscalation(db, caller, item.escalationId, item);
      results.push({ index: item.index, escalationId: item.escalationId, ok: true, escalation });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ index: item.index, escalationId: item.escalationId, ok: false, error: { status: error.status, code: error.code, message: error.message, ...(error.errors ? { errors: error.errors } : {}) } });
    }
  }
  const answered = results.filter((r) => r.ok).length;
  return { results, answered, failed: results.length - answered };
}
