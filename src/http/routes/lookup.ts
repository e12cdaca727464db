import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest, forbidden } from '../../app/errors.ts';
import { rangeLookup, snapshot, snapshotDelta } from '../../app/hashed-lookups.ts';
import { LookupIndex, type Tier } from '../../app/lookup-index.ts';
import { answerKey, CACHEABLE_QUERY_LENGTH } from '../../app/lookup-answer-cache.ts';
import { lookup, lookupReadsFrom, type LookupAnswer } from '../../app/lookups.ts';
import { FRAUD_TYPES } from '../../domain/fraud-types.ts';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../domain/identifiers/index.ts';
import { ACTIONS, type Action } from '../../domain/indicators/advice.ts';
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
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A string out of a fixed list, as `{ type: 'string', enum }`. Not a union of literals: the
 * response serializer tries each branch of an `anyOf` with a validator, per value — measured,
 * that made a batch of 10,000 answers several times slower to write.
 */
function oneOf<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

const Kind = oneOf(IDENTIFIER_KINDS);
const ActionSchema = oneOf(ACTIONS);
const Advice = Type.Object({ action: ActionSchema, vi: Type.String(), en: Type.String() });
const answerFields = {
  indicator: Type.String(),
  kind: Kind,
  display: Type.String(),
  state: oneOf(['listed', 'verified_legitimate', 'not_listed'], '`not_listed` means no one reported it yet, never that it is safe.'),
  matchedOn: Type.Unsafe<{ indicator: string; relation: 'exact' | 'url_expression' | 'related' | 'domain' } | null>({
    type: ['object', 'null'],
    properties: { indicator: { type: 'string' }, relation: { type: 'string', enum: ['exact', 'url_expression', 'related', 'domain'] } },
    required: ['indicator', 'relation'],
    description: 'Which candidate matched (null when not listed).',
  }),
  listing: Type.Optional(
    Type.Object({
      verdict: oneOf(VERDICTS),
      confidence: Type.Integer(),
      reportCount: Type.Integer(),
      platformConfirmations: Type.Integer(),
      fraudTypes: Type.Array(oneOf(FRAUD_TYPES)),
      lastSeenOn: Type.String({ description: 'YYYY-MM-DD (UTC)' }),
      tlp: oneOf(TLP_LEVELS),
    }),
  ),
  owner: Type.Optional(Type.Object({ name: Type.String(), category: Type.String() })),
  advice: Advice,
};
const LookupAnswer = Type.Object({ query: Type.String(), ...answerFields });
// A batch item carries the advice's action only; its texts are given once per call in
// `actions` (a 10,000-item answer is ~3× smaller and faster to write; partners act on `action`).
const { advice: _advice, ...batchFields } = answerFields;
const BatchItem = Type.Object({
  query: Type.String(),
  ...Object.fromEntries(Object.entries(batchFields).map(([k, v]) => [k, Type.Optional(v)])),
  advice: Type.Optional(Type.Object({ action: ActionSchema })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
const ACTION_ONLY = Object.fromEntries(ACTIONS.map((a) => [a, { action: a }])) as Record<Action, { action: Action }>;
const ActionTexts = Type.Record(Type.String(), Type.Object({ vi: Type.String(), en: Type.String() }), {
  description: 'What each action in `results` means, in Vietnamese and English.',
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
      const { q, kind } = request.query;
      reply.header('cache-control', 'no-store');
      // A query asked before is answered with the bytes written then, unless an indicator the
      // answer read has changed since (the index drops such answers; app/lookup-answer-cache.ts).
      const key = q.length <= CACHEABLE_QUERY_LENGTH ? answerKey(tier, kind, q) : null;
      const cached = key === null ? undefined : index.answers.get(key);
      if (cached) return reply.type(JSON_TYPE).send(cached);
      const outcome = lookup(index, q, tier, kind as IdentifierKind | undefined);
      if (!outcome.ok) {
        throw badRequest(`The identifier could not be read: ${outcome.error.message}`, [
          { field: 'querystring:/q', message: outcome.error.message, code: outcome.error.code },
        ]);
      }
      if (key === null || !index.answers.admit(key)) return outcome.answer;
      // Asked before: written by the route's response schema (a JSON string), as any answer, and kept as bytes.
      const body = Buffer.from(reply.serialize(outcome.answer) as string);
      index.answers.set(key, body, lookupReadsFrom(outcome.canonical));
      return reply.type(JSON_TYPE).send(body);
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
        response: { 200: Type.Object({ results: Type.Array(BatchItem), actions: ActionTexts }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const tier = tierOf(request, 'lookup:batch');
      const kind = request.body.kind as IdentifierKind | undefined;
      const actions: Record<string, { vi: string; en: string }> = {};
      const results = request.body.items.map((q) => {
        const outcome = lookup(index, q, tier, kind);
        if (!outcome.ok) return { query: q, error: outcome.error };
        const answer = outcome.answer as Omit<LookupAnswer, 'advice'> & { advice: { action: Action } };
        const advice = outcome.answer.advice;
        // Verified-legitimate texts name the owner: the item's `owner` says it instead.
        if (!(advice.action in actions) && answer.state !== 'verified_legitimate') actions[advice.action] = { vi: advice.vi, en: advice.en };
        // The answer is this call's own object: replacing its field costs less than a copy.
        answer.advice = ACTION_ONLY[advice.action];
        return answer;
      });
      reply.header('cache-control', 'no-store');
      return { results, actions };
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
