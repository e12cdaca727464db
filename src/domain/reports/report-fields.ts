/** What a report holds besides its narrative: the closed lists and the limits of its fields. */
export const PAYMENT_METHODS = ['bank_transfer', 'e_wallet', 'card', 'cash', 'crypto', 'gift_card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const REPORT_LOCALES = ['vi', 'en'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export const REPORT_LIMITS = {
  narrativeMax: 20_000,
  identifiersMax: 50,
  identifierMax: 2048,
  /** Identifiers found in the narrative beyond this number are ignored (a pasted chat log). */
  extractedMax: 50,
  /** Above 1,000 billion đồng a figure is a typo, not a loss. */
  amountLostMaxVnd: 1_000_000_000_000_000,
} as const;

/** Evidence files: the limits, and the only types accepted, sniffed from the bytes. */
export const EVIDENCE_LIMITS = { maxBytes: 10 * 1024 * 1024, maxFiles: 10 } as const;
export const EVIDENCE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export function isEvidenceMediaType(type: string): type is EvidenceMediaType {
  return (EVIDENCE_MEDIA_TYPES as readonly string[]).includes(type);
}
