import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportReceipt } from '../../api/public.ts';
import { useLanguage } from '../../portal/use-language.ts';

/** The tracking code, what happens next, and where to follow it. */
export function ReportDone({ receipt, onAnother }: { receipt: ReportReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.trackingCode);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="report-done">
      <div className="notice notice--success" role="status">
        <p className="notice__title">{t('report.done.received')}</p>
      </div>
      <p>{t('report.done.codeIntro')}</p>
      <p className="tracking-code" data-testid="tracking-code">
        {receipt.trackingCode}
      </p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {copied ? t('report.done.copied') : t('report.done.copy')}
        </button>
        <Link to={`/track/${encodeURIComponent(receipt.trackingCode)}`} className="button button--primary">
          {t('report.done.track')}
        </Link>
      </div>
      <h2>{t('report.done.nextTitle')}</h2>
      <p>{receipt.nextSteps[language]}</p>
      {receipt.identifiers.length > 0 && (
        <>
          <h3>{t('report.done.identifiers')}</h3>
          <ul className="recognised__list">
            {receipt.identifiers.map((item) => (
              <li key={item.indicator} className="recognised__item recognised__item--ok">
                <span className="badge">{t(`kinds.${item.kind}` as 'kinds.phone', { defaultValue: item.kind })}</span> {item.display}
                {item.extracted && <span className="muted"> · {t('report.done.extracted')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <button type="button" className="link-button" onClick={onAnother}>
          {t('report.done.another')}
        </button>
      </p>
    </div>
  );
}
