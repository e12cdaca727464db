import { asc, eq, inArray } from 'drizzle-orm';
import { isCaseState, type CaseState } from '../domain/cases/state-machine.ts';
import { allowedEvents } from '../domain/cases/state-machine.ts';
import { countCasesByStatus, listCaseRows, sortValueOf, type CaseQueueFilter, type CaseSort, type SortValue } from '../store/case-queue.ts';
import { findCase, listCaseEvents, listCaseIndicatorIds, listCaseReports, type CaseEventRow, type CaseRow } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { escalations, indicators } from '../store/schema.ts';
import type { Caller } from './caller.ts';
import { badRequest, notFound } from './errors.ts';
import { indicatorView, type IndicatorView } from './indicators.ts';

export interface CaseView {
  id: string;
  reference: string;
  status: CaseState;
  priority: number;
  /** The highest risk score (0–100) of its reports at intake. */
  riskScore: number;
  /** Set when its reports look coordinated: the reasons, for a human to weigh (src/domain/reports/coordination.ts). */
  coordination: { reasons: { signal: string; count: number; detail: string }[]; flaggedAt: string } | null;
  category: string;
  assigneeUserId: string | null;
  mergedIntoCaseId: string | null;
  reportCount: number;
  amountLostVnd: number;
  lastEventSeq: number;
  allowedEvents: string[];
  createdAt: string;
  updatedAt: string;
}

export function caseView(r: CaseRow): CaseView {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    priority: r.priority,
    riskScore: r.riskScore,
    coordination: (r.coordination as CaseView['coordination']) ?? null,
    category: r.category,
    assigneeUserId: r.assigneeUserId,
    mergedIntoCaseId: r.mergedIntoCaseId,
    reportCount: r.reportCount,
    amountLostVnd: r.amountLostVnd,
    lastEventSeq: r.lastEventSeq,
    allowedEvents: allowedEvents(r.status),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export interface CaseQueueQuery {
  status?: string[];
  category?: string;
  priority?: number;
  minRisk?: number;
  coordinated?: boolean;
  /** A user id, `me`, or `none` for unassigned. */
  assignee?: string;
  escalationDue?: boolean;
  sort?: CaseSort;
  cursor?: string;
  limit: number;
}

function decodeCursor(cursor: string, sort: CaseSort): { value: SortValue; id: string } {
  const bad = badRequest('The cursor is not valid.', [{ field: 'querystring:/cursor', message: 'Use the nextCursor of a previous page with the same sort.' }]);
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; v?: unknown; id?: unknown };
    if (parsed.s !== sort || typeof parsed.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(parsed.id)) throw bad;
    const numeric = sort === 'priority' || sort === 'risk' || sort === 'amount' || sort === 'reports';
    if (numeric ? typeof parsed.v !== 'number' : typeof parsed.v !== 'string' || Number.isNaN(Date.parse(parsed.v))) throw bad;
    return { value: parsed.v as SortValue, id: parsed.id };
  } catch {
    throw bad;
  }
}

/** The analysts' queue: filtered, sorted, cursor-paginated, with counts per status for the tabs. */
export async function listCases(db: Db, caller: Caller, query: CaseQueueQuery) {
  const sort = query.sort ?? 'updated';
  const statuses = query.status ?? [];
  const unknown = statuses.filter((s) => !isCaseState(s));
  if (unknown.length) throw badRequest(`Unknown case status: ${unknown.join(', ')}.`, [{ field: 'querystring:/status', message: 'Use the case states.' }]);
  let assigneeUserId: string | null | undefined;
  if (query.assignee === 'none') assigneeUserId = null;
  else if (query.assignee === 'me') assigneeUserId = caller.actor.type === 'user' ? caller.actor.userId : null;
  else if (query.assignee !== undefined) {
    if (!/^[0-9a-f-]{36}$/i.test(query.assignee)) throw badRequest('The assignee is a user id, "me" or "none".', [{ field: 'querystring:/assignee', message: 'A user id, "me" or "none".' }]);
    assigneeUserId = query.assignee;
  }
  const filter: CaseQueueFilter = {
    statuses: statuses as CaseState[],
    category: query.category,
    priority: query.priority,
    minRisk: query.minRisk,
    coordinated: query.coordinated,
    assigneeUserId,
    escalationDue: query.escalationDue,
    now: new Date(),
  };
  const after = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
  const [rows, counts] = await Promise.all([listCaseRows(db, filter, sort, after, query.limit + 1), countCasesByStatus(db, filter)]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(caseView),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify({ s: sort, v: sortValueOf(last, sort), id: last.id })).toString('base64url') : null,
    counts,
  };
}

function eventView(e: CaseEventRow) {
  return {
    id: e.id,
    type: e.type,
    actor: { type: e.actorType, id: e.actorId, organizationId: e.organizationId },
    payload: e.payload,
    at: e.createdAt.toISOString(),
  };
}

/**
 * A case for the agency: its reports with their narratives (reporters' contact details stay
 * behind the report route), its indicators with their verdicts, and the event timeline.
 */
export async function getCase(db: Db, _caller: Caller, id: string) {
  const row = await findCase(db, id);
  if (!row) throw notFound('The case');
  const [reportRows, indicatorIds, events, escalationRows] = await Promise.all([
    listCaseReports(db, id),
    listCaseIndicatorIds(db, id),
    listCaseEvents(db, id),
    db
      .select({ id: escalations.id, platform: escalations.platform, status: escalations.status, dueAt: escalations.dueAt, action: escalations.action })
      .from(escalations)
      .where(eq(escalations.caseId, id))
      .orderBy(asc(escalations.createdAt)),
  ]);
  const indicatorRows = indicatorIds.length ? await db.select().from(indicators).where(inArray(indicators.id, indicatorIds)).orderBy(asc(indicators.indicator)) : [];
  return {
    ...caseView(row),
    reports: reportRows.map((r) => ({
      id: r.id,
      trackingCode: r.trackingCode,
      channel: r.channel,
      category: r.category,
      narrative: r.narrative,
      occurredAt: r.occurredAt?.toISOString() ?? null,
      amountLostVnd: r.amountLostVnd === null ? null : Number(r.amountLostVnd),
      paymentMethod: r.paymentMethod,
      status: r.status,
      outcome: r.outcome,
      createdAt: r.createdAt.toISOString(),
    })),
    indicators: indicatorRows.map((r): IndicatorView => indicatorView(r)),
    escalations: escalationRows.map((e) => ({ id: e.id, platform: e.platform, status: e.status, dueAt: e.dueAt.toISOString(), action: e.action })),
    events: events.map(eventView),
  };
}
