import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { changeAlertPublication, consoleAlert, createConsoleAlert, listConsoleAlerts, updateConsoleAlert } from '../../app/alerts.ts';
import { changeArticlePublication, consoleArticle, createConsoleArticle, listConsoleArticles, updateConsoleArticle } from '../../app/articles.ts';
import { parseVersionTag, SLUG_PATTERN, versionTag, type PublicationAction } from '../../app/content-publication.ts';
import { renderMarkdown } from '../../app/markdown.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import type { Db } from '../../store/connection.ts';
import { CONTENT_LANGUAGES, CONTENT_STATUSES } from '../../store/schema.ts';
import { IdParams, problemResponses } from '../schemas/common.ts';

/** Supervisors publish alerts and articles (docs/content.md); admins may too. */
const EDITORS = ['admin', 'supervisor'] as const;
/** Analysts may read drafts and previews (to suggest an alert from a case), not change them. */
const READERS = AGENCY_ROLES;

const DateTime = Type.String({ format: 'date-time' });
const Status = Type.Enum(CONTENT_STATUSES);
const Language = Type.Enum(CONTENT_LANGUAGES);

const Text = Type.Object({
  title: Type.String(),
  summary: Type.String(),
  bodyMarkdown: Type.Optional(Type.String({ description: 'Only when one item is asked for; lists leave the bodies out.' })),
  updatedAt: DateTime,
});

const ConsoleFields = {
  status: Type.Enum(CONTENT_STATUSES, { description: 'draft, scheduled (its time not come yet), published (public now) or unpublished. A scheduled item whose time has come shows as published.' }),
  publishAt: Type.Union([DateTime, Type.Null()], { description: 'When it went or goes public; kept for the record once unpublished.' }),
  live: Type.Boolean({ description: 'Shown on the public pages now.' }),
  statusReason: Type.Union([Type.String(), Type.Null()], { description: 'Why it was unpublished.' }),
  version: Type.Integer({ description: 'Send it back with every change (or as `If-Match`); raised by every save.' }),
  updatedAt: DateTime,
  languages: Type.Array(Language),
  translations: Type.Object({ vi: Type.Optional(Text), en: Type.Optional(Text) }),
};

const ConsoleArticle = Type.Object({ kind: Type.Literal('article'), id: Type.String({ format: 'uuid' }), slug: Type.String(), fraudType: Type.String(), ...ConsoleFields });
const ConsoleAlert = Type.Object({ kind: Type.Literal('alert'), id: Type.String({ format: 'uuid' }), fraudTypes: Type.Array(Type.String()), ...ConsoleFields });

const TextInput = Type.Object(
  {
    title: Type.String({ maxLength: 300 }),
    summary: Type.String({ maxLength: 1000 }),
    bodyMarkdown: Type.String({ maxLength: 100_000, description: 'Markdown; raw HTML is escaped when rendered.' }),
  },
  { additionalProperties: false, description: 'One language version; all three fields empty means "not written".' },
);
const TranslationsInput = Type.Object({ vi: Type.Optional(TextInput), en: Type.Optional(TextInput) }, { additionalProperties: false });
const Version = Type.Integer({ minimum: 1, description: 'The version the editor loaded; 409 when someone saved first.' });

const ListQuery = Type.Object({
  status: Type.Optional(Status),
  complete: Type.Optional(Type.Boolean({ description: 'true: both languages written; false: one is missing.' })),
});
const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200, pattern: SLUG_PATTERN }) });
const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40, description: 'The ETag of the loaded item; 412 when it is stale.' })) });

const writeResponses = { 409: Type.Ref('Problem'), 412: Type.Ref('Problem'), 422: Type.Ref('Problem'), ...problemResponses };

const ScheduleBody = Type.Object({ version: Version, publishAt: Type.String({ format: 'date-time', description: 'A time in the future (UTC or with an offset).' }) }, { additionalProperties: false });
const PublishBody = Type.Object({ version: Version }, { additionalProperties: false });
const UnpublishBody = Type.Object({ version: Version, reason: Type.String({ maxLength: 1000, description: 'Why; kept on the item and in the audit log.' }) }, { additionalProperties: false });

const PUBLICATION_ACTIONS = {
  publish: { body: PublishBody, summary: 'publish now (both languages needed)', change: (): PublicationAction => ({ action: 'publish' }) },
  schedule: {
    body: ScheduleBody,
    summary: 'schedule: public from `publishAt` on (both languages needed; the public pages and feeds show it from then)',
    change: (b: { publishAt?: string }): PublicationAction => ({ action: 'schedule', publishAt: new Date(b.publishAt!) }),
  },
  unpublish: { body: UnpublishBody, summary: 'unpublish, with a reason (off the public pages and feeds at once)', change: (b: { reason?: string }): PublicationAction => ({ action: 'unpublish', reason: b.reason! }) },
} as const;

const withTag = <T extends { version: number }>(reply: FastifyReply, item: T) => {
  reply.header('etag', versionTag(item.version));
  return item;
};

