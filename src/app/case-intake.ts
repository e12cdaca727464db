import { randomUUID } from 'node:crypto';
import { JOINABLE_STATES, nextState } from '../domain/cases/state-machine.ts';
import type { AuditEntry } from '../store/audit-log.ts';
import {
  addCaseIndicatorPairs,
  bumpCases,
  flagCases,
  recentCaseReports,
  findCasesSharingIndicators,
  insertCaseEvents,
  insertCases,
  lockCases,
  lockIndicatorsForJoiningAll,
  nextCaseReferences,
  type CaseEventInput,
  type CaseRow,
} from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import type { ReportRow } from '../store/reports.ts';
import { assessCoordination, RECENT_REPORTS_LOOKED_AT, RECENT_WINDOW_MS, type CoordinationReason } from '../domain/reports/coordination.ts';
import { auditActor, type Caller } from './caller.ts';
import type { LinkedIdentifier, PreparedReport } from './report-batch.ts';

/** Priorities run from 1 (most urgent) to 5; a case opens at 3. */
const DEFAULT_PRIORITY = 3;
const URGENT_PRIORITY = 1;

/** The event's actor columns, from the same caller the audit record names. */
export function eventActor(caller: Caller): Pick<CaseEventInput, 'actorType' | 'actorId' | 'organizationId'> {
  const a = auditActor(caller);
  return { actorType: a.actorType, actorId: a.actorId ?? null, organizationId: a.organizationId ?? null };
}

export interface CaseHandOver {
  caseOf: Map<PreparedReport, string>;
  audit: Map<PreparedReport, AuditEntry>;
  /** The state of the existing case a report joined (for the reporter's status). */
  joinedStatus: Map<PreparedReport, CaseRow['status']>;
  /** The reports that opened a new case. */
  opened: Set<PreparedReport>;
}

interface TargetCase {
  id: string;
  reference: string | null;
  created: boolean;
  /** Order among candidates: existing cases by age, then the batch's new cases in creation order. */
  order: [number, string];
  status: CaseRow['status'];
  indicatorIds: Set<string>;
  /** For a case the batch opens: the report that opened it, and its category. */
  openedBy: { reportId: string; category: string } | null;
}

/**
 * Puts each report into the oldest joinable case sharing an identifier with it (including
 * cases the batch itself opened for earlier reports), or a new one, inside the intake
 * transaction. Joining is serialised per identifier (transaction-scoped advisory locks, taken
 * in a fixed order), so two batches naming the same new identifier at once open one case, not two.
 * The reports themselves are not written here: the caller writes them with their case (`caseOf`).
 */
