import { and, eq, sql } from 'drizzle-orm';
import type { IdentifierKind } from '../domain/identifiers/index.ts';
import { FRAUD_TYPES, isFraudType } from '../domain/fraud-types.ts';
import type { ReasonsInput } from '../domain/indicators/statement-of-reasons.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { addSourceContribution, findIndicator, lockIndicator, recordIndexChange } from '../store/indicators.ts';
import { indicators, platformEnforcements } from '../store/schema.ts';
import { auditActor, type Caller } from './caller.ts';
import { AppError, badRequest, conflict, forbidden } from './errors.ts';
import { canonicalOrThrow, changeVerdict, listIdentifier, type IndicatorPolicy } from './indicators.ts';
import { linkTogether } from './network-linking.ts';
import { findActiveLegitimate } from '../store/legitimate.ts';

export interface EnforcementItem {
  identifier: string;
  kind?: IdentifierKind;
  fraudType: string;
  /** The platform's own id for its enforcement action: pushing it again changes nothing. */
  reference: string;
  removedAt?: string;
  note?: string;
  /** Other identifiers the platform's record names with this account: linked to it (see docs/networks.md). */
  related?: string[];
}

export interface EnforcementResult {
  index: number;
  reference: string;
  ok: boolean;
  /** created: recorded now; duplicate: this reference was pushed before (nothing changed). */
  outcome?: 'created' | 'duplicate';
  indicator?: { id: string; indicator: string; verdict: string; platformConfirmations: number };
  error?: { status: number; code: string; message: string; errors?: { field: string; message: string }[] };
}

const DEFAULT_LEGAL_BASIS = "The platform's own enforcement of its terms against fraud targeting users in Viet Nam";

function platformCaller(caller: Caller): { organizationId: string; platform: string } {
  const a = caller.actor;
  if ((a.type === 'user' || a.type === 'api_key') && a.organizationKind === 'platform' && a.platform) return { organizationId: a.organizationId, platform: a.platform };
  throw forbidden('Only platforms push their enforcement records.');
}

/**
 * A platform pushes accounts it removed for fraud against Vietnamese users: each becomes (or
 * stays) a confirmed indicator, with a statement of reasons naming the platform (source type
 * `platform`), and counts one platform confirmation. Each item is its own transaction with a
 * result of its own; a verified-legitimate identifier is refused, never listed.
 */
