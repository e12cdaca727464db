import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listPublicAlerts } from '../../app/alerts.ts';
import { listPublicArticles, publicArticle } from '../../app/articles.ts';
import { PublicStatisticsCache } from '../../app/public-statistics.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';
import { Article, ArticleSummary, LanguageQuery, PublicAlert, PublicStatistics } from '../schemas/content.ts';

/** Shared caches may keep public content a minute; it changes when an editor publishes. */
const PUBLIC_MINUTE = 'public, max-age=60';

/** The public portal's content: the awareness library, the alerts and the statistics. */
export const publicContentRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const statistics = new PublicStatisticsCache(db);

  app.get(
    '/api/v1/public/articles',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public content'],
        summary: 'The awareness library: every published article, one per fraud type',
        querystring: LanguageQuery,
        response: { 200: Type.Object({ items: Type.Array(ArticleSummary) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', PUBLIC_MINUTE);
      return listPublicArticles(db, request.query.lang);
    },
  );

  app.get(
    '/api/v1/public/articles/:slug',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public content'],
        summary: 'One published article, rendered to HTML (404 when unknown or not published)',
        params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }) }),
        querystring: LanguageQuery,
        response: { 200: Article, ...problemResponses },
      },
    },
    async (request, reply) => {
      const article = await publicArticle(db, request.params.slug, request.query.lang);
      reply.header('cache-control', PUBLIC_MINUTE);
      return article;
    },
  );

  app.get(
    '/api/v1/public/alerts',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public content'],
        summary: 'The newest public alerts, newest first',
        querystring: Type.Object({ lang: LanguageQuery.properties.lang, limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
        response: { 200: Type.Object({ items: Type.Array(PublicAlert) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', PUBLIC_MINUTE);
      return listPublicAlerts(db, request.query.lang, request.query.limit);
    },
  );

  app.get(
    '/api/v1/public/statistics',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['public content'],
        summary: 'Reports per week and fraud type, and escalation outcomes per platform, over the last 12 weeks (counts only)',
        response: { 200: PublicStatistics, ...problemResponses },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', PUBLIC_MINUTE);
      return statistics.get();
    },
  );
};
