import type { ParseKeys } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { getTemplate, previewTemplate, resetTemplate, saveTemplate, type MessageTemplateDetail, type TemplateLocale, type TemplateText } from '../../../api/message-templates.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { fieldErrors, ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { NotFoundPage } from '../../NotFoundPage.tsx';
import { purposeKey } from './purpose-labels.ts';

type Field = 'subject' | 'body';
const LANGUAGE_NAMES: Record<TemplateLocale, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Edits one template: placeholder chips insert at the cursor, the preview follows the draft, problems show per field. */
export function TemplateEditorPage() {
  const { purpose = '', locale: localeParam = '' } = useParams();
  if (localeParam !== 'vi' && localeParam !== 'en') return <NotFoundPage />;
  return <TemplateEditor key={`${purpose}/${localeParam}`} purpose={purpose} locale={localeParam} />;
}

function TemplateEditor({ purpose, locale }: { purpose: string; locale: TemplateLocale }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = t('templates.editor.title', { purpose: t(purposeKey(purpose)), language: LANGUAGE_NAMES[locale] });
  usePageTitle(title);
  const [template, setTemplate] = useState<MessageTemplateDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<TemplateText>({ subject: '', body: '' });
  const [preview, setPreview] = useState<TemplateText | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');

  const load = useCallback(
    (signal?: AbortSignal) =>
      getTemplate(purpose, locale, signal)
        .then((r) => {
          setTemplate(r);
          setDraft({ subject: r.subject, body: r.body });
        })
        .catch((e) => {
          if (!signal?.aborted) setLoadError(e);
        }),
    [purpose, locale],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // The preview follows the draft, a moment after typing stops; the server renders it as it would be sent.
  useEffect(() => {
    if (!template) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewTemplate(purpose, locale, draft, controller.signal)
        .then((r) => {
          setPreview({ subject: r.subject, body: r.body });
          setPreviewError(null);
        })
        .catch((e) => {
          if (!controller.signal.aborted) setPreviewError(e);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [template, purpose, locale, draft]);

  const insert = (name: string) => {
    const field = lastField.current;
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const value = draft[field];
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const tag = `{{${name}}}`;
    setDraft({ ...draft, [field]: value.slice(0, start) + tag + value.slice(end) });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + tag.length, start + tag.length);
    });
  };

  const save = async () => {
    if (!template) return;
    setBusy(true);
    setSaveError(null);
    setSaved(null);
    try {
      const r = await saveTemplate(purpose, locale, { ...draft, baseVersion: template.version });
      setSaved(t('templates.editor.saved', { version: r.version }));
      await load();
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    setBusy(true);
    setSaveError(null);
    setSaved(null);
    try {
      const r = await resetTemplate(purpose, locale);
      setConfirmReset(false);
      setSaved(t('templates.editor.resetDone', { version: r.version }));
      await load();
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  // Problems of the draft: from the save if it was refused, else from the live preview.
  const problem = saveError instanceof ApiError && saveError.status === 400 ? saveError : previewError;
  const errorsOf = (field: Field) => fieldErrors(problem, `/${field}`);
  const subjectErrors = errorsOf('subject');
  const bodyErrors = errorsOf('body');

  if (loadError) return <div className="page console-page"><ProblemNotice error={loadError} /></div>;
  if (!template) return <div className="page console-page"><p className="loading" role="status">{t('templates.loading')}</p></div>;
  const changed = draft.subject !== template.subject || draft.body !== template.body;

  return (
    <div className="page console-page templates-page">
      <p><Link to="../..">{t('templates.editor.back')}</Link></p>
      <h1>{title}</h1>
      <nav className="templates-page__languages" aria-label={t('templates.editor.languages')}>
        {(['vi', 'en'] as const).map((l) => (
          <Link key={l} to={`../${purpose}/${l}`} relative="path" className={`button button--secondary${l === locale ? ' is-current' : ''}`} aria-current={l === locale ? 'page' : undefined}>
            {LANGUAGE_NAMES[l]}
          </Link>
        ))}
      </nav>
      <p className="muted">
        {t(`templates.audiences.${template.audience}`)} · {template.isDefault ? t('templates.list.default') : t('templates.list.custom', { version: template.version })}
      </p>
      <div className="templates-page__grid">
        <form className="card" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate aria-labelledby="template-edit-title">
          <h2 id="template-edit-title">{t('templates.editor.edit')}</h2>
          <div className="field">
            <label className="field__label" htmlFor="template-subject">{t('templates.editor.subject')}</label>
            <input
              id="template-subject"
              ref={subjectRef}
              className="field__input"
              value={draft.subject}
              maxLength={300}
              onFocus={() => (lastField.current = 'subject')}
              onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
              aria-invalid={subjectErrors.length > 0 ? true : undefined}
              aria-describedby={subjectErrors.length > 0 ? 'template-subject-error' : undefined}
            />
            {subjectErrors.length > 0 && <p id="template-subject-error" className="field__error" data-testid="subject-error">{subjectErrors.join(' ')}</p>}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="template-body">{t('templates.editor.body')}</label>
            <textarea
              id="template-body"
              ref={bodyRef}
              className="field__input templates-page__body"
              rows={10}
              maxLength={10000}
              value={draft.body}
              onFocus={() => (lastField.current = 'body')}
              onChange={(e) => setDraft({ ...draft, body: e.target.value })}
              aria-invalid={bodyErrors.length > 0 ? true : undefined}
              aria-describedby={bodyErrors.length > 0 ? 'template-body-error template-body-hint' : 'template-body-hint'}
            />
            <p id="template-body-hint" className="field__hint">{t('templates.editor.bodyHint', { example: '{{#outcome}}…{{/outcome}}' })}</p>
            {bodyErrors.length > 0 && <p id="template-body-error" className="field__error" data-testid="body-error">{bodyErrors.join(' ')}</p>}
          </div>
          <fieldset className="templates-page__chips">
            <legend>{t('templates.editor.placeholders')}</legend>
            <p className="field__hint">{t('templates.editor.placeholdersHint')}</p>
            <ul className="plain-list templates-page__chip-list">
              {template.placeholders.map((p) => (
                <li key={p.name}>
                  <button type="button" className="chip" onMouseDown={(e) => e.preventDefault()} onClick={() => insert(p.name)} data-placeholder={p.name}>
                    <code>{`{{${p.name}}}`}</code>
                    <span className="visually-hidden"> — {t('templates.editor.insert')}</span>
                  </button>
                  <span className="muted templates-page__chip-help">{t(`templates.placeholders.${p.name}` as ParseKeys)}{p.optional ? ` ${t('templates.editor.optional')}` : ''}</span>
                </li>
              ))}
            </ul>
          </fieldset>
          {saveError !== null && !confirmReset && <ProblemNotice error={saveError} />}
          {saved && <p className="notice notice--success" role="status">{saved}</p>}
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy || !changed}>{busy ? t('console.common.working') : t('templates.editor.save')}</button>
            <button type="button" className="button button--secondary" disabled={busy || !changed} onClick={() => setDraft({ subject: template.subject, body: template.body })}>{t('templates.editor.discard')}</button>
            <button type="button" className="button button--secondary" disabled={busy || template.isDefault} onClick={() => setConfirmReset(true)}>{t('templates.editor.reset')}</button>
          </div>
        </form>
        <div className="templates-page__side">
          <section className="card" aria-labelledby="template-preview-title" aria-live="polite">
            <h2 id="template-preview-title">{t('templates.editor.preview')}</h2>
            <p className="muted">{t('templates.editor.previewHint')}</p>
            {previewError !== null && <p className="field__error">{t('templates.editor.previewBlocked')}</p>}
            {preview && (
              <div className={`templates-page__preview${previewError !== null ? ' is-stale' : ''}`} data-testid="template-preview">
                <p className="templates-page__preview-subject"><strong>{preview.subject}</strong></p>
                <pre className="templates-page__preview-body">{preview.body}</pre>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="template-history-title">
            <h2 id="template-history-title">{t('templates.editor.history')}</h2>
            {template.history.length === 0 && <p className="muted">{t('templates.editor.noHistory')}</p>}
            <ol className="plain-list templates-page__history">
              {template.history.map((h) => (
                <li key={h.version}>
                  {t('templates.editor.version', { version: h.version })} · {formatDateTime(h.createdAt, language)} · {h.createdByName ?? '—'}
                  {h.isDefault && <> · <span className="badge">{t('templates.list.default')}</span></>}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
      <ConfirmDialog open={confirmReset} title={t('templates.editor.resetTitle')} confirmLabel={t('templates.editor.reset')} busy={busy} error={saveError} onCancel={() => setConfirmReset(false)} onConfirm={() => void reset()}>
        <p>{t('templates.editor.resetBody')}</p>
        <pre className="templates-page__preview-body">{template.defaults.subject}{'\n\n'}{template.defaults.body}</pre>
      </ConfirmDialog>
    </div>
  );
}
