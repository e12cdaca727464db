import type { IdentifierKind } from '../domain/identifiers/index.ts';
import { indicatorSha256, rangePrefixOf } from '../domain/indicators/hashing.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { findIndicator } from '../store/indicators.ts';
import { findActiveLegitimate, findLegitimateById, insertLegitimate, listActiveLegitimate, markLegitimateRemoved, type LegitimateRow } from '../store/legitimate.ts';
import { recordIndexChange } from '../store/indicators.ts';
import { openReview } from '../store/reviews.ts';
import { auditActor, type Caller } from './caller.ts';
import { conflict, notFound } from './errors.ts';
import { canonicalOrThrow } from './indicators.ts';

export const LEGITIMATE_CATEGORIES = ['bank', 'government', 'platform', 'telco', 'e_wallet', 'e_commerce', 'delivery', 'other'] as const;

export interface LegitimateView {
  id: string;
  indicator: string;
  kind: string;
  display: string;
  ownerName: string;
  ownerOrganizationId: string | null;
  category: string;
  note: string | null;
  createdAt: string;
}

function view(r: LegitimateRow): LegitimateView {
  return {
    id: r.id,
    indicator: r.indicator,
    kind: r.kind,
    display: r.display,
    ownerName: r.ownerName,
    ownerOrganizationId: r.ownerOrganizationId,
    category: r.category,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}

export interface NewLegitimateInput {
  value: string;
  kind?: IdentifierKind;
  ownerName: string;
  ownerOrganizationId?: string | null;
  category: (typeof LEGITIMATE_CATEGORIES)[number];
  note?: string | null;
}

/**
 * Registers an official identifier. If it is currently listed, the listing is not changed
 * silently: a review is opened so an analyst clears it with a statement of reasons.
 */
export async function registerLegitimate(db: Db, caller: Caller, input: NewLegitimateInput): Promise<{ legitimate: LegitimateView; reviewOpened: boolean }> {
  const canonical = canonicalOrThrow(input.value, input.kind, '/value');
  return db.transaction(async (tx) => {
    if (await findActiveLegitimate(tx, canonical.indicator)) throw conflict(`${canonical.display} is already registered as legitimate.`);
    const sha = indicatorSha256(canonical.indicator);
    const row = await insertLegitimate(tx, {
      indicator: canonical.indicator,
      kind: canonical.kind,
      display: canonical.display,
      sha256: sha,
      rangePrefix: rangePrefixOf(sha),
      ownerName: input.ownerName.trim(),
      ownerOrganizationId: input.ownerOrganizationId ?? null,
      category: input.category,
      note: input.note?.trim() || null,
      createdBy: caller.actor.type === 'user' ? caller.actor.userId : null,
    });
    const listed = await findIndicator(tx, canonical.indicator);
    let reviewOpened = false;
    if (listed && listed.verdict !== 'cleared') {
      await openReview(tx, { indicator: listed.indicator, indicatorId: listed.id, reason: 'legitimate_conflict', detail: { owner: row.ownerName, verdict: listed.verdict } });
      reviewOpened = true;
    }
    await recordIndexChange(tx, row.indicator);
    await appendAudit(tx, { ...auditActor(caller), action: 'legitimate.registered', subjectType: 'legitimate_identifier', subjectId: row.id, after: view(row) });
    return { legitimate: view(row), reviewOpened };
  });
}

export async function removeLegitimate(db: Db, caller: Caller, id: string): Promise<LegitimateView> {
  return db.transaction(async (tx) => {
    const existing = await findLegitimateById(tx, id);
    if (!existing || existing.removedAt) throw notFound('The legitimate identifier');
    const row = await markLegitimateRemoved(tx, id);
    await recordIndexChange(tx, row.indicator);
    await appendAudit(tx, { ...auditActor(caller), action: 'legitimate.removed', subjectType: 'legitimate_identifier', subjectId: id, before: view(existing) });
    return view(row);
  });
}

export async function listLegitimate(db: Db): Promise<LegitimateView[]> {
  return (await listActiveLegitimate(db)).map(view);
}
