import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/connection.ts';

/** Routes for editing articles and alerts from the console. */
export const contentAdminRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (_app, _options) => {};
