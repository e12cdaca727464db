import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { CardCache, cardInputOf, renderCard } from '../../app/campaign-cards.ts';
import { recordCampaignEvent } from '../../app/campaign-events.ts';
import { campaignOpenGraph, openGraphMetas, type CampaignPage } from '../../app/campaign-open-graph.ts';
import { findPublicCampaignRow, listPublicCampaigns, publicCampaign, publicQuiz } from '../../app/campaign-public.ts';
import { partnersOf } from '../../app/campaign-views.ts';
import { campaignFigures, createCampaign, getCampaign, listCampaigns, updateCampaignFields } from '../../app/campaigns.ts';
import { badRequest } from '../../app/errors.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { checkQuizScore } from '../../domain/campaigns/events.ts';
import type { CampaignLanguage } from '../../domain/campaigns/model.ts';
import { organizationsByIds } from '../../store/campaigns.ts';
import type { Db } from '../../store/connection.ts';
import { sendWebAppPage } from '../plugins/web-app.ts';
import {
  CampaignAdmin,
  CampaignAdminWithTotals,
  CampaignCreateBody,
  CampaignEventBody,
  CampaignFigures,
  CampaignPatchBody,
  CampaignSlugParams,
  CampaignSummary,
  PublicCampaign,
  PublicQuizItem,
} from '../schemas/campaigns.ts';
import { IdParams, problemResponses } from '../schemas/common.ts';
import { Language, LanguageQuery } from '../schemas/content.ts';

export interface CampaignRouteOptions {
  db: Db;
  /** The site's external address: Open Graph wants absolute URLs. */
  publicUrl: string;
  /** The built web app, whose index.html campaign pages are served with their Open Graph tags. */
  webDist: string;
  /** Reach events one address may post a minute (default 60). */
  eventsPerMinute?: number;
  /** Card images one address may fetch a minute (default 120; rendered ones are cached). */
  cardsPerMinute?: number;
}

/** Shared caches may keep public campaign content a minute; it changes when an editor publishes. */
const PUBLIC_MINUTE = 'public, max-age=60';
/** Cards are revalidated with their ETag after ten minutes. */
const CARD_CACHE = 'public, max-age=600';
const WRITERS = ['admin', 'supervisor'] as const;

