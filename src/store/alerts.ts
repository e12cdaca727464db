import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { alerts, alertTranslations, type ContentLanguage, type ContentStatus } from './schema.ts';

export type AlertRow = typeof alerts.$inferSelect;
export type AlertTranslationRow = typeof alertTranslations.$inferSelect;

const isPublicAt = (now: Date) => and(inArray(alerts.status, ['published', 'scheduled']), lte(alerts.publishAt, now));

/** The newest public alerts (by publish time), at most `limit`. */
export async function listPublicAlertRows(db: Db, now: Date, limit: number): Promise<AlertRow[]> {
  return db.select().from(alerts).where(isPublicAt(now)).orderBy(desc(alerts.publishAt), desc(alerts.id)).limit(limit);
}

export async function listAlertTranslations(db: Db, alertIds: string[]): Promise<AlertTranslationRow[]> {
  if (alertIds.length === 0) return [];
  return db.select().from(alertTranslations).where(inArray(alertTranslations.alertId, alertIds));
}

export async function findAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  return row;
}

export async function insertAlert(db: Db, values: { status: ContentStatus; publishAt: Date | null; fraudTypes: string[]; updatedBy?: string | null }): Promise<AlertRow> {
  const [row] = await db.insert(alerts).values(values).returning();
  return row!;
}

export async function updateAlert(db: Db, id: string, values: Partial<Pick<AlertRow, 'status' | 'publishAt' | 'fraudTypes' | 'updatedBy'>>): Promise<AlertRow> {
  const [row] = await db.update(alerts).set({ ...values, updatedAt: new Date() }).where(eq(alerts.id, id)).returning();
  return row!;
}

export async function upsertAlertTranslation(
  db: Db,
  alertId: string,
  lang: ContentLanguage,
  values: { title: string; summary: string; bodyMarkdown: string; updatedBy?: string | null },
): Promise<AlertTranslationRow> {
  const [row] = await db
    .insert(alertTranslations)
    .values({ alertId, lang, ...values })
    .onConflictDoUpdate({ target: [alertTranslations.alertId, alertTranslations.lang], set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}
