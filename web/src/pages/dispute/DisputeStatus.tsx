import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { publicApi, type DisputeView } from '../../api/public.ts';
import { formatDate } from '../../portal/format.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { useLanguage } from '../../portal/use-language.ts';

const STATUSES = ['open', 'upheld', 'cleared'] as const;

/** A dispute's outcome by its tracking code (GET /api/v1/disputes/track/:code). */
export function DisputeStatus() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [code, setCode] = useState('');
  const [state, setState] = useState<{ status: 'idle' } | { status: 'loading' } | { status: 'found'; view: DisputeView } | { status: 'failed'; error: unknown }>({
    status: 'idle',
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '') return;
    setState({ status: 'loading' });
    try {
      setState({ status: 'found', view: await publicApi.disputeStatus(code.trim()) });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  };

  const statusText = (status: string) =>
    (STATUSES as readonly string[]).includes(status) ? t(`dispute.status.${status as (typeof STATUSES)[number]}`) : status;

  return (
    <section className="card dispute-status" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('dispute.statusTitle')}</h2>
      <form className="form inline-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-code`} className="field__label">
            {t('dispute.statusCode')}
          </label>
          <input id={`${id}-code`} className="field__input" value={code} autoComplete="off" spellCheck={false} onChange={(event) => setCode(event.target.value)} />
        </div>
        <button type="submit" className="button button--secondary" disabled={state.status === 'loading'}>
          {t('dispute.statusSubmit')}
        </button>
      </form>
      <div aria-live="polite">
        {state.status === 'found' && (
          <div data-testid="dispute-status">
            <p>
              <strong>{statusText(state.view.status)}</strong> · {state.view.indicator}
            </p>
            <p className="muted">{t('dispute.statusSent', { date: formatDate(state.view.createdAt, language) })}</p>
            {state.view.decisionReason && <p>{t('dispute.statusReason', { reason: state.view.decisionReason })}</p>}
          </div>
        )}
        {state.status === 'failed' &&
          (state.error instanceof ApiError && state.error.status === 404 ? (
            <p className="notice notice--error" role="alert">
              {t('dispute.statusNotFound')}
            </p>
          ) : (
            <LoadError error={state.error} />
          ))}
      </div>
    </section>
  );
}
