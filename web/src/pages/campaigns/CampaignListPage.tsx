import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { campaignsApi, type CampaignSummary } from '../../api/campaigns.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { CampaignDates } from './CampaignDates.tsx';

/** Running campaigns first, then the newest past ones. */
export function orderCampaigns(items: readonly CampaignSummary[]): CampaignSummary[] {
  return [...items].sort((a, b) => Number(b.active) - Number(a.active) || b.startsOn.localeCompare(a.startsOn));
}

/** Every published campaign, the running ones first. */
export function CampaignListPage() {
  const { t } = useTranslation();
  usePageTitle(t('campaigns.list.title'));
  const language = useLanguage();
  const [attempt, setAttempt] = useState(0);
  const list = useApi((signal) => campaignsApi.list(language, signal), [language, attempt]);

  return (
    <div className="container page">
      <h1>{t('campaigns.list.heading')}</h1>
      <p className="page__intro">{t('campaigns.list.intro')}</p>
      {list.status === 'loading' && <Loading label={t('app.loading')} />}
      {list.status === 'failed' && <LoadError error={list.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {list.status === 'ready' && list.data.items.length === 0 && <p className="notice">{t('campaigns.list.none')}</p>}
      {list.status === 'ready' && list.data.items.length > 0 && (
        <ul className="campaign-list">
          {orderCampaigns(list.data.items).map((campaign) => (
            <li key={campaign.slug} className="card campaign-card" data-testid="campaign-card">
              <p className="page__eyebrow">
                {campaign.active ? <span className="badge campaign-badge--active">{t('campaigns.active')}</span> : <span className="badge">{t('campaigns.ended')}</span>}{' '}
                <CampaignDates startsOn={campaign.startsOn} endsOn={campaign.endsOn} />
              </p>
              <h2 className="campaign-card__title">
                <Link to={`/campaigns/${encodeURIComponent(campaign.slug)}`}>{campaign.title}</Link>
              </h2>
              <p>{campaign.summary}</p>
              {campaign.partners.length > 0 && (
                <p className="muted">{t('campaigns.withPartners', { names: campaign.partners.map((p) => p.name).join(', ') })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
