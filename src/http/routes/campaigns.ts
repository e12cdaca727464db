import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../store/connection.ts';

/** Routes for awareness campaigns: public landing pages, quiz, cards, reach; console authoring and figures. */
export const campaignRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (_app, _options) => {};
