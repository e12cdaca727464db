import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest, forbidden } from '../../app/errors.ts';
import { rangeLookup, snapshot, snapshotDelta } from '../../app/hashed-lookups.ts';
import { LookupIndex, type Tier } from '../../app/lookup-index.ts';
import { lookup } from '../../app/lookups.ts';
import { FRAUD_TYPES } from '../../domain/fraud-types.ts';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../domain/identifiers/index.ts';
import { ACTIONS } from '../../domain/indicators/advice.ts';
import { TLP_LEVELS, VERDICTS } from '../../domain/indicators/verdicts.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This node's in-memory look-up index (kept current by jobs/index-follower.ts). */
    lookupIndex: LookupIndex;
  }
}

export const MAX_BATCH = 10_000;

const Kind = Type.Union(IDENTIFIER_KINDS.map((k) => Type.Literal(k)));
const Advice = Type.Object({ action: Type.Union(ACTIONS.map((a) => Type.Literal(a))), vi: Type.String(), en: Type.String() });
const answerFields = {
  indicator: Type.String(),
  kind: Kind,
  display: Type.String(),
  state: Type.Union([Type.Literal('listed'), Type.Literal('verified_legitimate'), Type.Literal('not_listed')], {
    description: '`not_listed` means no one reported it yet, never that it is safe.',
  }),
  matchedOn: Type.Union([
    Type.Object({
      indicator: Type.String(),
      relation: Type.Union([Type.Literal('exact'), Type.Literal('url_expression'), Type.Literal('related'), Type.Literal('domain')]),
    }),
    Type.Null(),
  ]),
  listing: Type.Optional(
    Type.Object({
      verdict: Type.Union(VERDICTS.map((v) => Type.Literal(v))),
      confidence: Type.Integer(),
      reportCount: Type.Integer(),
      platformConfirmations: Type.Integer(),
      fraudTypes: Type.Array(Type.Union(FRAUD_TYPES.map((f) => Type.Literal(f)))),
      lastSeenOn: Type.String({ format: 'date' }),
      tlp: Type.Union(TLP_LEVELS.map((t) => Type.Literal(t))),
    }),
  ),
  owner: Type.Optional(Type.Object({ name: Type.String(), category: Type.String() })),
  advice: Advice,
};
const LookupAnswer = Type.Object({ query: Type.String(), ...answerFields });
const BatchItem = Type.Object({
  query: Type.String(),
  ...Object.fromEntries(Object.entries(answerFields).map(([k, v]) => [k, Type.Optional(v)])),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});

/** The public tier, or the partner tier for an API key with `scope`; a key without it is refused. */
function tierOf(request: FastifyRequest, scope: 'lookup' | 'lookup:batch'): Tier {
  const actor = request.caller.actor;
  if (actor.type !== 'api_key') return 'public';
  if (!actor.scopes.includes(scope)) throw forbidden('This API key does not have the scope for this call.');
  return 'partner';
}

/**
 * Look-ups: single and batch from the in-memory index, privacy-preserving ranges and hashed
 * snapshots. Wrapped with fastify-plugin so `app.lookupIndex` is visible to the server's owner
 * (serve.ts starts the follower on it; tests drive it).
 */
export const lookupRoutes = fp(async (plain: FastifyInstance, { db }: { db: Db }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const index = new LookupIndex();
  const stats = await index.load(db);
  app.log.info({ ...stats }, 'look-up index loaded');
  app.decorate('lookupIndex', index);

  app.get(
    '/api/v1/lookup',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['lookups'],
        summary: 'Look an identifier up: listed, verified legitimate, or not listed',
        description:
          'Anyone (rate-limited, public tier: confirmed listings and verified-legitimate identifiers only) or an API key with scope `lookup` (partner tier: suspected and disputed listings too).',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 4096, description: 'Any identifier: phone, bank account, link, page, e-mail…' }),
          kind: Type.Optional(Kind),
        }),
        response: { 200: LookupAnswer, ...problemResponses },
      },
    },
    async (request, reply) => {
      const tier = tierOf(request, 'lookup');
      const outcome = lookup(index, request.query.q, tier, request.query.kind as IdentifierKind | undefined);
      if (!outcome.ok) {
        throw badRequest(`The identifier could not be read: ${outcome.error.message}`, [
          { field: 'querystring:/q', message: outcome.error.message, code: outcome.error.code },
        ]);
      }
      reply.header('cache-control', 'no-store');
      return outcome.answer;
    },
  );

  app.post(
    '/api/v1/lookup/batch',
    {
      config: { access: { scopes: ['lookup:batch'] } },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['lookups'],
        summary: `Look up to ${MAX_BATCH} identifiers at once (partner tier)`,
        body: Type.Object({
          items: Type.Array(Type.String({ maxLength: 4096 }), { minItems: 1, maxItems: MAX_BATCH }),
          kind: Type.Optional(Kind),
        }),
        response: { 200: Type.Object({ results: Type.Array(BatchItem) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const tier = tierOf(request, 'lookup:batch');
      const kind = request.body.kind as IdentifierKind | undefined;
      const results = request.body.items.map((q) => {
        const outcome = lookup(index, q, tier, kind);
        return outcome.ok ? outcome.answer : { query: q, error: outcome.error };
      });
      reply.header('cache-control', 'no-store');
      return { results };
    },
  );

  app.get(
    '/api/v1/range/:prefix',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['lookups'],
        summary: 'Privacy-preserving look-up: the hash suffixes of one range (docs/lookups.md)',
        params: Type.Object({ prefix: Type.String({ pattern: '^[0-9a-fA-F]{5}$', description: 'The first 5 hex digits of sha256(indicator)' }) }),
        response: {
          200: Type.Object({
            prefix: Type.String(),
            entries: Type.Array(Type.String(), { description: '`<59 hex>:L` listed, `<59 hex>:V` verified legitimate; padded with decoys' }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return rangeLookup(db, request.params.prefix);
    },
  );

  const Hashes = Type.Object({ count: Type.Integer(), hashes: Type.String({ description: 'base64 of count × hashBytes bytes' }) });
  app.get(
    '/api/v1/snapshot',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['lookups'],
        summary: 'Compact hashed snapshot of the public-tier listings for offline matching',
        response: { 200: Type.Object({ version: Type.Integer(), hashBytes: Type.Integer(), listed: Hashes, legitimate: Hashes }), ...problemResponses },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return snapshot(index);
    },
  );

  const HexList = Type.Object({ added: Type.Array(Type.String()), removed: Type.Array(Type.String()) });
  app.get(
    '/api/v1/snapshot/delta',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['lookups'],
        summary: 'What changed in the snapshot since a version (410 Gone: download the full snapshot)',
        querystring: Type.Object({ since: Type.Integer({ minimum: 0 }) }),
        response: {
          200: Type.Object({ since: Type.Integer(), version: Type.Integer(), hashBytes: Type.Integer(), listed: HexList, legitimate: HexList }),
          410: Type.Ref('Problem'),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return snapshotDelta(db, index, request.query.since);
    },
  );
});
