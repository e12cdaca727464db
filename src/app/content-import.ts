import { sql } from 'drizzle-orm';
import { appendAudit } from '../store/audit-log.ts';
import { findArticleBySlug, insertArticle, listArticleTranslations, upsertArticleTranslation } from '../store/articles.ts';
import type { Db } from '../store/connection.ts';
import { auditActor, systemCaller, type Caller } from './caller.ts';
import { readArticleFiles, type ArticleFile } from './content-files.ts';

export interface ImportSummary {
  /** Articles new to the database (published at once). */
  created: number;
  /** Language versions added, or replaced because their file changed and nobody had edited them. */
  updated: number;
  unchanged: number;
  /** Language versions edited in the console: the file does not overwrite them. */
  keptEdits: number;
}

/** Serialises imports of nodes starting together on one PostgreSQL. */
const IMPORT_LOCK = 7262252;

/**
 * Loads the awareness articles of the repository (content/articles) into the database, where
 * the console edits them. A missing article is created and published; a missing language
 * version is added; a version whose file changed is replaced only if it still holds the
 * previously imported text. Edits made in the console, and an article's status, are never
 * touched. Runs at every server start and in `canhgiac seed` / `canhgiac content import`.
 */
export async function importArticles(db: Db, caller: Caller = systemCaller('content-import'), files: ArticleFile[] = readArticleFiles(), now = new Date()): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, keptEdits: 0 };
  const bySlug = new Map<string, ArticleFile[]>();
  for (const f of files) bySlug.set(f.key, [...(bySlug.get(f.key) ?? []), f]);

  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    for (const [slug, versions] of bySlug) {
      let article = await findArticleBySlug(tx, slug);
      if (!article) {
        article = await insertArticle(tx, { slug, fraudType: versions[0]!.fraudType, status: 'published', publishAt: now });
        summary.created++;
        await appendAudit(tx, { ...auditActor(caller), action: 'article.imported', subjectType: 'article', subjectId: article.id, after: { slug, fraudType: article.fraudType, languages: versions.map((v) => v.lang) } });
      }
      const existing = new Map((await listArticleTranslations(tx, article.id)).map((t) => [t.lang, t]));
      for (const file of versions) {
        const current = existing.get(file.lang);
        if (current && current.sourceSha256 === null) {
          summary.keptEdits++;
          continue;
        }
        if (current && current.sourceSha256 === file.sha256) {
          summary.unchanged++;
          continue;
        }
        await upsertArticleTranslation(tx, article.id, file.lang, { title: file.title, summary: file.summary, bodyMarkdown: file.body, sourceSha256: file.sha256 });
        summary.updated++;
        if (current) {
          await appendAudit(tx, { ...auditActor(caller), action: 'article.translation_imported', subjectType: 'article', subjectId: article.id, before: { lang: file.lang, sourceSha256: current.sourceSha256 }, after: { lang: file.lang, sourceSha256: file.sha256 } });
        }
      }
    }
  });
  return summary;
}
