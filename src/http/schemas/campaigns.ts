import { Type } from 'typebox';
import { CAMPAIGN_EVENT_KINDS, CAMPAIGN_LANGUAGES, CAMPAIGN_STATUSES, CAMPAIGN_THEMES, LIMITS, PARTNER_KINDS, QUIZ_ANSWERS, QUIZ_KINDS } from '../../domain/campaigns/model.ts';
import { CAMPAIGN_SLUG_PATTERN } from '../../domain/campaigns/slug.ts';
import { FRAUD_TYPES } from '../../domain/fraud-types.ts';

/** Not imported from content.ts, which imports this file (a cycle would leave it undefined at load). */
const Language = Type.Enum(CAMPAIGN_LANGUAGES, { description: 'Language of the texts; Vietnamese when the requested one is missing.' });
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Strings = (maxItems: number, maxLength: number, description?: string) => Type.Array(Type.String({ maxLength }), { maxItems, ...(description && { description }) });

export const CampaignSlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: LIMITS.slugLength, pattern: CAMPAIGN_SLUG_PATTERN }) });

export const CampaignPartner = Type.Object({
  name: Type.String(),
  kind: Type.Enum(PARTNER_KINDS),
  url: Type.Optional(Type.String()),
});

export const CampaignSummary = Type.Object({
  slug: Type.String(),
  lang: Language,
  title: Type.String(),
  summary: Type.String(),
  theme: Type.String({ description: `The look of the page and cards: ${CAMPAIGN_THEMES.join(', ')}.` }),
  startsOn: DateOnly,
  endsOn: DateOnly,
  active: Type.Boolean({ description: 'Today (Vietnam time) is between its first and last day.' }),
  fraudTypes: Type.Array(Type.String()),
  partners: Type.Array(CampaignPartner, { description: 'Co-branding organizations, by name and kind only.' }),
  cardUrl: Type.String({ description: 'The share card (PNG, 1200×630), a path on this site.' }),
  updatedAt: DateTime,
});

export const PublicCampaign = Type.Intersect([
  CampaignSummary,
  Type.Object({
    bodyHtml: Type.String({ description: 'Rendered from markdown on the server; raw HTML in the source is escaped.' }),
    tips: Type.Array(Type.String()),
    articles: Type.Array(Type.Object({ slug: Type.String(), title: Type.String() }), { description: 'Published articles of the library the campaign promotes.' }),
    alerts: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), publishedAt: DateTime })),
    quizCount: Type.Integer({ minimum: 0 }),
  }),
]);

export const PublicQuizItem = Type.Object({
  id: Type.String(),
  kind: Type.Enum(QUIZ_KINDS),
  channel: Type.String(),
  sender: Type.String(),
  content: Type.String({ description: 'What the player sees (plain text).' }),
  answer: Type.Enum(QUIZ_ANSWERS),
  signs: Type.Array(Type.String(), { description: 'Warning signs; for a legit item, why it is safe.' }),
  explanation: Type.String(),
  articleSlug: Type.Optional(Type.String()),
});

export const CampaignEventBody = Type.Object(
  {
    kind: Type.Enum(CAMPAIGN_EVENT_KINDS),
    score: Type.Optional(Type.Integer({ minimum: 0, maximum: LIMITS.maxQuizLength, description: 'Right answers; only with quiz_complete.' })),
    of: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.maxQuizLength, description: 'Questions answered; only with quiz_complete.' })),
  },
  { additionalProperties: false },
);

export const Figures = Type.Object({
  views: Type.Integer(),
  quizStarts: Type.Integer(),
  quizCompletions: Type.Integer(),
  averageScore: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Share of right answers over all completed quizzes.' })),
  shares: Type.Integer(),
  lookups: Type.Integer(),
  reports: Type.Integer(),
});

const CampaignTextSchema = Type.Object(
  {
    title: Type.String({ maxLength: LIMITS.titleLength }),
    summary: Type.String({ maxLength: LIMITS.summaryLength }),
    body: Type.String({ maxLength: LIMITS.bodyLength, description: 'Markdown.' }),
    tips: Strings(LIMITS.tips, LIMITS.tipLength),
  },
  { additionalProperties: false },
);
const CampaignTextPatch = Type.Partial(CampaignTextSchema, { additionalProperties: false });

const QuizItemText = Type.Object(
  {
    content: Type.String({ maxLength: LIMITS.quizContentLength }),
    signs: Strings(LIMITS.signs, LIMITS.signLength),
    explanation: Type.String({ maxLength: LIMITS.explanationLength }),
  },
  { additionalProperties: false },
);

