import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeUser, createUser, listUsers, resetUserPassword, signOutUserEverywhere } from '../../app/accounts.ts';
import { ROLES } from '../../domain/auth/roles.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses, Uuid } from '../schemas/common.ts';

const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.Enum(ROLES),
  organizationId: Type.String(),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

const USER_MANAGERS = ['admin', 'partner_admin'] as const;

export const userRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/users',
    {
      config: { access: { roles: USER_MANAGERS } },
      schema: {
        tags: ['accounts'],
        summary: 'Users (admins: all; partner administrators: their organization)',
        description: 'Filters combine: `organizationId`, `role`, `active` (true: not disabled; false: disabled only).',
        querystring: Type.Object(
          { organizationId: Type.Optional(Uuid), role: Type.Optional(Type.Enum(ROLES)), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(User) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listUsers(db, request.caller, request.query) }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: { roles: USER_MANAGERS }, idempotent: true },
      schema: {
        tags: ['accounts'],
        summary: 'Add a user; the generated password is in the answer, once',
        body: Type.Object(
          {
            organizationId: Uuid,
            email: Type.String({ minLength: 3, maxLength: 320 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            role: Type.Enum(ROLES),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ user: User, password: Type.String() }), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(db, request.caller, request.body)),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: { roles: USER_MANAGERS } },
      schema: {
        tags: ['accounts'],
        summary: "Change a user's role, or disable or enable them",
        description: 'Either change ends the user’s sessions. Nobody changes their own role or disables themselves. The role must fit the user’s organization.',
        params: IdParams,
        body: Type.Object({ disabled: Type.Optional(Type.Boolean()), role: Type.Optional(Type.Enum(ROLES)) }, { additionalProperties: false }),
        response: { 200: User, ...problemResponses },
      },
    },
    async (request) => changeUser(db, request.caller, request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/sign-out-everywhere',
    {
      config: { access: { roles: USER_MANAGERS } },
      schema: {
        tags: ['accounts'],
        summary: 'End every session of a user (audited)',
        params: IdParams,
        response: { 200: Type.Object({ sessionsEnded: Type.Integer() }), ...problemResponses },
      },
    },
    async (request) => signOutUserEverywhere(db, request.caller, request.params.id),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: { roles: USER_MANAGERS } },
      schema: {
        tags: ['accounts'],
        summary: 'Give a user a new generated password, in the answer once; their sessions end',
        params: IdParams,
        response: { 200: Type.Object({ user: User, password: Type.String() }), ...problemResponses },
      },
    },
    async (request) => resetUserPassword(db, request.caller, request.params.id),
  );
};
