import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { closeReview, listReviews } from '../../app/reviews.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses } from '../schemas/common.ts';

const Review = Type.Object({
  id: Type.String(),
  indicator: Type.String(),
  indicatorId: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  detail: Type.Unknown(),
  status: Type.Enum(['open', 'closed'] as const),
  outcome: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const reviewRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/reviews',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['indicators'],
        summary: 'Indicator reviews (false-positive sightings, conflicts with the legitimate registry, confirmed listings due for review)',
        querystring: Type.Object(
          { status: Type.Enum(['open', 'closed'] as const, { default: 'open' }), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Review) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listReviews(db, request.query.status, request.query.limit) }),
  );

  app.post(
    '/api/v1/reviews/:id/close',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['indicators'],
        summary: 'Close a review with its outcome',
        params: IdParams,
        body: Type.Object({ outcome: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: Review, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => closeReview(db, request.caller, request.params.id, request.body.outcome),
  );
};
