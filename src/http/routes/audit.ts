import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getAuditRecord, listAuditRecords, verifyAuditChain } from '../../app/audit.ts';
import { badRequest, notFound, type FieldError } from '../../app/errors.ts';
import { parseActionFilter } from '../../domain/audit/action-filter.ts';
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

const AuditQuery = Type.Object(
  {
    ...CursorQuery.properties,
    action: Type.Optional(Type.String({ maxLength: 100, description: 'One action (`deadline_policy.set`) or a family (`fraud_category.*`).' })),
    subjectType: Type.Optional(Type.String({ maxLength: 64 })),
    subjectId: Type.Optional(Type.String({ maxLength: 200 })),
    actor: Type.Optional(Type.String({ maxLength: 200, description: 'The actor id as recorded (user id, API key id, system label), or a user\'s email address.' })),
    organizationId: Type.Optional(Type.String({ format: 'uuid' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Records at or after this time.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Records before this time.' })),
  },
  { additionalProperties: false },
);

export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: { roles: ['admin', 'supervisor'] } },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, filtered',
        description: 'Filters combine (all must hold): action or action family, subject type and id, actor, organization, period [from, to). Cursor paging by record number.',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditRecord), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problemResponses },
      },
    },
    async (request) => {
      const { cursor, limit = 50, action, from, to, ...exact } = request.query;
      const errors: FieldError[] = [];
      if (cursor !== undefined && !/^\d+$/.test(cursor)) errors.push({ field: 'querystring:/cursor', message: 'Use the nextCursor of a previous page.' });
      const actionFilter = action === undefined || action.trim() === '' ? undefined : parseActionFilter(action);
      if (actionFilter === null) errors.push({ field: 'querystring:/action', message: 'Give an action such as deadline_policy.set, or a family such as fraud_category.*.' });
      if (from !== undefined && to !== undefined && Date.parse(from) >= Date.parse(to)) errors.push({ field: 'querystring:/to', message: 'The end of the period must come after its start.' });
      if (errors.length) throw badRequest('The audit filter is not valid.', errors);
      const filter = {
        ...Object.fromEntries(Object.entries(exact).filter(([, v]) => v !== undefined && v !== '')),
        ...(actionFilter ? { action: actionFilter } : {}),
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
      };
      return listAuditRecords(db, cursor === undefined ? null : Number(cursor), limit, filter);
    },
  );

  app.get(
    '/api/v1/audit/:seq',
    {
      config: { access: { roles: ['admin', 'supervisor'] } },
      schema: {
        tags: ['audit'],
        summary: 'One audit record with the hash of the record before it',
        params: Type.Object({ seq: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Intersect([AuditRecord, Type.Object({ prevHash: Type.String() })]), ...problemResponses },
      },
    },
    async (request) => {
      // A plain string, not an integer: a non-number is a record that does not exist (404), not bad input.
      const { seq } = request.params;
      if (!/^[1-9]\d{0,15}$/.test(seq)) throw notFound(`Audit record ${seq}`);
      return getAuditRecord(db, Number(seq));
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
