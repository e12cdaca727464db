import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getTemplate, listTemplates, previewTemplate, resetTemplate, saveTemplate } from '../../app/message-templates.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { notFound } from '../../app/errors.ts';
import { TEMPLATE_AUDIENCES, TEMPLATE_LOCALES, TEMPLATE_PURPOSES, type TemplateLocale } from '../../domain/templates/purposes.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';

const EDITORS = ['supervisor', 'admin'] as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Text = { subject: Type.String({ maxLength: 300 }), body: Type.String({ maxLength: 10000 }) };
const Template = Type.Object({
  purpose: Type.Enum(TEMPLATE_PURPOSES),
  audience: Type.Enum(TEMPLATE_AUDIENCES),
  locale: Type.Enum(TEMPLATE_LOCALES),
  subject: Type.String(),
  body: Type.String(),
  version: Type.Integer({ description: '0 while the built-in default was never saved over.' }),
  isDefault: Type.Boolean({ description: 'The text in force is the built-in default.' }),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedBy: Nullable(Type.String()),
  placeholders: Type.Array(Type.Object({ name: Type.String(), optional: Type.Boolean() }), { description: 'The closed list of placeholders this message may use.' }),
  defaults: Type.Object({ subject: Type.String(), body: Type.String() }),
});
const TemplateWithHistory = Type.Intersect([
  Template,
  Type.Object({
    history: Type.Array(
      Type.Object({
        version: Type.Integer(),
        subject: Type.String(),
        body: Type.String(),
        isDefault: Type.Boolean(),
        createdAt: Type.String({ format: 'date-time' }),
        createdBy: Nullable(Type.String()),
        createdByName: Nullable(Type.String()),
      }),
    ),
  }),
]);
// Plain strings, not enums: an unknown template is a resource that does not exist (404), not bad input.
const Params = Type.Object({
  purpose: Type.String({ maxLength: 60, description: `One of ${TEMPLATE_PURPOSES.join(', ')}.` }),
  locale: Type.String({ maxLength: 60, description: 'vi or en (anything else is a 404, like an unknown purpose).' }),
});

function localeOf(locale: string): TemplateLocale {
  if (!(TEMPLATE_LOCALES as readonly string[]).includes(locale)) throw notFound(`A message template in ${locale}`);
  return locale as TemplateLocale;
}

/** Routes for message templates for reporters, platforms and disputers. */
export const messageTemplateRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/message-templates',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['message-templates'],
        summary: 'Every message template in force, per purpose and language',
        description: 'One entry per (purpose, language): the newest saved version, or the built-in default when none was saved.',
        response: { 200: Type.Object({ items: Type.Array(Template) }), ...problemResponses },
      },
    },
    async () => listTemplates(db),
  );

  app.get(
    '/api/v1/message-templates/:purpose/:locale',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['message-templates'],
        summary: 'One message template with its saved versions',
        params: Params,
        response: { 200: TemplateWithHistory, ...problemResponses },
      },
    },
    async (request) => getTemplate(db, request.params.purpose, localeOf(request.params.locale)),
  );

  app.put(
    '/api/v1/message-templates/:purpose/:locale',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags: ['message-templates'],
        summary: 'Save a new version of a message template',
        description: 'Placeholders must be among the purpose’s closed list; problems come back per field (/subject, /body). Each save is a new version with an audit record.',
        params: Params,
        body: Type.Object({ ...Text, baseVersion: Type.Optional(Type.Integer({ minimum: 0, description: 'The version the edit started from; a newer one gives 409.' })) }, { additionalProperties: false }),
        response: { 200: Template, 409: Type.Ref('Problem'), ...problemResponses },
      },
    },
    async (request) => saveTemplate(db, request.caller, request.params.purpose, localeOf(request.params.locale), request.body),
  );

  app.post(
    '/api/v1/message-templates/:purpose/:locale/reset',
    {
      config: { access: { roles: EDITORS } },
      schema: {
        tags: ['message-templates'],
        summary: 'Put the built-in default back (as a new version)',
        params: Params,
        response: { 200: Template, ...problemResponses },
      },
    },
    async (request) => resetTemplate(db, request.caller, request.params.purpose, localeOf(request.params.locale)),
  );

  app.post(
    '/api/v1/message-templates/:purpose/:locale/preview',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['message-templates'],
        summary: 'Render a draft (or the text in force) with invented sample values',
        description: 'Nothing is saved. A draft that would be refused on save gives 400 with the problems per field.',
        params: Params,
        body: Type.Object({ subject: Type.Optional(Text.subject), body: Type.Optional(Text.body) }, { additionalProperties: false }),
        response: { 200: Type.Object({ subject: Type.String(), body: Type.String(), values: Type.Record(Type.String(), Type.String()) }), ...problemResponses },
      },
    },
    async (request) => previewTemplate(db, request.params.purpose, localeOf(request.params.locale), request.body),
  );
};
