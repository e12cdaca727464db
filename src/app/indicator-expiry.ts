import type { Db } from '../store/connection.ts';
import { findConfirmedDueForReview, findExpiredSuspected, lockIndicator, updateIndicator } from '../store/indicators.ts';
import { openReview } from '../store/reviews.ts';
import { systemCaller } from './caller.ts';
import { changeVerdictIf, type IndicatorPolicy } from './indicators.ts';

/**
 * The expiry policy: a suspected indicator with no new report by its expiry date is cleared by
 * an automated rule (with its statement of reasons); a confirmed one is never dropped silently —
 * it comes up for review, and its review date moves on so it is not queued twice.
 */
export async function applyExpiryPolicy(db: Db, policy: IndicatorPolicy, now = new Date(), batch = 500): Promise<{ cleared: number; reviewsOpened: number }> {
  const caller = systemCaller('expiry');
  let cleared = 0;
  for (const row of await findExpiredSuspected(db, now, batch)) {
    const done = await changeVerdictIf(
      db,
      caller,
      row.id,
      {
        verdict: 'cleared',
        reasons: {
          ground: (row.fraudTypes[0] as never) ?? 'other',
          legalBasis: `Expiry policy: suspected identifiers with no new report for ${policy.suspectedExpiryDays} days are cleared`,
          evidence: ['no_new_reports'],
          sourceType: 'automated',
        },
      },
      policy,
      // A report that arrived meanwhile moved the expiry on: nothing to clear.
      (locked) => locked.verdict === 'suspected' && locked.expiresAt !== null && locked.expiresAt <= now,
    );
    if (done) cleared++;
  }
  let reviewsOpened = 0;
  for (const row of await findConfirmedDueForReview(db, now, batch)) {
    await db.transaction(async (tx) => {
      const locked = await lockIndicator(tx, row.id);
      if (!locked || locked.verdict !== 'confirmed') return;
      const { created } = await openReview(tx, { indicator: locked.indicator, indicatorId: locked.id, reason: 'confirmed_review_due', detail: { confirmedSince: locked.updatedAt.toISOString() } });
      await updateIndicator(tx, locked.id, { reviewAt: new Date(now.getTime() + policy.confirmedReviewDays * 86_400_000) });
      if (created) reviewsOpened++;
    });
  }
  return { cleared, reviewsOpened };
}
