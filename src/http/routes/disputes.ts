import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { decideDisputeCase, disputeStatus, getDispute, listDisputes, openDispute } from '../../app/disputes.ts';
import type { IndicatorPolicy } from '../../app/indicators.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { DISPUTE_STATUSES } from '../../store/schema.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses } from '../schemas/common.ts';
import { IdentifierKind, ReasonsInput } from '../schemas/indicators.ts';

const DisputeStatus = Type.Enum(DISPUTE_STATUSES);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const PublicDispute = Type.Object({
  trackingCode: Type.String(),
  status: DisputeStatus,
  indicator: Type.String({ description: 'The identifier as displayed.' }),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  decisionReason: Nullable(Type.String()),
});

const Contact = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

const AgencyDispute = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  status: DisputeStatus,
  indicatorId: Type.String(),
  indicator: Type.String(),
  indicatorDisplay: Type.String(),
  kind: Type.String(),
  verdict: Type.String(),
  explanation: Type.String(),
  contact: Type.Object({ name: Type.Optional(Type.String()), email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()), locale: Type.String() }),
  decisionReason: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export interface DisputeRouteOptions {
  db: Db;
  policy: IndicatorPolicy;
  /** Dispute submissions per IP address and hour: a public form that changes verdicts. */
  perHour?: number;
}

export const disputeRoutes: FastifyPluginAsyncTypebox<DisputeRouteOptions> = async (app, { db, policy, perHour }) => {
  app.post(
    '/api/v1/disputes',
    {
      config: { access: { public: true }, rateLimit: { max: perHour ?? 10, timeWindow: '1 hour' }, idempotent: true },
      schema: {
        tags: ['disputes'],
        summary: 'Dispute a listed identifier (its owner): the listing becomes disputed until a supervisor decides',
        body: Type.Object(
          {
            identifier: Type.String({ minLength: 1, maxLength: 2048, description: 'The identifier in any written form.' }),
            kind: Type.Optional(IdentifierKind),
            explanation: Type.String({ minLength: 10, maxLength: 4000 }),
            contact: Contact,
            locale: Type.Optional(Type.Enum(['vi', 'en'] as const)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ trackingCode: Type.String(), status: DisputeStatus, indicator: Type.String(), createdAt: Type.String({ format: 'date-time' }) }), ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await openDispute(db, request.caller, request.body, policy)),
  );

  app.get(
    '/api/v1/disputes/track/:code',
    {
      config: { access: { public: true }, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['disputes'],
        summary: "A dispute's status by its tracking code (no personal data)",
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 200: PublicDispute, ...problemResponses },
      },
    },
    async (request) => disputeStatus(db, request.params.code),
  );

  app.get(
    '/api/v1/disputes',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['disputes'],
        summary: 'Disputes for the agency, open first then oldest first, with the disputers’ contact details',
        querystring: Type.Object(
          {
            status: Type.Enum([...DISPUTE_STATUSES, 'all'] as const, { default: 'open' }),
            kind: Type.Optional(IdentifierKind),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(AgencyDispute),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => listDisputes(db, request.query.status, request.query.limit, request.query.kind),
  );

  app.get(
    '/api/v1/disputes/:id',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['disputes'],
        summary: 'One dispute for the agency: the explanation and contact, the indicator’s verdict history, the notices recorded for the disputer',
        params: IdParams,
        response: {
          200: Type.Intersect([
            AgencyDispute,
            Type.Object({
              history: Type.Array(
                Type.Object({
                  at: Type.String(),
                  from: Nullable(Type.String()),
                  to: Type.String(),
                  confidence: Type.Integer(),
                  reasons: Type.Object({}, { additionalProperties: true }),
                }),
              ),
              notices: Type.Array(
                Type.Object({
                  purpose: Type.String(),
                  locale: Type.String(),
                  version: Type.Integer(),
                  subject: Type.String(),
                  body: Type.String(),
                  emailed: Type.Boolean(),
                  at: Type.String(),
                  action: Type.String(),
                }),
              ),
            }),
          ]),
          ...problemResponses,
        },
      },
    },
    async (request) => getDispute(db, request.caller, request.params.id),
  );

  app.post(
    '/api/v1/disputes/:id/decision',
    {
      config: { access: { roles: ['supervisor', 'admin'] } },
      schema: {
        tags: ['disputes'],
        summary: 'Uphold (back to confirmed) or clear a disputed listing, with a reason for the disputer and a statement of reasons',
        params: IdParams,
        body: Type.Object(
          { outcome: Type.Enum(['upheld', 'cleared'] as const), reason: Type.String({ minLength: 3, maxLength: 4000 }), reasons: ReasonsInput },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ id: Type.String(), trackingCode: Type.String(), status: DisputeStatus, verdict: Type.String(), settled: Type.Integer() }),
          409: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request) => decideDisputeCase(db, request.caller, request.params.id, request.body, policy),
  );
};
