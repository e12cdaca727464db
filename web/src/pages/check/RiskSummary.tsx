import { useTranslation } from 'react-i18next';
import type { RiskScore } from '../../api/public.ts';

const KNOWN_LABELS = ['low', 'medium', 'high', 'critical'] as const;

/** The risk label of a pasted message and its reasons, each `signal` code in plain words. */
export function RiskSummary({ risk }: { risk: RiskScore }) {
  const { t } = useTranslation();
  const label = (KNOWN_LABELS as readonly string[]).includes(risk.label) ? t(`risk.labels.${risk.label as (typeof KNOWN_LABELS)[number]}`) : risk.label;
  return (
    <section className={`card risk risk--${risk.label}`} aria-labelledby="risk-heading" data-testid="risk">
      <h2 id="risk-heading">{t('risk.title', { label })}</h2>
      {risk.reasons.length > 0 && (
        <ul className="steps-list">
          {risk.reasons.map((reason) => (
            <li key={reason.signal}>{t(`risk.signals.${reason.signal}` as 'risk.signals.unknown', { defaultValue: t('risk.signals.unknown') })}</li>
          ))}
        </ul>
      )}
      <p className="muted">{t('risk.note')}</p>
    </section>
  );
}
