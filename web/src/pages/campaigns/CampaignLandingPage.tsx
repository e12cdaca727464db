import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { campaignsApi, type CampaignDetail } from '../../api/campaigns.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { formatDate } from '../../portal/format.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { rememberCampaign } from './attribution.ts';
import { CampaignDates } from './CampaignDates.tsx';
import { CampaignShare } from './CampaignShare.tsx';
import { PartnerStrip } from './PartnerStrip.tsx';
import { useViewEvent } from './use-view-event.ts';

/** One campaign's page: what it teaches, its tips, what to read, and the quiz. */
export function CampaignLandingPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { slug = '' } = useParams();
  const [attempt, setAttempt] = useState(0);
  const campaign = useApi((signal) => campaignsApi.get(slug, language, signal), [slug, language, attempt]);
  usePageTitle(campaign.status === 'ready' ? campaign.data.title : t('campaigns.list.title'));
  useViewEvent(campaign.status === 'ready' ? campaign.data.slug : null);

  return (
    <div className="container container--text page">
      <p>
        <Link to="/campaigns">← {t('campaigns.back')}</Link>
      </p>
      {campaign.status === 'loading' && <Loading label={t('app.loading')} />}
      {campaign.status === 'failed' && (
        <>
          <h1>{t('campaigns.list.title')}</h1>
          <LoadError error={campaign.error} onRetry={() => setAttempt((n) => n + 1)} />
        </>
      )}
      {campaign.status === 'ready' && <Landing campaign={campaign.data} />}
    </div>
  );
}

function Landing({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const base = `/campaigns/${encodeURIComponent(campaign.slug)}`;
  return (
    <article className="campaign" data-testid="campaign-landing">
      <header className={`campaign-hero campaign-hero--${campaign.theme}`}>
        <p className="campaign-hero__eyebrow">
          {campaign.active ? t('campaigns.active') : t('campaigns.ended')} · <CampaignDates startsOn={campaign.startsOn} endsOn={campaign.endsOn} />
        </p>
        <h1 className="campaign-hero__title">{campaign.title}</h1>
        <p className="campaign-hero__lead">{campaign.summary}</p>
        {campaign.quizCount > 0 && (
          <Link to={`${base}/quiz`} className="button campaign-play" data-testid="play">
            {t('campaigns.play', { count: campaign.quizCount })}
          </Link>
        )}
      </header>

      <PartnerStrip partners={campaign.partners} />

      <div className="article__body" dangerouslySetInnerHTML={{ __html: campaign.bodyHtml }} />

      {campaign.tips.length > 0 && (
        <section className="callout callout--info campaign-tips" aria-labelledby="campaign-tips-heading">
          <h2 id="campaign-tips-heading" className="callout__title">
            {t('campaigns.tips')}
          </h2>
          <ul>
            {campaign.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </section>
      )}

      <section className="card campaign-actions" aria-labelledby="campaign-actions-heading">
        <h2 id="campaign-actions-heading">{t('campaigns.actions.heading')}</h2>
        <div className="button-row">
          <Link to="/check" className="button button--primary" onClick={() => rememberCampaign(campaign.slug)}>
            {t('campaigns.actions.check')}
          </Link>
          <Link to="/report" className="button button--danger" onClick={() => rememberCampaign(campaign.slug)}>
            {t('campaigns.actions.report')}
          </Link>
        </div>
      </section>

      {campaign.articles.length > 0 && (
        <section aria-labelledby="campaign-articles-heading">
          <h2 id="campaign-articles-heading">{t('campaigns.articles')}</h2>
          <ul className="campaign-links">
            {campaign.articles.map((article) => (
              <li key={article.slug}>
                <Link to={`/library/${encodeURIComponent(article.slug)}`}>{article.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {campaign.alerts.length > 0 && (
        <section aria-labelledby="campaign-alerts-heading">
          <h2 id="campaign-alerts-heading">{t('campaigns.alerts')}</h2>
          <ul className="campaign-links">
            {campaign.alerts.map((alert) => (
              <li key={alert.id}>
                <Link to={`/alerts#alert-${alert.id}`}>{alert.title}</Link>{' '}
                <span className="muted">
                  (<time dateTime={alert.publishedAt}>{formatDate(alert.publishedAt, language)}</time>)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="campaign-share-heading">
        <h2 id="campaign-share-heading">{t('campaigns.share.heading')}</h2>
        <CampaignShare slug={campaign.slug} path={base} title={campaign.title} text={campaign.summary} />
      </section>
    </article>
  );
}
