import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAUD_TYPES, publicApi, type Statistics } from '../../api/public.ts';
import { Loading } from '../../layout/Loading.tsx';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../portal/format.ts';
import { LoadError } from '../../portal/LoadError.tsx';
import { useApi } from '../../portal/use-api.ts';
import { useLanguage } from '../../portal/use-language.ts';
import { BarChart } from './BarChart.tsx';
import { CampaignReach } from './CampaignReach.tsx';
import type { CampaignReach as Reach } from '../../api/campaigns.ts';

// One colour per fraud type, distinct enough side by side and dark enough on white.
const COLOURS = ['#1a5fb4', '#c8102e', '#1e6b3a', '#8a5a00', '#6b2fa3', '#0b7285', '#a61e4d', '#5c6b00', '#d9480f', '#364fc7', '#2b8a3e', '#495057'];
const OUTCOME_COLOURS = { acted: '#1e6b3a', rejected: '#c8102e', pending: '#8c99ab' } as const;

function Figure({ id, title, children, table }: { id: string; title: string; children: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="card stat-figure" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
      <details className="stat-figure__table">
        <summary>{t('stats.showTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}

function Charts({ data }: { data: Statistics }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';

  const weekly = useMemo(() => {
    const present = FRAUD_TYPES.filter((type) => data.weeks.some((week) => (week.byCategory[type] ?? 0) > 0));
    return {
      labels: data.weeks.map((week) => formatDate(week.weekStart, language)),
      types: present,
      datasets: present.map((type) => ({
        label: t(`fraudTypes.${type}.name`),
        data: data.weeks.map((week) => week.byCategory[type] ?? 0),
        backgroundColor: COLOURS[FRAUD_TYPES.indexOf(type) % COLOURS.length],
      })),
    };
  }, [data, language, t]);

  const platforms = useMemo(() => {
    const names = data.platforms.map((p) => t(`platforms.${p.platform}` as 'platforms.facebook', { defaultValue: p.platform }));
    return {
      names,
      reports: [{ label: t('stats.reports'), data: data.platforms.map((p) => p.reports), backgroundColor: '#1a5fb4' }],
      outcomes: (['acted', 'rejected', 'pending'] as const).map((key) => ({
        label: t(`stats.outcomes.${key}`),
        data: data.platforms.map((p) => p[key]),
        backgroundColor: OUTCOME_COLOURS[key],
      })),
      onTime: [{ label: t('stats.onTimeRate'), data: data.platforms.map((p) => p.onTimeRate ?? 0), backgroundColor: '#1e6b3a' }],
    };
  }, [data, t]);

  return (
    <>
      <Figure
        id="stat-weekly"
        title={t('stats.weeklyTitle')}
        table={
          <table className="table">
            <caption className="visually-hidden">{t('stats.weeklyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.week')}</th>
                {weekly.types.map((type) => (
                  <th key={type} scope="col">
                    {t(`fraudTypes.${type}.name`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.weeks.map((week, index) => (
                <tr key={week.weekStart}>
                  <th scope="row">{weekly.labels[index]}</th>
                  {weekly.types.map((type) => (
                    <td key={type}>{formatNumber(week.byCategory[type] ?? 0, language)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {data.weeks.length === 0 ? <p>{t('stats.noData')}</p> : <BarChart labels={weekly.labels} datasets={weekly.datasets} stacked label={t('stats.weeklyTitle')} locale={locale} />}
      </Figure>

      <Figure
        id="stat-platforms"
        title={t('stats.platformsTitle')}
        table={
          <table className="table">
            <caption className="visually-hidden">{t('stats.platformsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.platform')}</th>
                <th scope="col">{t('stats.reports')}</th>
                <th scope="col">{t('stats.escalations')}</th>
                <th scope="col">{t('stats.outcomes.acted')}</th>
                <th scope="col">{t('stats.outcomes.rejected')}</th>
                <th scope="col">{t('stats.outcomes.pending')}</th>
                <th scope="col">{t('stats.onTimeRate')}</th>
                <th scope="col">{t('stats.medianHours')}</th>
              </tr>
            </thead>
            <tbody>
              {data.platforms.map((p, index) => (
                <tr key={p.platform}>
                  <th scope="row">{platforms.names[index]}</th>
                  <td>{formatNumber(p.reports, language)}</td>
                  <td>{formatNumber(p.escalations, language)}</td>
                  <td>{formatNumber(p.acted, language)}</td>
                  <td>{formatNumber(p.rejected, language)}</td>
                  <td>{formatNumber(p.pending, language)}</td>
                  <td>{p.onTimeRate === null ? '—' : formatPercent(p.onTimeRate, language)}</td>
                  <td>{p.medianHoursToAct === null ? '—' : formatNumber(Math.round(p.medianHoursToAct * 10) / 10, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {data.platforms.length === 0 ? (
          <p>{t('stats.noData')}</p>
        ) : (
          <BarChart labels={platforms.names} datasets={platforms.reports} horizontal label={t('stats.platformsTitle')} locale={locale} />
        )}
      </Figure>

      {data.platforms.length > 0 && (
        <>
          <section className="card stat-figure" aria-labelledby="stat-outcomes">
            <h2 id="stat-outcomes">{t('stats.outcomesTitle')}</h2>
            {data.platforms.every((p) => p.escalations === 0) ? (
              <p>{t('stats.noEscalations')}</p>
            ) : (
              <BarChart labels={platforms.names} datasets={platforms.outcomes} horizontal stacked label={t('stats.outcomesTitle')} locale={locale} />
            )}
            <p className="muted">{t('stats.sameTable')}</p>
          </section>
          <section className="card stat-figure" aria-labelledby="stat-on-time">
            <h2 id="stat-on-time">{t('stats.onTimeTitle')}</h2>
            {data.platforms.every((p) => p.onTimeRate === null) ? (
              <p>{t('stats.nothingDue')}</p>
            ) : (
              <BarChart labels={platforms.names} datasets={platforms.onTime} horizontal percent label={t('stats.onTimeTitle')} locale={locale} />
            )}
            <p className="muted">{t('stats.sameTable')}</p>
          </section>
        </>
      )}
      <CampaignReach campaigns={(data as Statistics & { campaigns?: Reach[] }).campaigns} />
      <p className="muted">{t('stats.generated', { at: formatDateTime(data.generatedAt, language) })}</p>
    </>
  );
}

/** Reports per week by type, platforms involved, escalation outcomes and on-time rates. */
export function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('stats.title'));
  const [attempt, setAttempt] = useState(0);
  const stats = useApi((signal) => publicApi.statistics(signal), [attempt]);

  return (
    <div className="container page">
      <h1>{t('stats.heading')}</h1>
      <p className="page__intro">{t('stats.intro')}</p>
      {stats.status === 'loading' && <Loading label={t('app.loading')} />}
      {stats.status === 'failed' && <LoadError error={stats.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {stats.status === 'ready' && <Charts data={stats.data} />}
    </div>
  );
}
