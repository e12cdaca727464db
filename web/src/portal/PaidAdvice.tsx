import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What to do right now when the money has already gone. */
export function PaidAdvice() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <aside className="callout callout--info" aria-labelledby={headingId}>
      <h2 id={headingId} className="callout__title">
        {t('paid.title')}
      </h2>
      <ol className="steps-list">
        <li>{t('paid.bank')}</li>
        <li>{t('paid.evidence')}</li>
        <li>
          {t('paid.report')} <Link to="/report">{t('paid.reportLink')}</Link>
        </li>
        <li>{t('paid.police')}</li>
      </ol>
    </aside>
  );
}
