import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { setPolicy, listPolicies } from '../../app/deadline-policies.ts';
import { acknowledgeEscalation, answerEscalation, answerMany } from '../../app/escalation-answers.ts';
import { escalationsCsv, parseAnswersCsv, ANSWER_COLUMNS, EXPORT_COLUMNS } from '../../app/escalation-csv.ts';
import { escalationFigures } from '../../app/escalation-figures.ts';
import { allEscalations, getEscalation, listEscalations, readSharedEvidence } from '../../app/escalation-views.ts';
import { escalateCase } from '../../app/escalations.ts';
import type { EvidenceStore } from '../../app/evidence-store.ts';
import type { IndicatorPolicy } from '../../app/indicators.ts';
import { pushEnforcements } from '../../app/platform-enforcements.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses } from '../schemas/common.ts';
import {
  AnswerBody,
  BulkAnswerItem,
  BulkAnswerResult,
  DeadlinePolicy,
  EnforcementBody,
  EnforcementResult,
  EscalateBody,
  EscalationDetail,
  EscalationFigures,
  EscalationStatus,
  EscalationSummary,
} from '../schemas/escalations.ts';

const withConflict = { 409: Type.Ref('Problem'), 422: Type.Ref('Problem'), ...problemResponses };

const listFields = {
  status: Type.Optional(Type.Array(EscalationStatus, { maxItems: 3 })),
  platform: Type.Optional(Type.String({ maxLength: 64, description: 'Agency only; a platform always sees just its own.' })),
  caseId: Type.Optional(Type.String({ format: 'uuid', description: 'Agency only.' })),
  dueBefore: Type.Optional(Type.String({ format: 'date-time' })),
  dueAfter: Type.Optional(Type.String({ format: 'date-time' })),
  overdue: Type.Optional(Type.Boolean({ description: 'true: unanswered and past due.' })),
};
const ListQuery = Type.Object(listFields, { additionalProperties: false });

/**
 * Escalations to platforms: the agency escalates a verified case and sets deadline policies;
 * a platform (its operators, or its API key with scope `escalations`) works its own inbox.
 */
