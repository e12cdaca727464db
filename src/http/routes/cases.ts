import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { bulkCaseAction } from '../../app/case-bulk.ts';
import { rejectCase, verifyCase } from '../../app/case-decisions.ts';
import { getCase, listCases } from '../../app/case-queue.ts';
import { assignCase, closeCase, commentOnCase, mergeCases, reopenCase, setCasePriority, triageCase } from '../../app/cases.ts';
import type { EvidenceStore } from '../../app/evidence-store.ts';
import type { IndicatorPolicy } from '../../app/indicators.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { CASE_SORTS } from '../../store/case-queue.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses, Uuid } from '../schemas/common.ts';
import { CaseDetail, CaseState, CaseSummary, DecisionResult, Words } from '../schemas/cases.ts';
import { ReasonsInput } from '../schemas/indicators.ts';

const SUPERVISORS = ['supervisor', 'admin'] as const;
const Priority = Type.Integer({ minimum: 1, maximum: 5 });
const Note = Type.String({ minLength: 1, maxLength: 4000 });
const BulkCaseIds = Type.Array(Uuid, { minItems: 1, maxItems: 100 });
const withConflict = { 200: CaseSummary, 409: Type.Ref('Problem'), ...problemResponses };
const body = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });

/** The agency's case work: the queue, a case's detail and every action on it. */
export const caseRoutes: FastifyPluginAsyncTypebox<{ db: Db; policy: IndicatorPolicy; evidence: EvidenceStore }> = async (app, { db, policy, evidence }) => {
  const staff = { access: { roles: AGENCY_ROLES } };

  app.get(
    '/api/v1/cases',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: 'The case queue: filters, sorting, cursor pagination and counts per status',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Array(CaseState, { maxItems: 9 })),
            category: Type.Optional(Type.String({ maxLength: 64 })),
            priority: Type.Optional(Priority),
            minRisk: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Only cases whose risk score is at least this.' })),
            coordinated: Type.Optional(Type.Boolean({ description: 'Only cases flagged (or, false, not flagged) for coordinated reporting.' })),
            assignee: Type.Optional(Type.String({ maxLength: 64, description: 'A user id, "me" or "none".' })),
            escalationDue: Type.Optional(Type.Boolean({ description: 'Only cases with an escalation due soon or overdue (or, false, without).' })),
            sort: Type.Enum(CASE_SORTS, { default: 'updated' }),
            cursor: Type.Optional(Type.String({ maxLength: 400 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(CaseSummary), nextCursor: Type.Union([Type.String(), Type.Null()]), counts: Type.Record(Type.String(), Type.Integer()) }),
          ...problemResponses,
        },
      },
    },
    async (request) => listCases(db, request.caller, request.query),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: staff,
      schema: { tags: ['cases'], summary: 'A case: reports with narratives, indicators with verdicts, the event timeline', params: IdParams, response: { 200: CaseDetail, ...problemResponses } },
    },
    async (request) => getCase(db, request.caller, request.params.id),
  );

  app.post(
    '/api/v1/cases/:id/triage',
    {
      config: staff,
      schema: { tags: ['cases'], summary: 'Triage a new case', params: IdParams, body: body({ priority: Type.Optional(Priority), category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), note: Type.Optional(Note) }), response: withConflict },
    },
    async (request) => triageCase(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/cases/:id/assign',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: 'Assign a case (supervisors: anyone or nobody; analysts: themselves)',
        params: IdParams,
        body: body({ assigneeUserId: Type.Union([Uuid, Type.Null()]) }),
        response: withConflict,
      },
    },
    async (request) => assignCase(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/cases/:id/comments',
    { config: staff, schema: { tags: ['cases'], summary: 'Comment on a case', params: IdParams, body: body({ text: Note }), response: withConflict } },
    async (request) => commentOnCase(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/cases/:id/priority',
    { config: staff, schema: { tags: ['cases'], summary: 'Set the priority of a case', params: IdParams, body: body({ priority: Priority, note: Type.Optional(Note) }), response: withConflict } },
    async (request) => setCasePriority(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/cases/:id/verify',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: "Verify a case: its indicators become confirmed, each with the statement of reasons given (the caller decides)",
        params: IdParams,
        body: body({ reasons: ReasonsInput, confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })) }),
        response: { 200: DecisionResult, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => verifyCase(db, request.caller, request.params.id, request.body, policy),
  );

  app.post(
    '/api/v1/cases/:id/reject',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: 'Reject a case: clear its suspected indicators (with a statement of reasons) or leave them suspected',
        params: IdParams,
        body: body({ reason: Type.String({ minLength: 3, maxLength: 4000 }), indicators: Type.Enum(['clear', 'keep_suspected'] as const), reasons: Type.Optional(ReasonsInput) }),
        response: { 200: DecisionResult, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => rejectCase(db, request.caller, request.params.id, request.body, policy),
  );

  app.post(
    '/api/v1/cases/:id/reopen',
    {
      config: { access: { roles: SUPERVISORS } },
      schema: { tags: ['cases'], summary: 'Reopen a closed, rejected or actioned case (supervisors)', params: IdParams, body: body({ reason: Type.String({ minLength: 3, maxLength: 4000 }) }), response: withConflict },
    },
    async (request) => reopenCase(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/cases/:id/merge',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: 'Merge another case into this one: its reports and indicators move here, it becomes merged',
        params: IdParams,
        body: body({ sourceCaseId: Uuid, reason: Type.String({ minLength: 3, maxLength: 4000 }) }),
        response: { 200: Type.Object({ target: CaseSummary, merged: CaseSummary }), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => mergeCases(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/cases/:id/close',
    {
      config: staff,
      schema: { tags: ['cases'], summary: 'Close a verified or actioned case', params: IdParams, body: body({ note: Type.Optional(Note), outcome: Type.Optional(Words) }), response: withConflict },
    },
    async (request) => closeCase(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/cases/bulk',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: 'Assign, verify or escalate many cases from the queue; one result per case',
        description:
          'Each case is its own transaction: a refused case does not undo the others, and each has its result (status, and the problem\'s code, detail and field errors when refused). ' +
          '`escalate` (analysts and supervisors, as the single-case route) sends, per case, the subjects the case names that the chosen `platforms` own (all platforms when absent), with the fraud category, legal basis and message, one escalation per platform; no evidence files are shared from the queue. ' +
          'A request wrong for every case (incomplete reasons, unknown fraud category, no legal basis) is refused at once with 400 and touches no case.',
        body: Type.Union([
          body({ action: Type.Literal('assign'), caseIds: BulkCaseIds, assigneeUserId: Type.Union([Uuid, Type.Null()]) }),
          body({ action: Type.Literal('verify'), caseIds: BulkCaseIds, reasons: ReasonsInput, confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })) }),
          body({
            action: Type.Literal('escalate'),
            caseIds: BulkCaseIds,
            fraudCategory: Type.String({ minLength: 1, maxLength: 64 }),
            legalBasis: Type.String({ minLength: 1, maxLength: 400 }),
            message: Type.Optional(Type.String({ maxLength: 4000 })),
            platforms: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9_]{1,32}$' }), { minItems: 1, maxItems: 20, description: 'Only subjects these platforms own (`facebook`, `zalo`, …).' })),
          }),
        ]),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                caseId: Type.String(),
                ok: Type.Boolean(),
                status: Type.Integer(),
                case: Type.Optional(CaseSummary),
                escalations: Type.Optional(Type.Array(Type.Object({ id: Type.String(), platform: Type.String(), dueAt: Type.String({ format: 'date-time' }), subjects: Type.Array(Type.String()) }))),
                error: Type.Optional(
                  Type.Object({
                    code: Type.String(),
                    detail: Type.String(),
                    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String(), code: Type.Optional(Type.String()) }))),
                  }),
                ),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => bulkCaseAction(db, request.caller, request.body, { policy, evidence }),
  );
};
