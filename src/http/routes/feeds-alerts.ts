import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { alertFeed } from '../../app/alert-feeds.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';
import { LanguageQuery } from '../schemas/content.ts';

/**
 * The public alerts as Atom 1.0 and RSS 2.0 feeds for feed readers, outside /api so their
 * addresses stay short. Registered as routes, so the web app's index.html fallback never answers them.
 */
export const alertFeedRoutes: FastifyPluginAsyncTypebox<{ db: Db; publicUrl: string }> = async (app, { db, publicUrl }) => {
  const formats = [
    { path: '/alerts.atom', type: 'application/atom+xml; charset=utf-8', write: (f: Awaited<ReturnType<typeof alertFeed>>) => f.atom1(), name: 'Atom 1.0' },
    { path: '/alerts.rss', type: 'application/rss+xml; charset=utf-8', write: (f: Awaited<ReturnType<typeof alertFeed>>) => f.rss2(), name: 'RSS 2.0' },
  ];
  for (const format of formats) {
    app.get(
      format.path,
      {
        config: { access: { public: true } },
        schema: {
          tags: ['public content'],
          summary: `The public alerts as an ${format.name} feed (the newest 50)`,
          querystring: LanguageQuery,
          produces: [format.type.split(';')[0]!],
          response: { 200: Type.String({ description: `${format.name} XML` }), ...problemResponses },
        },
      },
      async (request, reply) => {
        const feed = await alertFeed(db, request.query.lang, publicUrl);
        return reply.header('cache-control', 'public, max-age=300').type(format.type).send(format.write(feed));
      },
    );
  }
};
