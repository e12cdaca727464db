import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { recordSighting } from '../../app/sightings.ts';
import type { Db } from '../../store/connection.ts';
import { SIGHTING_TYPES } from '../../store/schema.ts';
import { problemResponses } from '../schemas/common.ts';
import { IdentifierKind } from '../schemas/indicators.ts';

const SightingCount = Type.Object({ count: Type.Integer(), organizations: Type.Integer() });

export const sightingRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/sightings',
    {
      config: { access: { roles: ['partner_admin', 'platform_operator'], scopes: ['sightings:write'] }, idempotent: true },
      schema: {
        tags: ['indicators'],
        summary: 'Tell the exchange you saw an indicator, found it a false positive, or saw it gone',
        description: 'A false positive or "gone" opens a review for the agency.',
        body: Type.Object(
          {
            value: Type.String({ minLength: 1, maxLength: 2048 }),
            kind: Type.Optional(IdentifierKind),
            type: Type.Enum(SIGHTING_TYPES),
            count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
            observedAt: Type.Optional(Type.String({ format: 'date-time' })),
            note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            indicator: Type.String(),
            type: Type.String(),
            reviewId: Type.Union([Type.String(), Type.Null()]),
            counts: Type.Object({ seen: SightingCount, false_positive: SightingCount, gone: SightingCount }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await recordSighting(db, request.caller, request.body)),
  );
};
