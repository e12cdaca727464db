import { CONTENT_LANGUAGES, type ContentLanguage, type ContentStatus } from '../store/schema.ts';
import { isFraudType } from '../domain/fraud-types.ts';
import { AppError, badRequest, conflict, unprocessable, type FieldError } from './errors.ts';

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

// --- The console's editing rules (docs/content.md, "Editing in the console") ---

/** Lower-case ASCII letters and digits in words joined by single hyphens: the public URL's last part. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const SLUG = new RegExp(SLUG_PATTERN);
export const SLUG_MAX_LENGTH = 120;

export function checkSlug(slug: string, at = '/slug'): FieldError[] {
  if (slug.length < 3 || slug.length > SLUG_MAX_LENGTH || !SLUG.test(slug)) {
    return [{ field: at, message: `3 to ${SLUG_MAX_LENGTH} lower-case letters (a–z, no diacritics), digits and single hyphens, e.g. "fake-investment".`, code: 'slug' }];
  }
  return [];
}

/**
 * What the console shows as an item's status: a scheduled item whose time has come is public,
 * so it shows as published (nothing flips the stored status; see `isPublicAt` in the stores).
 */
export function displayedStatus(status: ContentStatus, publishAt: Date | null, now: Date): ContentStatus {
  return status === 'scheduled' && publishAt !== null && publishAt <= now ? 'published' : status;
}

/**
 * The version an `If-Match` header names: `"7"`, `W/"7"` or a bare `7` (some clients drop the
 * quotes). Hand-written: the tag is our own decimal version, and no library parses just that.
 * `null` when the header says nothing usable (then the body's `version` alone decides).
 */
export function parseVersionTag(header: string | undefined): number | null {
  if (header === undefined) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return match ? Number(match[1]) : null;
}

export const versionTag = (version: number) => `"${version}"`;

/**
 * Optimistic concurrency: an editor sends the version it loaded. When someone saved in the
 * meantime the write is refused, 412 when the `If-Match` header was stale, else 409.
 */
export function checkVersion(current: number, expected: number, ifMatch: number | null): void {
  if (ifMatch !== null && ifMatch !== current) {
    throw new AppError(412, 'precondition_failed', `Someone else saved this item first (now version ${current}); reload it and apply your change again.`, [
      { field: '/version', message: `Now version ${current}.`, code: 'stale' },
    ]);
  }
  if (expected !== current) {
    throw conflict(`Someone else saved this item first (now version ${current}); reload it and apply your change again.`, [
      { field: '/version', message: `Now version ${current}.`, code: 'stale' },
    ]);
  }
}

export type PublicationAction = { action: 'publish' } | { action: 'schedule'; publishAt: Date } | { action: 'unpublish'; reason: string };

/**
 * The stored values for a console publication action. Publishing and scheduling need both
 * languages (the portal is bilingual; the reader's fallback is for imported drafts, not a policy);
 * unpublishing needs a reason and an item that is public or scheduled.
 */
export function publicationChange(
  current: { status: ContentStatus; publishAt: Date | null },
  languages: readonly ContentLanguage[],
  change: PublicationAction,
  now: Date,
): { status: ContentStatus; publishAt: Date | null; statusReason: string | null } {
  if (change.action === 'unpublish') {
    const reason = change.reason.trim();
    if (!reason) throw badRequest('Say why it is unpublished.', [{ field: '/reason', message: 'A reason is required.' }]);
    if (current.status !== 'published' && current.status !== 'scheduled') {
      throw conflict(`Only a published or scheduled item can be unpublished; this one is ${current.status}.`, [{ field: '/status', message: `Now ${current.status}.` }]);
    }
    return { status: 'unpublished', publishAt: current.publishAt, statusReason: reason };
  }
  const missing = CONTENT_LANGUAGES.filter((l) => !languages.includes(l));
  if (missing.length) {
    throw unprocessable('Both the Vietnamese and the English version are needed to publish.', missing.map((l) => ({ field: `/translations/${l}`, message: 'Required to publish.', code: 'language_missing' })));
  }
  const values = change.action === 'publish' ? publicationValues('published', null, now) : publicationValues('scheduled', change.publishAt, now);
  return { ...values, statusReason: null };
}

/** A language version as the console sends it: all three fields empty means "not written". */
export function isBlankText(text: { title: string; summary: string; bodyMarkdown: string }): boolean {
  return !text.title.trim() && !text.summary.trim() && !text.bodyMarkdown.trim();
}

export interface ConsoleText {
  title: string;
  summary: string;
  /** Only in the answer about one item; lists leave the bodies out. */
  bodyMarkdown?: string;
  updatedAt: string;
}

export interface ConsoleFields {
  status: ContentStatus;
  publishAt: string | null;
  /** Public now (published, or scheduled and its time has come). */
  live: boolean;
  statusReason: string | null;
  version: number;
  updatedAt: string;
  /** The languages written, Vietnamese first. */
  languages: ContentLanguage[];
  translations: Partial<Record<ContentLanguage, ConsoleText>>;
}

/** The fields the console shows for an article or an alert, from its row and its translations. */
export function consoleFields(
  row: { status: ContentStatus; publishAt: Date | null; statusReason: string | null; version: number; updatedAt: Date },
  translations: readonly { lang: ContentLanguage; title: string; summary: string; bodyMarkdown: string; updatedAt: Date }[],
  withBodies: boolean,
  now: Date,
): ConsoleFields {
  const status = displayedStatus(row.status, row.publishAt, now);
  const texts: Partial<Record<ContentLanguage, ConsoleText>> = {};
  for (const t of translations) {
    texts[t.lang] = { title: t.title, summary: t.summary, ...(withBodies ? { bodyMarkdown: t.bodyMarkdown } : {}), updatedAt: t.updatedAt.toISOString() };
  }
  return {
    status,
    publishAt: row.publishAt?.toISOString() ?? null,
    live: status === 'published',
    statusReason: row.statusReason,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    languages: CONTENT_LANGUAGES.filter((l) => texts[l] !== undefined),
    translations: texts,
  };
}

export interface ConsoleListFilter {
  status?: ContentStatus;
  /** true: both languages written; false: one is missing. */
  complete?: boolean;
}

export function matchesFilter(item: ConsoleFields, filter: ConsoleListFilter): boolean {
  if (filter.status && item.status !== filter.status) return false;
  if (filter.complete !== undefined && (item.languages.length === CONTENT_LANGUAGES.length) !== filter.complete) return false;
  return true;
}

export type TextInput = Partial<Record<ContentLanguage, { title: string; summary: string; bodyMarkdown: string }>>;

/**
 * The language versions of a console write that say something (blank ones are "not written"),
 * and the field errors of those that do not hold up.
 */
export function writtenTexts(translations: TextInput): { texts: [ContentLanguage, { title: string; summary: string; bodyMarkdown: string }][]; errors: FieldError[] } {
  const texts = CONTENT_LANGUAGES.flatMap((l) => {
    const t = translations[l];
    return t && !isBlankText(t) ? [[l, { title: t.title.trim(), summary: t.summary.trim(), bodyMarkdown: t.bodyMarkdown }] as [ContentLanguage, { title: string; summary: string; bodyMarkdown: string }]] : [];
  });
  return { texts, errors: texts.flatMap(([l, t]) => checkText(t, `/translations/${l}`)) };
}
