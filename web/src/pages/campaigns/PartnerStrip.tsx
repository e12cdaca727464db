import { useTranslation } from 'react-i18next';
import type { CampaignPartner } from '../../api/campaigns.ts';

/** "Together with": the partner organizations that co-brand a campaign, by name and kind. */
export function PartnerStrip({ partners }: { partners: readonly CampaignPartner[] }) {
  const { t } = useTranslation();
  if (partners.length === 0) return null;
  return (
    <section className="campaign-partners" aria-labelledby="campaign-partners-heading">
      <h2 id="campaign-partners-heading" className="campaign-partners__title">
        {t('campaigns.partners')}
      </h2>
      <ul className="campaign-partners__list">
        {partners.map((partner) => (
          <li key={partner.name} className="campaign-partners__item">
            {partner.url ? (
              <a href={partner.url} rel="noopener noreferrer" className="campaign-partners__name">
                {partner.name}
              </a>
            ) : (
              <span className="campaign-partners__name">{partner.name}</span>
            )}
            <span className="campaign-partners__kind">{t(`campaigns.partnerKinds.${partner.kind}` as 'campaigns.partnerKinds.platform', { defaultValue: partner.kind })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
