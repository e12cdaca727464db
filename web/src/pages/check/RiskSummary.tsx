import { useTranslation } from 'react-i18next';
import type { RiskScore } from '../../api/public.ts';

/** Reasons that explain nothing to a reader (the score's bounds). */
const HIDDEN_SIGNALS = new Set(['score.clamp']);

/** The risk label of a pasted message and its reasons, each `signal` code in plain words. */
export function RiskSummary({ risk }: { risk: RiskScore }) {
  const { t } = useTranslation();
  const reasons = risk.reasons.filter((reason) => !HIDDEN_SIGNALS.has(reason.signal)).sort((a, b) => b.weight - a.weight);
  const scam = risk.label === 'scam';
  return (
    <section className={`card risk ${scam ? 'risk--high' : ''}`} aria-labelledby="risk-heading" data-testid="risk" data-label={risk.label}>
      <h2 id="risk-heading">{scam ? t('risk.scam') : t('risk.legit')}</h2>
      <p className="risk__score">{t('risk.score', { score: risk.score })}</p>
      {reasons.length > 0 && (
        <>
          <h3 className="result__next-title">{t('risk.reasons')}</h3>
          <ul className="steps-list">
            {reasons.map((reason) => (
              <li key={reason.signal}>
                {t(`risk.signals.${reason.signal}` as 'risk.signals.unknown', { defaultValue: t('risk.signals.unknown') })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">{t('risk.note')}</p>
    </section>
  );
}
