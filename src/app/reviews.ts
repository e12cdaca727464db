import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { closeReview as closeReviewRow, findReview, listReviews as listReviewRows, type ReviewRow } from '../store/reviews.ts';
import { auditActor, type Caller } from './caller.ts';
import { conflict, notFound } from './errors.ts';

export interface ReviewView {
  id: string;
  indicator: string;
  indicatorId: string | null;
  reason: string;
  detail: unknown;
  status: 'open' | 'closed';
  outcome: string | null;
  createdAt: string;
  closedAt: string | null;
}

function view(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    indicator: r.indicator,
    indicatorId: r.indicatorId,
    reason: r.reason,
    detail: r.detail,
    status: r.status,
    outcome: r.outcome,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

export async function listReviews(db: Db, status: 'open' | 'closed', limit: number): Promise<ReviewView[]> {
  return (await listReviewRows(db, status, limit)).map(view);
}

/** Closes a review with what was decided (a verdict change, if any, is its own call with reasons). */
export async function closeReview(db: Db, caller: Caller, id: string, outcome: string): Promise<ReviewView> {
  return db.transaction(async (tx) => {
    const existing = await findReview(tx, id);
    if (!existing) throw notFound('The review');
    if (existing.status === 'closed') throw conflict('The review is already closed.');
    const row = await closeReviewRow(tx, id, { outcome: outcome.trim(), closedBy: caller.actor.type === 'user' ? caller.actor.userId : null });
    await appendAudit(tx, { ...auditActor(caller), action: 'review.closed', subjectType: 'indicator_review', subjectId: id, before: view(existing), after: view(row) });
    return view(row);
  });
}
