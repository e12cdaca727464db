import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown } from '../../../../../src/app/markdown.ts';
import type { TextsForm } from './campaign-form.ts';
import { TextField } from './TextField.tsx';

/**
 * One language's landing-page texts. The preview uses the server's own markdown renderer
 * (markdown-it, raw HTML disabled), so what is previewed is what the public page shows.
 */
export function TextsFields({ lang, value, onChange, error }: { lang: 'vi' | 'en'; value: TextsForm; onChange: (next: TextsForm) => void; error: unknown }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  const html = useMemo(() => (preview ? renderMarkdown(value.body) : ''), [preview, value.body]);
  const set = (key: keyof TextsForm) => (next: string) => onChange({ ...value, [key]: next });
  const name = t(`campaigns.console.languages.${lang}`);
  return (
    <fieldset className="campaign-texts" lang={lang}>
      <legend>{name}</legend>
      <TextField label={t('campaigns.console.fields.title')} value={value.title} onChange={set('title')} error={error} pointer={`/${lang}/title`} maxLength={120} />
      <TextField label={t('campaigns.console.fields.summary')} value={value.summary} onChange={set('summary')} error={error} pointer={`/${lang}/summary`} rows={3} maxLength={400} />
      <TextField label={t('campaigns.console.fields.body')} value={value.body} onChange={set('body')} error={error} pointer={`/${lang}/body`} rows={10} hint={t('campaigns.console.fields.bodyHint')} />
      <button type="button" className="button button--secondary" aria-expanded={preview} onClick={() => setPreview((p) => !p)}>
        {preview ? t('campaigns.console.hidePreview') : t('campaigns.console.showPreview')}
      </button>
      {preview && (
        <section className="campaign-preview" aria-label={t('campaigns.console.previewOf', { language: name })}>
          <div className="article__body" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      )}
      <TextField label={t('campaigns.console.fields.tips')} value={value.tips} onChange={set('tips')} error={error} pointer={`/${lang}/tips`} rows={5} hint={t('campaigns.console.onePerLine')} />
    </fieldset>
  );
}
