import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { mergeCandidates } from '../../app/case-merge-candidates.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { CaseSummary } from '../schemas/cases.ts';
import { IdParams, problemResponses } from '../schemas/common.ts';

/** Finding the case to merge into another: by its reference, or the cases sharing its indicators. */
export const caseMergeCandidateRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/cases/:id/merge-candidates',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['cases'],
        summary: 'Cases that could be merged into this one: by reference, or those holding the same indicators',
        description:
          'With `reference` (e.g. CG-2026-000123): that case, if it exists and is not this one. Without: up to 20 cases holding any of this case\'s indicators, most shared first (merged cases left out). Each item names the indicators both cases hold and whether the pair can be merged now (`POST /api/v1/cases/:id/merge` merges).',
        params: IdParams,
        querystring: Type.Object({ reference: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                case: CaseSummary,
                sharedIndicators: Type.Array(Type.Object({ id: Type.String(), indicator: Type.String(), display: Type.String() })),
                mergeable: Type.Boolean(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => mergeCandidates(db, request.params.id, request.query),
  );
};
