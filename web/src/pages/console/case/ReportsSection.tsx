import { useTranslation } from 'react-i18next';
import type { CaseReport } from '../../../api/cases.ts';
import type { ReportEvidence } from '../../../api/networks.ts';
import { channelKey, fraudTypeKey } from '../../../console/labels.ts';
import { formatDateTime, formatVnd } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { EvidenceViewer } from './EvidenceViewer.tsx';

/** The case's reports with their narratives, each with its evidence files. */
export function ReportsSection({ reports, evidence }: { reports: CaseReport[]; evidence: Record<string, ReportEvidence[]> }) {
  const { t } = useTranslation();
  const language = useLanguage();
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
