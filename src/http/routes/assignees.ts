import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/connection.ts';

/** Routes for agency staff a case can be assigned to, and saved queue views. */
export const assigneeRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (_app, _options) => {};
