import { DEFAULT_TEMPLATES, type TemplateText } from '../domain/templates/defaults.ts';
import { formatDueAt } from '../domain/templates/due-at.ts';
import { audienceOf, placeholdersOf, sampleValues, TEMPLATE_LOCALES, TEMPLATE_PURPOSES, type TemplateLocale, type TemplatePurpose, type TemplateValues } from '../domain/templates/purposes.ts';
import { renderMessage } from '../domain/templates/render.ts';
import { checkTemplate } from '../domain/templates/template-check.ts';
import { appendAudit } from '../store/audit-log.ts';
import type { Db } from '../store/connection.ts';
import { transactionRetryingDeadlocks } from '../store/deadlock-retry.ts';
import { currentTemplateVersion, currentTemplateVersions, insertTemplateVersion, lockTemplate, templateVersionHistory, type MessageTemplateVersionRow } from '../store/message-templates.ts';
import { auditActor, type Caller } from './caller.ts';
import { badRequest, conflict, notFound, type FieldError } from './errors.ts';

/**
 * The message templates as the console edits them and the notices use them: the newest saved
 * version of a (purpose, language), or the built-in default when none was saved.
 */

export interface TemplateView {
  purpose: TemplatePurpose;
  audience: ReturnType<typeof audienceOf>;
  locale: TemplateLocale;
  subject: string;
  body: string;
  /** 0 while the built-in default was never saved over. */
  version: number;
  /** The text in force is the built-in default (never saved, or reset). */
  isDefault: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  placeholders: { name: string; optional: boolean }[];
  defaults: TemplateText;
}

function view(purpose: TemplatePurpose, locale: TemplateLocale, row: MessageTemplateVersionRow | undefined): TemplateView {
  const defaults = DEFAULT_TEMPLATES[purpose][locale];
  return {
    purpose,
    audience: audienceOf(purpose),
    locale,
    subject: row?.subject ?? defaults.subject,
    body: row?.body ?? defaults.body,
    version: row?.version ?? 0,
    isDefault: row ? row.isDefault : true,
    updatedAt: row?.createdAt.toISOString() ?? null,
    updatedBy: row?.createdBy ?? null,
    placeholders: placeholdersOf(purpose).map((p) => ({ name: p.name, optional: p.optional ?? false })),
    defaults,
  };
}

function purposeOrThrow(purpose: string): TemplatePurpose {
  if (!(TEMPLATE_PURPOSES as readonly string[]).includes(purpose)) throw notFound(`The message template ${purpose}`);
  return purpose as TemplatePurpose;
}

export async function listTemplates(db: Db): Promise<{ items: TemplateView[] }> {
  const saved = new Map((await currentTemplateVersions(db)).map((r) => [`${r.purpose}/${r.locale}`, r]));
  return { items: TEMPLATE_PURPOSES.flatMap((p) => TEMPLATE_LOCALES.map((l) => view(p, l, saved.get(`${p}/${l}`)))) };
}

export async function getTemplate(db: Db, purposeName: string, locale: TemplateLocale) {
  const purpose = purposeOrThrow(purposeName);
  const history = await templateVersionHistory(db, purpose, locale, 50);
  return {
    ...view(purpose, locale, history[0]?.version),
    history: history.map((h) => ({
      version: h.version.version,
      subject: h.version.subject,
      body: h.version.body,
      isDefault: h.version.isDefault,
      createdAt: h.version.createdAt.toISOString(),
      createdBy: h.version.createdBy,
      createdByName: h.createdByName,
    })),
  };
}

/** Problems of a draft, per field (`/subject`, `/body`). */
export function templateProblems(purpose: TemplatePurpose, draft: TemplateText): FieldError[] {
  const placeholders = placeholdersOf(purpose);
  const errors: FieldError[] = [];
  for (const field of ['subject', 'body'] as const) {
    if (!draft[field].trim()) errors.push({ field: `/${field}`, message: field === 'subject' ? 'A message needs a subject.' : 'A message needs a text.', code: 'empty' });
    for (const p of checkTemplate(draft[field], placeholders)) errors.push({ field: `/${field}`, message: p.message, code: 'template' });
  }
  if (draft.subject.includes('\n')) errors.push({ field: '/subject', message: 'A subject is one line.', code: 'multiline' });
  return errors;
}

