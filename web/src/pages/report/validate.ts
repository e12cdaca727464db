import type { TFunction } from 'i18next';
import { parseAmount } from './amount.ts';
import type { ReportDraft } from './draft.ts';

export const STEPS = ['what', 'who', 'money', 'evidence', 'contact', 'review'] as const;
export type StepName = (typeof STEPS)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+()\-. ]{6,32}$/;

/** The problems of one step, field → message; empty when the step may be left. */
export function validateStep(step: StepName, draft: ReportDraft, t: TFunction): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  if (step === 'what') {
    if (draft.category === null) errors['category'] = t('report.errors.category');
    if (draft.narrative.trim().length < 10) errors['narrative'] = t('report.errors.narrative');
    if (draft.occurredOn !== '' && new Date(`${draft.occurredOn}T00:00:00`).getTime() > Date.now()) errors['occurredOn'] = t('report.errors.future');
  }
  if (step === 'money') {
    const amount = parseAmount(draft.amount);
    if (amount !== null && Number.isNaN(amount)) errors['amount'] = t('report.errors.amount');
  }
  if (step === 'contact') {
    if (draft.contactEmail.trim() !== '' && !EMAIL.test(draft.contactEmail.trim())) errors['contactEmail'] = t('report.errors.email');
    if (draft.contactPhone.trim() !== '' && !PHONE.test(draft.contactPhone.trim())) errors['contactPhone'] = t('report.errors.phone');
    if (draft.consent && draft.contactEmail.trim() === '' && draft.contactPhone.trim() === '') errors['consent'] = t('report.errors.consentNeedsContact');
  }
  return errors;
}
