import { Type } from 'typebox';
import { FRAUD_TYPES } from '../../domain/fraud-types.ts';
import { CONTENT_LANGUAGES } from '../../store/schema.ts';
import { PublicCampaignReach } from './campaigns.ts';

export const Language = Type.Enum(CONTENT_LANGUAGES, { description: 'Language of the text; Vietnamese when the requested one is missing.' });

/** Other query parameters (a share link's `utm_source`, a feed reader's cache buster) are ignored. */
export const LanguageQuery = Type.Object({
  lang: Type.Enum(CONTENT_LANGUAGES, { default: 'vi', description: 'vi (default) or en. When a text has no version in that language, the Vietnamese one is served and `lang` says so.' }),
});

const FraudType = Type.Enum(FRAUD_TYPES);
const DateTime = Type.String({ format: 'date-time' });

export const ArticleSummary = Type.Object({
  slug: Type.String(),
  fraudType: FraudType,
  lang: Language,
  title: Type.String(),
  summary: Type.String(),
  updatedAt: DateTime,
});

export const Article = Type.Object({
  slug: Type.String(),
  fraudType: FraudType,
  lang: Language,
  title: Type.String(),
  summary: Type.String(),
  html: Type.String({ description: 'The article rendered from markdown on the server; raw HTML in the source is escaped.' }),
  updatedAt: DateTime,
  translations: Type.Array(Language, { description: 'The languages the article exists in.' }),
});

export const PublicAlert = Type.Object({
  id: Type.String({ format: 'uuid' }),
  lang: Language,
  title: Type.String(),
  summary: Type.String(),
  html: Type.String(),
  fraudTypes: Type.Array(FraudType),
  publishedAt: DateTime,
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PublicStatistics = Type.Object({
  weeks: Type.Array(
    Type.Object({
      weekStart: Type.String({ format: 'date', description: 'Monday of the week (Vietnam time).' }),
      byCategory: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'Reports received that week, by fraud type.' }),
    }),
    { description: 'The last 12 weeks, oldest first, this week included; weeks without reports too.' },
  ),
  platforms: Type.Array(
    Type.Object({
      platform: Type.String(),
      reports: Type.Integer({ description: 'Reports in the period naming an account on this platform.' }),
      escalations: Type.Integer({ description: 'Escalations sent to the platform in the period.' }),
      acted: Type.Integer({ description: 'Answered removed or restricted.' }),
      rejected: Type.Integer({ description: 'Answered no violation.' }),
      pending: Type.Integer({ description: 'Not answered yet, or answered needs more information.' }),
      onTimeRate: Nullable(Type.Number({ description: 'Answered by the deadline, of those answered or past due.' })),
      medianHoursToAct: Nullable(Type.Number()),
    }),
  ),
  campaigns: Type.Array(PublicCampaignReach, { description: 'Reach of each public awareness campaign since it began: counts only.' }),
  from: DateTime,
  to: DateTime,
  generatedAt: DateTime,
});