export const QuizItemAdmin = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    kind: Type.Enum(QUIZ_KINDS),
    channel: Type.String({ minLength: 1, maxLength: LIMITS.channelLength }),
    sender: Type.String({ minLength: 1, maxLength: LIMITS.senderLength }),
    answer: Type.Enum(QUIZ_ANSWERS),
    articleSlug: Type.Optional(Type.String({ maxLength: 200 })),
    vi: QuizItemText,
    en: QuizItemText,
  },
  { additionalProperties: false },
);

const Uuids = Type.Array(Type.String({ format: 'uuid' }), { maxItems: LIMITS.links });

const editable = {
  startsOn: DateOnly,
  endsOn: DateOnly,
  theme: Type.Enum(CAMPAIGN_THEMES),
  fraudTypes: Type.Array(Type.Enum(FRAUD_TYPES), { maxItems: FRAUD_TYPES.length }),
  partnerOrganizationIds: Uuids,
  articleSlugs: Type.Array(Type.String({ maxLength: 200 }), { maxItems: LIMITS.links }),
  alertIds: Uuids,
  quiz: Type.Array(QuizItemAdmin, { maxItems: LIMITS.quizItems, description: 'Replaces every item, in this order.' }),
};

export const CampaignCreateBody = Type.Object(
  {
    slug: Type.String({ minLength: 1, maxLength: LIMITS.slugLength, description: 'a-z, 0-9 and single dashes.' }),
    startsOn: editable.startsOn,
    endsOn: editable.endsOn,
    theme: editable.theme,
    fraudTypes: Type.Optional(editable.fraudTypes),
    partnerOrganizationIds: Type.Optional(editable.partnerOrganizationIds),
    articleSlugs: Type.Optional(editable.articleSlugs),
    alertIds: Type.Optional(editable.alertIds),
    vi: Type.Optional(CampaignTextPatch),
    en: Type.Optional(CampaignTextPatch),
    quiz: Type.Optional(editable.quiz),
  },
  { additionalProperties: false },
);

export const CampaignPatchBody = Type.Object(
  {
    slug: Type.Optional(CampaignCreateBody.properties.slug),
    status: Type.Optional(Type.Enum(CAMPAIGN_STATUSES, { description: 'published needs every text in both languages.' })),
    startsOn: Type.Optional(editable.startsOn),
    endsOn: Type.Optional(editable.endsOn),
    theme: Type.Optional(editable.theme),
    fraudTypes: Type.Optional(editable.fraudTypes),
    partnerOrganizationIds: Type.Optional(editable.partnerOrganizationIds),
    articleSlugs: Type.Optional(editable.articleSlugs),
    alertIds: Type.Optional(editable.alertIds),
    vi: Type.Optional(CampaignTextPatch),
    en: Type.Optional(CampaignTextPatch),
    quiz: Type.Optional(editable.quiz),
  },
  { additionalProperties: false },
);

export const CampaignAdmin = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  status: Type.Enum(CAMPAIGN_STATUSES),
  startsOn: DateOnly,
  endsOn: DateOnly,
  theme: Type.String(),
  fraudTypes: Type.Array(Type.String()),
  partnerOrganizationIds: Type.Array(Type.String()),
  partners: Type.Array(CampaignPartner),
  articleSlugs: Type.Array(Type.String()),
  alertIds: Type.Array(Type.String()),
  vi: CampaignTextSchema,
  en: CampaignTextSchema,
  quiz: Type.Array(QuizItemAdmin),
  publishedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CampaignAdminWithTotals = Type.Intersect([CampaignAdmin, Type.Object({ totals: Figures })]);

export const CampaignFigures = Type.Object({
  from: DateOnly,
  to: DateOnly,
  totals: Figures,
  days: Type.Array(Type.Intersect([Type.Object({ date: DateOnly }), Figures]), { description: 'Every day of the range, oldest first.' }),
});

/** Reach of a published campaign on the public statistics page. */
export const PublicCampaignReach = Type.Object({
  slug: Type.String(),
  title: Type.String({ description: 'In Vietnamese; `titles` has both languages.' }),
  titles: Type.Object({ vi: Type.String(), en: Type.String() }),
  views: Type.Integer(),
  quizCompletions: Type.Integer(),
  averageScore: Nullable(Type.Number()),
  shares: Type.Integer(),
  lookups: Type.Integer(),
  reports: Type.Integer(),
});