export async function pushEnforcements(db: Db, caller: Caller, input: { items: EnforcementItem[]; legalBasis?: string }, policy: IndicatorPolicy): Promise<{ results: EnforcementResult[] }> {
  const own = platformCaller(caller);
  const results: EnforcementResult[] = [];
  for (const [index, item] of input.items.entries()) {
    const at = `/items/${index}`;
    try {
      results.push({ index, reference: item.reference, ok: true, ...(await pushOne(db, caller, own, item, at, input.legalBasis, policy)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ index, reference: item.reference, ok: false, error: { status: error.status, code: error.code, message: error.message, ...(error.errors ? { errors: error.errors.map((e) => ({ ...e, field: e.field.startsWith(at) ? e.field : `${at}${e.field}` })) } : {}) } });
    }
  }
  return { results };
}

async function pushOne(
  db: Db,
  caller: Caller,
  own: { organizationId: string; platform: string },
  item: EnforcementItem,
  at: string,
  legalBasis: string | undefined,
  policy: IndicatorPolicy,
): Promise<Pick<EnforcementResult, 'outcome' | 'indicator'>> {
  const reference = item.reference.trim();
  if (!reference) throw badRequest('Give your own reference for the enforcement.', [{ field: `${at}/reference`, message: 'Required.' }]);
  if (!isFraudType(item.fraudType)) throw badRequest('Unknown fraud type.', [{ field: `${at}/fraudType`, message: `One of ${FRAUD_TYPES.join(', ')}.` }]);
  const removedAt = item.removedAt ? new Date(item.removedAt) : new Date();
  if (Number.isNaN(removedAt.getTime()) || removedAt.getTime() > Date.now() + 60_000) throw badRequest('removedAt must be a past date.', [{ field: `${at}/removedAt`, message: 'An ISO 8601 date, not in the future.' }]);
  const canonical = canonicalOrThrow(item.identifier, item.kind, `${at}/identifier`);
  const related = (item.related ?? []).map((raw, n) => canonicalOrThrow(raw, undefined, `${at}/related/${n}`)).filter((c) => c.indicator !== canonical.indicator);
  const reasons: ReasonsInput = {
    ground: item.fraudType,
    legalBasis: legalBasis?.trim() || DEFAULT_LEGAL_BASIS,
    evidence: ['platform_confirmation'],
    sourceType: 'platform',
    explanation: item.note?.trim() || `Removed by ${own.platform} (reference ${reference}).`,
  };
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .select({ indicatorId: platformEnforcements.indicatorId })
      .from(platformEnforcements)
      .where(and(eq(platformEnforcements.organizationId, own.organizationId), eq(platformEnforcements.reference, reference)));
    if (seen) return { outcome: 'duplicate' as const, indicator: await indicatorOf(tx, seen.indicatorId) };

    const found = await findIndicator(tx, canonical.indicator);
    const existing = found ? await lockIndicator(tx, found.id) : undefined;
    let indicatorId: string;
    if (!existing) {
      // Listing counts the platform as a confirming source itself.
      indicatorId = (await listIdentifier(tx, caller, { value: canonical.indicator, verdict: 'confirmed', reasons }, policy)).indicator.id;
    } else {
      indicatorId = existing.id;
      // A disputed listing is settled by the supervisor deciding the dispute, not by a push.
      if (existing.verdict === 'suspected' || existing.verdict === 'cleared') await changeVerdict(tx, caller, existing.id, { verdict: 'confirmed', reasons }, policy);
      await addSourceContribution(tx, { indicatorId, organizationId: own.organizationId, sourceType: 'platform', confirmations: 1 });
    }
    await tx.update(indicators).set({ platformConfirmations: sql`${indicators.platformConfirmations} + 1`, updatedAt: new Date() }).where(eq(indicators.id, indicatorId));
    // The record's other identifiers: known ones are linked as they are; new ones are listed as
    // suspected, naming the record; verified-legitimate ones are left alone (never listed, never linked).
    const relatedIds: string[] = [];
    for (const c of related) {
      if (await findActiveLegitimate(tx, c.indicator)) continue;
      const known = await findIndicator(tx, c.indicator);
      const relatedReasons: ReasonsInput = { ...reasons, explanation: `Named in ${own.platform}'s enforcement record ${reference} with ${canonical.display}.` };
      relatedIds.push(known ? known.id : (await listIdentifier(tx, caller, { value: c.indicator, verdict: 'suspected', reasons: relatedReasons }, policy)).indicator.id);
    }
    if (relatedIds.length) await linkTogether(tx, [indicatorId, ...relatedIds]);
    await recordIndexChange(tx, canonical.indicator);
    const inserted = await tx
      .insert(platformEnforcements)
      .values({ organizationId: own.organizationId, platform: own.platform, reference, indicatorId, fraudType: item.fraudType, removedAt, note: item.note?.trim() || null })
      .onConflictDoNothing()
      .returning({ id: platformEnforcements.id });
    // The same reference pushed twice at once: the loser rolls back and is told to retry (then: duplicate).
    if (inserted.length === 0) throw conflict('This reference is being recorded by another request; retry.');
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'platform_enforcement.recorded',
      subjectType: 'indicator',
      subjectId: indicatorId,
      before: existing ? { verdict: existing.verdict, platformConfirmations: existing.platformConfirmations } : null,
      after: { platform: own.platform, reference, fraudType: item.fraudType, removedAt, ...(related.length ? { related: related.map((c) => c.indicator) } : {}) },
    });
    return { outcome: 'created' as const, indicator: await indicatorOf(tx, indicatorId) };
  });
}

async function indicatorOf(tx: Db, id: string) {
  const [row] = await tx
    .select({ id: indicators.id, indicator: indicators.indicator, verdict: indicators.verdict, platformConfirmations: indicators.platformConfirmations })
    .from(indicators)
    .where(eq(indicators.id, id));
  return row!;
}
