import { isFraudType } from '../fraud-types.ts';
import { isIsoDate } from './dates.ts';
import { CAMPAIGN_LANGUAGES, CAMPAIGN_THEMES, LIMITS, QUIZ_ANSWERS, QUIZ_KINDS, type CampaignContent, type CampaignText, type QuizItem, type QuizItemText } from './model.ts';
import { parseCampaignSlug } from './slug.ts';

export interface CampaignFieldError {
  field: string;
  message: string;
}

const QUIZ_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ARTICLE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function lengthError(value: string, max: number, field: string, required: boolean): CampaignFieldError[] {
  if (required && !value.trim()) return [{ field, message: 'Required to publish (both languages).' }];
  if (value.length > max) return [{ field, message: `At most ${max} characters.` }];
  return [];
}

function checkList(values: readonly string[], maxItems: number, maxLength: number, field: string, required: boolean): CampaignFieldError[] {
  const errors: CampaignFieldError[] = [];
  if (values.length > maxItems) errors.push({ field, message: `At most ${maxItems} entries.` });
  if (required && values.filter((v) => v.trim()).length === 0) errors.push({ field, message: 'At least one, to publish (both languages).' });
  values.forEach((v, i) => {
    if (!v.trim()) errors.push({ field: `${field}/${i}`, message: 'Empty entry.' });
    else if (v.length > maxLength) errors.push({ field: `${field}/${i}`, message: `At most ${maxLength} characters.` });
  });
  return errors;
}

function checkText(text: CampaignText, at: string, publish: boolean): CampaignFieldError[] {
  return [
    ...lengthError(text.title, LIMITS.titleLength, `${at}/title`, publish),
    ...lengthError(text.summary, LIMITS.summaryLength, `${at}/summary`, publish),
    ...lengthError(text.body, LIMITS.bodyLength, `${at}/body`, publish),
    ...checkList(text.tips, LIMITS.tips, LIMITS.tipLength, `${at}/tips`, publish),
  ];
}

function checkItemText(text: QuizItemText, at: string, publish: boolean): CampaignFieldError[] {
  return [
    ...lengthError(text.content, LIMITS.quizContentLength, `${at}/content`, publish),
    ...lengthError(text.explanation, LIMITS.explanationLength, `${at}/explanation`, publish),
    ...checkList(text.signs, LIMITS.signs, LIMITS.signLength, `${at}/signs`, publish),
  ];
}

function checkQuizItem(item: QuizItem, at: string, publish: boolean): CampaignFieldError[] {
  const errors: CampaignFieldError[] = [];
  if (!QUIZ_ID.test(item.id) || item.id.length > 40) errors.push({ field: `${at}/id`, message: 'Lower-case letters, digits and dashes, at most 40.' });
  if (!(QUIZ_KINDS as readonly string[]).includes(item.kind)) errors.push({ field: `${at}/kind`, message: `One of ${QUIZ_KINDS.join(', ')}.` });
  if (!(QUIZ_ANSWERS as readonly string[]).includes(item.answer)) errors.push({ field: `${at}/answer`, message: 'scam or legit.' });
  if (!item.channel.trim() || item.channel.length > LIMITS.channelLength) errors.push({ field: `${at}/channel`, message: `1 to ${LIMITS.channelLength} characters.` });
  if (!item.sender.trim() || item.sender.length > LIMITS.senderLength) errors.push({ field: `${at}/sender`, message: `1 to ${LIMITS.senderLength} characters.` });
  if (item.articleSlug !== undefined && !ARTICLE_SLUG.test(item.articleSlug)) errors.push({ field: `${at}/articleSlug`, message: 'An article slug.' });
  for (const lang of CAMPAIGN_LANGUAGES) errors.push(...checkItemText(item[lang], `${at}/${lang}`, publish));
  return errors;
}

/**
 * What is wrong with a campaign's content, per field (JSON pointers into the console's body).
 * A draft may have empty texts; `publish` also requires every text in both languages. References
 * to articles, alerts and organizations are checked against the database by the use case.
 */
export function checkCampaignContent(c: CampaignContent, options: { publish: boolean }): CampaignFieldError[] {
  const { publish } = options;
  const errors: CampaignFieldError[] = [];
  const slug = parseCampaignSlug(c.slug);
  if (!slug.ok) errors.push({ field: '/slug', message: slug.message });
  else if (slug.slug !== c.slug) errors.push({ field: '/slug', message: `Write it as "${slug.slug}".` });
  const startOk = isIsoDate(c.startsOn);
  const endOk = isIsoDate(c.endsOn);
  if (!startOk) errors.push({ field: '/startsOn', message: 'A date YYYY-MM-DD.' });
  if (!endOk) errors.push({ field: '/endsOn', message: 'A date YYYY-MM-DD.' });
  if (startOk && endOk && c.endsOn < c.startsOn) errors.push({ field: '/endsOn', message: 'Not before the start date.' });
  if (!(CAMPAIGN_THEMES as readonly string[]).includes(c.theme)) errors.push({ field: '/theme', message: `One of ${CAMPAIGN_THEMES.join(', ')}.` });
  c.fraudTypes.forEach((t, i) => {
    if (!isFraudType(t)) errors.push({ field: `/fraudTypes/${i}`, message: `"${t}" is not a fraud type of the taxonomy.` });
  });
  if (publish && c.fraudTypes.length === 0) errors.push({ field: '/fraudTypes', message: 'At least one fraud type, to publish.' });
  if (new Set(c.fraudTypes).size !== c.fraudTypes.length) errors.push({ field: '/fraudTypes', message: 'Each fraud type once.' });
  for (const [name, list] of [['partnerOrganizationIds', c.partnerOrganizationIds], ['articleSlugs', c.articleSlugs], ['alertIds', c.alertIds]] as const) {
    if (list.length > LIMITS.links) errors.push({ field: `/${name}`, message: `At most ${LIMITS.links}.` });
    if (new Set(list).size !== list.length) errors.push({ field: `/${name}`, message: 'Each entry once.' });
  }
  for (const lang of CAMPAIGN_LANGUAGES) errors.push(...checkText(c[lang], `/${lang}`, publish));
  if (c.quiz.length > LIMITS.quizItems) errors.push({ field: '/quiz', message: `At most ${LIMITS.quizItems} items.` });
  const seen = new Set<string>();
  c.quiz.forEach((item, i) => {
    errors.push(...checkQuizItem(item, `/quiz/${i}`, publish));
    if (seen.has(item.id)) errors.push({ field: `/quiz/${i}/id`, message: `"${item.id}" is used twice.` });
    seen.add(item.id);
  });
  return errors;
}
