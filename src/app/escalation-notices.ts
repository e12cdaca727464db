import type { Db } from '../store/connection.ts';
import { activeUserEmails } from '../store/escalations.ts';
import type { EscalationRow } from '../store/escalations.ts';
import { enqueue } from '../store/outbox.ts';
import { platformName } from '../domain/escalations/platform-actions.ts';

export const ESCALATION_TOPICS = ['escalation.created', 'escalation.due_soon', 'escalation.overdue', 'escalation.answered'] as const;
export type EscalationTopic = (typeof ESCALATION_TOPICS)[number];

/**
 * What leaves the process about an escalation: an event for webhooks (delivered by the sharing
 * side) and, for what a platform must act on, an e-mail to each active user of the platform's
 * organization. Both in the caller's transaction, so they go out only if the change commits.
 * The payload names the escalation, its subjects' count and dates; never reporters.
 */
export async function notifyEscalation(tx: Db, topic: EscalationTopic, row: EscalationRow, caseReference: string, subjects: readonly string[]): Promise<void> {
  await enqueue(tx, topic, {
    escalationId: row.id,
    caseReference,
    platform: row.platform,
    organizationId: row.organizationId,
    status: row.status,
    fraudCategory: row.fraudCategory,
    dueAt: row.dueAt.toISOString(),
    breachedAt: row.breachedAt?.toISOString() ?? null,
    action: row.action,
    subjects,
  });
  if (topic === 'escalation.answered') return;
  const subject = {
    'escalation.created': `Canh Giác: new fraud escalation ${caseReference} for ${platformName(row.platform)}, due ${row.dueAt.toISOString()}`,
    'escalation.due_soon': `Canh Giác: escalation ${caseReference} is due ${row.dueAt.toISOString()}`,
    'escalation.overdue': `Canh Giác: escalation ${caseReference} is overdue (was due ${row.dueAt.toISOString()})`,
  }[topic];
  const text = [
    `${subject}.`,
    `Fraud category: ${row.fraudCategory}. Legal basis: ${row.legalBasis}.`,
    `Subjects: ${subjects.join(', ')}.`,
    `Open it in your Canh Giác inbox or through the API: GET /api/v1/escalations/${row.id}`,
  ].join('\n\n');
  for (const to of await activeUserEmails(tx, row.organizationId)) await enqueue(tx, 'email.send', { to, subject, text });
}
