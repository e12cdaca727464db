import { FRAUD_TYPES, PAYMENT_METHODS, type FraudType, type PaymentMethod } from '../../api/public.ts';

/** Everything the wizard asks, as typed; files are not kept (they cannot be stored safely). */
export interface ReportDraft {
  step: number;
  category: FraudType | null;
  narrative: string;
  occurredOn: string;
  identifiersText: string;
  amount: string;
  paymentMethod: PaymentMethod | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  consent: boolean;
  /** One per report: a retry after a lost answer gets the same tracking code. */
  idempotencyKey: string;
}

export function emptyDraft(): ReportDraft {
  return {
    step: 0,
    category: null,
    narrative: '',
    occurredOn: '',
    identifiersText: '',
    amount: '',
    paymentMethod: null,
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    consent: false,
    idempotencyKey: crypto.randomUUID(),
  };
}

// sessionStorage: the draft survives a reload or a crashed tab, and is gone when the tab is
// closed, so a shared phone does not keep someone's report.
const KEY = 'canhgiac.reportDraft.v1';

export function loadDraft(): ReportDraft {
  try {
    const stored = window.sessionStorage.getItem(KEY);
    if (!stored) return emptyDraft();
    const parsed = JSON.parse(stored) as Partial<ReportDraft>;
    const draft = { ...emptyDraft(), ...parsed };
    if (draft.category !== null && !(FRAUD_TYPES as readonly string[]).includes(draft.category)) draft.category = null;
    if (draft.paymentMethod !== null && !(PAYMENT_METHODS as readonly string[]).includes(draft.paymentMethod)) draft.paymentMethod = null;
    return draft;
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(draft: ReportDraft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // full or forbidden storage: the wizard still works, the draft is just not kept
  }
}

export function clearDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to clear
  }
}

export function hasContent(draft: ReportDraft): boolean {
  return draft.category !== null || draft.narrative !== '' || draft.identifiersText !== '';
}
