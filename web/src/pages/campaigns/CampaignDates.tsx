import { useTranslation } from 'react-i18next';
import { formatDate } from '../../portal/format.ts';
import { useLanguage } from '../../portal/use-language.ts';

/** "1 June 2026 – 31 August 2026" in the page's language. */
export function CampaignDates({ startsOn, endsOn }: { startsOn: string; endsOn: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span className="campaign-dates">
      {t('campaigns.dates', { from: formatDate(startsOn, language), to: formatDate(endsOn, language) })}
    </span>
  );
}
