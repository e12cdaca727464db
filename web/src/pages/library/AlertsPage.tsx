import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { publicApi } from '../../api/public.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { formatDate } from '../../portal/format.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { ShareButton } from '../../portal/ShareButton.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useFeedLinks } from '../../portal/use-feed-links.ts';
import { useLanguage } from '../../portal/use-language.ts';

/** Public alerts, newest first, with their Atom and RSS feeds. */
export function AlertsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('alerts.title'));
  useFeedLinks(language);
  const [attempt, setAttempt] = useState(0);
  const alerts = useApi((signal) => publicApi.alerts(language, 50, signal), [language, attempt]);
  const { hash } = useLocation();

  // An alert linked from the home page (/alerts#alert-…) is scrolled to once the list is in.
  useEffect(() => {
    if (alerts.status !== 'ready' || hash === '') return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [alerts.status, hash]);

  return (
    <div className="container container--text page">
      <h1>{t('alerts.heading')}</h1>
      <p className="page__intro">{t('alerts.intro')}</p>
      <p className="feed-links">
        {t('alerts.follow')} <a href={`/alerts.atom?lang=${language}`}>Atom</a> · <a href={`/alerts.rss?lang=${language}`}>RSS</a>
      </p>
      {alerts.status === 'loading' && <Loading label={t('app.loading')} />}
      {alerts.status === 'failed' && <LoadError error={alerts.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {alerts.status === 'ready' && alerts.data.items.length === 0 && <p>{t('alerts.none')}</p>}
      {alerts.status === 'ready' &&
        alerts.data.items.map((alert) => (
          <article key={alert.id} id={`alert-${alert.id}`} className="card alert-full" aria-labelledby={`alert-title-${alert.id}`}>
            <p className="alert-item__date">
              <time dateTime={alert.publishedAt}>{formatDate(alert.publishedAt, language)}</time>
              {alert.fraudTypes.length > 0 && <> · {alert.fraudTypes.map((type) => t(`fraudTypes.${type}.name`)).join(', ')}</>}
            </p>
            <h2 id={`alert-title-${alert.id}`}>{alert.title}</h2>
            <div className="article__body" dangerouslySetInnerHTML={{ __html: alert.html }} />
            <ShareButton title={alert.title} url={`/alerts#alert-${alert.id}`} />
          </article>
        ))}
    </div>
  );
}
