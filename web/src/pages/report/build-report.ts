import type { ReportInput } from '../../api/public.ts';
import type { Language } from '../../i18n/language.ts';
import { recogniseLines } from '../../identifiers/recognise.ts';
import { parseAmount } from './amount.ts';
import type { ReportDraft } from './draft.ts';

/**
 * The report as the API takes it. Recognised identifiers go in `identifiers` (canonical form,
 * as the server would make it); lines that were not recognised are kept in the narrative
 * under a heading, so nothing the person typed is lost.
 */
export function buildReport(draft: ReportDraft, language: Language, otherDetailsHeading: string): ReportInput {
  const lines = recogniseLines(draft.identifiersText);
  const identifiers = [...new Set(lines.flatMap((line) => (line.status === 'identifier' ? line.items.map((item) => item.indicator) : [])))];
  const unrecognised = lines.filter((line) => line.status === 'unrecognised').map((line) => line.line);
  const narrative = unrecognised.length > 0 ? `${draft.narrative.trim()}\n\n${otherDetailsHeading}\n${unrecognised.join('\n')}` : draft.narrative.trim();
  const amount = parseAmount(draft.amount);
  const name = draft.contactName.trim();
  const email = draft.contactEmail.trim();
  const phone = draft.contactPhone.trim();
  const hasContact = name !== '' || email !== '' || phone !== '';

  return {
    category: draft.category ?? 'other',
    narrative,
    occurredAt: draft.occurredOn ? new Date(`${draft.occurredOn}T00:00:00+07:00`).toISOString() : null,
    amountLostVnd: amount === null || Number.isNaN(amount) ? null : amount,
    paymentMethod: draft.paymentMethod,
    identifiers: identifiers.slice(0, 50),
    locale: language,
    contact: hasContact ? { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) } : null,
    consentToContact: hasContact && draft.consent,
  };
}
