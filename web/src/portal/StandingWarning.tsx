import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFICIAL_CHANNELS } from '../config/official-channels.ts';

/**
 * The follow-up scam that hits victims twice: fake "fund recovery" services and callers posing
 * as the police or this agency. Shown on the home page and beside every check result.
 */
export function StandingWarning() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <aside className="callout callout--warning standing-warning" aria-labelledby={headingId}>
      <h2 id={headingId} className="callout__title">
        {t('warning.title')}
      </h2>
      <p>{t('warning.text')}</p>
      <p className="standing-warning__channels-intro">{t('warning.channelsIntro')}</p>
      <ul className="standing-warning__channels">
        <li>
          {t('warning.website')}: <span className="nowrap">{OFFICIAL_CHANNELS.website.replace(/^https:\/\//, '')}</span>
        </li>
        <li>
          {t('warning.email')}: <span className="nowrap">{OFFICIAL_CHANNELS.email}</span>
        </li>
        <li>
          {t('warning.hotline')}: <span className="nowrap">{OFFICIAL_CHANNELS.hotline}</span>
        </li>
      </ul>
    </aside>
  );
}
