import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { articles, articleTranslations, type ContentLanguage, type ContentStatus } from './schema.ts';

export type ArticleRow = typeof articles.$inferSelect;
export type ArticleTranslationRow = typeof articleTranslations.$inferSelect;

/** Public while published or scheduled and its publish time has come. */
const isPublicAt = (now: Date) => and(inArray(articles.status, ['published', 'scheduled']), lte(articles.publishAt, now));

export async function findArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(articles).where(eq(articles.slug, slug));
  return row;
}

/** The article row locked for this transaction: a console write compares its version first. */
export async function lockArticleBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(articles).where(eq(articles.slug, slug)).for('update');
  return row;
}

/** Every article (any status) with all its translations, for the console's list; ordered by slug. */
export async function listAllArticleRows(db: Db): Promise<{ article: ArticleRow; translations: ArticleTranslationRow[] }[]> {
  const rows = await db.select().from(articles).orderBy(asc(articles.slug));
  const translations = rows.length === 0 ? [] : await db.select().from(articleTranslations).where(inArray(articleTranslations.articleId, rows.map((r) => r.id)));
  return rows.map((article) => ({ article, translations: translations.filter((t) => t.articleId === article.id) }));
}

export async function findPublicArticleBySlug(db: Db, slug: string, now: Date): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(articles).where(and(eq(articles.slug, slug), isPublicAt(now)));
  return row;
}

/** Every public article with all its translations, ordered by slug. */
export async function listPublicArticleRows(db: Db, now: Date): Promise<{ article: ArticleRow; translation: ArticleTranslationRow }[]> {
  return db
    .select({ article: articles, translation: articleTranslations })
    .from(articles)
    .innerJoin(articleTranslations, eq(articleTranslations.articleId, articles.id))
    .where(isPublicAt(now))
    .orderBy(asc(articles.slug), asc(articleTranslations.lang));
}

export async function listArticleTranslations(db: Db, articleId: string): Promise<ArticleTranslationRow[]> {
  return db.select().from(articleTranslations).where(eq(articleTranslations.articleId, articleId)).orderBy(asc(articleTranslations.lang));
}

export async function insertArticle(db: Db, values: { slug: string; fraudType: string; status: ContentStatus; publishAt: Date | null; updatedBy?: string | null }): Promise<ArticleRow> {
  const [row] = await db.insert(articles).values(values).returning();
  return row!;
}

/** Every update raises the version, so an editor holding an older one is told someone saved first. */
export async function updateArticle(db: Db, id: string, values: Partial<Pick<ArticleRow, 'status' | 'publishAt' | 'fraudType' | 'updatedBy' | 'statusReason'>>): Promise<ArticleRow> {
  const [row] = await db
    .update(articles)
    .set({ ...values, version: sql`${articles.version} + 1`, updatedAt: new Date() })
    .where(eq(articles.id, id))
    .returning();
  return row!;
}

export interface TranslationValues {
  title: string;
  summary: string;
  bodyMarkdown: string;
  sourceSha256: string | null;
  updatedBy?: string | null;
}

/** Writes one language version, creating it or replacing its text. */
export async function upsertArticleTranslation(db: Db, articleId: string, lang: ContentLanguage, values: TranslationValues): Promise<ArticleTranslationRow> {
  const [row] = await db
    .insert(articleTranslations)
    .values({ articleId, lang, ...values })
    .onConflictDoUpdate({ target: [articleTranslations.articleId, articleTranslations.lang], set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}
