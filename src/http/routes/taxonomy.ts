import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeCategory, listTaxonomy, taxonomyUsage } from '../../app/taxonomy.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { FRAUD_TYPES } from '../../domain/fraud-types.ts';
import type { Db } from '../../store/connection.ts';
import { problemResponses } from '../schemas/common.ts';

const Code = Type.Enum(FRAUD_TYPES);
const Localized = Type.Object({ vi: Type.String(), en: Type.String() });
const FraudCategory = Type.Object({
  code: Code,
  name: Localized,
  description: Localized,
  active: Type.Boolean({ description: 'The public may choose it on the report form.' }),
  position: Type.Integer({ description: 'Display order, ascending.' }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const Name = Type.String({ minLength: 1, maxLength: 80 });
const Description = Type.String({ maxLength: 400 });
const Patch = Type.Object(
  {
    nameVi: Type.Optional(Name),
    nameEn: Type.Optional(Name),
    descriptionVi: Type.Optional(Description),
    descriptionEn: Type.Optional(Description),
    active: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Routes for the fraud category taxonomy: fixed codes, managed names, descriptions, order and availability. */
export const taxonomyRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/taxonomy',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['taxonomy'],
        summary: 'The fraud categories in display order, with their names and whether the public may choose them',
        description:
          'Public: the codes are fixed (they are what reports, cases, indicators, feeds and STIX carry); names and descriptions in Vietnamese and English, `active` (offered on the public report form) and `position` are managed by administrators. Inactive categories are listed too, so older reports keep a name.',
        response: { 200: Type.Object({ items: Type.Array(FraudCategory) }), 429: Type.Ref('Problem') },
      },
    },
    async () => ({ items: await listTaxonomy(db) }),
  );

  app.get(
    '/api/v1/taxonomy/usage',
    {
      config: { access: { roles: AGENCY_ROLES } },
      schema: {
        tags: ['taxonomy'],
        summary: 'How many reports, cases and indicators use each category',
        description: 'Counted when asked (a pass over each table): for the administration screen, not for polling.',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Code, reports: Type.Integer(), cases: Type.Integer(), indicators: Type.Integer() })) }), ...problemResponses },
      },
    },
    async () => ({ items: await taxonomyUsage(db) }),
  );

  app.patch(
    '/api/v1/taxonomy/:code',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['taxonomy'],
        summary: 'Change how a category is named, described, ordered, or whether the public may choose it',
        description:
          'The code never changes. Only the fields sent are changed; names cannot be empty; "other" stays active (the report form\'s last resort). Problems come back per field. The change is audited (action fraud_category.change, before/after of the changed fields).',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        body: Patch,
        response: { 200: FraudCategory, ...problemResponses },
      },
    },
    async (request) => changeCategory(db, request.caller, request.params.code, request.body),
  );
};
