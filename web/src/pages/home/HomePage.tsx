import { useTranslation } from 'react-i18next';
import { Logo } from '../../layout/Logo.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';

/** A short public landing; the public portal (issue 7) replaces it with look-up and reporting. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));

  const audiences = [
    { id: 'citizens', title: t('home.citizensTitle'), text: t('home.citizensText') },
    { id: 'agency', title: t('home.agencyTitle'), text: t('home.agencyText') },
    { id: 'partners', title: t('home.partnersTitle'), text: t('home.partnersText') },
  ];

  return (
    <>
      <section className="hero" aria-labelledby="home-heading">
        <div className="container hero__inner">
          <div>
            <h1 id="home-heading" className="hero__title">
              {t('home.heading')}
            </h1>
            <p className="hero__lead">{t('home.lead')}</p>
          </div>
          <div className="hero__emblem" aria-hidden="true">
            <Logo size={132} />
          </div>
        </div>
      </section>

      <div className="container page page--after-hero">
        <div className="callouts">
          <aside className="callout callout--warning" aria-labelledby="warning-heading">
            <h2 id="warning-heading" className="callout__title">
              {t('home.warningTitle')}
            </h2>
            <p>{t('home.warningText')}</p>
          </aside>
          <aside className="callout callout--info" aria-labelledby="paid-heading">
            <h2 id="paid-heading" className="callout__title">
              {t('home.paidTitle')}
            </h2>
            <p>{t('home.paidText')}</p>
          </aside>
        </div>

        <section aria-labelledby="audiences-heading">
          <h2 id="audiences-heading">{t('home.audiencesHeading')}</h2>
          <ul className="audience-list">
            {audiences.map((audience) => (
              <li key={audience.id} className="card audience">
                <h3 className="audience__title">{audience.title}</h3>
                <p>{audience.text}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
