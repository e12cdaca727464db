import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { ActiveCampaignBanner } from '../campaigns/ActiveCampaignBanner.tsx';
import { LatestAlerts } from '../../portal/LatestAlerts.tsx';
import { PaidAdvice } from '../../portal/PaidAdvice.tsx';
import { SearchBox } from '../../portal/SearchBox.tsx';
import { StandingWarning } from '../../portal/StandingWarning.tsx';
import { useFeedLinks } from '../../portal/use-feed-links.ts';
import { useLanguage } from '../../portal/use-language.ts';

/** Check before you pay, report a scam, and what to do if you already paid. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  useFeedLinks(useLanguage());

  return (
    <>
      <section className="hero hero--search" aria-labelledby="home-heading">
        <div className="container hero__inner hero__inner--single">
          <h1 id="home-heading" className="hero__title">
            {t('home.heading')}
          </h1>
          <p className="hero__lead">{t('home.lead')}</p>
          <SearchBox />
        </div>
      </section>

      <div className="container page page--after-hero">
        <ActiveCampaignBanner />

        <div className="report-cta card">
          <div>
            <h2 className="report-cta__title">{t('home.reportTitle')}</h2>
            <p>{t('home.reportText')}</p>
          </div>
          <Link to="/report" className="button button--danger report-cta__button">
            {t('home.reportAction')}
          </Link>
          <Link to="/track" className="report-cta__track">
            {t('home.trackLink')}
          </Link>
        </div>

        <div className="callouts">
          <PaidAdvice />
          <StandingWarning />
        </div>

        <LatestAlerts />
      </div>
    </>
  );
}
