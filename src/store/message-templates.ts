import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { messageTemplateVersions, users } from './schema.ts';

export type MessageTemplateVersionRow = typeof messageTemplateVersions.$inferSelect;
type Locale = MessageTemplateVersionRow['locale'];

/** The version in force of every template that was ever saved (one row per purpose and language). */
export async function currentTemplateVersions(db: Db): Promise<MessageTemplateVersionRow[]> {
  return db
    .selectDistinctOn([messageTemplateVersions.purpose, messageTemplateVersions.locale])
    .from(messageTemplateVersions)
    .orderBy(messageTemplateVersions.purpose, messageTemplateVersions.locale, desc(messageTemplateVersions.version));
}

export async function currentTemplateVersion(db: Db, purpose: string, locale: Locale): Promise<MessageTemplateVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(messageTemplateVersions)
    .where(and(eq(messageTemplateVersions.purpose, purpose), eq(messageTemplateVersions.locale, locale)))
    .orderBy(desc(messageTemplateVersions.version))
    .limit(1);
  return row;
}

/** The saved versions of one template, newest first, with who saved each. */
export async function templateVersionHistory(db: Db, purpose: string, locale: Locale, limit: number) {
  return db
    .select({ version: messageTemplateVersions, createdByName: users.name })
    .from(messageTemplateVersions)
    .leftJoin(users, eq(users.id, messageTemplateVersions.createdBy))
    .where(and(eq(messageTemplateVersions.purpose, purpose), eq(messageTemplateVersions.locale, locale)))
    .orderBy(desc(messageTemplateVersions.version))
    .limit(limit);
}

/**
 * Adds the next version. Two saves at the same moment compute the same number and the unique
 * index refuses the second (the caller turns that into a conflict).
 */
export async function insertTemplateVersion(
  db: Db,
  values: { purpose: string; locale: Locale; subject: string; body: string; isDefault: boolean; createdBy: string | null },
): Promise<MessageTemplateVersionRow> {
  const [last] = await db
    .select({ version: sql<number>`coalesce(max(${messageTemplateVersions.version}), 0)`.mapWith(Number) })
    .from(messageTemplateVersions)
    .where(and(eq(messageTemplateVersions.purpose, values.purpose), eq(messageTemplateVersions.locale, values.locale)));
  const [row] = await db
    .insert(messageTemplateVersions)
    .values({ ...values, version: (last?.version ?? 0) + 1 })
    .returning();
  return row!;
}

/** Serializes saves of one template within the transaction (there may be no row yet to lock). */
export async function lockTemplate(db: Db, purpose: string, locale: Locale): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`message_template:${purpose}:${locale}`}))`);
}
