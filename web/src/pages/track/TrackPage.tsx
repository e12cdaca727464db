import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { publicApi } from '../../api/public.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { formatDateTime } from '../../portal/format.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';

function TrackForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const id = useId();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim();
    if (value === '') {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    void navigate(`/track/${encodeURIComponent(value)}`);
  };
  return (
    <form className="form inline-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-code`} className="field__label">
          {t('track.code')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('track.codeHint')}
        </p>
        <input
          id={`${id}-code`}
          className="field__input"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={empty || undefined}
          aria-describedby={`${id}-hint${empty ? ` ${id}-error` : ''}`}
          onChange={(event) => setCode(event.target.value)}
        />
        {empty && (
          <p id={`${id}-error`} className="field__error">
            {t('track.empty')}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary">
        {t('track.submit')}
      </button>
    </form>
  );
}

function TrackResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [attempt, setAttempt] = useState(0);
  const view = useApi((signal) => publicApi.track(code, signal), [code, attempt]);

  if (view.status === 'loading') return <Loading label={t('app.loading')} />;
  if (view.status === 'failed') {
    if (view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 400)) {
      return (
        <div className="notice notice--error" role="alert">
          <p>{t('track.notFound')}</p>
        </div>
      );
    }
    return <LoadError error={view.error} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  const report = view.data;
  return (
    <section className="card track-result" aria-labelledby="track-status">
      <p className="muted">
        {t('track.codeLabel')} <strong className="nowrap">{report.trackingCode}</strong>
      </p>
      <h2 id="track-status" data-testid="track-status">
        {t('track.status')}: {report.statusWords[language]}
      </h2>
      <p>
        {t('track.category')}: {t(`fraudTypes.${report.category}.name` as 'fraudTypes.other.name', { defaultValue: report.category })}
      </p>
      <h3>{t('track.steps')}</h3>
      <ol className="timeline">
        {report.steps.map((step, index) => (
          <li key={`${step.status}-${index}`} className="timeline__step">
            <p className="timeline__title">{step.words[language]}</p>
            <p className="timeline__date">
              <time dateTime={step.at}>{formatDateTime(step.at, language)}</time>
            </p>
            {step.outcome && <p className="timeline__outcome">{step.outcome[language]}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A report's status by its tracking code: each step with its date and outcome. */
export function TrackPage() {
  const { t } = useTranslation();
  usePageTitle(t('track.title'));
  const { code } = useParams();
  return (
    <div className="container container--form page">
      <h1>{t('track.heading')}</h1>
      <TrackForm key={code ?? ''} initial={code ?? ''} />
      {code && <TrackResult code={code} />}
    </div>
  );
}
