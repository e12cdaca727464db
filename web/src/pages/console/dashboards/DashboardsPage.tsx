import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useAddressParam } from '../../../console/use-address-param.ts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FRAUD_TYPES } from '../../../api/public.ts';
import { DASHBOARD_BUCKETS, DASHBOARD_PLATFORMS, getDashboardFigures, type DashboardBucket, type DashboardFigures, type EscalationFigureRow } from '../../../api/dashboards.ts';
import { fraudTypeKey, platformKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatNumber, formatVnd } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { DashboardChart, type Series } from './DashboardChart.tsx';
import { bucketLabel, formatCompactVnd, formatHours, formatRate, localeOf, vietnamDate } from './format.ts';

const BLUE = '#1a5fb4';
const GREEN = '#1e6b3a';
const RED = '#c8102e';
const AMBER = '#8a5a00';

/** A chart with its figures as a table under it (for screen readers, and anyone who wants numbers). */
function Figure({ id, title, note, children, table }: { id: string; title: string; note?: ReactNode; children: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="card dashboard-figure" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className="field__hint">{note}</p>}
      {children}
      <details className="stat-figure__table">
        <summary>{t('dashboards.showTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}

/** The agency's dashboards: volume and backlog, time to verify, deadlines, mitigation and money lost over a period. */
export function DashboardsPage({ nav }: { nav: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('dashboards.title'));
  const [params, setParams] = useSearchParams();
  const query = useMemo(
    () => ({
      from: params.get('from') ?? undefined,
      to: params.get('to') ?? undefined,
      // Weeks by default: over 90 days a day holds too few escalations for a steady rate.
      bucket: (DASHBOARD_BUCKETS as readonly string[]).includes(params.get('bucket') ?? '') ? (params.get('bucket') as DashboardBucket) : 'week',
      platform: params.get('platform') ?? undefined,
      fraudType: params.get('fraudType') ?? undefined,
    }),
    [params],
  );
  const [data, setData] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    getDashboardFigures(query, abort.signal)
      .then((figures) => {
        setData(figures);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [query]);

  // From the current address, not this render's `params`: two changes in a row (before the
  // page renders again) must both be kept.
  const setFilter = useAddressParam();

  return (
    <div className="page console-page dashboards" aria-busy={loading}>
      {nav}
      <h1>{t('dashboards.title')}</h1>
      <p>{t('dashboards.intro')}</p>
      <form className="queue-filters" aria-label={t('dashboards.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="d-from">{t('dashboards.from')}</label>
          <input id="d-from" type="date" className="field__input" value={query.from ?? (data ? vietnamDate(data.from) : '')} onChange={(e) => setFilter('from', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="d-to">{t('dashboards.to')}</label>
          <input id="d-to" type="date" className="field__input" value={query.to ?? (data ? vietnamDate(data.to) : '')} onChange={(e) => setFilter('to', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="d-bucket">{t('dashboards.bucket')}</label>
          <select id="d-bucket" className="field__input" value={query.bucket} onChange={(e) => setFilter('bucket', e.target.value === 'week' ? '' : e.target.value)}>
            {DASHBOARD_BUCKETS.map((b) => (
              <option key={b} value={b}>{t(`dashboards.buckets.${b}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="d-platform">{t('dashboards.platform')}</label>
          <select id="d-platform" className="field__input" value={query.platform ?? ''} onChange={(e) => setFilter('platform', e.target.value)}>
            <option value="">{t('dashboards.allPlatforms')}</option>
            {DASHBOARD_PLATFORMS.map((p) => (
              <option key={p} value={p}>{t(platformKey(p))}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="d-fraud">{t('dashboards.fraudType')}</label>
          <select id="d-fraud" className="field__input" value={query.fraudType ?? ''} onChange={(e) => setFilter('fraudType', e.target.value)}>
            <option value="">{t('dashboards.allFraudTypes')}</option>
            {FRAUD_TYPES.map((f) => (
              <option key={f} value={f}>{t(fraudTypeKey(f))}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="button" className="button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('dashboards.reset')}
          </button>
        </div>
      </form>
      <ProblemNotice error={error} />
      <p className="visually-hidden" role="status">{loading ? t('dashboards.loading') : data ? t('dashboards.updated') : ''}</p>
      {data && <Figures data={data} />}
    </div>
  );
}

function Figures({ data }: { data: DashboardFigures }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = localeOf(language);
  const n = (v: number) => formatNumber(v, language);
  const labels = useMemo(() => data.buckets.map((b) => bucketLabel(b.start, language)), [data, language]);
  const series = useMemo(() => {
    const platformNames = data.escalations.byPlatform.map((p) => t(platformKey(p.platform)));
    const fraudNames = data.escalations.byFraudType.map((f) => t(fraudTypeKey(f.fraudType)));
    const medians = (rows: EscalationFigureRow[]): Series[] => [
      { label: t('dashboards.medianAck'), data: rows.map((r) => r.medianHoursToAcknowledge), backgroundColor: BLUE },
      { label: t('dashboards.medianAct'), data: rows.map((r) => r.medianHoursToAct), backgroundColor: AMBER },
      { label: t('dashboards.medianMitigation'), data: rows.map((r) => r.mitigation.medianHours), backgroundColor: RED },
    ];
    return {
      volume: [
        { type: 'bar', label: t('dashboards.reports'), data: data.buckets.map((b) => b.reports), backgroundColor: BLUE, order: 2 },
        { type: 'bar', label: t('dashboards.cases'), data: data.buckets.map((b) => b.cases), backgroundColor: GREEN, order: 3 },
        { type: 'line', label: t('dashboards.backlog'), data: data.buckets.map((b) => b.backlog), borderColor: RED, backgroundColor: RED, pointRadius: 0, order: 1 },
      ] as Series[],
      verify: [{ type: 'line', label: t('dashboards.medianVerify'), data: data.buckets.map((b) => b.medianHoursToVerify), borderColor: BLUE, backgroundColor: BLUE, pointRadius: 2, spanGaps: true }] as Series[],
      onTime: [{ type: 'line', label: t('dashboards.onTimeRate'), data: data.buckets.map((b) => b.onTimeRate), borderColor: GREEN, backgroundColor: GREEN, pointRadius: 2, spanGaps: true }] as Series[],
      platformNames,
      platforms: medians(data.escalations.byPlatform),
      fraudNames,
      fraud: medians(data.escalations.byFraudType),
      moneyNames: data.moneyLost.byFraudType.map((m) => t(fraudTypeKey(m.fraudType))),
      money: [{ label: t('dashboards.moneyLost'), data: data.moneyLost.byFraudType.map((m) => m.amountVnd), backgroundColor: RED }] as Series[],
    };
  }, [data, t]);

  const escalationTable = (rows: (EscalationFigureRow & { name: string })[], caption: string, testId: string) => (
    <table className="table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{t('dashboards.escalations')}</th>
          <th scope="col">{t('dashboards.answered')}</th>
          <th scope="col">{t('dashboards.onTimeRate')}</th>
          <th scope="col">{t('dashboards.medianAck')}</th>
          <th scope="col">{t('dashboards.medianAct')}</th>
          <th scope="col">{t('dashboards.medianMitigation')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td>{n(r.count)}</td>
            <td>{n(r.answered)}</td>
            <td>{formatRate(r.onTimeRate, language)}</td>
            <td>{formatHours(r.medianHoursToAcknowledge, language)}</td>
            <td>{formatHours(r.medianHoursToAct, language)}</td>
            <td>{formatHours(r.mitigation.medianHours, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const total = data.escalations.total;
  return (
    <>
      <dl className="dashboard-tiles" data-testid="dashboard-tiles">
        <div><dt>{t('dashboards.reports')}</dt><dd data-testid="tile-reports">{n(data.totals.reports)}</dd></div>
        <div><dt>{t('dashboards.cases')}</dt><dd>{n(data.totals.cases)}</dd></div>
        <div><dt>{t('dashboards.backlogAtEnd')}</dt><dd>{n(data.totals.backlogAtEnd)}</dd></div>
        <div><dt>{t('dashboards.medianVerifyShort')}</dt><dd>{t('dashboards.hours', { value: formatHours(data.verification.medianHours, language) })}</dd></div>
        <div><dt>{t('dashboards.onTimeRate')}</dt><dd>{formatRate(total.onTimeRate, language)}</dd></div>
        <div><dt>{t('dashboards.medianMitigationShort')}</dt><dd>{t('dashboards.hours', { value: formatHours(total.mitigation.medianHours, language) })}</dd></div>
        <div>
          <dt>{t('dashboards.moneyLost')}</dt>
          <dd>
            <abbr title={formatVnd(data.moneyLost.totalVnd, language)}>{formatCompactVnd(data.moneyLost.totalVnd, language)}</abbr>
          </dd>
        </div>
      </dl>

      <div className="dashboard-grid">
        <Figure
          id="fig-volume"
          title={t('dashboards.volumeTitle')}
          note={t('dashboards.volumeNote')}
          table={
            <table className="table" data-testid="table-volume">
              <caption className="visually-hidden">{t('dashboards.volumeTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`dashboards.bucketStart.${data.bucket}`)}</th>
                  <th scope="col">{t('dashboards.reports')}</th>
                  <th scope="col">{t('dashboards.cases')}</th>
                  <th scope="col">{t('dashboards.backlog')}</th>
                </tr>
              </thead>
              <tbody>
                {data.buckets.map((b, i) => (
                  <tr key={b.start}>
                    <th scope="row">{labels[i]}</th>
                    <td>{n(b.reports)}</td>
                    <td>{n(b.cases)}</td>
                    <td>{n(b.backlog)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <DashboardChart testId="chart-volume" labels={labels} datasets={series.volume} label={t('dashboards.volumeTitle')} locale={locale} />
        </Figure>

        <Figure
          id="fig-verify"
          title={t('dashboards.verifyTitle')}
          note={t('dashboards.verifyNote', { cases: n(data.verification.cases), median: formatHours(data.verification.medianHours, language), p90: formatHours(data.verification.p90Hours, language) })}
          table={
            <table className="table" data-testid="table-verify">
              <caption className="visually-hidden">{t('dashboards.verifyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`dashboards.bucketStart.${data.bucket}`)}</th>
                  <th scope="col">{t('dashboards.verified')}</th>
                  <th scope="col">{t('dashboards.medianVerify')}</th>
                </tr>
              </thead>
              <tbody>
                {data.buckets.map((b, i) => (
                  <tr key={b.start}>
                    <th scope="row">{labels[i]}</th>
                    <td>{n(b.verified)}</td>
                    <td>{formatHours(b.medianHoursToVerify, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <DashboardChart testId="chart-verify" labels={labels} datasets={series.verify} label={t('dashboards.verifyTitle')} locale={locale} />
        </Figure>

        <Figure
          id="fig-on-time"
          title={t('dashboards.onTimeTitle')}
          note={t('dashboards.onTimeNote', { count: total.count, rate: formatRate(total.onTimeRate, language) })}
          table={
            <table className="table" data-testid="table-on-time">
              <caption className="visually-hidden">{t('dashboards.onTimeTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`dashboards.bucketStart.${data.bucket}`)}</th>
                  <th scope="col">{t('dashboards.escalations')}</th>
                  <th scope="col">{t('dashboards.onTimeRate')}</th>
                </tr>
              </thead>
              <tbody>
                {data.buckets.map((b, i) => (
                  <tr key={b.start}>
                    <th scope="row">{labels[i]}</th>
                    <td>{n(b.escalations)}</td>
                    <td>{formatRate(b.onTimeRate, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <DashboardChart testId="chart-on-time" labels={labels} datasets={series.onTime} percent label={t('dashboards.onTimeTitle')} locale={locale} />
        </Figure>

        <Figure
          id="fig-platforms"
          title={t('dashboards.platformsTitle')}
          note={t('dashboards.hoursNote')}
          table={escalationTable(data.escalations.byPlatform.map((r, i) => ({ ...r, name: series.platformNames[i]! })), t('dashboards.platform'), 'table-platforms')}
        >
          {data.escalations.byPlatform.length === 0 ? (
            <p>{t('dashboards.noEscalations')}</p>
          ) : (
            <DashboardChart testId="chart-platforms" labels={series.platformNames} datasets={series.platforms} horizontal label={t('dashboards.platformsTitle')} locale={locale} />
          )}
        </Figure>

        <Figure
          id="fig-fraud-types"
          title={t('dashboards.fraudTypesTitle')}
          note={t('dashboards.hoursNote')}
          table={escalationTable(data.escalations.byFraudType.map((r, i) => ({ ...r, name: series.fraudNames[i]! })), t('dashboards.fraudType'), 'table-fraud-types')}
        >
          {data.escalations.byFraudType.length === 0 ? (
            <p>{t('dashboards.noEscalations')}</p>
          ) : (
            <DashboardChart testId="chart-fraud-types" labels={series.fraudNames} datasets={series.fraud} horizontal label={t('dashboards.fraudTypesTitle')} locale={locale} />
          )}
        </Figure>

        <Figure
          id="fig-money"
          title={t('dashboards.moneyTitle')}
          note={t('dashboards.moneyNote', { total: formatVnd(data.moneyLost.totalVnd, language), reports: n(data.moneyLost.reportsWithLoss) })}
          table={
            <table className="table" data-testid="table-money">
              <caption className="visually-hidden">{t('dashboards.moneyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboards.fraudType')}</th>
                  <th scope="col">{t('dashboards.reportsWithLoss')}</th>
                  <th scope="col">{t('dashboards.moneyLost')}</th>
                </tr>
              </thead>
              <tbody>
                {data.moneyLost.byFraudType.map((m, i) => (
                  <tr key={m.fraudType}>
                    <th scope="row">{series.moneyNames[i]}</th>
                    <td>{n(m.reportsWithLoss)}</td>
                    <td>{formatVnd(m.amountVnd, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          {data.moneyLost.byFraudType.length === 0 ? (
            <p>{t('dashboards.noMoney')}</p>
          ) : (
            <DashboardChart testId="chart-money" labels={series.moneyNames} datasets={series.money} horizontal compact label={t('dashboards.moneyTitle')} locale={locale} />
          )}
        </Figure>
      </div>
    </>
  );
}
