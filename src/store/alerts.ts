import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
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

/** The alert row locked for this transaction: a console write compares its version first. */
export async function lockAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id)).for('update');
  return row;
}

/** Alerts of any status for the console's list, the last changed first, at most `limit`. */
export async function listAlertRowsForConsole(db: Db, limit: number): Promise<AlertRow[]> {
  return db.select().from(alerts).orderBy(desc(alerts.updatedAt), desc(alerts.id)).limit(limit);
}

export async function insertAlert(db: Db, values: { status: ContentStatus; publishAt: Date | null; fraudTypes: string[]; updatedBy?: string | null }): Promise<AlertRow> {
  const [row] = await db.insert(alerts).values(values).returning();
  return row!;
}

/** Every update raises the version, so an editor holding an older one is told someone saved first. */
export async function updateAlert(db: Db, id: string, values: Partial<Pick<AlertRow, 'status' | 'publishAt' | 'fraudTypes' | 'updatedBy' | 'statusReason'>>): Promise<AlertRow> {
  const [row] = await db
    .update(alerts)
    .set({ ...values, version: sql`${alerts.version} + 1`, updatedAt: new Date() })
    .where(eq(alerts.id, id))
    .returning();
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
