import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReport } from '../../../api/cases.ts';
import { getReportEvidence, type ReportEvidence } from '../../../api/networks.ts';
import { channelKey, fraudTypeKey } from '../../../console/labels.ts';
import { formatDateTime, formatVnd } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { EvidenceViewer } from './EvidenceViewer.tsx';

/** The case's reports with their narratives, each with its evidence files. */
export function ReportsSection({ reports }: { reports: CaseReport[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [evidence, setEvidence] = useState<Record<string, ReportEvidence[]>>({});
  const ids = reports.map((r) => r.id).join(',');
  useEffect(() => {
    const controller = new AbortController();
    // Only the evidence list is kept from each report's detail; contact details are not shown here.
    for (const report of reports) {
      getReportEvidence(report.id, controller.signal).then(
        (detail) => setEvidence((old) => ({ ...old, [report.id]: detail.evidence })),
        () => undefined,
      );
    }
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the report ids
  }, [ids]);
  return (
    <section className="card" aria-labelledby="case-reports">
      <h2 id="case-reports">{t('console.case.reports', { count: reports.length })}</h2>
      {reports.map((r) => (
        <article key={r.id} className="case-report" data-testid="case-report">
          <h3>
            {t(fraudTypeKey(r.category))} · {formatDateTime(r.createdAt, language)}
          </h3>
          <p className="case-report__meta">
            {r.amountLostVnd !== null && <>{t('console.queue.amount')}: {formatVnd(r.amountLostVnd, language)} · </>}
            {t('console.case.channel')}: {t(channelKey(r.channel))}
          </p>
          <blockquote className="case-report__narrative">{r.narrative}</blockquote>
          <EvidenceViewer files={evidence[r.id] ?? []} />
        </article>
      ))}
    </section>
  );
}
