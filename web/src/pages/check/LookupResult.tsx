import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LookupAnswer } from '../../api/public.ts';
import { formatDate, formatNumber } from '../../portal/format.ts';
import { useLanguage } from '../../portal/use-language.ts';

/** The three answers a look-up can give, in plain words; "not listed" is never "safe". */
export function LookupResult({ answer, headingLevel = 2 }: { answer: LookupAnswer; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const kind = t(`kinds.${answer.kind}` as 'kinds.phone', { defaultValue: answer.kind });

  if (answer.state === 'listed' && answer.listing) {
    const listing = answer.listing;
    return (
      <article className="result result--listed" data-state="listed" aria-labelledby={`result-${answer.indicator}`}>
        <p className="result__identifier">
          <span className="badge">{kind}</span> <span className="result__value">{answer.display}</span>
        </p>
        <Heading id={`result-${answer.indicator}`} className="result__verdict">
          <span aria-hidden="true" className="result__icon">⚠</span> {t('check.listed.title')}
        </Heading>
        <dl className="details result__facts">
          <div className="details__row">
            <dt>{t('check.listed.reports')}</dt>
            <dd>{formatNumber(listing.reportCount, language)}</dd>
          </div>
          <div className="details__row">
            <dt>{t('check.listed.types')}</dt>
            <dd>{listing.fraudTypes.map((type) => t(`fraudTypes.${type}.name`)).join(', ') || t('check.listed.typeUnknown')}</dd>
          </div>
          <div className="details__row">
            <dt>{t('check.listed.lastSeen')}</dt>
            <dd>{formatDate(listing.lastSeenOn, language)}</dd>
          </div>
          <div className="details__row">
            <dt>{t('check.listed.confirmedBy')}</dt>
            <dd>
              {listing.verdict === 'confirmed' ? t('check.listed.byAgency') : t('check.listed.byReports')}
              {listing.platformConfirmations > 0 && ` ${t('check.listed.byPlatforms', { count: listing.platformConfirmations })}`}
            </dd>
          </div>
        </dl>
        {answer.matchedOn && answer.matchedOn.relation !== 'exact' && <p className="muted">{t('check.listed.matchedRelated')}</p>}
        <h3 className="result__next-title">{t('check.next.title')}</h3>
        <ul className="steps-list">
          <li>{t('check.next.dontPay')}</li>
          <li>{t('check.next.stopContact')}</li>
          <li>
            {t('check.next.report')} <Link to="/report">{t('check.next.reportLink')}</Link>
          </li>
        </ul>
        <p className="result__dispute">
          <Link to={`/dispute?identifier=${encodeURIComponent(answer.display)}`}>{t('check.disputeLink')}</Link>
        </p>
      </article>
    );
  }

  if (answer.state === 'verified_legitimate') {
    return (
      <article className="result result--legitimate" data-state="verified_legitimate" aria-labelledby={`result-${answer.indicator}`}>
        <p className="result__identifier">
          <span className="badge">{kind}</span> <span className="result__value">{answer.display}</span>
        </p>
        <Heading id={`result-${answer.indicator}`} className="result__verdict">
          <span aria-hidden="true" className="result__icon">✓</span> {t('check.legitimate.title')}
        </Heading>
        <p>{t('check.legitimate.owner', { owner: answer.owner?.name ?? '' })}</p>
        <p className="muted">{t('check.legitimate.caution')}</p>
      </article>
    );
  }

  return (
    <article className="result result--unknown" data-state="not_listed" aria-labelledby={`result-${answer.indicator}`}>
      <p className="result__identifier">
        <span className="badge">{kind}</span> <span className="result__value">{answer.display}</span>
      </p>
      <Heading id={`result-${answer.indicator}`} className="result__verdict">
        <span aria-hidden="true" className="result__icon">?</span> {t('check.unknown.title')}
      </Heading>
      <p>{t('check.unknown.notAGuarantee')}</p>
      <h3 className="result__next-title">{t('check.signs.title')}</h3>
      <ul className="steps-list">
        <li>{t('check.signs.urgency')}</li>
        <li>{t('check.signs.otp')}</li>
        <li>{t('check.signs.deposit')}</li>
        <li>{t('check.signs.authority')}</li>
        <li>{t('check.signs.tooGood')}</li>
      </ul>
      <p>
        {t('check.unknown.reportHint')} <Link to="/report">{t('check.next.reportLink')}</Link>
      </p>
    </article>
  );
}
