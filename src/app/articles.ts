import { FRAUD_TYPES } from '../domain/fraud-types.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  findArticleBySlug,
  findPublicArticleBySlug,
  insertArticle,
  listAllArticleRows,
  lockArticleBySlug,
  listArticleTranslations,
  listPublicArticleRows,
  updateArticle,
  upsertArticleTranslation,
  type ArticleRow,
  type ArticleTranslationRow,
} from '../store/articles.ts';
import type { Db } from '../store/connection.ts';
import { CONTENT_LANGUAGES, type ContentLanguage, type ContentStatus } from '../store/schema.ts';
import { auditActor, type Caller } from './caller.ts';
import {
  checkFraudTypes,
  checkSlug,
  checkText,
  checkVersion,
  consoleFields,
  matchesFilter,
  pickTranslation,
  publicationChange,
  publicationValues,
  writtenTexts,
  type ConsoleFields,
  type ConsoleListFilter,
  type PublicationAction,
  type TextInput,
} from './content-publication.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { renderMarkdown } from './markdown.ts';

export interface PublicArticleSummary {
  slug: string;
  fraudType: string;
  /** The language of title and summary: the requested one, or Vietnamese when it is missing. */
  lang: ContentLanguage;
  title: string;
  summary: string;
  updatedAt: string;
}

export interface PublicArticle extends PublicArticleSummary {
  html: string;
  /** The languages this article exists in. */
  translations: ContentLanguage[];
}

const updatedAt = (article: ArticleRow, translation: ArticleTranslationRow) =>
  new Date(Math.max(translation.updatedAt.getTime(), article.publishAt?.getTime() ?? 0)).toISOString();

/** The public library: every published article, in the requested language where it exists. */
export async function listPublicArticles(db: Db, lang: ContentLanguage, now = new Date()): Promise<{ items: PublicArticleSummary[] }> {
  const rows = await listPublicArticleRows(db, now);
  const byArticle = new Map<string, { article: ArticleRow; translations: ArticleTranslationRow[] }>();
  for (const { article, translation } of rows) {
    const entry = byArticle.get(article.id) ?? { article, translations: [] };
    entry.translations.push(translation);
    byArticle.set(article.id, entry);
  }
  const items = [...byArticle.values()].map(({ article, translations }) => {
    const t = pickTranslation(translations, lang)!;
    return { slug: article.slug, fraudType: article.fraudType, lang: t.lang, title: t.title, summary: t.summary, updatedAt: updatedAt(article, t) };
  });
  // In the taxonomy's order (the commonest frauds first, "other" last), then by slug.
  const rank = (type: string) => {
    const i = (FRAUD_TYPES as readonly string[]).indexOf(type);
    return i === -1 ? FRAUD_TYPES.length : i;
  };
  items.sort((a, b) => rank(a.fraudType) - rank(b.fraudType) || a.slug.localeCompare(b.slug));
  return { items };
}

/** One published article, rendered; 404 when unknown, not yet public or unpublished. */
export async function publicArticle(db: Db, slug: string, lang: ContentLanguage, now = new Date()): Promise<PublicArticle> {
  const article = await findPublicArticleBySlug(db, slug, now);
  const translations = article ? await listArticleTranslations(db, article.id) : [];
  const t = pickTranslation(translations, lang);
  if (!article || !t) throw notFound('The article');
  return {
    slug: article.slug,
    fraudType: article.fraudType,
    lang: t.lang,
    title: t.title,
    summary: t.summary,
    html: renderMarkdown(t.bodyMarkdown),
    updatedAt: updatedAt(article, t),
    translations: CONTENT_LANGUAGES.filter((l) => translations.some((x) => x.lang === l)),
  };
}

const userId = (caller: Caller) => (caller.actor.type === 'user' ? caller.actor.userId : null);

/** Publish, schedule, unpublish or return an article to draft (the console's content screen). */
export async function setArticleStatus(db: Db, caller: Caller, slug: string, change: { status: ContentStatus; publishAt?: Date | null }, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await findArticleBySlug(tx, slug);
    if (!before) throw notFound('The article');
    const values = publicationValues(change.status, change.publishAt === undefined ? (change.status === 'published' ? null : before.publishAt) : change.publishAt, now);
    const after = await updateArticle(tx, before.id, { ...values, updatedBy: userId(caller) });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: `article.${values.status}`,
      subjectType: 'article',
      subjectId: after.id,
      before: { status: before.status, publishAt: before.publishAt },
      after: { status: after.status, publishAt: after.publishAt },
    });
    return after;
  });
}

/**
 * Saves one language version written in the console. It is then an edit: a later import of the
 * repository files leaves it alone (its source hash is cleared).
 */
export async function saveArticleTranslation(db: Db, caller: Caller, slug: string, lang: ContentLanguage, text: { title: string; summary: string; bodyMarkdown: string }) {
  const errors = checkText(text, '');
  if (errors.length) throw badRequest('The article text is not valid.', errors);
  return db.transaction(async (tx) => {
    const article = await findArticleBySlug(tx, slug);
    if (!article) throw notFound('The article');
    const row = await upsertArticleTranslation(tx, article.id, lang, { ...text, sourceSha256: null, updatedBy: userId(caller) });
    await updateArticle(tx, article.id, { updatedBy: userId(caller) });
    await appendAudit(tx, { ...auditActor(caller), action: 'article.translation_saved', subjectType: 'article', subjectId: article.id, after: { lang, title: text.title } });
    return row;
  });
}

// --- The console's content screen (routes in src/http/routes/content-admin.ts) ---

export interface ConsoleArticle extends ConsoleFields {
  kind: 'article';
  id: string;
  slug: string;
  fraudType: string;
}

