import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewMarkdown, type ContentLanguage, type TextInput } from '../../../api/content-admin.ts';
import { fieldErrors } from '../../../console/ProblemNotice.tsx';

const PREVIEW_DELAY_MS = 400;

function Field({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors: string[]; children: (describedBy: string | undefined, invalid: boolean) => React.ReactNode }) {
  const invalid = errors.length > 0;
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>{label}</label>
      {children(describedBy, invalid)}
      {hint && <p id={`${id}-hint`} className="field__hint">{hint}</p>}
      {invalid && <p id={`${id}-error`} className="field__error">{errors.join(' ')}</p>}
    </div>
  );
}

/**
 * One language version: title, summary and the markdown body with a live preview. The preview is
 * rendered by the server's renderer (the one the public pages use), so it shows exactly what the
 * public will see; it follows the typing after a short pause.
 */
export function LanguageTab({ lang, value, onChange, error }: { lang: ContentLanguage; value: TextInput; onChange: (next: TextInput) => void; error: unknown }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState('');
  const [previewError, setPreviewError] = useState(false);
  const at = `/translations/${lang}`;

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewMarkdown(value.bodyMarkdown, controller.signal)
        .then((answer) => {
          setHtml(answer.html);
          setPreviewError(false);
        })
        .catch(() => {
          if (!controller.signal.aborted) setPreviewError(true);
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value.bodyMarkdown]);

  const id = (field: string) => `content-${lang}-${field}`;
  return (
    <div className="content-editor__language" lang={lang}>
      <Field id={id('title')} label={t('contentEditor.editor.title')} errors={fieldErrors(error, `${at}/title`)}>
        {(describedBy, invalid) => (
          <input id={id('title')} className="field__input" maxLength={300} value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} aria-invalid={invalid || undefined} aria-describedby={describedBy} />
        )}
      </Field>
      <Field id={id('summary')} label={t('contentEditor.editor.summary')} hint={t('contentEditor.editor.summaryHint')} errors={fieldErrors(error, `${at}/summary`)}>
        {(describedBy, invalid) => (
          <textarea id={id('summary')} className="field__input" rows={2} maxLength={1000} value={value.summary} onChange={(e) => onChange({ ...value, summary: e.target.value })} aria-invalid={invalid || undefined} aria-describedby={describedBy} />
        )}
      </Field>
      <div className="content-editor__body">
        <Field id={id('body')} label={t('contentEditor.editor.body')} hint={t('contentEditor.editor.bodyHint')} errors={fieldErrors(error, `${at}/bodyMarkdown`)}>
          {(describedBy, invalid) => (
            <textarea
              id={id('body')}
              className="field__input content-editor__markdown"
              rows={18}
              value={value.bodyMarkdown}
              onChange={(e) => onChange({ ...value, bodyMarkdown: e.target.value })}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              spellCheck
            />
          )}
        </Field>
        {/* Focusable: the preview scrolls on its own, and keyboard users must be able to scroll it. */}
        <section className="content-editor__preview" aria-labelledby={id('preview-title')} data-testid={`preview-${lang}`} tabIndex={0}>
          <h2 id={id('preview-title')} className="field__label">{t('contentEditor.editor.preview')}</h2>
          {previewError && <p className="field__error">{t('contentEditor.editor.previewFailed')}</p>}
          {/* The server's renderer escapes raw HTML and refuses script links (src/app/markdown.ts), as on the public pages. */}
          <div className="article__body" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      </div>
    </div>
  );
}
