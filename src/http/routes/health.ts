import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../../store/connection.ts';

/** Liveness (the process answers) and readiness (it can reach its database). */
export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const Health = Type.Object({ status: Type.String() });
  app.get(
    '/healthz',
    { config: { access: { public: true } }, schema: { tags: ['operations'], summary: 'Liveness', response: { 200: Health } } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { access: { public: true } },
      schema: { tags: ['operations'], summary: 'Readiness: the database answers', response: { 200: Health, 503: Type.Ref('Problem') } },
    },
    async (_request, reply) => {
      try {
        await db.execute(sql`select 1`);
        return { status: 'ready' };
      } catch {
        return reply.code(503).type('application/problem+json').send({
          type: '/problems/not_ready',
          title: 'Service unavailable',
          status: 503,
          detail: 'The database does not answer.',
        });
      }
    },
  );
};
