import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createOrganization, getOrganization, listOrganizations, updateOrganization } from '../../app/accounts.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { ORGANIZATION_KINDS, ROLES } from '../../domain/auth/roles.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses } from '../schemas/common.ts';

export const Organization = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  kind: Type.Enum(ORGANIZATION_KINDS),
  platform: Type.Union([Type.String(), Type.Null()]),
  network: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export const organizationRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/organizations',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: { tags: ['accounts'], summary: 'Every organization of the exchange', response: { 200: Type.Object({ items: Type.Array(Organization) }), ...problemResponses } },
    },
    async () => ({ items: await listOrganizations(db) }),
  );

  app.get(
    '/api/v1/organizations/:id',
    {
      config: { access: { roles: ROLES } },
      schema: {
        tags: ['accounts'],
        summary: 'One organization (partners: their own only)',
        params: IdParams,
        response: { 200: Organization, ...problemResponses },
      },
    },
    async (request) => getOrganization(db, request.caller, request.params.id),
  );

  app.post(
    '/api/v1/organizations',
    {
      config: { access: { roles: ['admin'] }, idempotent: true },
      schema: {
        tags: ['accounts'],
        summary: 'Add an organization',
        body: Type.Object(
          {
            slug: Type.String({ minLength: 1, maxLength: 64 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            kind: Type.Enum(ORGANIZATION_KINDS),
            platform: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
            network: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Organization, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createOrganization(db, request.caller, request.body)),
  );

  app.patch(
    '/api/v1/organizations/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['accounts'],
        summary: 'Edit an organization: name, kind, the platform it operates, its mobile network (audited)',
        description:
          'The slug does not change. A new kind must fit every role its users hold (409 otherwise); `platform` only for platforms, `network` only for telcos. A bank’s BINs are part of its sharing settings (`PUT /api/v1/organizations/{id}/sharing`).',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            kind: Type.Optional(Type.Enum(ORGANIZATION_KINDS)),
            platform: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
            network: Type.Optional(Type.Union([Type.String({ maxLength: 32 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Organization, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => updateOrganization(db, request.caller, request.params.id, request.body),
  );
};
