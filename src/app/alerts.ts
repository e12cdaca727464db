import { appendAudit } from '../store/audit-log.ts';
import { findAlert, insertAlert, listAlertTranslations, listPublicAlertRows, updateAlert, upsertAlertTranslation } from '../store/alerts.ts';
import type { Db } from '../store/connection.ts';
import type { ContentLanguage, ContentStatus } from '../store/schema.ts';
import { auditActor, type Caller } from './caller.ts';
import { readDemoAlertFiles, type AlertFile } from './content-files.ts';
import { checkFraudTypes, checkText, pickTranslation, publicationValues } from './content-publication.ts';
import { badRequest, notFound } from './errors.ts';
import { renderMarkdown } from './markdown.ts';

export interface PublicAlert {
  id: string;
  /** The language of the text: the requested one, or Vietnamese when it is missing. */
  lang: ContentLanguage;
  title: string;
  summary: string;
  html: string;
  fraudTypes: string[];
  publishedAt: string;
}

export interface AlertText {
  title: string;
  summary: string;
  bodyMarkdown: string;
}

export interface AlertInput {
  fraudTypes: string[];
  status: ContentStatus;
  publishAt?: Date | null;
  translations: Partial<Record<ContentLanguage, AlertText>>;
}

/** The newest public alerts, newest first, in the requested language where it exists. */
export async function listPublicAlerts(db: Db, lang: ContentLanguage, limit: number, now = new Date()): Promise<{ items: PublicAlert[] }> {
  const rows = await listPublicAlertRows(db, now, limit);
  const translations = await listAlertTranslations(db, rows.map((r) => r.id));
  const items: PublicAlert[] = [];
  for (const alert of rows) {
    const t = pickTranslation(translations.filter((x) => x.alertId === alert.id), lang);
    if (!t) continue;
    items.push({ id: alert.id, lang: t.lang, title: t.title, summary: t.summary, html: renderMarkdown(t.bodyMarkdown), fraudTypes: alert.fraudTypes, publishedAt: alert.publishAt!.toISOString() });
  }
  return { items };
}

const userId = (caller: Caller) => (caller.actor.type === 'user' ? caller.actor.userId : null);

/** Creates an alert with its language versions (the console's content screen, and the demo seed). */
export async function createAlert(db: Db, caller: Caller, input: AlertInput, now = new Date()) {
  const languages = Object.keys(input.translations) as ContentLanguage[];
  if (languages.length === 0) throw badRequest('An alert needs at least one language version.', [{ field: '/translations', message: 'vi or en.' }]);
  const errors = [...checkFraudTypes(input.fraudTypes, '/fraudTypes'), ...languages.flatMap((lang) => checkText(input.translations[lang]!, `/translations/${lang}`))];
  if (errors.length) throw badRequest('The alert is not valid.', errors);
  const values = publicationValues(input.status, input.publishAt, now);
  return db.transaction(async (tx) => {
    const alert = await insertAlert(tx, { ...values, fraudTypes: input.fraudTypes, updatedBy: userId(caller) });
    for (const lang of languages) await upsertAlertTranslation(tx, alert.id, lang, { ...input.translations[lang]!, updatedBy: userId(caller) });
    await appendAudit(tx, { ...auditActor(caller), action: 'alert.created', subjectType: 'alert', subjectId: alert.id, after: { status: alert.status, publishAt: alert.publishAt, fraudTypes: alert.fraudTypes, languages } });
    return alert;
  });
}

/** Publish, schedule, unpublish or return an alert to draft. */
export async function setAlertStatus(db: Db, caller: Caller, id: string, change: { status: ContentStatus; publishAt?: Date | null }, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await findAlert(tx, id);
    if (!before) throw notFound('The alert');
    const values = publicationValues(change.status, change.publishAt === undefined ? (change.status === 'published' ? null : before.publishAt) : change.publishAt, now);
    const after = await updateAlert(tx, id, { ...values, updatedBy: userId(caller) });
    await appendAudit(tx, { ...auditActor(caller), action: `alert.${values.status}`, subjectType: 'alert', subjectId: id, before: { status: before.status, publishAt: before.publishAt }, after: { status: after.status, publishAt: after.publishAt } });
    return after;
  });
}

const DAY_MS = 86_400_000;

/** The demo alerts of content/demo-alerts, published some days before `now`. */
export async function seedDemoAlerts(db: Db, caller: Caller, files: AlertFile[] = readDemoAlertFiles(), now = new Date()): Promise<number> {
  const byKey = new Map<string, AlertFile[]>();
  for (const f of files) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  for (const versions of byKey.values()) {
    const first = versions[0]!;
    await createAlert(
      db,
      caller,
      {
        fraudTypes: first.fraudTypes,
        status: 'published',
        publishAt: new Date(now.getTime() - first.daysAgo * DAY_MS),
        translations: Object.fromEntries(versions.map((v) => [v.lang, { title: v.title, summary: v.summary, bodyMarkdown: v.body }])),
      },
      now,
    );
  }
  return byKey.size;
}
