import { useTranslation } from 'react-i18next';
import type { BulkCaseResult } from '../../../api/queue-tools.ts';
import { platformKey } from '../../../console/labels.ts';

/** The answer of a bulk action, case by case: done (and, for escalations, to which platforms) or why not. */
export function BulkOutcome({ results, referenceOf, onDismiss }: { results: BulkCaseResult[]; referenceOf: (caseId: string) => string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const ok = results.filter((r) => r.ok).length;
  return (
    <div className={`notice ${ok === results.length ? 'notice--success' : 'notice--mixed'}`} role="status" data-testid="bulk-outcome">
      <p>{t('console.queue.bulkDone', { ok, failed: results.length - ok })}</p>
      <details open={results.length <= 10}>
        <summary>{t('queueTools.outcome.heading')}</summary>
        <ul className="bulk-outcome__list">
          {results.map((r) => (
            <li key={r.caseId} data-testid="bulk-outcome-item" className={r.ok ? undefined : 'bulk-outcome__failed'}>
              <strong>{r.case?.reference ?? referenceOf(r.caseId)}</strong>: {r.ok ? t('queueTools.outcome.ok') : t('queueTools.outcome.failed')}
              {r.escalations && r.escalations.length > 0 && <> ({t('queueTools.outcome.sentTo', { platforms: r.escalations.map((e) => t(platformKey(e.platform))).join(', ') })})</>}
              {r.error && <> — {r.error.detail}{r.error.errors?.length ? ` ${r.error.errors.map((e) => e.message).join(' ')}` : ''}</>}
            </li>
          ))}
        </ul>
      </details>
      <button type="button" className="button button--secondary" onClick={onDismiss}>{t('queueTools.outcome.dismiss')}</button>
    </div>
  );
}
