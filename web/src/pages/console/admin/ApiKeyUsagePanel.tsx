import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiKeyUsage, type ApiKey, type ApiKeyUsage } from '../../../api/admin-api-keys.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { formatDate, formatNumber } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';

const UsageChart = lazy(() => import('./UsageChart.tsx'));

/** A key's requests per day over the last 30 days: a small bar chart and the same figures as a table. */
export function ApiKeyUsagePanel({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [usage, setUsage] = useState<ApiKeyUsage | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    apiKeyUsage(apiKey.id, 30)
      .then((u) => live && setUsage(u))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [apiKey.id]);

  const labels = useMemo(() => usage?.days.map((d) => d.day.slice(5)) ?? [], [usage]);
  const values = useMemo(() => usage?.days.map((d) => d.requests) ?? [], [usage]);
  const total = values.reduce((sum, v) => sum + v, 0);
  const used = usage?.days.filter((d) => d.requests > 0).reverse() ?? [];

  return (
    <section className="card admin-usage" aria-labelledby="usage-title" data-testid="usage-panel">
      <div className="console-page__head">
        <h3 id="usage-title">{t('admin.keys.usageTitle', { name: apiKey.name })}</h3>
        <button type="button" className="button button--secondary" onClick={onClose}>{t('console.common.close')}</button>
      </div>
      <ProblemNotice error={error} />
      {usage && (
        <>
          <p data-testid="usage-summary">
            {t('admin.keys.usageSummary', { total: formatNumber(total, language), quota: formatNumber(usage.dailyQuota, language) })}{' '}
            {usage.quotaIsDefault && <span className="admin-muted">{t('admin.keys.defaultQuota')}</span>}
          </p>
          <Suspense fallback={<p>{t('console.common.loading')}</p>}>
            <UsageChart labels={labels} values={values} label={t('admin.keys.usageChart', { name: apiKey.name })} locale={language === 'vi' ? 'vi-VN' : 'en-GB'} />
          </Suspense>
          {used.length === 0 ? (
            <p className="callout">{t('admin.keys.noUsage')}</p>
          ) : (
            <div className="table-scroll">
              <table className="console-table admin-table admin-table--narrow">
                <caption className="visually-hidden">{t('admin.keys.usageTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.keys.day')}</th>
                    <th scope="col">{t('admin.keys.requests')}</th>
                  </tr>
                </thead>
                <tbody>
                  {used.map((d) => (
                    <tr key={d.day} data-testid="usage-row">
                      <td>{formatDate(d.day, language)}</td>
                      <td>{formatNumber(d.requests, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
