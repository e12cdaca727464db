import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret (password, API key, signing secret) that the server shows only in this answer:
 * a warning, the value, a copy button and "I have saved it", which makes it gone for good.
 */
export function SecretOnce({ title, value, warning, onDone }: { title: string; value: string; warning: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="secret-once card" aria-labelledby="secret-once-title" data-testid="secret-once">
      <h2 id="secret-once-title">{title}</h2>
      <p className="notice notice--warning secret-once__warning">{warning}</p>
      <p>
        <code className="secret-once__value" data-testid="secret-value">{value}</code>
      </p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('admin.secret.copy')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('admin.secret.done')}
        </button>
      </div>
      <p role="status" className="field__hint">
        {copied === 'yes' ? t('admin.secret.copied') : copied === 'failed' ? t('admin.secret.copyFailed') : ''}
      </p>
    </section>
  );
}
