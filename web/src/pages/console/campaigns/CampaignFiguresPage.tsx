import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { consoleCampaignsApi, type CampaignAdmin, type Figures, type FiguresAnswer } from '../../../api/campaigns.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDate, formatNumber, formatPercent } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { TextField } from './TextField.tsx';

// Chart.js is large: only this page loads it.
const FiguresChart = lazy(() => import('./FiguresChart.tsx'));

const COUNTS = ['views', 'quizStarts', 'quizCompletions', 'shares', 'lookups', 'reports'] as const satisfies readonly (keyof Figures)[];
const COLOURS: Record<(typeof COUNTS)[number], string> = {
  views: '#1a5fb4',
  quizStarts: '#8a5a00',
  quizCompletions: '#1e6b3a',
  shares: '#6b2fa3',
  lookups: '#0b7285',
  reports: '#c8102e',
};

/** A campaign's reach: totals for a period, a daily chart and the same figures as a table. */
export function CampaignFiguresPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const { id = '' } = useParams();
  const [campaign, setCampaign] = useState<CampaignAdmin | null>(null);
  const [figures, setFigures] = useState<FiguresAnswer | null>(null);
  const [range, setRange] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [applied, setApplied] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [error, setError] = useState<unknown>(null);
  const name = campaign ? (language === 'en' && campaign.en.title.trim() ? campaign.en.title : campaign.vi.title) || campaign.slug : '…';
  usePageTitle(t('campaigns.console.figuresTitle', { title: name }));

  useEffect(() => {
    const controller = new AbortController();
    consoleCampaignsApi.get(id, controller.signal).then(setCampaign, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [id]);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    consoleCampaignsApi.figures(id, applied, controller.signal).then(setFigures, (e: unknown) => {
      if (!controller.signal.aborted) setError(e);
    });
    return () => controller.abort();
  }, [id, applied]);

  const chart = useMemo(() => {
    if (!figures) return null;
    return {
      labels: figures.days.map((d) => formatDate(d.date, language)),
      series: COUNTS.map((key) => ({ label: t(`campaigns.figures.${key}`), data: figures.days.map((d) => d[key]), colour: COLOURS[key] })),
    };
  }, [figures, language, t]);

  const average = (value: number | null) => (value === null ? '—' : formatPercent(value, language));

  return (
    <div className="page console-page">
      <p>
        <Link to="/console/campaigns">← {t('campaigns.console.backToList')}</Link>
        {campaign && (
          <>
            {' · '}
            <Link to={`/console/campaigns/${campaign.id}`}>{t('campaigns.console.editLink')}</Link>
          </>
        )}
      </p>
      <h1>{t('campaigns.console.figuresTitle', { title: name })}</h1>
      <p className="field__hint">{t('campaigns.console.figuresPrivacy')}</p>
      <form
        className="inline-form campaign-range"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(range);
        }}
      >
        <TextField label={t('campaigns.console.from')} type="date" value={range.from} onChange={(from) => setRange({ ...range, from })} error={error} pointer="/from" />
        <TextField label={t('campaigns.console.to')} type="date" value={range.to} onChange={(to) => setRange({ ...range, to })} error={error} pointer="/to" />
        <button type="submit" className="button button--secondary">
          {t('campaigns.console.show')}
        </button>
      </form>
      <ProblemNotice error={error} />
      {figures && (
        <>
          <dl className="campaign-totals" data-testid="campaign-totals">
            {COUNTS.map((key) => (
              <div key={key} className="card campaign-totals__item" data-figure={key}>
                <dt>{t(`campaigns.figures.${key}`)}</dt>
                <dd data-testid={`total-${key}`}>{formatNumber(figures.totals[key], language)}</dd>
              </div>
            ))}
            <div className="card campaign-totals__item" data-figure="averageScore">
              <dt>{t('campaigns.figures.averageScore')}</dt>
              <dd data-testid="total-averageScore">{average(figures.totals.averageScore)}</dd>
            </div>
          </dl>
          <section className="card stat-figure" aria-labelledby="campaign-daily">
            <h2 id="campaign-daily">{t('campaigns.console.daily')}</h2>
            {figures.days.length === 0 || !chart ? (
              <p>{t('campaigns.console.noDays')}</p>
            ) : (
              <Suspense fallback={<p className="muted">{t('console.common.loading')}</p>}>
                <FiguresChart labels={chart.labels} series={chart.series} label={t('campaigns.console.daily')} locale={locale} />
              </Suspense>
            )}
            {/* Focusable so a keyboard can scroll a wide table (many days) sideways. */}
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="campaign-days-caption">
              <table className="console-table campaign-table" data-testid="campaign-days">
                <caption id="campaign-days-caption">{t('campaigns.console.dailyTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.console.date')}</th>
                    {COUNTS.map((key) => (
                      <th key={key} scope="col">
                        {t(`campaigns.figures.${key}`)}
                      </th>
                    ))}
                    <th scope="col">{t('campaigns.figures.averageScore')}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.days.map((day) => (
                    <tr key={day.date}>
                      <th scope="row">{formatDate(day.date, language)}</th>
                      {COUNTS.map((key) => (
                        <td key={key}>{formatNumber(day[key], language)}</td>
                      ))}
                      <td>{average(day.averageScore)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
