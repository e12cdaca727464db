import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/connection.ts';

/** Routes for the fraud category taxonomy. */
export const taxonomyRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (_app, _options) => {};
