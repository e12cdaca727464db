import { useEffect, useState, type ReactNode } from 'react';
import { useAddressParam } from '../../../console/use-address-param.ts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DASHBOARD_PLATFORMS, getMonthlyReport, monthlyReportUrl, REPORT_DOWNLOADS, type MonthlyPlatformReport } from '../../../api/dashboards.ts';
import { useAuth } from '../../../auth/use-auth.ts';
import { fraudTypeKey, platformActionKey, platformKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime, formatNumber } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { formatHours, formatRate, previousVietnamMonth } from './format.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The monthly report for one platform (the cooperation agreement): choose platform and month,
 * read the preview, download it as PDF, XLSX or CSV in Vietnamese or English. A platform's
 * operator sees only its own platform.
 */
export function MonthlyReportPage({ nav }: { nav: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('dashboards.monthly.title'));
  const { state } = useAuth();
  const ownPlatform = state.status === 'signed-in' && state.user.role === 'platform_operator' ? (state.user.organization.platform ?? null) : null;
  const [params] = useSearchParams();
  const platform = ownPlatform ?? params.get('platform') ?? 'facebook';
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : previousVietnamMonth();
  const [fileLanguage, setFileLanguage] = useState<'vi' | 'en'>(language);
  const [report, setReport] = useState<MonthlyPlatformReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    getMonthlyReport(platform, month, abort.signal)
      .then((r) => {
        setReport(r);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) {
          setReport(null);
          setError(e);
        }
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [platform, month]);

  const set = useAddressParam();

  return (
    <div className="page console-page monthly-report" aria-busy={loading}>
      {ownPlatform ? null : nav}
      <h1>{t('dashboards.monthly.title')}</h1>
      <p>{t('dashboards.monthly.intro')}</p>
      <form className="queue-filters" aria-label={t('dashboards.monthly.choose')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="m-platform">{t('dashboards.platform')}</label>
          <select id="m-platform" className="field__input" value={platform} disabled={ownPlatform !== null} onChange={(e) => set('platform', e.target.value)}>
            {DASHBOARD_PLATFORMS.map((p) => (
              <option key={p} value={p}>{t(platformKey(p))}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="m-month">{t('dashboards.monthly.month')}</label>
          <input id="m-month" type="month" className="field__input" value={month} max={previousVietnamMonth(new Date(Date.now() + 40 * 86_400_000))} onChange={(e) => MONTH.test(e.target.value) && set('month', e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="m-language">{t('dashboards.monthly.fileLanguage')}</label>
          <select id="m-language" className="field__input" value={fileLanguage} onChange={(e) => setFileLanguage(e.target.value === 'en' ? 'en' : 'vi')}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </div>
      </form>
      <div className="monthly-report__downloads" role="group" aria-label={t('dashboards.monthly.download')}>
        {REPORT_DOWNLOADS.map((format) => (
          <a key={format} className="button button--primary" href={monthlyReportUrl(platform, month, format, fileLanguage)} download data-testid={`download-${format}`}>
            {t(`dashboards.monthly.downloads.${format}`)}
          </a>
        ))}
        <a className="button" href={monthlyReportUrl(platform, month, 'html', fileLanguage)} target="_blank" rel="noopener">
          {t('dashboards.monthly.printView')}
        </a>
      </div>
      <p className="field__hint">{t('dashboards.monthly.privacy')}</p>
      <ProblemNotice error={error} />
      <p className="visually-hidden" role="status">{loading ? t('dashboards.loading') : report ? t('dashboards.updated') : ''}</p>
      {report && <Preview report={report} />}
    </div>
  );
}

function Preview({ report }: { report: MonthlyPlatformReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (v: number) => formatNumber(v, language);
  const s = report.summary;
  const summary: [string, string][] = [
    [t('dashboards.monthly.escalations'), n(s.escalations)],
    [t('dashboards.monthly.subjects'), n(s.subjects)],
    [t('dashboards.monthly.acknowledged'), n(s.acknowledged)],
    [t('dashboards.monthly.acknowledgedOnTime'), n(s.acknowledgedOnTime)],
    [t('dashboards.answered'), n(s.answered)],
    [t('dashboards.monthly.actedOnTime'), n(s.actedOnTime)],
    [t('dashboards.onTimeRate'), formatRate(s.onTimeRate, language)],
    [t('dashboards.monthly.overdueCount'), n(s.overdue)],
    [t('dashboards.medianAck'), formatHours(s.medianHoursToAcknowledge, language)],
    [t('dashboards.medianAct'), formatHours(s.medianHoursToAct, language)],
    [t('dashboards.monthly.mitigationSubjects'), n(report.mitigation.subjects)],
    [t('dashboards.medianMitigation'), formatHours(report.mitigation.medianHours, language)],
    [t('dashboards.monthly.p90Mitigation'), formatHours(report.mitigation.p90Hours, language)],
  ];
  return (
    <div className="monthly-report__preview card" data-testid="monthly-preview">
      <h2>{t('dashboards.monthly.previewTitle', { platform: t(platformKey(report.platform)), month: report.month })}</h2>
      <section aria-labelledby="m-summary">
        <h3 id="m-summary">{t('dashboards.monthly.summary')}</h3>
        <div className="table-scroll">
          <table className="table" data-testid="monthly-summary">
            <tbody>
              {summary.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="m-fraud">
        <h3 id="m-fraud">{t('dashboards.fraudTypesTitle')}</h3>
        {report.byFraudType.length === 0 ? (
          <p>{t('dashboards.noEscalations')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboards.fraudType')}</th>
                  <th scope="col">{t('dashboards.escalations')}</th>
                  <th scope="col">{t('dashboards.answered')}</th>
                  <th scope="col">{t('dashboards.monthly.actedOnTime')}</th>
                  <th scope="col">{t('dashboards.onTimeRate')}</th>
                  <th scope="col">{t('dashboards.medianAck')}</th>
                  <th scope="col">{t('dashboards.medianAct')}</th>
                </tr>
              </thead>
              <tbody>
                {report.byFraudType.map((f) => (
                  <tr key={f.fraudType}>
                    <th scope="row">{t(fraudTypeKey(f.fraudType))}</th>
                    <td>{n(f.escalations)}</td>
                    <td>{n(f.answered)}</td>
                    <td>{n(f.actedOnTime)}</td>
                    <td>{formatRate(f.onTimeRate, language)}</td>
                    <td>{formatHours(f.medianHoursToAcknowledge, language)}</td>
                    <td>{formatHours(f.medianHoursToAct, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="m-basis">
        <h3 id="m-basis">{t('dashboards.monthly.byLegalBasis')}</h3>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('dashboards.monthly.legalBasis')}</th>
                <th scope="col">{t('dashboards.escalations')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byLegalBasis.map((b) => (
                <tr key={b.legalBasis}>
                  <th scope="row">{b.legalBasis}</th>
                  <td>{n(b.escalations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="m-outcomes">
        <h3 id="m-outcomes">{t('dashboards.monthly.outcomes')}</h3>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('dashboards.monthly.outcome')}</th>
                <th scope="col">{t('dashboards.escalations')}</th>
              </tr>
            </thead>
            <tbody>
              {report.outcomes.map((o) => (
                <tr key={o.outcome}>
                  <th scope="row">{o.outcome === 'unanswered' ? t('dashboards.monthly.unanswered') : t(platformActionKey(o.outcome))}</th>
                  <td>{n(o.escalations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="m-overdue">
        <h3 id="m-overdue">{t('dashboards.monthly.overdue')}</h3>
        {report.overdue.length === 0 ? (
          <p>{t('dashboards.monthly.noOverdue')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="monthly-overdue">
              <thead>
                <tr>
                  <th scope="col">{t('dashboards.monthly.case')}</th>
                  <th scope="col">{t('dashboards.fraudType')}</th>
                  <th scope="col">{t('dashboards.monthly.dueAt')}</th>
                  <th scope="col">{t('dashboards.monthly.actionedAt')}</th>
                  <th scope="col">{t('dashboards.monthly.hoursLate')}</th>
                  <th scope="col">{t('dashboards.monthly.subjectList')}</th>
                </tr>
              </thead>
              <tbody>
                {report.overdue.map((o) => (
                  <tr key={o.escalationId}>
                    <th scope="row">{o.caseReference}</th>
                    <td className="monthly-report__text">{t(fraudTypeKey(o.fraudType))}</td>
                    <td>{formatDateTime(o.dueAt, language)}</td>
                    <td>{o.actionedAt ? formatDateTime(o.actionedAt, language) : t('dashboards.monthly.unanswered')}</td>
                    <td>{formatHours(o.hoursLate, language)}</td>
                    <td className="monthly-report__subjects">{o.subjects.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
