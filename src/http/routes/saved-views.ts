import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeSavedView, createSavedView, deleteSavedView, listSavedViews } from '../../app/saved-views.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { CASE_SORTS } from '../../store/case-queue.ts';
import type { Db } from '../../store/connection.ts';
import { CaseState } from '../schemas/cases.ts';
import { IdParams, problemResponses, Uuid } from '../schemas/common.ts';

/** The queue's filters and sort, with the names and limits of `GET /api/v1/cases`. */
const ViewFilters = Type.Object(
  {
    status: Type.Optional(Type.Array(CaseState, { maxItems: 9 })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    minRisk: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    coordinated: Type.Optional(Type.Boolean()),
    assignee: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('none'), Uuid], { description: 'A user id, "me" (whoever applies the view) or "none".' })),
    escalationDue: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Enum(CASE_SORTS)),
  },
  { additionalProperties: false },
);

const Name = Type.String({ minLength: 1, maxLength: 80 });

const SavedView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  filters: ViewFilters,
  shared: Type.Boolean({ description: 'Listed to everyone of the owner\'s organization.' }),
  owner: Type.Object({ id: Type.String(), name: Type.String() }),
  mine: Type.Boolean({ description: 'The caller owns it.' }),
  editable: Type.Boolean({ description: 'The caller may rename or delete it: its owner, or a supervisor for a shared view.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const withConflict = { 409: Type.Ref('Problem'), 422: Type.Ref('Problem'), ...problemResponses };

/** Saved queue views: a person's named filters and sort, optionally shared with the agency by supervisors. */
export const savedViewRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const staff = { access: { roles: AGENCY_ROLES } };

  app.get(
    '/api/v1/saved-views',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: 'The caller\'s saved queue views and those shared within their organization',
        response: { 200: Type.Object({ items: Type.Array(SavedView) }), ...problemResponses },
      },
    },
    async (request) => listSavedViews(db, request.caller),
  );

  app.post(
    '/api/v1/saved-views',
    {
      config: { ...staff, idempotent: true },
      schema: {
        tags: ['cases'],
        summary: 'Save the queue\'s filters and sort under a name',
        description: 'Names are unique per person (409). Only supervisors and admins may share (403). At most 50 views a person (422).',
        body: Type.Object({ name: Name, filters: ViewFilters, shared: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 201: SavedView, ...withConflict },
      },
    },
    async (request, reply) => reply.code(201).send(await createSavedView(db, request.caller, request.body)),
  );

  app.patch(
    '/api/v1/saved-views/:id',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: 'Rename a saved view, or share or unshare it',
        description: 'Its owner, or a supervisor for a shared view (403 otherwise); another person\'s unshared view is 404. Sharing is for supervisors.',
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Name), shared: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: SavedView, ...withConflict },
      },
    },
    async (request) => changeSavedView(db, request.caller, request.params.id, request.body),
  );

  app.delete(
    '/api/v1/saved-views/:id',
    {
      config: staff,
      schema: {
        tags: ['cases'],
        summary: 'Delete a saved view',
        description: 'Its owner, or a supervisor for a shared view (403 otherwise); another person\'s unshared view is 404.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteSavedView(db, request.caller, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
