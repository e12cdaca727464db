import { useTranslation } from 'react-i18next';
import type { BulkAnswerResult } from '../../../api/escalations.ts';
import '../case/case-tools.css';

/** The per-item outcome of a bulk answer or a CSV upload: how many were answered, and why others were not. */
export function RowResults({ result, source }: { result: BulkAnswerResult; source: 'bulk' | 'csv' }) {
  const { t } = useTranslation();
  return (
    <section className={`notice ${result.failed > 0 ? 'notice--error' : 'notice--success'}`} aria-labelledby="row-results-heading" data-testid="row-results">
      <h2 id="row-results-heading">{t(source === 'csv' ? 'caseTools.inbox.csvResults' : 'caseTools.inbox.bulkResults')}</h2>
      <p role="status">{t('caseTools.inbox.summary', { answered: result.answered, failed: result.failed })}</p>
      <ul className="plain-list row-results">
        {result.results.map((r) => (
          <li key={`${r.index}:${r.escalationId ?? ''}`} className={r.ok ? 'is-ok' : 'is-failed'} data-testid="row-result" data-ok={r.ok}>
            {source === 'csv' ? t('caseTools.inbox.line', { line: r.index }) : t('caseTools.inbox.item', { n: r.index + 1 })}
            {' · '}
            {r.escalation?.caseReference ?? r.escalationId ?? t('caseTools.inbox.noId')}
            {' · '}
            {r.ok ? t('caseTools.inbox.rowOk') : `${t('caseTools.inbox.rowFailed')}: ${r.error?.message ?? ''}${r.error?.errors?.length ? ` (${r.error.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})` : ''}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
