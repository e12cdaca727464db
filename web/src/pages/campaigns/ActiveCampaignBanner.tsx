import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { campaignsApi } from '../../api/campaigns.ts';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';
import './campaign-banner.css';

/** On the home page: the campaign running now (the newest one), or nothing at all. */
export function ActiveCampaignBanner() {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useApi((signal) => campaignsApi.list(language, signal), [language]);
  if (list.status !== 'ready') return null;
  const campaign = list.data.items.filter((c) => c.active).sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
  if (!campaign) return null;
  const base = `/campaigns/${encodeURIComponent(campaign.slug)}`;
  return (
    <section className="card campaign-banner" aria-labelledby="campaign-banner-title" data-testid="campaign-banner">
      <div className="campaign-banner__text">
        <p className="page__eyebrow">{t('campaigns.banner.label')}</p>
        <h2 id="campaign-banner-title" className="campaign-banner__title">
          <Link to={base}>{campaign.title}</Link>
        </h2>
        <p>{campaign.summary}</p>
      </div>
      <div className="campaign-banner__actions">
        <Link to={`${base}/quiz`} className="button button--primary">
          {t('campaigns.banner.action')}
        </Link>
        <Link to="/campaigns">{t('campaigns.banner.all')}</Link>
      </div>
    </section>
  );
}
