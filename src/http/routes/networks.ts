import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getNeighbourhood, getNetwork } from '../../app/networks.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses, Uuid } from '../schemas/common.ts';

const Member = Type.Object({ id: Type.String(), indicator: Type.String(), kind: Type.String(), display: Type.String(), verdict: Type.String(), reportCount: Type.Integer() });
const Link = Type.Object({ aId: Type.String(), bId: Type.String(), reports: Type.Integer() });

const Network = Type.Object({
  id: Type.String({ format: 'uuid' }),
  requestedId: Type.String({ format: 'uuid' }),
  size: Type.Integer(),
  confirmed: Type.Integer(),
  confirmedShare: Type.Number({ minimum: 0, maximum: 1 }),
  reports: Type.Integer(),
  moneyLostVnd: Type.Number(),
  kinds: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer() })),
  platforms: Type.Array(Type.String()),
  fraudTypes: Type.Array(Type.String()),
  members: Type.Array(Member),
  links: Type.Array(Link),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const networkRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/networks/:id',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['indicators'],
        summary: 'A network of linked indicators: size, share confirmed, reports and money lost, platforms, members and links',
        description:
          'Indicators named together in a report are linked; a network is a connected group of them. Ids are stable: a network that joined a larger one answers with the larger one (`id`), and `requestedId` is the id asked for. Members are the most reported first (at most `limit`); `links` are the links among them with the number of reports naming both. Agency staff only: networks are built from reports.',
        params: IdParams,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }) }, { additionalProperties: false }),
        response: { 200: Network, ...problemResponses },
      },
    },
    async (request) => getNetwork(db, request.params.id, request.query.limit),
  );

  app.get(
    '/api/v1/networks/:id/members/:indicatorId/neighbours',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['indicators'],
        summary: 'Expand a network from one member: the members linked to it directly, and the links among them',
        description:
          'For drawing a network larger than the members first loaded: the member (an indicator of this network), its direct neighbours (most shared reports first, at most `limit`) and the links among the member and them. An indicator outside the network is 404. Agency staff only.',
        params: Type.Object({ id: Uuid, indicatorId: Uuid }),
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ networkId: Type.String({ format: 'uuid' }), member: Member, neighbours: Type.Array(Member), links: Type.Array(Link) }),
          ...problemResponses,
        },
      },
    },
    async (request) => getNeighbourhood(db, request.params.id, request.params.indicatorId, request.query.limit),
  );
};
