import { FRAUD_TYPES, isFraudType, type FraudType } from '../fraud-types.ts';

/**
 * Why a verdict changed. Every verdict change has one; listings are never anonymous decisions.
 * Modelled on the statements of reasons of the EU Digital Services Act transparency database:
 * the ground, the legal basis, the facts relied on, who decided (a person, an organization, or
 * an automated rule, flagged as such) and the source of the information.
 */
export const EVIDENCE_KINDS = [
  'citizen_reports',
  'screenshots',
  'transaction_records',
  'platform_confirmation',
  'bank_confirmation',
  'telco_confirmation',
  'investigation',
  'partner_sighting',
  'owner_statement',
  'no_new_reports',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const SOURCE_TYPES = ['citizen', 'agency', 'platform', 'bank', 'telco', 'automated'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export type DecidedBy =
  | { type: 'person'; userId: string; organizationId: string }
  | { type: 'organization'; organizationId: string }
  | { type: 'automated_rule'; rule: string };

export interface StatementOfReasons {
  ground: FraudType;
  legalBasis: string;
  evidence: EvidenceKind[];
  decidedBy: DecidedBy;
  sourceType: SourceType;
  /** When the decision stops applying, if it has an end. */
  endsAt: Date | null;
  explanation: string | null;
}

export interface ReasonsInput {
  ground?: string;
  legalBasis?: string;
  evidence?: string[];
  sourceType?: string;
  endsAt?: string | Date | null;
  explanation?: string | null;
}

export interface ReasonError {
  field: string;
  message: string;
}

/** Checks a statement given by a person or a system; `decidedBy` is never taken from the input. */
export function validateReasons(
  input: ReasonsInput | undefined,
  decidedBy: DecidedBy,
  now = new Date(),
): { ok: true; value: StatementOfReasons } | { ok: false; errors: ReasonError[] } {
  const errors: ReasonError[] = [];
  const i = input ?? {};
  if (!i.ground || !isFraudType(i.ground)) errors.push({ field: '/reasons/ground', message: `Give the ground: one of ${FRAUD_TYPES.join(', ')}.` });
  const legalBasis = i.legalBasis?.trim() ?? '';
  if (legalBasis.length < 3) errors.push({ field: '/reasons/legalBasis', message: 'Name the legal basis (the law, decree or policy relied on).' });
  const evidence = i.evidence ?? [];
  if (evidence.length === 0) errors.push({ field: '/reasons/evidence', message: 'Say what kind of evidence the decision rests on.' });
  evidence.forEach((e, n) => {
    if (!(EVIDENCE_KINDS as readonly string[]).includes(e)) errors.push({ field: `/reasons/evidence/${n}`, message: `Unknown evidence kind "${e}".` });
  });
  if (!i.sourceType || !(SOURCE_TYPES as readonly string[]).includes(i.sourceType)) {
    errors.push({ field: '/reasons/sourceType', message: `Give the source type: one of ${SOURCE_TYPES.join(', ')}.` });
  }
  let endsAt: Date | null = null;
  if (i.endsAt) {
    endsAt = new Date(i.endsAt);
    if (Number.isNaN(endsAt.getTime()) || endsAt <= now) errors.push({ field: '/reasons/endsAt', message: 'Must be a date in the future.' });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ground: i.ground as FraudType,
      legalBasis,
      evidence: [...new Set(evidence)] as EvidenceKind[],
      decidedBy,
      sourceType: i.sourceType as SourceType,
      endsAt,
      explanation: i.explanation?.trim() || null,
    },
  };
}
