import type { AdminQuizItem, CampaignAdmin, CampaignInput, CampaignTexts, QuizAnswer, QuizKind } from '../../../api/campaigns.ts';
import { joinLines, splitLines } from './lines.ts';

// The editor's working copy of a campaign: lists typed one per line are kept as text while editing.

export interface TextsForm {
  title: string;
  summary: string;
  body: string;
  tips: string;
}

export interface QuizItemTextForm {
  content: string;
  signs: string;
  explanation: string;
}

export interface QuizItemForm {
  /** A key for React that survives reordering and id edits. */
  key: string;
  id: string;
  kind: QuizKind;
  channel: string;
  sender: string;
  answer: QuizAnswer;
  articleSlug: string;
  vi: QuizItemTextForm;
  en: QuizItemTextForm;
}

export interface CampaignForm {
  slug: string;
  startsOn: string;
  endsOn: string;
  theme: string;
  fraudTypes: string[];
  partnerOrganizationIds: string[];
  articleSlugs: string[];
  alertIds: string[];
  vi: TextsForm;
  en: TextsForm;
  quiz: QuizItemForm[];
}

let keys = 0;
const nextKey = () => `item-${(keys += 1)}`;

const textsForm = (texts: CampaignTexts): TextsForm => ({ title: texts.title, summary: texts.summary, body: texts.body, tips: joinLines(texts.tips) });
const textsInput = (form: TextsForm): CampaignTexts => ({ title: form.title.trim(), summary: form.summary.trim(), body: form.body, tips: splitLines(form.tips) });

export function emptyQuizItem(position: number): QuizItemForm {
  const empty = { content: '', signs: '', explanation: '' };
  return { key: nextKey(), id: `q${position}`, kind: 'message', channel: 'SMS', sender: '', answer: 'scam', articleSlug: '', vi: { ...empty }, en: { ...empty } };
}

export function emptyForm(today: string): CampaignForm {
  const empty = { title: '', summary: '', body: '', tips: '' };
  return {
    slug: '',
    startsOn: today,
    endsOn: today,
    theme: 'general',
    fraudTypes: [],
    partnerOrganizationIds: [],
    articleSlugs: [],
    alertIds: [],
    vi: { ...empty },
    en: { ...empty },
    quiz: [],
  };
}

export function formOf(campaign: CampaignAdmin): CampaignForm {
  return {
    slug: campaign.slug,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    theme: campaign.theme,
    fraudTypes: [...campaign.fraudTypes],
    partnerOrganizationIds: [...campaign.partnerOrganizationIds],
    articleSlugs: [...campaign.articleSlugs],
    alertIds: [...campaign.alertIds],
    vi: textsForm(campaign.vi),
    en: textsForm(campaign.en),
    quiz: campaign.quiz.map((item) => ({
      key: nextKey(),
      id: item.id,
      kind: item.kind,
      channel: item.channel,
      sender: item.sender,
      answer: item.answer,
      articleSlug: item.articleSlug ?? '',
      vi: { content: item.vi.content, signs: joinLines(item.vi.signs), explanation: item.vi.explanation },
      en: { content: item.en.content, signs: joinLines(item.en.signs), explanation: item.en.explanation },
    })),
  };
}

function quizInput(item: QuizItemForm): AdminQuizItem {
  const text = (t: QuizItemTextForm) => ({ content: t.content.trim(), signs: splitLines(t.signs), explanation: t.explanation.trim() });
  return {
    id: item.id.trim(),
    kind: item.kind,
    channel: item.channel.trim(),
    sender: item.sender.trim(),
    answer: item.answer,
    ...(item.articleSlug ? { articleSlug: item.articleSlug } : {}),
    vi: text(item.vi),
    en: text(item.en),
  };
}

export function inputOf(form: CampaignForm): CampaignInput {
  return {
    slug: form.slug.trim(),
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    theme: form.theme,
    fraudTypes: form.fraudTypes,
    partnerOrganizationIds: form.partnerOrganizationIds,
    articleSlugs: form.articleSlugs,
    alertIds: form.alertIds,
    vi: textsInput(form.vi),
    en: textsInput(form.en),
    quiz: form.quiz.map(quizInput),
  };
}