const consoleArticleView = (article: ArticleRow, translations: ArticleTranslationRow[], withBodies: boolean, now: Date): ConsoleArticle => ({
  kind: 'article',
  id: article.id,
  slug: article.slug,
  fraudType: article.fraudType,
  ...consoleFields(article, translations, withBodies, now),
});

/** Every article, any status, with its languages' titles (no bodies), by slug. */
export async function listConsoleArticles(db: Db, filter: ConsoleListFilter = {}, now = new Date()): Promise<{ items: ConsoleArticle[] }> {
  const rows = await listAllArticleRows(db);
  return { items: rows.map(({ article, translations }) => consoleArticleView(article, translations, false, now)).filter((item) => matchesFilter(item, filter)) };
}

/** One article with its markdown, as the editor loads it. */
export async function consoleArticle(db: Db, slug: string, now = new Date()): Promise<ConsoleArticle> {
  const article = await findArticleBySlug(db, slug);
  if (!article) throw notFound('The article');
  return consoleArticleView(article, await listArticleTranslations(db, article.id), true, now);
}

export interface ArticleDraftInput {
  slug: string;
  fraudType: string;
  translations: TextInput;
}

/** A new article, always a draft: it is published from the editor once both languages are written. */
export async function createConsoleArticle(db: Db, caller: Caller, input: ArticleDraftInput, now = new Date()): Promise<ConsoleArticle> {
  const { texts, errors } = writtenTexts(input.translations);
  errors.unshift(...checkSlug(input.slug), ...checkFraudTypes([input.fraudType], '/fraudType').map((e) => ({ ...e, field: '/fraudType' })));
  if (texts.length === 0) errors.push({ field: '/translations', message: 'Write the Vietnamese or the English version.' });
  if (errors.length) throw badRequest('The article is not valid.', errors);
  return db.transaction(async (tx) => {
    if (await findArticleBySlug(tx, input.slug)) throw conflict(`An article with the address "${input.slug}" already exists.`, [{ field: '/slug', message: 'Already taken.', code: 'taken' }]);
    const article = await insertArticle(tx, { slug: input.slug, fraudType: input.fraudType, status: 'draft', publishAt: null, updatedBy: userId(caller) });
    for (const [lang, text] of texts) await upsertArticleTranslation(tx, article.id, lang, { ...text, sourceSha256: null, updatedBy: userId(caller) });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'article.created',
      subjectType: 'article',
      subjectId: article.id,
      after: { slug: article.slug, fraudType: article.fraudType, status: article.status, languages: texts.map(([l]) => l) },
    });
    return consoleArticleView(article, await listArticleTranslations(tx, article.id), true, now);
  });
}

export interface ArticleUpdateInput {
  version: number;
  ifMatch?: number | null;
  fraudType: string;
  translations: TextInput;
}

/**
 * Saves the editor's form. Only the language versions whose text changed are written (and so
 * taken over from the repository's files, see the import); a published article shows the edit
 * at once. The slug never changes: it is the public address.
 */
export async function updateConsoleArticle(db: Db, caller: Caller, slug: string, input: ArticleUpdateInput, now = new Date()): Promise<ConsoleArticle> {
  const { texts, errors } = writtenTexts(input.translations);
  errors.unshift(...checkFraudTypes([input.fraudType], '/fraudType').map((e) => ({ ...e, field: '/fraudType' })));
  if (errors.length) throw badRequest('The article is not valid.', errors);
  return db.transaction(async (tx) => {
    const before = await lockArticleBySlug(tx, slug);
    if (!before) throw notFound('The article');
    checkVersion(before.version, input.version, input.ifMatch ?? null);
    const existing = await listArticleTranslations(tx, before.id);
    const changed = texts.filter(([lang, text]) => {
      const old = existing.find((t) => t.lang === lang);
      return !old || old.title !== text.title || old.summary !== text.summary || old.bodyMarkdown !== text.bodyMarkdown;
    });
    for (const [lang, text] of changed) await upsertArticleTranslation(tx, before.id, lang, { ...text, sourceSha256: null, updatedBy: userId(caller) });
    const after = await updateArticle(tx, before.id, { fraudType: input.fraudType, updatedBy: userId(caller) });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'article.updated',
      subjectType: 'article',
      subjectId: before.id,
      before: { fraudType: before.fraudType, version: before.version, texts: Object.fromEntries(changed.map(([l]) => [l, existing.find((t) => t.lang === l)?.title ?? null])) },
      after: { fraudType: after.fraudType, version: after.version, texts: Object.fromEntries(changed.map(([l, t]) => [l, t.title])) },
    });
    return consoleArticleView(after, await listArticleTranslations(tx, before.id), true, now);
  });
}

/** Publish now, schedule or unpublish from the editor (both languages needed to go public). */
export async function changeArticlePublication(
  db: Db,
  caller: Caller,
  slug: string,
  input: { version: number; ifMatch?: number | null; change: PublicationAction },
  now = new Date(),
): Promise<ConsoleArticle> {
  return db.transaction(async (tx) => {
    const before = await lockArticleBySlug(tx, slug);
    if (!before) throw notFound('The article');
    checkVersion(before.version, input.version, input.ifMatch ?? null);
    const translations = await listArticleTranslations(tx, before.id);
    const values = publicationChange(before, translations.map((t) => t.lang), input.change, now);
    const after = await updateArticle(tx, before.id, { ...values, updatedBy: userId(caller) });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: `article.${values.status}`,
      subjectType: 'article',
      subjectId: before.id,
      before: { status: before.status, publishAt: before.publishAt, version: before.version },
      after: { status: after.status, publishAt: after.publishAt, version: after.version, ...(values.statusReason ? { reason: values.statusReason } : {}) },
    });
    return consoleArticleView(after, translations, true, now);
  });
}