/** Routes for awareness campaigns: public landing pages, quiz, cards, reach; console authoring and figures. */
export const campaignRoutes: FastifyPluginAsyncTypebox<CampaignRouteOptions> = async (app, options) => {
  const { db, publicUrl, webDist } = options;
  const cards = new CardCache();
  const siteHost = new URL(publicUrl).host;

  // --- Public (no account; never personal data) ---

  app.get(
    '/api/v1/public/campaigns',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['campaigns'],
        summary: 'Current and past awareness campaigns, active ones first',
        querystring: LanguageQuery,
        response: { 200: Type.Object({ items: Type.Array(CampaignSummary) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', PUBLIC_MINUTE);
      return listPublicCampaigns(db, request.query.lang);
    },
  );

  app.get(
    '/api/v1/public/campaigns/:slug',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['campaigns'],
        summary: "One campaign's landing page: text rendered to HTML, tips, the articles and alerts it promotes (404 when unknown or unpublished)",
        params: CampaignSlugParams,
        querystring: LanguageQuery,
        response: { 200: PublicCampaign, ...problemResponses },
      },
    },
    async (request, reply) => {
      const campaign = await publicCampaign(db, request.params.slug, request.query.lang);
      reply.header('cache-control', PUBLIC_MINUTE);
      return campaign;
    },
  );

  app.get(
    '/api/v1/public/campaigns/:slug/quiz',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['campaigns'],
        summary: 'The "spot the scam" quiz of a campaign, in order',
        description: 'Answers and explanations are included on purpose: the quiz is a learning game with no stakes that also works offline.',
        params: CampaignSlugParams,
        querystring: LanguageQuery,
        response: { 200: Type.Object({ lang: Language, items: Type.Array(PublicQuizItem) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const quiz = await publicQuiz(db, request.params.slug, request.query.lang);
      reply.header('cache-control', PUBLIC_MINUTE);
      return quiz;
    },
  );

  app.post(
    '/api/v1/public/campaigns/:slug/events',
    {
      config: { access: { public: true }, rateLimit: { max: options.eventsPerMinute ?? 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Count one reach event of a campaign page (a view, a quiz started or completed, a share, a look-up or report made from it)',
        description:
          'Only a counter per day and kind is increased (and for a completed quiz, the sums of right answers and of questions). No address, cookie, user agent or time is stored. Limited per address.',
        params: CampaignSlugParams,
        body: CampaignEventBody,
        response: { 202: Type.Object({}), ...problemResponses },
      },
    },
    async (request, reply) => {
      await recordCampaignEvent(db, request.params.slug, request.body);
      return reply.code(202).send({});
    },
  );

  async function sendCard(request: FastifyRequest, reply: FastifyReply, slug: string, lang: CampaignLanguage, result?: { score: number; of: number }) {
    const row = await findPublicCampaignRow(db, slug);
    const key = [result ? 'result' : 'card', row.id, lang, result?.score ?? '', result?.of ?? '', row.updatedAt.getTime()].join('|');
    const card = await cards.get(key, async () => {
      const partners = partnersOf(row, await organizationsByIds(db, row.partnerOrganizationIds));
      return renderCard(cardInputOf(row, lang, partners, siteHost, result));
    });
    reply.header('cache-control', CARD_CACHE).header('etag', card.etag);
    if (request.headers['if-none-match'] === card.etag) return reply.code(304).send();
    return reply.type('image/png').send(card.png);
  }

  const cardResponses = { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'image/png, 1200×630' }), 304: Type.Null(), ...problemResponses };

  app.get(
    '/api/v1/public/campaigns/:slug/card.png',
    {
      config: { access: { public: true }, rateLimit: { max: options.cardsPerMinute ?? 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['campaigns'],
        summary: "The campaign's share card: title, a tip, partners, site name (PNG, 1200×630)",
        params: CampaignSlugParams,
        querystring: LanguageQuery,
        response: cardResponses,
      },
    },
    async (request, reply) => sendCard(request, reply, request.params.slug, request.query.lang),
  );

  app.get(
    '/api/v1/public/campaigns/:slug/result-card.png',
    {
      config: { access: { public: true }, rateLimit: { max: options.cardsPerMinute ?? 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['campaigns'],
        summary: 'A quiz result card to share: "I spotted 9 of 12 right", the campaign and a tip (PNG, 1200×630)',
        params: CampaignSlugParams,
        querystring: Type.Object({
          lang: LanguageQuery.properties.lang,
          score: Type.Integer({ minimum: 0, maximum: 50 }),
          of: Type.Integer({ minimum: 1, maximum: 50 }),
        }),
        response: cardResponses,
      },
    },
    async (request, reply) => {
      const { score, of, lang } = request.query;
      const errors = checkQuizScore(score, of);
      if (errors.length) throw badRequest('The score is not possible.', errors);
      return sendCard(request, reply, request.params.slug, lang, { score, of });
    },
  );

  // --- Pages of the web app with their Open Graph tags (what a shared link shows) ---

  const pages: [string, CampaignPage][] = [
    ['/campaigns/:slug', 'landing'],
    ['/campaigns/:slug/quiz', 'quiz'],
    ['/campaigns/:slug/result', 'result'],
  ];
  for (const [url, page] of pages) {
    app.get(url, { config: { access: { public: true } }, schema: { hide: true } as never }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const og = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? await campaignOpenGraph(db, publicUrl, page, slug, request.query as Record<string, unknown>) : null;
      return sendWebAppPage(reply, webDist, og ? openGraphMetas(og) : [], og ? `${og.title} — Canh Giác` : undefined);
    });
  }

  // --- Console (agency staff; writing: supervisors and admins) ---

  app.get(
    '/api/v1/campaigns',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['campaigns'],
        summary: 'Every campaign (any status), newest first, with its reach so far',
        response: { 200: Type.Object({ items: Type.Array(CampaignAdminWithTotals) }), ...problemResponses },
      },
    },
    async () => listCampaigns(db),
  );

  app.get(
    '/api/v1/campaigns/:id',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: { tags: ['campaigns'], summary: 'One campaign as the console edits it', params: IdParams, response: { 200: CampaignAdmin, ...problemResponses } },
    },
    async (request) => getCampaign(db, request.params.id),
  );

  app.post(
    '/api/v1/campaigns',
    {
      config: { access: { roles: WRITERS }, idempotent: true },
      schema: {
        tags: ['campaigns'],
        summary: 'Create a campaign (as a draft)',
        body: CampaignCreateBody,
        response: { 201: CampaignAdmin, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createCampaign(db, request.caller, request.body)),
  );

  app.patch(
    '/api/v1/campaigns/:id',
    {
      config: { access: { roles: WRITERS } },
      schema: {
        tags: ['campaigns'],
        summary: 'Change a campaign: any subset of its fields; `quiz` replaces the items; `status` publishes or archives it',
        params: IdParams,
        body: CampaignPatchBody,
        response: { 200: CampaignAdmin, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => updateCampaignFields(db, request.caller, request.params.id, request.body),
  );

  app.get(
    '/api/v1/campaigns/:id/figures',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['campaigns'],
        summary: "A campaign's reach per day: views, quizzes started and completed, average score, shares, look-ups and reports",
        description: 'By default from the first day of the campaign to today (or its last day when it has ended). At most 400 days.',
        params: IdParams,
        querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })) }),
        response: { 200: CampaignFigures, ...problemResponses },
      },
    },
    async (request) => campaignFigures(db, request.params.id, request.query),
  );
};
