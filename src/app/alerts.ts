import { appendAudit } from '../store/audit-log.ts';
import {
  findAlert,
  insertAlert,
  listAlertRowsForConsole,
  listAlertTranslations,
  listPublicAlertRows,
  lockAlert,
  updateAlert,
  upsertAlertTranslation,
  type AlertRow,
  type AlertTranslationRow,
} from '../store/alerts.ts';
import type { Db } from '../store/connection.ts';
import type { ContentLanguage, ContentStatus } from '../store/schema.ts';
import { auditActor, type Caller } from './caller.ts';
import { readDemoAlertFiles, type AlertFile } from './content-files.ts';
import {
  checkFraudTypes,
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

// --- The console's content screen (routes in src/http/routes/content-admin.ts) ---

export interface ConsoleAlert extends ConsoleFields {
  kind: 'alert';
  id: string;
  fraudTypes: string[];
}

const consoleAlertView = (alert: AlertRow, translations: AlertTranslationRow[], withBodies: boolean, now: Date): ConsoleAlert => ({
  kind: 'alert',
  id: alert.id,
  fraudTypes: alert.fraudTypes,
  ...consoleFields(alert, translations, withBodies, now),
});

/** The alerts of any status, the last changed first (at most `limit`), with titles but no bodies. */
export async function listConsoleAlerts(db: Db, filter: ConsoleListFilter = {}, limit = 200, now = new Date()): Promise<{ items: ConsoleAlert[] }> {
  const rows = await listAlertRowsForConsole(db, limit);
  const translations = await listAlertTranslations(db, rows.map((r) => r.id));
  return {
    items: rows.map((a) => consoleAlertView(a, translations.filter((t) => t.alertId === a.id), false, now)).filter((item) => matchesFilter(item, filter)),
  };
}

/** One alert with its markdown, as the editor loads it. */
export async function consoleAlert(db: Db, id: string, now = new Date()): Promise<ConsoleAlert> {
  const alert = await findAlert(db, id);
  if (!alert) throw notFound('The alert');
  return consoleAlertView(alert, await listAlertTranslations(db, [id]), true, now);
}

export interface AlertDraftInput {
  fraudTypes: string[];
  translations: TextInput;
}

function checkAlertDraft(input: AlertDraftInput) {
  const { texts, errors } = writtenTexts(input.translations);
  errors.unshift(...checkFraudTypes(input.fraudTypes, '/fraudTypes'));
  if (new Set(input.fraudTypes).size !== input.fraudTypes.length) errors.unshift({ field: '/fraudTypes', message: 'Each fraud type once.' });
  if (texts.length === 0) errors.push({ field: '/translations', message: 'Write the Vietnamese or the English version.' });
  if (errors.length) throw badRequest('The alert is not valid.', errors);
  return texts;
}

/** A new alert from the console, always a draft until it is published or scheduled. */
export async function createConsoleAlert(db: Db, caller: Caller, input: AlertDraftInput, now = new Date()): Promise<ConsoleAlert> {
  const texts = checkAlertDraft(input);
  const alert = await createAlert(db, caller, { fraudTypes: input.fraudTypes, status: 'draft', translations: Object.fromEntries(texts) }, now);
  return consoleAlert(db, alert.id, now);
}

/** Saves the editor's form (only changed language versions are written); a live alert shows the edit at once. */
export async function updateConsoleAlert(db: Db, caller: Caller, id: string, input: AlertDraftInput & { version: number; ifMatch?: number | null }, now = new Date()): Promise<ConsoleAlert> {
  const texts = checkAlertDraft(input);
  return db.transaction(async (tx) => {
    const before = await lockAlert(tx, id);
    if (!before) throw notFound('The alert');
    checkVersion(before.version, input.version, input.ifMatch ?? null);
    const existing = await listAlertTranslations(tx, [id]);
    const changed = texts.filter(([lang, text]) => {
      const old = existing.find((t) => t.lang === lang);
      return !old || old.title !== text.title || old.summary !== text.summary || old.bodyMarkdown !== text.bodyMarkdown;
    });
    for (const [lang, text] of changed) await upsertAlertTranslation(tx, id, lang, { ...text, updatedBy: userId(caller) });
    const after = await updateAlert(tx, id, { fraudTypes: input.fraudTypes, updatedBy: userId(caller) });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: 'alert.updated',
      subjectType: 'alert',
      subjectId: id,
      before: { fraudTypes: before.fraudTypes, version: before.version, texts: Object.fromEntries(changed.map(([l]) => [l, existing.find((t) => t.lang === l)?.title ?? null])) },
      after: { fraudTypes: after.fraudTypes, version: after.version, texts: Object.fromEntries(changed.map(([l, t]) => [l, t.title])) },
    });
    return consoleAlertView(after, await listAlertTranslations(tx, [id]), true, now);
  });
}

/** Publish now, schedule or unpublish from the editor (both languages needed to go public). */
export async function changeAlertPublication(db: Db, caller: Caller, id: string, input: { version: number; ifMatch?: number | null; change: PublicationAction }, now = new Date()): Promise<ConsoleAlert> {
  return db.transaction(async (tx) => {
    const before = await lockAlert(tx, id);
    if (!before) throw notFound('The alert');
    checkVersion(before.version, input.version, input.ifMatch ?? null);
    const translations = await listAlertTranslations(tx, [id]);
    const values = publicationChange(before, translations.map((t) => t.lang), input.change, now);
    const after = await updateAlert(tx, id, { ...values, updatedBy: userId(caller) });
    await appendAudit(tx, {
      ...auditActor(caller),
      action: `alert.${values.status}`,
      subjectType: 'alert',
      subjectId: id,
      before: { status: before.status, publishAt: before.publishAt, version: before.version },
      after: { status: after.status, publishAt: after.publishAt, version: after.version, ...(values.statusReason ? { reason: values.statusReason } : {}) },
    });
    return consoleAlertView(after, translations, true, now);
  });
}
