import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createUser, listUsers, setUserDisabled } from '../../app/accounts.ts';
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
        querystring: Type.Object({ organizationId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(User) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listUsers(db, request.caller, request.query.organizationId) }),
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
        summary: 'Disable or enable a user (disabling ends their sessions)',
        params: IdParams,
        body: Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: User, ...problemResponses },
      },
    },
    async (request) => setUserDisabled(db, request.caller, request.params.id, request.body.disabled),
  );
};