export async function handOverToCases(
  tx: Db,
  reports: readonly { item: PreparedReport; report: ReportRow; linked: LinkedIdentifier[]; urgent: boolean; riskScore: number }[],
  now: Date,
): Promise<CaseHandOver> {
  const allIds = [...new Set(reports.flatMap((r) => r.linked.map((l) => l.indicatorId)))];
  await lockIndicatorsForJoiningAll(tx, allIds);
  const pairs = await findCasesSharingIndicators(tx, allIds, JOINABLE_STATES);
  const lockedCases = await lockCases(tx, [...new Set(pairs.map((p) => p.caseId))]);
  const targets = new Map<string, TargetCase>();
  for (const c of lockedCases) {
    // The search ran before the row lock: a case that left the joinable states since is skipped.
    if (!nextState(c.status, 'report_added').ok) continue;
    targets.set(c.id, { id: c.id, reference: c.reference, created: false, order: [c.createdAt.getTime(), c.id], status: c.status, indicatorIds: new Set(), openedBy: null });
  }
  const casesOfIndicator = new Map<string, Set<string>>();
  const holdIn = (indicatorId: string, caseId: string) => {
    const set = casesOfIndicator.get(indicatorId) ?? new Set<string>();
    set.add(caseId);
    casesOfIndicator.set(indicatorId, set);
  };
  for (const p of pairs) {
    const target = targets.get(p.caseId);
    if (!target) continue;
    target.indicatorIds.add(p.indicatorId);
    holdIn(p.indicatorId, p.caseId);
  }

  const newCases: TargetCase[] = [];
  const events: ({ caseId: string } & CaseEventInput)[] = [];
  const bumps = new Map<string, { addReports: number; addAmountLostVnd: number; lastEvent: number; priority: number | null; riskScore: number }>();
  const result: CaseHandOver = { caseOf: new Map(), audit: new Map(), joinedStatus: new Map(), opened: new Set() };
  const pendingAudit: { item: PreparedReport; target: TargetCase; reportId: string; added: string[] }[] = [];
  for (const { item, report, linked, urgent, riskScore } of reports) {
    const ids = [...new Set(linked.map((l) => l.indicatorId))];
    const candidates = [...new Set(ids.flatMap((id) => [...(casesOfIndicator.get(id) ?? [])]))].map((id) => targets.get(id)!);
    candidates.sort((a, b) => a.order[0] - b.order[0] || (a.order[1] < b.order[1] ? -1 : a.order[1] > b.order[1] ? 1 : 0));
    let target = candidates[0];
    const actor = eventActor(item.caller);
    if (!target) {
      target = { id: randomUUID(), reference: null, created: true, order: [Number.MAX_SAFE_INTEGER, String(newCases.length).padStart(8, '0')], status: 'new', indicatorIds: new Set(), openedBy: { reportId: report.id, category: item.category } };
      newCases.push(target);
      targets.set(target.id, target);
      events.push({ caseId: target.id, ...actor, type: 'created', payload: { category: item.category, reportId: report.id } });
      result.opened.add(item);
    } else if (!target.created) {
      result.joinedStatus.set(item, target.status);
    }
    const added = ids.filter((id) => !target.indicatorIds.has(id));
    for (const id of added) {
      target.indicatorIds.add(id);
      holdIn(id, target.id);
    }
    const amount = item.amountLostVnd && item.amountLostVnd > 0 ? item.amountLostVnd : 0;
    events.push({
      caseId: target.id,
      ...actor,
      type: 'report_added',
      // `priority`: the report names a confirmed indicator or a network holding one, so the case goes to the top.
      payload: { reportId: report.id, indicatorIds: added, amountLostVnd: amount, ...(urgent ? { priority: URGENT_PRIORITY, reason: 'confirmed_network' } : {}) },
    });
    const bump = bumps.get(target.id) ?? { addReports: 0, addAmountLostVnd: 0, lastEvent: 0, priority: null, riskScore: 0 };
    if (urgent) bump.priority = URGENT_PRIORITY;
    bump.riskScore = Math.max(bump.riskScore, riskScore);
    bump.addReports++;
    bump.addAmountLostVnd += amount;
    bumps.set(target.id, bump);
    result.caseOf.set(item, target.id);
    pendingAudit.push({ item, target, reportId: report.id, added });
  }

  const references = await nextCaseReferences(tx, now, newCases.length);
  newCases.forEach((c, n) => (c.reference = references[n]!));
  await insertCases(
    tx,
    // A millisecond apart, so "the oldest case" stays the one opened first.
    newCases.map((c, n) => ({ id: c.id, reference: c.reference!, category: c.openedBy!.category, createdAt: new Date(now.getTime() + n), priority: bumps.get(c.id)!.priority ?? DEFAULT_PRIORITY, riskScore: bumps.get(c.id)!.riskScore })),
  );
  const eventIds = await insertCaseEvents(tx, events);
  events.forEach((e, n) => {
    const bump = bumps.get(e.caseId)!;
    bump.lastEvent = Math.max(bump.lastEvent, eventIds[n]!);
  });
  await bumpCases(tx, [...bumps].map(([caseId, b]) => ({ caseId, addReports: b.addReports, addAmountLostVnd: b.addAmountLostVnd, lastEventSeq: b.lastEvent, priority: b.priority, riskScore: b.riskScore })));
  // Last: inside the intake's holdWrites it is sent together with the reports' rows.
  await addCaseIndicatorPairs(
    tx,
    [...targets.values()].flatMap((t) => (bumps.has(t.id) ? [...t.indicatorIds].map((indicatorId) => ({ caseId: t.id, indicatorId })) : [])),
  );

  for (const p of pendingAudit) {
    result.audit.set(p.item, {
      ...auditActor(p.item.caller),
      action: result.opened.has(p.item) ? 'case.created' : 'case.report_added',
      subjectType: 'case',
      subjectId: p.target.id,
      after: { reference: p.target.reference, reportId: p.reportId, addedIndicatorIds: p.added },
    });
  }
  return result;
}

/**
 * Looks at the recent reports of the cases a batch touched for signs of coordinated reporting
 * (src/domain/reports/coordination.ts) and flags the cases that show them, once, with the
 * reasons for an analyst to weigh. Returns the audit records of the flags.
 */
export async function flagCoordinatedCases(tx: Db, caseIds: readonly string[], now: Date): Promise<AuditEntry[]> {
  const recent = await recentCaseReports(tx, caseIds, new Date(now.getTime() - RECENT_WINDOW_MS), RECENT_REPORTS_LOOKED_AT);
  const flags: { caseId: string; coordination: { reasons: CoordinationReason[]; flaggedAt: string } }[] = [];
  for (const [caseId, reports] of recent) {
    const assessment = assessCoordination(reports, now);
    if (assessment.flagged) flags.push({ caseId, coordination: { reasons: assessment.reasons, flaggedAt: now.toISOString() } });
  }
  const flagged = await flagCases(tx, flags);
  return flags
    .filter((f) => flagged.has(f.caseId))
    .map((f) => ({ actorType: 'system', actorId: 'coordination-check', action: 'case.flagged_coordinated', subjectType: 'case', subjectId: f.caseId, after: f.coordination }));
}
