import { api } from './client.ts';
import type { Language } from './public.ts';

// Awareness campaigns (docs/campaigns-web.md): the public landing pages, quiz and reach events,
// and the console's authoring and figures.

export const QUIZ_KINDS = ['message', 'post', 'call', 'payment', 'email', 'web'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];
export const QUIZ_ANSWERS = ['scam', 'legit'] as const;
export type QuizAnswer = (typeof QUIZ_ANSWERS)[number];
export const CAMPAIGN_STATUSES = ['draft', 'published', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** The look of a campaign's page and cards: a season or occasion (src/domain/campaigns/model.ts). */
export const CAMPAIGN_THEMES = ['summer', 'tet', 'school', 'holiday', 'general'] as const;
export const CAMPAIGN_EVENTS = ['view', 'quiz_start', 'quiz_complete', 'share', 'lookup', 'report'] as const;
export type CampaignEventKind = (typeof CAMPAIGN_EVENTS)[number];

export interface CampaignPartner {
  name: string;
  kind: string;
  url?: string | null;
}

export interface CampaignSummary {
  slug: string;
  title: string;
  summary: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  active: boolean;
  fraudTypes: string[];
  partners: CampaignPartner[];
  cardUrl: string;
}

export interface CampaignDetail extends CampaignSummary {
  /** Rendered on the server from markdown with raw HTML disabled. */
  bodyHtml: string;
  tips: string[];
  articles: { slug: string; title: string }[];
  alerts: { id: string; title: string; publishedAt: string }[];
  quizCount: number;
}

export interface QuizItem {
  id: string;
  kind: QuizKind;
  channel: string;
  sender: string;
  content: string;
  answer: QuizAnswer;
  signs: string[];
  explanation: string;
  articleSlug?: string | null;
}

export interface CampaignReach {
  slug: string;
  title: string;
  views: number;
  quizCompletions: number;
  averageScore: number | null;
  shares: number;
  lookups: number;
  reports: number;
}

export interface Figures {
  views: number;
  quizStarts: number;
  quizCompletions: number;
  /** Share of answers right over all completions (0–1); null before the first completion. */
  averageScore: number | null;
  shares: number;
  lookups: number;
  reports: number;
}

export interface CampaignTexts {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  tips: string[];
}

export interface AdminQuizItem {
  id: string;
  kind: QuizKind;
  channel: string;
  sender: string;
  answer: QuizAnswer;
  /** Left out (not null) when the item links no article. */
  articleSlug?: string;
  vi: { content: string; signs: string[]; explanation: string };
  en: { content: string; signs: string[]; explanation: string };
}

export interface CampaignAdmin {
  id: string;
  slug: string;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
  theme: string;
  fraudTypes: string[];
  partnerOrganizationIds: string[];
  partners: CampaignPartner[];
  articleSlugs: string[];
  alertIds: string[];
  vi: CampaignTexts;
  en: CampaignTexts;
  quiz: AdminQuizItem[];
  publishedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CampaignListItem = CampaignAdmin & { totals: Figures };
/** What the console sends to create a campaign (always a draft) or change one (any subset). */
export type CampaignInput = Omit<CampaignAdmin, 'id' | 'status' | 'partners' | 'publishedAt' | 'createdAt' | 'updatedAt'>;
export type CampaignPatch = Partial<CampaignInput> & { status?: CampaignStatus };

export interface FiguresAnswer {
  totals: Figures;
  days: (Figures & { date: string })[];
}

export interface OrganizationOption {
  id: string;
  name: string;
  kind: string;
}

const enc = encodeURIComponent;

export const campaignsApi = {
  list: (lang: Language, signal?: AbortSignal) => api.get<{ items: CampaignSummary[] }>(`/api/v1/public/campaigns?lang=${lang}`, { signal }),
  get: (slug: string, lang: Language, signal?: AbortSignal) => api.get<CampaignDetail>(`/api/v1/public/campaigns/${enc(slug)}?lang=${lang}`, { signal }),
  quiz: (slug: string, lang: Language, signal?: AbortSignal) =>
    api.get<{ items: QuizItem[] }>(`/api/v1/public/campaigns/${enc(slug)}/quiz?lang=${lang}`, { signal }),
  /** Counts only: no identifier of the visitor is sent; a lost event is not worth an error. */
  event: (slug: string, kind: CampaignEventKind, result?: { score: number; of: number }) =>
    api.post<unknown>(`/api/v1/public/campaigns/${enc(slug)}/events`, { kind, ...(result ?? {}) }).then(
      () => undefined,
      () => undefined,
    ),
};

export const cardUrl = (slug: string, lang: Language) => `/api/v1/public/campaigns/${enc(slug)}/card.png?lang=${lang}`;
export const resultCardUrl = (slug: string, score: number, of: number, lang: Language) =>
  `/api/v1/public/campaigns/${enc(slug)}/result-card.png?score=${score}&of=${of}&lang=${lang}`;
export const resultPath = (slug: string, score: number, of: number) => `/campaigns/${enc(slug)}/result?score=${score}&of=${of}`;

export const consoleCampaignsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: CampaignListItem[] }>('/api/v1/campaigns', { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<CampaignAdmin>(`/api/v1/campaigns/${enc(id)}`, { signal }),
  create: (input: CampaignInput, idempotencyKey: string) =>
    api.post<CampaignAdmin>('/api/v1/campaigns', input, { headers: { 'Idempotency-Key': idempotencyKey } }),
  update: (id: string, patch: CampaignPatch) => api.patch<CampaignAdmin>(`/api/v1/campaigns/${enc(id)}`, patch),
  figures: (id: string, range: { from?: string; to?: string }, signal?: AbortSignal) => {
    const query = new URLSearchParams();
    if (range.from) query.set('from', range.from);
    if (range.to) query.set('to', range.to);
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    return api.get<FiguresAnswer>(`/api/v1/campaigns/${enc(id)}/figures${suffix}`, { signal });
  },
  organizations: (signal?: AbortSignal) => api.get<{ items: OrganizationOption[] }>('/api/v1/organizations', { signal }),
  articles: (lang: Language, signal?: AbortSignal) => api.get<{ items: { slug: string; title: string }[] }>(`/api/v1/public/articles?lang=${lang}`, { signal }),
  alerts: (lang: Language, signal?: AbortSignal) =>
    api.get<{ items: { id: string; title: string; publishedAt: string }[] }>(`/api/v1/public/alerts?lang=${lang}&limit=100`, { signal }),
};
