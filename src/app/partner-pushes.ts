import type { IdentifierKind } from '../domain/identifiers/types.ts';
import { FRAUD_TYPES, isFraudType, type FraudType } from '../domain/fraud-types.ts';
import type { EvidenceKind, ReasonsInput, SourceType } from '../domain/indicators/statement-of-reasons.ts';
import type { Tlp } from '../domain/indicators/verdicts.ts';
import type { OrganizationKind } from '../domain/auth/roles.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { addSourceContribution, findIndicator, lockIndicator } from '../store/indicators.ts';
import { findPartnerTrust, type PartnerTrustRow } from '../store/partner-trust.ts';
import { auditActor, type Caller } from './caller.ts';
import { AppError, badRequest, forbidden } from './errors.ts';
import { canonicalOrThrow, changeVerdict, indicatorView, listIdentifier, type IndicatorPolicy } from './indicators.ts';
import type { Canonical } from '../domain/identifiers/types.ts';

/**
 * Partners (banks, telcos, platforms) push indicators they found: their takedowns, known mule
 * accounts. Each enters as suspected with the partner as its source, or as confirmed where the
 * partner is trusted for it (`partner_trust.confirm_own_subjects`): a bank for accounts at its
 * own BINs, a platform for accounts on its own platform. Every verdict change carries a
 * statement of reasons naming the partner (source type bank / telco / platform). An identifier
 * already listed keeps its verdict (a push never lowers one, and a disputed listing waits for
 * the supervisor's decision); the push still counts as the partner's contribution.
 */
export interface PartnerPushItem {
  identifier: string;
  kind?: IdentifierKind;
  fraudType: string;
  tlp?: Tlp;
  /** The partner's own reference (case number, takedown id), kept in the explanation. */
  reference?: string;
  note?: string;
}

export interface PartnerPushResult {
  index: number;
  ok: boolean;
  outcome?: 'listed' | 'confirmed' | 'contributed';
  trusted?: boolean;
  indicator?: { id: string; indicator: string; verdict: string };
  error?: { status: number; code: string; message: string; errors?: { field: string; message: string }[] };
}

export interface PartnerOrg {
  organizationId: string;
  kind: OrganizationKind;
  platform: string | null;
}

const SOURCE: Partial<Record<OrganizationKind, { sourceType: SourceType; evidence: EvidenceKind }>> = {
  bank: { sourceType: 'bank', evidence: 'bank_confirmation' },
  telco: { sourceType: 'telco', evidence: 'telco_confirmation' },
  platform: { sourceType: 'platform', evidence: 'platform_confirmation' },
};

const DEFAULT_LEGAL_BASIS = "The partner's own finding, shared with the national anti-fraud exchange under its data-sharing agreement";

/** The identifier kind a platform organization answers for (`organizations.platform`). */
const KIND_OF_PLATFORM: Record<string, IdentifierKind> = { facebook: 'fb', x: 'x', twitter: 'x' };

export function partnerOf(caller: Caller): PartnerOrg {
  const a = caller.actor;
  if ((a.type === 'api_key' || a.type === 'user') && SOURCE[a.organizationKind]) return { organizationId: a.organizationId, kind: a.organizationKind, platform: a.platform };
  throw forbidden('Only banks, telcos and platforms push indicators here; the agency lists identifiers directly.');
}

/** Whether the partner's word confirms this identifier: its own subjects, and only if it is trusted for them. */
export function trustedFor(org: PartnerOrg, trust: Pick<PartnerTrustRow, 'confirmOwnSubjects' | 'bins'> | undefined, canonical: Pick<Canonical, 'kind' | 'value'>): boolean {
  if (!trust?.confirmOwnSubjects) return false;
  if (org.kind === 'bank' && canonical.kind === 'bank') return trust.bins.includes(canonical.value.split(':')[0]!);
  if (org.kind === 'platform' && org.platform) return (KIND_OF_PLATFORM[org.platform] ?? org.platform) === canonical.kind;
  return false;
}

