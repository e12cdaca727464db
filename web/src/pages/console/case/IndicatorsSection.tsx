import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseIndicator } from '../../../api/cases.ts';
import { getIndicator, type IndicatorHistoryEntry } from '../../../api/networks.ts';
import { evidenceKindKey, fraudTypeKey, kindKey, verdictKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { NetworkView } from './NetworkView.tsx';

export function VerdictBadge({ verdict }: { verdict: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge verdict verdict--${verdict}`} data-verdict={verdict}>
      {t(verdictKey(verdict))}
    </span>
  );
}

/** The case's indicators with their verdicts; each opens its verdict history and its network. */
export function IndicatorsSection({ indicators }: { indicators: CaseIndicator[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="case-indicators">
      <h2 id="case-indicators">{t('console.case.indicators', { count: indicators.length })}</h2>
      <ul className="plain-list indicator-list">
        {indicators.map((i) => (
          <IndicatorItem key={i.id} indicator={i} />
        ))}
      </ul>
    </section>
  );
}

function IndicatorItem({ indicator }: { indicator: CaseIndicator }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [history, setHistory] = useState<IndicatorHistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showNetwork, setShowNetwork] = useState(false);
  // A verdict changed by an action on the case makes a loaded history and network stale: fold them.
  useEffect(() => {
    setHistory(null);
    setShowNetwork(false);
  }, [indicator.verdict]);
  const toggleHistory = async () => {
    if (history) {
      setHistory(null);
      return;
    }
    try {
      setHistory((await getIndicator(indicator.id)).history);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="indicator" data-testid="case-indicator" data-indicator={indicator.indicator}>
      <div className="indicator__head">
        <span className="badge">{t(kindKey(indicator.kind))}</span> <strong className="indicator__value">{indicator.display}</strong> <VerdictBadge verdict={indicator.verdict} />
      </div>
      <p className="field__hint">
        {t('console.case.indicatorFacts', { reports: indicator.reportCount, confirmations: indicator.platformConfirmations, confidence: indicator.confidence })}
      </p>
      <div className="indicator__buttons">
        <button type="button" className="button button--secondary" aria-expanded={history !== null} onClick={() => void toggleHistory()}>
          {t('console.case.history')}
        </button>
        {indicator.networkId && (
          <button type="button" className="button button--secondary" aria-expanded={showNetwork} onClick={() => setShowNetwork((s) => !s)}>
            {t('console.case.network')}
          </button>
        )}
      </div>
      <ProblemNotice error={error} />
      {history && (
        <ol className="history" aria-label={t('console.case.historyOf', { indicator: indicator.display })}>
          {history.length === 0 && <li>{t('console.case.noHistory')}</li>}
          {history.map((h, n) => (
            <li key={`${h.at}-${n}`}>
              <time dateTime={h.at}>{formatDateTime(h.at, language)}</time>: {h.from ? t(verdictKey(h.from)) : '—'} → <VerdictBadge verdict={h.to} />{' '}
              {h.reasons.automated && <span className="badge">{t('console.case.automated')}</span>}
              <br />
              {t(fraudTypeKey(h.reasons.ground))} · {h.reasons.legalBasis} · {h.reasons.evidence.map((e) => t(evidenceKindKey(e))).join(', ')}
              {h.reasons.explanation && <p className="field__hint">{h.reasons.explanation}</p>}
            </li>
          ))}
        </ol>
      )}
      {showNetwork && indicator.networkId && <NetworkView networkId={indicator.networkId} focusId={indicator.id} />}
    </li>
  );
}
