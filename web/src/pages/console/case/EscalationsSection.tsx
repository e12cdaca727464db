import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../api/cases.ts';
import { getEscalation, type EscalationDetail } from '../../../api/escalations.ts';
import { escalationStatusKey, fraudTypeKey, kindKey, platformActionKey, platformKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { formatDateTime } from '../../../portal/format.ts';
import { useApi } from '../../../portal/use-api.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import './case-tools.css';

/**
 * The case's escalations with what was shared and what the platform answered: subjects, legal
 * basis, the agency's message, the files (redacted copies marked, with how many boxes), the
 * platform's action, note and own reference. Each escalation's detail is the same answer the
 * platform reads (GET /api/v1/escalations/:id), plus what only the agency sees.
 */
export function EscalationsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="case-escalations">
      <h2 id="case-escalations">{t('console.case.escalations')}</h2>
      {detail.escalations.length === 0 ? (
        <p>{t('console.case.noEscalations')}</p>
      ) : (
        <ul className="plain-list" data-testid="case-escalations">
          {detail.escalations.map((e) => (
            <EscalationRecord key={`${e.id}:${e.status}:${e.action ?? ''}`} summary={e} />
          ))}
        </ul>
      )}
    </section>
  );
}

function EscalationRecord({ summary }: { summary: CaseDetail['escalations'][number] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = useApi<EscalationDetail>((signal) => getEscalation(summary.id, signal), [summary.id, summary.status, summary.action]);
  const head = (
    <p>
      <strong>{t(platformKey(summary.platform))}</strong> — {t(escalationStatusKey(summary.status))}
      {summary.action && <> ({t(platformActionKey(summary.action))})</>} · {t('console.board.due')} {formatDateTime(summary.dueAt, language)}
    </p>
  );
  if (state.status !== 'ready') {
    return (
      <li className="escalation-record">
        {head}
        {state.status === 'failed' ? <ProblemNotice error={state.error} /> : <p role="status">{t('console.common.loading')}</p>}
      </li>
    );
  }
  const e = state.data;
  return (
    <li className="escalation-record" data-testid="escalation-record" data-escalation={e.id}>
      {head}
      <h3 className="visually-hidden">{t('caseTools.shared.heading', { platform: t(platformKey(e.platform)) })}</h3>
      <dl className="details">
        <div className="details__row"><dt>{t('caseTools.shared.sentAt')}</dt><dd>{formatDateTime(e.createdAt, language)}</dd></div>
        <div className="details__row"><dt>{t('console.actions.subjects')}</dt><dd>{e.subjects.map((s) => `${t(kindKey(s.kind))} ${s.display}`).join('; ')}</dd></div>
        <div className="details__row"><dt>{t('console.actions.fraudCategory')}</dt><dd>{t(fraudTypeKey(e.fraudCategory))}</dd></div>
        <div className="details__row"><dt>{t('console.reasons.legalBasis')}</dt><dd>{e.legalBasis}</dd></div>
        <div className="details__row"><dt>{t('caseTools.shared.message')}</dt><dd data-testid="shared-message">{e.message ?? t('caseTools.shared.noMessage')}</dd></div>
        <div className="details__row">
          <dt>{t('caseTools.shared.files')}</dt>
          <dd>
            {e.evidence.length === 0 ? (
              t('caseTools.shared.noFiles')
            ) : (
              <ul className="plain-list" data-testid="shared-files">
                {e.evidence.map((f, n) => (
                  <li key={f.sha256}>
                    <a href={f.url} target="_blank" rel="noreferrer">{t('console.inbox.file', { n: n + 1, type: f.mediaType })}</a>{' '}
                    {f.redacted ? (
                      <span className="badge" data-testid="shared-redacted">{t('caseTools.shared.redacted', { count: Array.isArray(f.redactions) ? f.redactions.length : 0 })}</span>
                    ) : (
                      <span className="badge">{t('caseTools.shared.whole')}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {e.acknowledgedAt && <div className="details__row"><dt>{t('caseTools.shared.acknowledgedAt')}</dt><dd>{formatDateTime(e.acknowledgedAt, language)}</dd></div>}
        <div className="details__row">
          <dt>{t('caseTools.shared.answer')}</dt>
          <dd data-testid="platform-answer">
            {e.action ? (
              <>
                {t(platformActionKey(e.action))}
                {e.actionedAt && <> · {formatDateTime(e.actionedAt, language)}</>}
                {e.breachedAt && <> · <span className="badge">{t('caseTools.shared.late')}</span></>}
              </>
            ) : (
              t('caseTools.shared.noAnswer')
            )}
          </dd>
        </div>
        {e.platformNote && <div className="details__row"><dt>{t('caseTools.shared.note')}</dt><dd data-testid="platform-note">{e.platformNote}</dd></div>}
        {e.platformReference && <div className="details__row"><dt>{t('caseTools.shared.reference')}</dt><dd data-testid="platform-reference">{e.platformReference}</dd></div>}
      </dl>
    </li>
  );
}
