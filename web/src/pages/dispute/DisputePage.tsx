import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, NetworkError } from '../../api/client.ts';
import { publicApi, type DisputeReceipt } from '../../api/public.ts';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { DisputeStatus } from './DisputeStatus.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Fields {
  identifier: string;
  explanation: string;
  name: string;
  email: string;
  phone: string;
}

/** How to ask for a listing to be reviewed, and the form (POST /api/v1/disputes). */
export function DisputePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('dispute.title'));
  const [params] = useSearchParams();
  const [fields, setFields] = useState<Fields>({ identifier: params.get('identifier') ?? '', explanation: '', name: '', email: '', phone: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Fields | 'contact', string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<DisputeReceipt | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const set = (name: keyof Fields) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: event.target.value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (fields.identifier.trim() === '') found.identifier = t('dispute.errors.identifier');
    if (fields.explanation.trim().length < 10) found.explanation = t('dispute.errors.explanation');
    if (fields.email.trim() === '' && fields.phone.trim() === '') found.contact = t('dispute.errors.contact');
    if (fields.email.trim() !== '' && !EMAIL.test(fields.email.trim())) found.email = t('dispute.errors.email');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const contact = {
        ...(fields.name.trim() ? { name: fields.name.trim() } : {}),
        ...(fields.email.trim() ? { email: fields.email.trim() } : {}),
        ...(fields.phone.trim() ? { phone: fields.phone.trim() } : {}),
      };
      setReceipt(await publicApi.dispute({ identifier: fields.identifier.trim(), explanation: fields.explanation.trim(), contact, locale: language }, idempotencyKey));
    } catch (error) {
      if (error instanceof NetworkError) setFailure(t('errors.network'));
      else if (error instanceof ApiError && error.status === 404) setFailure(t('dispute.errors.notListed'));
      else if (error instanceof ApiError && error.status === 429) setFailure(t('errors.throttled'));
      else if (error instanceof ApiError && (error.status === 400 || error.status === 409 || error.status === 422)) setFailure(t('dispute.errors.rejected', { detail: error.message }));
      else setFailure(t('errors.server'));
    } finally {
      setBusy(false);
    }
  };

  const input = (name: keyof Fields, type: string, autoComplete: string, describedBy?: string) => {
    const error = errors[name];
    const described = [describedBy, error ? `dispute-${name}-error` : undefined].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={`dispute-${name}`} className="field__label">
          {t(`dispute.fields.${name}`)}
        </label>
        {name === 'explanation' ? (
          <textarea id={`dispute-${name}`} className="field__input" rows={6} maxLength={4000} value={fields[name]} onChange={set(name)} aria-invalid={error ? true : undefined} aria-describedby={described} />
        ) : (
          <input id={`dispute-${name}`} type={type} className="field__input" autoComplete={autoComplete} value={fields[name]} onChange={set(name)} aria-invalid={error ? true : undefined} aria-describedby={described} />
        )}
        {error && (
          <p id={`dispute-${name}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <div className="container container--form page">
      <h1>{t('dispute.heading')}</h1>
      <p className="page__intro">{t('dispute.intro')}</p>
      <section aria-labelledby="dispute-how" className="card">
        <h2 id="dispute-how">{t('dispute.howTitle')}</h2>
        <ol className="steps-list">
          <li>{t('dispute.how1')}</li>
          <li>{t('dispute.how2')}</li>
          <li>{t('dispute.how3')}</li>
          <li>{t('dispute.how4')}</li>
        </ol>
        <p className="muted">{t('dispute.noFee')}</p>
      </section>

      {receipt ? (
        <div className="notice notice--success" role="status" data-testid="dispute-receipt">
          <p className="notice__title">{t('dispute.received')}</p>
          <p>{t('dispute.receivedText', { indicator: receipt.indicator })}</p>
          <p className="tracking-code">{receipt.trackingCode}</p>
          <p>{t('dispute.keepCode')}</p>
        </div>
      ) : (
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <h2>{t('dispute.formTitle')}</h2>
          {input('identifier', 'text', 'off', 'dispute-identifier-hint')}
          <p id="dispute-identifier-hint" className="field__hint field__hint--after">
            {t('dispute.identifierHint')}
          </p>
          {input('explanation', 'text', 'off')}
          <fieldset className="fieldset" aria-describedby={errors.contact ? 'dispute-contact-error' : 'dispute-contact-hint'}>
            <legend className="fieldset__legend">{t('dispute.contactLegend')}</legend>
            <p id="dispute-contact-hint" className="field__hint">
              {t('dispute.contactHint')}
            </p>
            {errors.contact && (
              <p id="dispute-contact-error" className="field__error">
                {errors.contact}
              </p>
            )}
            {input('name', 'text', 'name')}
            {input('email', 'email', 'email')}
            {input('phone', 'tel', 'tel')}
          </fieldset>
          {failure && (
            <div className="notice notice--error" role="alert">
              <p>{failure}</p>
            </div>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('dispute.sending') : t('dispute.submit')}
          </button>
        </form>
      )}
      <DisputeStatus />
      <p>
        <Link to="/">{t('dispute.backToCheck')}</Link>
      </p>
    </div>
  );
}
