import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { consoleCampaignsApi, type CampaignListItem } from '../../../api/campaigns.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatNumber, formatPercent } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { useCanWriteCampaigns } from './use-can-write.ts';

/** `2026-11-15` as 15/11/2026: compact enough for a table column. */
function shortDate(day: string): string {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${d}/${m}/${y}` : day;
}

/** Every campaign with its status, dates and reach so far. */
export function ConsoleCampaignListPage() {
  const { t } = useTranslation();
  usePageTitle(t('campaigns.console.listTitle'));
  const language = useLanguage();
  const canWrite = useCanWriteCampaigns();
  const [items, setItems] = useState<CampaignListItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    consoleCampaignsApi.list(controller.signal).then(
      (answer) => setItems(answer.items),
      (e: unknown) => {
        if (!controller.signal.aborted) setError(e);
      },
    );
    return () => controller.abort();
  }, []);

  const titleOf = (c: CampaignListItem) => (language === 'en' && c.en.title.trim() ? c.en.title : c.vi.title) || c.slug;

  return (
    <div className="page console-page">
      <div className="console-page__head">
        <h1>{t('campaigns.console.listTitle')}</h1>
        {canWrite && (
          <Link to="/console/campaigns/new" className="button button--primary">
            {t('campaigns.console.create')}
          </Link>
        )}
      </div>
      {!canWrite && <p className="notice">{t('campaigns.console.readOnly')}</p>}
      <ProblemNotice error={error} />
      {items === null && !error && <p className="muted">{t('console.common.loading')}</p>}
      {items !== null && items.length === 0 && <p className="callout">{t('campaigns.console.none')}</p>}
      {items !== null && items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="campaign-table-caption">
          <table className="console-table campaign-table" data-testid="campaign-table">
            <caption id="campaign-table-caption" className="visually-hidden">{t('campaigns.console.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.console.campaign')}</th>
                <th scope="col">{t('campaigns.console.status')}</th>
                <th scope="col">{t('campaigns.console.period')}</th>
                <th scope="col">{t('campaigns.figures.views')}</th>
                <th scope="col">{t('campaigns.console.plays')}</th>
                <th scope="col">{t('campaigns.figures.averageScore')}</th>
                <th scope="col">{t('campaigns.figures.shares')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-testid="campaign-row" data-slug={c.slug}>
                  <th scope="row">
                    <Link to={`/console/campaigns/${c.id}`}>{titleOf(c)}</Link>
                    <br />
                    <code className="field__hint">{c.slug}</code>
                    <br />
                    <span className="campaign-row__links">
                      <Link to={`/console/campaigns/${c.id}/figures`}>{t('campaigns.console.figuresLink')}</Link>
                      {c.status === 'published' && (
                        <>
                          {' · '}
                          <a href={`/campaigns/${encodeURIComponent(c.slug)}`}>{t('campaigns.console.publicPage')}</a>
                        </>
                      )}
                    </span>
                  </th>
                  <td>
                    <span className={`badge campaign-status campaign-status--${c.status}`}>{t(`campaigns.console.statuses.${c.status}`)}</span>
                  </td>
                  <td>
                    <span className="nowrap">{shortDate(c.startsOn)} –</span> <span className="nowrap">{shortDate(c.endsOn)}</span>
                  </td>
                  <td>{formatNumber(c.totals.views, language)}</td>
                  <td>{t('campaigns.console.playsValue', { starts: formatNumber(c.totals.quizStarts, language), completions: formatNumber(c.totals.quizCompletions, language) })}</td>
                  <td>{c.totals.averageScore === null ? '—' : formatPercent(c.totals.averageScore, language)}</td>
                  <td>{formatNumber(c.totals.shares, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
