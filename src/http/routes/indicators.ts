import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeVerdict, getIndicatorDetail, listIdentifier, listIndicators, type IndicatorPolicy } from '../../app/indicators.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { ROLES } from '../../domain/auth/roles.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';
import { FraudType, IdentifierKind, Indicator, IndicatorDetail, ReasonsInput, Tlp, Verdict } from '../schemas/indicators.ts';

export const indicatorRoutes: FastifyPluginAsyncTypebox<{ db: Db; policy: IndicatorPolicy }> = async (app, { db, policy }) => {
  app.get(
    '/api/v1/indicators',
    {
      config: { access: { roles: ROLES, scopes: ['lookup', 'feeds:read'] } },
      schema: {
        tags: ['indicators'],
        summary: 'Indicators, most recently changed first (partners: listed and shared with them)',
        querystring: Type.Object(
          {
            verdict: Type.Optional(Type.Array(Verdict, { maxItems: 4 })),
            kind: Type.Optional(IdentifierKind),
            fraudType: Type.Optional(FraudType),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Indicator), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses },
      },
    },
    async (request) => listIndicators(db, request.caller, request.query),
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      config: { access: { roles: ROLES, scopes: ['lookup', 'feeds:read'] } },
      schema: {
        tags: ['indicators'],
        summary: 'One indicator with its verdict history, statements of reasons, sources and sightings',
        description: 'The id, or the identifier itself in any written form (URL-encoded).',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 2048 }) }),
        response: { 200: IndicatorDetail, ...problemResponses },
      },
    },
    async (request) => getIndicatorDetail(db, request.caller, request.params.id),
  );

  app.post(
    '/api/v1/indicators',
    {
      config: { access: { roles: AGENCY_ROLES }, idempotent: true },
      schema: {
        tags: ['indicators'],
        summary: 'List an identifier as suspected or confirmed, with a statement of reasons',
        body: Type.Object(
          {
            value: Type.String({ minLength: 1, maxLength: 2048 }),
            kind: Type.Optional(IdentifierKind),
            verdict: Type.Enum(['suspected', 'confirmed'] as const),
            confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
            tlp: Type.Optional(Tlp),
            fraudTypes: Type.Optional(Type.Array(FraudType, { maxItems: 12 })),
            reasons: ReasonsInput,
          },
          { additionalProperties: false },
        ),
        response: { 200: Indicator, 201: Indicator, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { indicator, created } = await listIdentifier(db, request.caller, request.body, policy);
      return reply.code(created ? 201 : 200).send(indicator);
    },
  );

  app.post(
    '/api/v1/indicators/:id/verdict',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['indicators'],
        summary: 'Change the verdict of an indicator, with a statement of reasons',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          { verdict: Verdict, confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), tlp: Type.Optional(Tlp), reasons: ReasonsInput },
          { additionalProperties: false },
        ),
        response: { 200: Indicator, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => changeVerdict(db, request.caller, request.params.id, request.body, policy),
  );
};