/** Routes for editing articles and alerts from the console (docs/content.md, "Editing in the console"). */
export const contentAdminRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/content/preview',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['content editing'],
        summary: 'Render markdown exactly as the public pages will (same sanitizing renderer)',
        body: Type.Object({ markdown: Type.String({ maxLength: 100_000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ html: Type.String() }), ...problemResponses },
      },
    },
    async (request) => ({ html: renderMarkdown(request.body.markdown) }),
  );

  // --- articles ---

  app.get(
    '/api/v1/content/articles',
    {
      config: { access: { roles: READERS } },
      schema: { tags: ['content editing'], summary: 'Every article, any status, with the titles of its languages', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(ConsoleArticle) }), ...problemResponses } },
    },
    async (request) => listConsoleArticles(db, request.query),
  );

  app.post(
    '/api/v1/content/articles',
    {
      config: { access: { roles: EDITORS }, idempotent: true },
      schema: {
        tags: ['content editing'],
        summary: 'Create an article (a draft)',
        description: 'The slug is the public address (`/library/<slug>`) and never changes. 409 when it is taken.',
        body: Type.Object({ slug: Type.String({ maxLength: 200 }), fraudType: Type.String({ maxLength: 60 }), translations: TranslationsInput }, { additionalProperties: false }),
        response: { 201: ConsoleArticle, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request, reply) => withTag(reply.code(201), await createConsoleArticle(db, request.caller, request.body)),
  );

  app.get(
    '/api/v1/content/articles/:slug',
    {
      config: { access: { roles: READERS } },
      schema: { tags: ['content editing'], summary: 'One article with its markdown, any status (ETag: its version)', params: SlugParams, response: { 200: ConsoleArticle, ...problemResponses } },
    },
    async (request, reply) => withTag(reply, await consoleArticle(db, request.params.slug)),
  );

  app.put(
    '/api/v1/content/articles/:slug',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags: ['content editing'],
        summary: 'Save an article\'s fraud type and language versions',
        description: 'Optimistic concurrency: send the loaded `version` (409 when someone saved first) and/or `If-Match` (412). A published article shows the edit at once.',
        params: SlugParams,
        headers: IfMatchHeaders,
        body: Type.Object({ version: Version, fraudType: Type.String({ maxLength: 60 }), translations: TranslationsInput }, { additionalProperties: false }),
        response: { 200: ConsoleArticle, ...writeResponses },
      },
    },
    async (request, reply) =>
      withTag(reply, await updateConsoleArticle(db, request.caller, request.params.slug, { ...request.body, ifMatch: parseVersionTag(request.headers['if-match']) })),
  );

  // --- alerts ---

  app.get(
    '/api/v1/content/alerts',
    {
      config: { access: { roles: READERS } },
      schema: {
        tags: ['content editing'],
        summary: 'Alerts of any status, the last changed first (at most `limit`), with the titles of their languages',
        querystring: Type.Object({ ...ListQuery.properties, limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }) }),
        response: { 200: Type.Object({ items: Type.Array(ConsoleAlert) }), ...problemResponses },
      },
    },
    async (request) => listConsoleAlerts(db, request.query, request.query.limit),
  );

  app.post(
    '/api/v1/content/alerts',
    {
      config: { access: { roles: EDITORS }, idempotent: true },
      schema: {
        tags: ['content editing'],
        summary: 'Create an alert (a draft)',
        body: Type.Object({ fraudTypes: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }), translations: TranslationsInput }, { additionalProperties: false }),
        response: { 201: ConsoleAlert, ...problemResponses },
      },
    },
    async (request, reply) => withTag(reply.code(201), await createConsoleAlert(db, request.caller, request.body)),
  );

  app.get(
    '/api/v1/content/alerts/:id',
    {
      config: { access: { roles: READERS } },
      schema: { tags: ['content editing'], summary: 'One alert with its markdown, any status (ETag: its version)', params: IdParams, response: { 200: ConsoleAlert, ...problemResponses } },
    },
    async (request, reply) => withTag(reply, await consoleAlert(db, request.params.id)),
  );

  app.put(
    '/api/v1/content/alerts/:id',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags: ['content editing'],
        summary: 'Save an alert\'s fraud types and language versions',
        description: 'Optimistic concurrency as for articles. A published alert shows the edit at once (pages and feeds).',
        params: IdParams,
        headers: IfMatchHeaders,
        body: Type.Object({ version: Version, fraudTypes: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }), translations: TranslationsInput }, { additionalProperties: false }),
        response: { 200: ConsoleAlert, ...writeResponses },
      },
    },
    async (request, reply) => withTag(reply, await updateConsoleAlert(db, request.caller, request.params.id, { ...request.body, ifMatch: parseVersionTag(request.headers['if-match']) })),
  );

  // --- publication: publish now, schedule, unpublish, for both kinds ---

  for (const [name, action] of Object.entries(PUBLICATION_ACTIONS)) {
    app.post(
      `/api/v1/content/articles/:slug/${name}`,
      {
        config: { access: { roles: EDITORS } },
        schema: { tags: ['content editing'], summary: `Article: ${action.summary}`, params: SlugParams, headers: IfMatchHeaders, body: action.body, response: { 200: ConsoleArticle, ...writeResponses } },
      },
      async (request, reply) => {
        const body = request.body as { version: number; publishAt?: string; reason?: string };
        const change = action.change(body);
        return withTag(reply, await changeArticlePublication(db, request.caller, request.params.slug, { version: body.version, ifMatch: parseVersionTag(request.headers['if-match']), change }));
      },
    );
    app.post(
      `/api/v1/content/alerts/:id/${name}`,
      {
        config: { access: { roles: EDITORS } },
        schema: { tags: ['content editing'], summary: `Alert: ${action.summary}`, params: IdParams, headers: IfMatchHeaders, body: action.body, response: { 200: ConsoleAlert, ...writeResponses } },
      },
      async (request, reply) => {
        const body = request.body as { version: number; publishAt?: string; reason?: string };
        const change = action.change(body);
        return withTag(reply, await changeAlertPublication(db, request.caller, request.params.id, { version: body.version, ifMatch: parseVersionTag(request.headers['if-match']), change }));
      },
    );
  }
};
