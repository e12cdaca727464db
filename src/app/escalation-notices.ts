import type { Db } from '../store/connection.ts';
import { activeUserEmails } from '../store/escalations.ts';
import type { EscalationRow } from '../store/escalations.ts';
import { enqueue } from '../store/outbox.ts';
import { platformName } from '../domain/escalations/platform-actions.ts';
import { formatDueAt } from '../domain/templates/due-at.ts';
import { TEMPLATE_LOCALES, type TemplatePurpose } from '../domain/templates/purposes.ts';
import { renderNotice } from './message-templates.ts';

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
  const message = await platformMessage(tx, topic, row, caseReference, subjects);
  for (const to of await activeUserEmails(tx, row.organizationId)) await enqueue(tx, 'email.send', { to, ...message });
}

/**
 * The e-mail to a platform's operators, from the templates of the topic, in Vietnamese and then
 * English (organizations have no language of their own yet; the request is Vietnamese, the staff
 * may sit abroad). The values are the escalation's own: no placeholder of a platform template can
 * carry a reporter's personal data.
 */
async function platformMessage(tx: Db, topic: Exclude<EscalationTopic, 'escalation.answered'>, row: EscalationRow, caseReference: string, subjects: readonly string[]): Promise<{ subject: string; text: string }> {
  const purpose: TemplatePurpose = topic;
  const messages = [];
  for (const locale of TEMPLATE_LOCALES) {
    messages.push(
      await renderNotice(tx, purpose, locale, {
        caseReference,
        platform: platformName(row.platform),
        dueAt: formatDueAt(row.dueAt, locale),
        fraudCategory: row.fraudCategory,
        legalBasis: row.legalBasis,
        subjects: subjects.join(', '),
        escalationId: row.id,
      }),
    );
  }
  return { subject: messages.map((m) => m.subject).join(' / '), text: messages.map((m) => m.body).join('\n\n———\n\n') };
}