export async function pushPartnerIndicators(
  db: Db,
  caller: Caller,
  input: { items: PartnerPushItem[]; legalBasis?: string },
  policy: IndicatorPolicy,
): Promise<{ results: PartnerPushResult[] }> {
  const org = partnerOf(caller);
  const trust = await findPartnerTrust(db, org.organizationId);
  const results: PartnerPushResult[] = [];
  for (const [index, item] of input.items.entries()) {
    const at = `/items/${index}`;
    try {
      results.push({ index, ok: true, ...(await pushOne(db, caller, org, trust, item, at, input.legalBasis, policy)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ index, ok: false, error: { status: error.status, code: error.code, message: error.message, ...(error.errors ? { errors: error.errors.map((e) => ({ field: e.field.startsWith(at) ? e.field : `${at}${e.field}`, message: e.message })) } : {}) } });
    }
  }
  return { results };
}

export async function pushOne(
  db: Db,
  caller: Caller,
  org: PartnerOrg,
  trust: PartnerTrustRow | undefined,
  item: PartnerPushItem,
  at: string,
  legalBasis: string | undefined,
  policy: IndicatorPolicy,
): Promise<Pick<PartnerPushResult, 'outcome' | 'trusted' | 'indicator'>> {
  if (!isFraudType(item.fraudType)) throw badRequest('Unknown fraud type.', [{ field: `${at}/fraudType`, message: `One of ${FRAUD_TYPES.join(', ')}.` }]);
  const canonical = canonicalOrThrow(item.identifier, item.kind, `${at}/identifier`);
  const trusted = trustedFor(org, trust, canonical);
  const source = SOURCE[org.kind]!;
  const reference = item.reference?.trim();
  const reasons: ReasonsInput = {
    ground: item.fraudType,
    legalBasis: legalBasis?.trim() || DEFAULT_LEGAL_BASIS,
    evidence: [source.evidence],
    sourceType: source.sourceType,
    explanation:
      item.note?.trim() ||
      `Pushed by a ${org.kind}${reference ? ` (reference ${reference})` : ''}; ${trusted ? 'the partner is trusted to confirm its own subjects' : 'pending verification by the agency'}.`,
  };
  const target = trusted ? 'confirmed' : 'suspected';
  return db.transaction(async (tx) => {
    const found = await findIndicator(tx, canonical.indicator);
    const existing = found ? await lockIndicator(tx, found.id) : undefined;
    let outcome: 'listed' | 'confirmed' | 'contributed';
    let row;
    if (!existing || existing.verdict === 'cleared') {
      row = (await listIdentifier(tx, caller, { value: canonical.indicator, verdict: target, tlp: item.tlp, fraudTypes: [item.fraudType as FraudType], reasons }, policy)).indicator;
      outcome = 'listed';
    } else if (existing.verdict === 'suspected' && trusted) {
      row = await changeVerdict(tx, caller, existing.id, { verdict: 'confirmed', reasons }, policy);
      await addSourceContribution(tx, { indicatorId: existing.id, organizationId: org.organizationId, sourceType: source.sourceType, confirmations: 1 });
      outcome = 'confirmed';
    } else {
      await addSourceContribution(tx, { indicatorId: existing.id, organizationId: org.organizationId, sourceType: source.sourceType, reports: trusted ? 0 : 1, confirmations: trusted ? 1 : 0 });
      row = indicatorView(existing);
      outcome = 'contributed';
    }
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'partner_push.recorded',
      subjectType: 'indicator',
      subjectId: row.id,
      before: existing ? { verdict: existing.verdict } : null,
      after: { indicator: row.indicator, verdict: row.verdict, outcome, trusted, fraudType: item.fraudType, reference: reference ?? null },
    });
    return { outcome, trusted, indicator: { id: row.id, indicator: row.indicator, verdict: row.verdict } };
  });
}
