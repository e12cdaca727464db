import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicApi } from '../api/public.ts';
import { formatDate } from './format.ts';
import { useApi } from './use-api.ts';
import { useLanguage } from './use-language.ts';

/** The newest public alerts, a few lines each; nothing at all when the server has none. */
export function LatestAlerts({ limit = 3 }: { limit?: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const alerts = useApi((signal) => publicApi.alerts(language, limit, signal), [language, limit]);

  return (
    <section aria-labelledby="latest-alerts-heading" className="latest-alerts">
      <h2 id="latest-alerts-heading">{t('alerts.latest')}</h2>
      {alerts.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {alerts.status === 'failed' && <p className="muted">{t('alerts.unavailable')}</p>}
      {alerts.status === 'ready' && alerts.data.items.length === 0 && <p className="muted">{t('alerts.none')}</p>}
      {alerts.status === 'ready' && alerts.data.items.length > 0 && (
        <ul className="alert-list">
          {alerts.data.items.map((alert) => (
            <li key={alert.id} className="card alert-item">
              <p className="alert-item__date">
                <time dateTime={alert.publishedAt}>{formatDate(alert.publishedAt, language)}</time>
              </p>
              <h3 className="alert-item__title">
                <Link to={`/alerts#alert-${alert.id}`}>{alert.title}</Link>
              </h3>
              <p>{alert.summary}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/alerts">{t('alerts.all')}</Link>
      </p>
    </section>
  );
}
