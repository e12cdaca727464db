import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignReach as Reach } from '../../api/campaigns.ts';
import { formatNumber, formatPercent } from '../../portal/format.ts';
import { useLanguage } from '../../portal/use-language.ts';

/** Per-campaign reach on the public statistics page: counts only, nothing about any visitor. */
export function CampaignReach({ campaigns }: { campaigns: readonly Reach[] | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // An older server sends no campaign figures: the section is left out.
  if (!campaigns) return null;
  const score = (value: number | null) => (value === null ? '—' : formatPercent(value, language));
  return (
    <section className="card stat-figure" aria-labelledby="stat-campaigns" data-testid="stat-campaigns">
      <h2 id="stat-campaigns">{t('campaigns.stats.title')}</h2>
      <p className="muted">{t('campaigns.stats.intro')}</p>
      {campaigns.length === 0 ? (
        <p>{t('stats.noData')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="stat-campaigns-caption">
          <table className="table">
            <caption id="stat-campaigns-caption" className="visually-hidden">{t('campaigns.stats.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.stats.campaign')}</th>
                <th scope="col">{t('campaigns.figures.views')}</th>
                <th scope="col">{t('campaigns.figures.quizCompletions')}</th>
                <th scope="col">{t('campaigns.figures.averageScore')}</th>
                <th scope="col">{t('campaigns.figures.shares')}</th>
                <th scope="col">{t('campaigns.figures.lookups')}</th>
                <th scope="col">{t('campaigns.figures.reports')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.slug}>
                  <th scope="row">
                    <Link to={`/campaigns/${encodeURIComponent(c.slug)}`}>{c.title}</Link>
                  </th>
                  <td>{formatNumber(c.views, language)}</td>
                  <td>{formatNumber(c.quizCompletions, language)}</td>
                  <td>{score(c.averageScore)}</td>
                  <td>{formatNumber(c.shares, language)}</td>
                  <td>{formatNumber(c.lookups, language)}</td>
                  <td>{formatNumber(c.reports, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
