import { and, eq, inArray } from 'drizzle-orm';
import { CASE_STATES, nextState } from '../domain/cases/state-machine.ts';
import { findCase, findCasesSharingIndicators, listCaseIndicatorIds } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { caseIndicators, cases, indicators } from '../store/schema.ts';
import { caseView, type CaseView } from './case-queue.ts';
import { badRequest, notFound } from './errors.ts';

const REFERENCE = /^CG-\d{4}-\d{1,12}$/;
const MAX_SUGGESTIONS = 20;

export interface MergeCandidate {
  case: CaseView;
  /** Indicators both cases hold (what makes it a likely duplicate). */
  sharedIndicators: { id: string; indicator: string; display: string }[];
  /** Whether it can be merged into the case now (only cases not yet before a platform can). */
  mergeable: boolean;
}

/**
 * Cases an analyst may merge into `caseId`: the one with a given reference, or else the cases
 * holding any of the same indicators (most shared first). The case itself and merged cases are
 * left out; each candidate says whether its state lets it be merged.
 */
export async function mergeCandidates(db: Db, caseId: string, query: { reference?: string }): Promise<{ items: MergeCandidate[] }> {
  const target = await findCase(db, caseId);
  if (!target) throw notFound('The case');
  const ownIndicators = await listCaseIndicatorIds(db, caseId);
  let candidateIds: string[];
  if (query.reference !== undefined) {
    const reference = query.reference.trim().toUpperCase();
    if (!REFERENCE.test(reference)) throw badRequest('That is not a case reference.', [{ field: 'querystring:/reference', message: 'A reference looks like CG-2026-000123.' }]);
    const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference));
    candidateIds = row && row.id !== caseId ? [row.id] : [];
  } else {
    const pairs = await findCasesSharingIndicators(db, ownIndicators, CASE_STATES.filter((s) => s !== 'merged'));
    const counts = new Map<string, number>();
    for (const p of pairs) if (p.caseId !== caseId) counts.set(p.caseId, (counts.get(p.caseId) ?? 0) + 1);
    candidateIds = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_SUGGESTIONS).map(([id]) => id);
  }
  if (candidateIds.length === 0) return { items: [] };
  // At most 20 candidates: one read each keeps the bigint normalisation of findCase.
  const rows = await Promise.all(candidateIds.map((id) => findCase(db, id)));
  const shared = ownIndicators.length
    ? await db
        .select({ caseId: caseIndicators.caseId, id: indicators.id, indicator: indicators.indicator, display: indicators.display })
        .from(caseIndicators)
        .innerJoin(indicators, eq(indicators.id, caseIndicators.indicatorId))
        .where(and(inArray(caseIndicators.caseId, candidateIds), inArray(caseIndicators.indicatorId, ownIndicators)))
    : [];
  return {
    items: rows
      .filter((r) => r !== undefined)
      .map((r) => ({
        case: caseView(r),
        sharedIndicators: shared.filter((s) => s.caseId === r.id).map((s) => ({ id: s.id, indicator: s.indicator, display: s.display })),
        mergeable: r.status !== 'merged' && nextState(r.status, 'merged').ok && nextState(target.status, 'merge_received').ok,
      })),
  };
}
