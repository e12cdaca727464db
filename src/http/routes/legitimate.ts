import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LEGITIMATE_CATEGORIES, listLegitimate, registerLegitimate, removeLegitimate } from '../../app/legitimate.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses, Uuid } from '../schemas/common.ts';
import { IdentifierKind } from '../schemas/indicators.ts';

const Legitimate = Type.Object({
  id: Type.String(),
  indicator: Type.String(),
  kind: Type.String(),
  display: Type.String(),
  ownerName: Type.String(),
  ownerOrganizationId: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

const REGISTRARS = ['admin', 'supervisor'] as const;

export const legitimateRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/legitimate',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: { tags: ['indicators'], summary: 'The verified-legitimate registry', response: { 200: Type.Object({ items: Type.Array(Legitimate) }), ...problemResponses } },
    },
    async () => ({ items: await listLegitimate(db) }),
  );

  app.post(
    '/api/v1/legitimate',
    {
      config: { access: { roles: REGISTRARS }, idempotent: true },
      schema: {
        tags: ['indicators'],
        summary: 'Register an official identifier of a known owner (it can then never be listed)',
        body: Type.Object(
          {
            value: Type.String({ minLength: 1, maxLength: 2048 }),
            kind: Type.Optional(IdentifierKind),
            ownerName: Type.String({ minLength: 2, maxLength: 300 }),
            ownerOrganizationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            category: Type.Enum(LEGITIMATE_CATEGORIES),
            note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ legitimate: Legitimate, reviewOpened: Type.Boolean() }), 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await registerLegitimate(db, request.caller, request.body)),
  );

  app.delete(
    '/api/v1/legitimate/:id',
    {
      config: { access: { roles: REGISTRARS } },
      schema: { tags: ['indicators'], summary: 'Remove an entry from the registry', params: IdParams, response: { 200: Legitimate, ...problemResponses } },
    },
    async (request) => removeLegitimate(db, request.caller, request.params.id),
  );
};
