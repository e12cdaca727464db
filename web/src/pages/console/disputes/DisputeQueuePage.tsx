import { useEffect, useState } from 'react';
import { useAddressParam } from '../../../console/use-address-param.ts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DISPUTE_STATUSES, listDisputes, type AgencyDispute, type DisputeStatus } from '../../../api/disputes.ts';
import { kindKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { useNow } from '../../../console/use-now.ts';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { VerdictBadge } from '../case/IndicatorsSection.tsx';
import { disputeAge } from './dispute-age.ts';

/** The identifier kinds a dispute can be about (the server's list; labels in `kinds.*`). */
const IDENTIFIER_KINDS = ['phone', 'bank', 'url', 'domain', 'fb', 'email', 'zalo', 'telegram', 'tiktok', 'instagram', 'x', 'youtube', 'crypto'] as const;

/** The review queue: open disputes first, oldest first, filtered by status and identifier kind. */
export function DisputeQueuePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow(60_000);
  usePageTitle(t('disputesReview.queue.title'));
  const [searchParams] = useSearchParams();
  const status = (searchParams.get('status') ?? 'open') as DisputeStatus | 'all';
  const kind = searchParams.get('kind') ?? '';
  const [items, setItems] = useState<AgencyDispute[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    listDisputes({ status, ...(kind ? { kind } : {}) }, controller.signal)
      .then((r) => setItems(r.items))
      .catch((e) => {
        if (!controller.signal.aborted) setError(e);
      });
    return () => controller.abort();
  }, [status, kind]);

  const setFilter = useAddressParam();

  return (
    <div className="page console-page disputes-review">
      <div className="console-page__head">
        <h1>{t('disputesReview.queue.title')}</h1>
      </div>
      <p className="page__intro">{t('disputesReview.queue.intro')}</p>
      <form className="queue-filters" role="search" aria-label={t('disputesReview.queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="dispute-status">{t('disputesReview.queue.status')}</label>
          <select id="dispute-status" className="field__input" value={status} onChange={(e) => setFilter('status', e.target.value)}>
            {DISPUTE_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`disputesReview.statuses.${s}`)}</option>
            ))}
            <option value="all">{t('disputesReview.queue.all')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="dispute-kind">{t('disputesReview.queue.kind')}</label>
          <select id="dispute-kind" className="field__input" value={kind} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{t('disputesReview.queue.anyKind')}</option>
            {IDENTIFIER_KINDS.map((k) => (
              <option key={k} value={k}>{t(kindKey(k))}</option>
            ))}
          </select>
        </div>
      </form>
      <ProblemNotice error={error} />
      {items === null && !error && <p className="loading" role="status">{t('disputesReview.loading')}</p>}
      {items !== null && items.length === 0 && <p className="muted" role="status">{t('disputesReview.queue.empty')}</p>}
      {items !== null && items.length > 0 && (
        <div className="table-scroll">
          <table className="console-table" data-testid="dispute-table">
            <caption className="visually-hidden">{t('disputesReview.queue.caption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('disputesReview.queue.code')}</th>
                <th scope="col">{t('disputesReview.queue.indicator')}</th>
                <th scope="col">{t('disputesReview.queue.verdict')}</th>
                <th scope="col">{t('disputesReview.queue.status')}</th>
                <th scope="col">{t('disputesReview.queue.age')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-dispute={d.trackingCode} data-status={d.status}>
                  <td className="nowrap"><Link to={d.id}>{d.trackingCode}</Link></td>
                  <td>
                    <span className="disputes-review__indicator">{d.indicatorDisplay}</span>
                    <div className="muted">{t(kindKey(d.kind))}</div>
                  </td>
                  <td><VerdictBadge verdict={d.verdict} /></td>
                  <td><span className={`badge dispute-status dispute-status--${d.status}`}>{t(`disputesReview.statuses.${d.status}`)}</span></td>
                  <td className="nowrap">
                    <time dateTime={d.createdAt} title={formatDateTime(d.createdAt, language)}>{disputeAge(d.createdAt, now, language)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
