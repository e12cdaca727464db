import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { openFeed } from '../../app/feeds.ts';
import { FEED_FORMATS } from '../../app/feeds-formats.ts';
import { ROLES } from '../../domain/auth/roles.ts';
import { IDENTIFIER_KINDS } from '../../domain/identifiers/types.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';

const BLOCKLISTS = new Set(['hosts', 'adblock', 'rpz']);

const FILE_NAMES: Record<(typeof FEED_FORMATS)[number], string> = {
  jsonl: 'canhgiac-indicators.jsonl',
  csv: 'canhgiac-indicators.csv',
  hosts: 'canhgiac-hosts.txt',
  adblock: 'canhgiac-adblock.txt',
  rpz: 'canhgiac.rpz',
  stix: 'canhgiac-bundle.json',
};

export const feedRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  for (const format of FEED_FORMATS) app.get(
    `/api/v1/feeds/indicators.${format}`,
    {
      config: { access: { roles: ROLES, scopes: ['feeds:read'] } },
      schema: {
        tags: ['feeds'],
        summary: `Indicators shared with the caller as ${format}: full export${BLOCKLISTS.has(format) ? '' : ', or changes since a cursor'} (streamed)`,
        description: [
          'Formats: `jsonl` and `csv` (every kind; with `cursor`, only changes, cleared identifiers as `action: remove`), ',
          '`stix` (a STIX 2.1 bundle), and blocker lists for domains `hosts`, `adblock` and `rpz` (always whole lists). ',
          'The `X-Next-Cursor` response header is the cursor for the next incremental export. ',
          'What is included follows the caller\'s sharing level: partners get TLP clear, green and amber (lowered per organization), the agency everything.',
        ].join(''),
        querystring: Type.Object(
          {
            cursor: Type.Optional(Type.String({ maxLength: 300, description: 'The X-Next-Cursor of a previous export.' })),
            kind: Type.Optional(Type.Array(Type.String({ enum: [...IDENTIFIER_KINDS] }), { maxItems: IDENTIFIER_KINDS.length })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The export, streamed in the requested format.',
            content: {
              'application/jsonl': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
              'text/plain': { schema: { type: 'string' } },
              'text/dns': { schema: { type: 'string' } },
              'application/stix+json;version=2.1': { schema: { type: 'string' } },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const feed = await openFeed(db, request.caller, { format, cursor: request.query.cursor, kinds: request.query.kind });
      return reply
        .header('X-Next-Cursor', feed.nextCursor)
        .header('X-Feed-Mode', feed.mode)
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `inline; filename="${FILE_NAMES[format]}"`)
        .type(feed.mediaType)
        .send(Readable.from(feed.body));
    },
  );
};
