import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { apiKeyUsage, createApiKey, listApiKeys, revokeApiKey } from '../../app/api-keys.ts';
import { SCOPES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses, Uuid } from '../schemas/common.ts';

const ApiKey = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  dailyQuota: Type.Union([Type.Integer(), Type.Null()], { description: 'requests per UTC day; null: the server default (API_KEY_DAILY_QUOTA)' }),
  usage: Type.Optional(Type.Array(Type.Object({ day: Type.String(), requests: Type.Integer() }), { description: 'requests per UTC day, last 7 days, newest first' })),
});

const KEY_MANAGERS = ['admin', 'partner_admin'] as const;

const DEFAULT_DAILY_QUOTA = 100_000;

export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ db: Db; defaultDailyQuota?: number }> = async (app, { db, defaultDailyQuota = DEFAULT_DAILY_QUOTA }) => {
  app.get(
    '/api/v1/api-keys',
    {
      config: { access: { roles: KEY_MANAGERS } },
      schema: {
        tags: ['accounts'],
        summary: "API keys (admins: all; partner administrators: their organization's)",
        querystring: Type.Object(
          {
            organizationId: Type.Optional(Uuid),
            status: Type.Optional(Type.Enum(['active', 'revoked', 'expired'], { description: 'only keys in this state' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ApiKey) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listApiKeys(db, request.caller, request.query.organizationId, request.query.status) }),
  );

  app.post(
    '/api/v1/api-keys',
    {
      config: { access: { roles: KEY_MANAGERS }, idempotent: true },
      schema: {
        tags: ['accounts'],
        summary: 'Create an API key; the key itself is in the answer, once',
        body: Type.Object(
          {
            organizationId: Uuid,
            name: Type.String({ minLength: 1, maxLength: 200 }),
            scopes: Type.Array(Type.Enum(SCOPES), { minItems: 1, maxItems: SCOPES.length }),
            expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
            dailyQuota: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ apiKey: ApiKey, key: Type.String() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const created = await createApiKey(db, request.caller, { ...rest, expiresAt: expiresAt ? new Date(expiresAt) : null });
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/v1/api-keys/:id/revoke',
    {
      config: { access: { roles: KEY_MANAGERS } },
      schema: { tags: ['accounts'], summary: 'Revoke an API key', params: IdParams, response: { 200: ApiKey, ...problemResponses } },
    },
    async (request) => revokeApiKey(db, request.caller, request.params.id),
  );

  app.get(
    '/api/v1/api-keys/:id/usage',
    {
      config: { access: { roles: KEY_MANAGERS } },
      schema: {
        tags: ['accounts'],
        summary: "An API key's requests per UTC day, with zeros, oldest first",
        description: 'Counts reach the database within seconds of use. `dailyQuota` is the quota in force (the key’s own or the server default).',
        params: IdParams,
        querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 30 })) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            apiKeyId: Type.String(),
            dailyQuota: Type.Integer(),
            quotaIsDefault: Type.Boolean(),
            days: Type.Array(Type.Object({ day: Type.String({ description: 'YYYY-MM-DD (UTC)' }), requests: Type.Integer() })),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => apiKeyUsage(db, request.caller, request.params.id, request.query.days ?? 30, defaultDailyQuota),
  );
};
