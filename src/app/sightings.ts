import type { IdentifierKind } from '../domain/identifiers/index.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { findIndicator } from '../store/indicators.ts';
import { openReview } from '../store/reviews.ts';
import type { SightingType } from '../store/schema.ts';
import { insertSighting, sightingCounts } from '../store/sightings.ts';
import { auditActor, type Caller } from './caller.ts';
import { badRequest, forbidden, notFound } from './errors.ts';
import { canonicalOrThrow } from './indicators.ts';

export interface SightingInput {
  value: string;
  kind?: IdentifierKind;
  type: SightingType;
  count?: number;
  observedAt?: string;
  note?: string | null;
}

/**
 * A partner says it saw an indicator, found it a false positive, or saw it gone. False
 * positives and "gone" open a review for the agency (one open review per indicator and reason).
 */
export async function recordSighting(db: Db, caller: Caller, input: SightingInput) {
  const a = caller.actor;
  if (a.type !== 'api_key' && a.type !== 'user') throw forbidden();
  const canonical = canonicalOrThrow(input.value, input.kind, '/value');
  const observedAt = input.observedAt ? new Date(input.observedAt) : new Date();
  if (Number.isNaN(observedAt.getTime()) || observedAt.getTime() > Date.now() + 5 * 60_000) {
    throw badRequest('observedAt must be a time that has already happened.', [{ field: '/observedAt', message: 'Not in the future.' }]);
  }
  return db.transaction(async (tx) => {
    const indicator = await findIndicator(tx, canonical.indicator);
    // Partners only see listed indicators; an unknown or cleared one is "not found" to them.
    if (!indicator || indicator.verdict === 'cleared' || indicator.tlp === 'red') throw notFound(`The indicator ${canonical.display}`);
    const row = await insertSighting(tx, {
      indicatorId: indicator.id,
      organizationId: a.organizationId,
      type: input.type,
      count: input.count ?? 1,
      observedAt,
      note: input.note?.trim() || null,
    });
    let reviewId: string | null = null;
    if (input.type !== 'seen') {
      const { review } = await openReview(tx, {
        indicator: indicator.indicator,
        indicatorId: indicator.id,
        reason: input.type === 'false_positive' ? 'false_positive_sighting' : 'gone_sighting',
        detail: { organizationId: a.organizationId, note: row.note },
      });
      reviewId = review.id;
    }
    await appendAudit(tx, { ...auditActor(caller), action: `sighting.${input.type}`, subjectType: 'indicator', subjectId: indicator.id, after: { sightingId: row.id, count: row.count } });
    return { id: row.id, indicator: indicator.indicator, type: row.type, reviewId, counts: await sightingCounts(tx, indicator.id) };
  });
}