export const escalationRoutes: FastifyPluginAsyncTypebox<{ db: Db; evidence: EvidenceStore; policy: IndicatorPolicy }> = async (app, { db, evidence, policy }) => {
  const escalators = { access: { roles: ['analyst', 'supervisor'] as const } };
  const readers = { access: { roles: [...AGENCY_ROLES, 'platform_operator'] as const, scopes: ['escalations'] as const } };
  const answerers = { access: { roles: ['platform_operator'] as const, scopes: ['escalations'] as const } };

  // Answers uploads arrive as CSV text; only the routes of this plugin accept it.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/cases/:id/escalations',
    {
      config: { ...escalators, idempotent: true },
      schema: {
        tags: ['escalations'],
        summary: 'Escalate a verified case\'s subjects to the platforms that own them',
        description:
          'One escalation per platform (Facebook subjects to the organization answering for `facebook`, Zalo to `zalo`, …), due after the platform\'s deadline policy (24 h by default). States its fraud category and legal basis. Subjects no platform owns, or outside the case, are refused per subject (422) and nothing is stored. Chosen evidence files are shared; images with `redactions` are shared only as copies with the boxes blacked out. The reports move to "sent to platform".',
        params: IdParams,
        body: EscalateBody,
        response: { 201: Type.Object({ escalations: Type.Array(EscalationSummary) }), ...withConflict },
      },
    },
    async (request, reply) => reply.code(201).send(await escalateCase(db, evidence, request.caller, request.params.id, request.body)),
  );

  app.get(
    '/api/v1/escalations',
    {
      config: readers,
      schema: {
        tags: ['escalations'],
        summary: 'Escalations: the agency sees all, a platform only its own',
        querystring: Type.Object({ ...listFields, cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(EscalationSummary), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses },
      },
    },
    async (request) => listEscalations(db, request.caller, request.query),
  );

  app.get(
    '/api/v1/escalations/export.csv',
    {
      config: readers,
      schema: {
        tags: ['escalations'],
        summary: 'The same escalations as CSV',
        description: `Columns: ${EXPORT_COLUMNS.join(', ')}. Subjects are space-separated canonical indicators.`,
        querystring: ListQuery,
        response: { 200: Type.String({ description: 'text/csv' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const csv = escalationsCsv(await allEscalations(db, request.caller, request.query));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="escalations.csv"').send(csv);
    },
  );

  app.get(
    '/api/v1/escalations/:id',
    {
      config: readers,
      schema: {
        tags: ['escalations'],
        summary: 'An escalation with its subjects and the evidence shared with the platform',
        description: 'Another platform\'s escalation is 404. Never contains reports, narratives or anything about reporters.',
        params: IdParams,
        response: { 200: EscalationDetail, ...problemResponses },
      },
    },
    async (request) => getEscalation(db, request.caller, request.params.id),
  );

  app.get(
    '/api/v1/escalations/:id/evidence/:sha256',
    {
      config: readers,
      schema: {
        tags: ['escalations'],
        summary: 'A file shared with the escalation (the redacted copy where one was made)',
        // Any other string is simply no file shared with the escalation: 404, like a wrong hash.
        params: Type.Object({ id: Type.String({ format: 'uuid' }), sha256: Type.String({ maxLength: 128, description: 'The sha256 (hex) of a shared file.' }) }),
        response: { 200: Type.Unknown({ description: 'The file bytes.' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await readSharedEvidence(db, evidence, request.caller, request.params.id, request.params.sha256);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${request.params.sha256.slice(0, 16)}"`)
        .header('cache-control', 'private, max-age=3600, immutable')
        .send(file.bytes);
    },
  );

  app.post(
    '/api/v1/escalations/:id/acknowledge',
    {
      config: answerers,
      schema: { tags: ['escalations'], summary: 'The platform has seen the escalation', params: IdParams, response: { 200: EscalationSummary, ...withConflict } },
    },
    async (request) => acknowledgeEscalation(db, request.caller, request.params.id),
  );

  app.post(
    '/api/v1/escalations/:id/answer',
    {
      config: answerers,
      schema: {
        tags: ['escalations'],
        summary: 'Answer with the action taken, a note and your own reference',
        description: '`removed` and `restricted` count as the platform confirming the subjects; `needs_more_information` (with a note saying what) goes back to the agency. Answering the same way again is a no-op; a different answer to an answered escalation is 409.',
        params: IdParams,
        body: AnswerBody,
        response: { 200: EscalationSummary, ...withConflict },
      },
    },
    async (request) => answerEscalation(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/escalations/answers',
    {
      config: answerers,
      schema: {
        tags: ['escalations'],
        summary: 'Answer many escalations at once (JSON)',
        description: 'Each item is answered on its own; the reply has one result per item, in order.',
        body: Type.Array(BulkAnswerItem, { minItems: 1, maxItems: 1000 }),
        response: { 200: BulkAnswerResult, ...problemResponses },
      },
    },
    async (request) => answerMany(db, request.caller, request.body.map((item, index) => ({ ...item, index }))),
  );

  app.post(
    '/api/v1/escalations/answers/csv',
    {
      config: answerers,
      schema: {
        tags: ['escalations'],
        summary: 'Answer many escalations at once (CSV upload)',
        description: `Send \`text/csv\` with the header \`${ANSWER_COLUMNS.join(',')}\` and one row per answer (at most 1000). Each row is answered on its own; each result names its CSV line (the header is line 1).`,
        body: Type.String({ minLength: 1, description: 'text/csv' }),
        response: { 200: BulkAnswerResult, ...problemResponses, 415: Type.Ref('Problem') },
      },
    },
    async (request) => answerMany(db, request.caller, parseAnswersCsv(request.body)),
  );

  app.post(
    '/api/v1/platform/enforcements',
    {
      config: { access: { roles: ['platform_operator'], scopes: ['indicators:write', 'escalations'] } },
      schema: {
        tags: ['escalations'],
        summary: 'Push accounts your platform removed for fraud against users in Viet Nam',
        description: 'Each becomes a confirmed indicator with a statement of reasons naming your platform (source type `platform`). Idempotent by your own `reference`. A verified-legitimate identifier is refused for that item. One result per item.',
        body: EnforcementBody,
        response: { 200: EnforcementResult, ...problemResponses },
      },
    },
    async (request) => pushEnforcements(db, request.caller, request.body, policy),
  );

  app.get(
    '/api/v1/deadline-policies',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: { tags: ['escalations'], summary: 'How long each platform has to act', response: { 200: Type.Object({ items: Type.Array(DeadlinePolicy) }), ...problemResponses } },
    },
    async () => ({ items: await listPolicies(db) }),
  );

  app.put(
    '/api/v1/deadline-policies/:platform',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['escalations'],
        summary: 'Set a platform\'s deadline (applies to new escalations)',
        params: Type.Object({ platform: Type.String({ pattern: '^[a-z0-9_-]{1,64}$' }) }),
        body: Type.Object({ hours: Type.Integer({ minimum: 1, maximum: 720 }), dueSoonHours: Type.Integer({ minimum: 0, maximum: 719 }) }, { additionalProperties: false }),
        response: { 200: DeadlinePolicy, 422: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => setPolicy(db, request.caller, request.params.platform, request.body),
  );

  app.get(
    '/api/v1/stats/escalations',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['escalations'],
        summary: 'Deadline compliance per platform and fraud type',
        description: 'Over escalations created in [from, to) (default: the last 30 days): count, answered, on-time rate, breaches, median hours to acknowledge and to act, and the mitigation latency (a subject\'s first report to its removal).',
        querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
        response: { 200: EscalationFigures, ...problemResponses },
      },
    },
    async (request) => escalationFigures(db, request.query),
  );
};
