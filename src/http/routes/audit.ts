import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAuditRecords, verifyAuditChain } from '../../app/audit.ts';
import { badRequest } from '../../app/errors.ts';
import type { Db } from '../../store/connection.ts';
import { CursorQuery, problemResponses } from '../schemas/common.ts';

const AuditRecord = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  organizationId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});

export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: { roles: ['admin', 'supervisor'] } },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first',
        querystring: CursorQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditRecord), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses },
      },
    },
    async (request) => {
      const { cursor, limit = 50 } = request.query;
      if (cursor !== undefined && !/^\d+$/.test(cursor)) throw badRequest('The cursor is not valid.', [{ field: 'querystring:/cursor', message: 'Use the nextCursor of a previous page.' }]);
      return listAuditRecords(db, cursor === undefined ? null : Number(cursor), limit);
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain of the whole audit trail',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            records: Type.Integer(),
            headHash: Type.Optional(Type.String()),
            seq: Type.Optional(Type.Integer()),
            reason: Type.Optional(Type.String()),
          }),
          ...problemResponses,
        },
      },
    },
    async () => verifyAuditChain(db),
  );
};
