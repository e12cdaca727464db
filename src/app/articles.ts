import { FRAUD_TYPES } from '../domain/fraud-types.ts';
import { appendAudit } from '../store/audit-log.ts';
import {
  findArticleBySlug,
  findPublicArticleBySlug,
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
import { checkText, pickTranslation, publicationValues } from './content-publication.ts';
import { badRequest, notFound } from './errors.ts';
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
