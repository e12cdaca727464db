import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/connection.ts';

/** Routes for dashboards and the monthly platform report. */
export const dashboardRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (_app, _options) => {};
