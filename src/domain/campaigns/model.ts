import type { FraudType } from '../fraud-types.ts';

/**
 * Awareness campaigns (docs/campaigns.md): a themed landing page in Vietnamese and English, a
 * "spot the scam" quiz, share cards and privacy-preserving reach figures.
 */

export const CAMPAIGN_STATUSES = ['draft', 'published', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_LANGUAGES = ['vi', 'en'] as const;
export type CampaignLanguage = (typeof CAMPAIGN_LANGUAGES)[number];

/**
 * The visual theme of a campaign: the colours of its landing page and share cards. A season or
 * occasion, not a fraud type (those are `fraudTypes`).
 */
export const CAMPAIGN_THEMES = ['summer', 'tet', 'school', 'holiday', 'general'] as const;
export type CampaignTheme = (typeof CAMPAIGN_THEMES)[number];

/** What a quiz item imitates. */
export const QUIZ_KINDS = ['message', 'post', 'call', 'payment', 'email', 'web'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

export const QUIZ_ANSWERS = ['scam', 'legit'] as const;
export type QuizAnswer = (typeof QUIZ_ANSWERS)[number];

/** What a partner organization is, as shown on the co-branded pages (an organization's kind, agency as "agency"). */
export const PARTNER_KINDS = ['platform', 'bank', 'telco', 'agency', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Reach events a campaign page reports: counted per day and kind, nothing else kept. */
export const CAMPAIGN_EVENT_KINDS = ['view', 'quiz_start', 'quiz_complete', 'share', 'lookup', 'report'] as const;
export type CampaignEventKind = (typeof CAMPAIGN_EVENT_KINDS)[number];

export const LIMITS = {
  slugLength: 80,
  titleLength: 120,
  summaryLength: 400,
  bodyLength: 20_000,
  tips: 8,
  tipLength: 200,
  quizItems: 50,
  quizContentLength: 1500,
  signs: 8,
  signLength: 300,
  explanationLength: 1500,
  channelLength: 40,
  senderLength: 120,
  links: 20,
  /** The most quiz answers one completion can report (score ≤ of ≤ this). */
  maxQuizLength: 50,
} as const;

export interface CampaignText {
  title: string;
  summary: string;
  /** Markdown, rendered to sanitized HTML for the public (like articles). */
  body: string;
  tips: string[];
}

export interface QuizItemText {
  /** What the player sees: the message, post, call transcript or payment request (plain text). */
  content: string;
  /** Warning signs, or for a legit item the reasons it is safe. */
  signs: string[];
  explanation: string;
}

export interface QuizItem {
  /** Stable within a campaign (`q1`, `job-offer-zalo`, …): a-z, 0-9 and dashes. */
  id: string;
  kind: QuizKind;
  /** Where it arrives: "SMS", "Zalo", "Facebook", "Phone call", "Bank transfer", … */
  channel: string;
  /** The display name or number of the sender (invented). */
  sender: string;
  answer: QuizAnswer;
  articleSlug?: string;
  vi: QuizItemText;
  en: QuizItemText;
}

/** The authored part of a campaign: what the console edits and the seed files hold. */
export interface CampaignContent {
  slug: string;
  startsOn: string;
  endsOn: string;
  theme: CampaignTheme;
  fraudTypes: FraudType[];
  partnerOrganizationIds: string[];
  articleSlugs: string[];
  alertIds: string[];
  vi: CampaignText;
  en: CampaignText;
  quiz: QuizItem[];
}

export interface Figures {
  views: number;
  quizStarts: number;
  quizCompletions: number;
  /** Share of answers correct over all completions (0–1), null before the first completion. */
  averageScore: number | null;
  shares: number;
  lookups: number;
  reports: number;
}