export interface SaveTemplateInput {
  subject: string;
  body: string;
  /** The version the editor started from: a save over a newer version is refused (409). */
  baseVersion?: number;
}

async function addVersion(db: Db, caller: Caller, purpose: TemplatePurpose, locale: TemplateLocale, text: TemplateText, isDefault: boolean, baseVersion: number | undefined) {
  return transactionRetryingDeadlocks(db, async (tx) => {
    await lockTemplate(tx, purpose, locale);
    const before = await currentTemplateVersion(tx, purpose, locale);
    if (baseVersion !== undefined && baseVersion !== (before?.version ?? 0)) {
      throw conflict(`Someone saved this template meanwhile (version ${before?.version ?? 0}); reload it and apply your change again.`, [{ field: '/baseVersion', message: 'Not the newest version.', code: 'stale' }]);
    }
    const createdBy = caller.actor.type === 'user' ? caller.actor.userId : null;
    const row = await insertTemplateVersion(tx, { purpose, locale, subject: text.subject, body: text.body, isDefault, createdBy });
    const previous = before ?? { subject: DEFAULT_TEMPLATES[purpose][locale].subject, body: DEFAULT_TEMPLATES[purpose][locale].body, version: 0 };
    await appendAudit(tx, {
      ...auditActor(caller),
      action: isDefault ? 'message_template.reset' : 'message_template.saved',
      subjectType: 'message_template',
      subjectId: `${purpose}/${locale}`,
      before: { version: previous.version, subject: previous.subject, body: previous.body },
      after: { version: row.version, subject: row.subject, body: row.body },
    });
    return view(purpose, locale, row);
  });
}

export async function saveTemplate(db: Db, caller: Caller, purposeName: string, locale: TemplateLocale, input: SaveTemplateInput): Promise<TemplateView> {
  const purpose = purposeOrThrow(purposeName);
  const draft = { subject: input.subject.trim(), body: input.body.replace(/\s+$/, '') };
  const errors = templateProblems(purpose, draft);
  if (errors.length) throw badRequest('The template cannot be saved as it is.', errors);
  return addVersion(db, caller, purpose, locale, draft, false, input.baseVersion);
}

export async function resetTemplate(db: Db, caller: Caller, purposeName: string, locale: TemplateLocale): Promise<TemplateView> {
  const purpose = purposeOrThrow(purposeName);
  return addVersion(db, caller, purpose, locale, DEFAULT_TEMPLATES[purpose][locale], true, undefined);
}

/** A draft (or the text in force) filled with invented sample values; 400 per field if it would be refused on save. */
export async function previewTemplate(db: Db, purposeName: string, locale: TemplateLocale, draft: Partial<TemplateText>) {
  const purpose = purposeOrThrow(purposeName);
  const current = view(purpose, locale, await currentTemplateVersion(db, purpose, locale));
  const text = { subject: draft.subject ?? current.subject, body: draft.body ?? current.body };
  const errors = templateProblems(purpose, text);
  if (errors.length) throw badRequest('The template has problems.', errors);
  const values = sampleValues(purpose, locale, (at) => formatDueAt(at, locale));
  return { ...renderMessage(text, values, 'text'), values };
}

/**
 * The message of a notice as it goes out now: the template in force, filled with the values
 * (text channel: plain-text e-mail). The version is kept with what was sent.
 */
export async function renderNotice(db: Db, purpose: TemplatePurpose, locale: TemplateLocale, values: TemplateValues): Promise<TemplateText & { version: number }> {
  const row = await currentTemplateVersion(db, purpose, locale);
  const text = row ?? DEFAULT_TEMPLATES[purpose][locale];
  return { ...renderMessage(text, values, 'text'), version: row?.version ?? 0 };
}
