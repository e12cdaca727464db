import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { mispEventFile, mispHashes, mispManifest } from '../../app/misp-feed.ts';
import { ROLES } from '../../domain/auth/roles.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';

const ACCESS = { roles: ROLES, scopes: ['feeds:read'] } as const;
const Loose = Type.Object({}, { additionalProperties: true });

/** The MISP feed at /api/v1/feeds/misp/: MISP's feed URL is that folder. */
export const mispRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/feeds/misp/manifest.json',
    { config: { access: ACCESS }, schema: { tags: ['feeds'], summary: 'MISP feed: the manifest of events (one per day, fraud type and TLP)', response: { 200: Type.Record(Type.String(), Loose), ...problemResponses } } },
    async (request) => mispManifest(db, request.caller),
  );

  app.get(
    '/api/v1/feeds/misp/hashes.csv',
    { config: { access: ACCESS }, schema: { tags: ['feeds'], summary: 'MISP feed: md5 of each attribute value and its event (streamed)' } },
    async (request, reply) => reply.type('text/csv; charset=utf-8').header('Cache-Control', 'no-store').send(Readable.from(mispHashes(db, request.caller))),
  );

  app.get(
    '/api/v1/feeds/misp/:event',
    {
      config: { access: ACCESS },
      schema: { tags: ['feeds'], summary: 'MISP feed: one event (`<uuid>.json`)', params: Type.Object({ event: Type.String({ maxLength: 60 }) }), response: { 200: Type.Object({ Event: Loose }), ...problemResponses } },
    },
    async (request) => mispEventFile(db, request.caller, request.params.event),
  );
};
