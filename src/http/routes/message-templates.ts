import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/connection.ts';

/** Routes for message templates for reporters, platforms and disputers. */
export const messageTemplateRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (_app, _options) => {};
