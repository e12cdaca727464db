import type { ContentLanguage, ContentStatus } from '../store/schema.ts';
import { isFraudType } from '../domain/fraud-types.ts';
import { badRequest, type FieldError } from './errors.ts';

/** The language served when the requested one is missing: Vietnamese, the portal's default. */
export const FALLBACK_LANGUAGE: ContentLanguage = 'vi';

/**
 * The translation to serve for a requested language: that language, else Vietnamese, else
 * whatever exists. The answer names the language it is in, so the page can say so.
 */
export function pickTranslation<T extends { lang: ContentLanguage }>(translations: readonly T[], lang: ContentLanguage): T | undefined {
  return translations.find((t) => t.lang === lang) ?? translations.find((t) => t.lang === FALLBACK_LANGUAGE) ?? translations[0];
}

/**
 * The stored status and publish time for a requested change. `published` without a time goes
 * public now; `scheduled` needs a time in the future; a draft or unpublished item keeps its
 * last publish time for the record but is not served.
 */
export function publicationValues(status: ContentStatus, publishAt: Date | null | undefined, now: Date): { status: ContentStatus; publishAt: Date | null } {
  switch (status) {
    case 'published':
      if (publishAt && publishAt > now) throw badRequest('A publish time in the future is a schedule: use status "scheduled".', [{ field: '/publishAt', message: 'Not in the future for "published".' }]);
      return { status, publishAt: publishAt ?? now };
    case 'scheduled':
      if (!publishAt || publishAt <= now) throw badRequest('A scheduled item needs a publish time in the future.', [{ field: '/publishAt', message: 'A future time.' }]);
      return { status, publishAt };
    case 'draft':
    case 'unpublished':
      return { status, publishAt: publishAt ?? null };
  }
}

/** A language version written in the console: title, summary and body must say something. */
export function checkText(text: { title: string; summary: string; bodyMarkdown: string }, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!text.title.trim() || text.title.length > 300) errors.push({ field: `${at}/title`, message: '1 to 300 characters.' });
  if (!text.summary.trim() || text.summary.length > 1000) errors.push({ field: `${at}/summary`, message: '1 to 1000 characters.' });
  if (!text.bodyMarkdown.trim() || text.bodyMarkdown.length > 100_000) errors.push({ field: `${at}/bodyMarkdown`, message: '1 to 100,000 characters.' });
  return errors;
}

export function checkFraudTypes(types: readonly string[], at: string): FieldError[] {
  return types.flatMap((t, i) => (isFraudType(t) ? [] : [{ field: `${at}/${i}`, message: `"${t}" is not a fraud type of the taxonomy.` }]));
}
