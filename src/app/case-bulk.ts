import { inArray } from 'drizzle-orm';
import { platformOfKind } from '../domain/escalations/platforms.ts';
import { FRAUD_TYPES, isFraudType } from '../domain/fraud-types.ts';
import { validateReasons, type ReasonsInput } from '../domain/indicators/statement-of-reasons.ts';
import { findCase, listCaseIndicatorIds } from '../store/cases.ts';
import type { Db } from '../store/connection.ts';
import { indicators } from '../store/schema.ts';
import type { Caller } from './caller.ts';
import { verifyCase } from './case-decisions.ts';
import { caseView, type CaseView } from './case-queue.ts';
import { assignCase } from './cases.ts';
import { AppError, badRequest, forbidden, notFound, unprocessable, type FieldError } from './errors.ts';
import type { EvidenceStore } from './evidence-store.ts';
import { escalateCase } from './escalations.ts';
import { decidedByOf, type IndicatorPolicy } from './indicators.ts';

export type BulkCaseAction =
  | { action: 'assign'; caseIds: string[]; assigneeUserId: string | null }
  | { action: 'verify'; caseIds: string[]; reasons: ReasonsInput; confidence?: number }
  | {
      action: 'escalate';
      caseIds: string[];
      fraudCategory: string;
      legalBasis: string;
      message?: string;
      /** Only the subjects these platforms own; all platforms when absent. */
      platforms?: string[];
    };

/** What one escalated case sent: one escalation per platform. */
export interface BulkEscalationSent {
  id: string;
  platform: string;
  dueAt: string;
  subjects: string[];
}

export type BulkItemResult =
  | { caseId: string; ok: true; status: 200 | 201; case: CaseView; escalations?: BulkEscalationSent[] }
  | { caseId: string; ok: false; status: number; error: { code: string; detail: string; errors?: FieldError[] } };

/** The same roles as the single-case escalation route (`POST /api/v1/cases/:id/escalations`). */
const ESCALATING_ROLES: readonly string[] = ['analyst', 'supervisor'];

export interface BulkDependencies {
  policy: IndicatorPolicy;
  evidence: EvidenceStore;
}

/** Refuses, once and before any case is touched, what would be wrong for every case. */
function checkRequest(caller: Caller, input: BulkCaseAction): void {
  if (input.action === 'verify') {
    // Bad reasons are the request's fault, not each case's.
    const checked = validateReasons(input.reasons, decidedByOf(caller));
    if (!checked.ok) throw badRequest('The statement of reasons is incomplete.', checked.errors);
  }
  if (input.action === 'escalate') {
    if (caller.actor.type !== 'user' || !ESCALATING_ROLES.includes(caller.actor.role)) throw forbidden('Escalations are made by the agency\'s analysts and supervisors.');
    const errors: FieldError[] = [];
    if (!isFraudType(input.fraudCategory)) errors.push({ field: '/fraudCategory', message: `The escalation channel is for fraud only: one of ${FRAUD_TYPES.join(', ')}.` });
    if (input.legalBasis.trim().length < 3) errors.push({ field: '/legalBasis', message: 'Name the legal basis (the law or decree the request rests on).' });
    if (input.platforms && new Set(input.platforms).size !== input.platforms.length) errors.push({ field: '/platforms', message: 'A platform is named twice.' });
    if (errors.length) throw badRequest('The escalation is incomplete.', errors);
  }
}

/**
 * The case's own indicators that a chosen platform answers for. The bulk action escalates what
 * each case itself names; widening to a case's network is a decision made case by case.
 */
async function platformSubjects(db: Db, caseId: string, platforms: readonly string[] | undefined): Promise<string[]> {
  const ids = await listCaseIndicatorIds(db, caseId);
  if (ids.length === 0) return [];
  const rows = await db.select({ id: indicators.id, kind: indicators.kind, indicator: indicators.indicator }).from(indicators).where(inArray(indicators.id, ids));
  return rows
    .filter((r) => {
      const platform = platformOfKind(r.kind);
      return platform !== null && (!platforms || platforms.includes(platform));
    })
    .sort((a, b) => a.indicator.localeCompare(b.indicator))
    .map((r) => r.id);
}

async function escalateOne(db: Db, caller: Caller, caseId: string, input: Extract<BulkCaseAction, { action: 'escalate' }>, evidence: EvidenceStore) {
  const subjects = await platformSubjects(db, caseId, input.platforms);
  if (subjects.length === 0) {
    if (!(await findCase(db, caseId))) throw notFound('The case');
    throw unprocessable('The case names no account or page that the chosen platforms answer for.', [{ field: '/platforms', message: 'No subject for these platforms.', code: 'no_platform_subjects' }]);
  }
  const { escalations } = await escalateCase(db, evidence, caller, caseId, {
    subjects,
    fraudCategory: input.fraudCategory,
    legalBasis: input.legalBasis,
    ...(input.message !== undefined ? { message: input.message } : {}),
  });
  const row = await findCase(db, caseId);
  return {
    case: caseView(row!),
    escalations: escalations.map((e) => ({ id: e.id, platform: e.platform, dueAt: e.dueAt, subjects: e.subjects.map((s) => s.indicator) })),
  };
}

/**
 * Applies one action to many cases from the queue. Each case is its own transaction: one
 * refused case (wrong state, gone, an escalation still open) does not undo the others, and
 * each gets its own answer.
 */
export async function bulkCaseAction(db: Db, caller: Caller, input: BulkCaseAction, deps: BulkDependencies): Promise<{ results: BulkItemResult[] }> {
  checkRequest(caller, input);
  const results: BulkItemResult[] = [];
  for (const caseId of [...new Set(input.caseIds)]) {
    try {
      switch (input.action) {
        case 'assign':
          results.push({ caseId, ok: true, status: 200, case: await assignCase(db, caller, caseId, { assigneeUserId: input.assigneeUserId }) });
          break;
        case 'verify': {
          const decided = await verifyCase(db, caller, caseId, { reasons: input.reasons, ...(input.confidence !== undefined ? { confidence: input.confidence } : {}) }, deps.policy);
          results.push({ caseId, ok: true, status: 200, case: decided.case });
          break;
        }
        case 'escalate':
          results.push({ caseId, ok: true, status: 201, ...(await escalateOne(db, caller, caseId, input, deps.evidence)) });
          break;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ caseId, ok: false, status: error.status, error: { code: error.code, detail: error.message, ...(error.errors?.length ? { errors: error.errors } : {}) } });
    }
  }
  return { results };
}
