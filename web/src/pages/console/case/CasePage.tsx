import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getCase, type CaseDetail } from '../../../api/cases.ts';
import { useAuth } from '../../../auth/use-auth.ts';
import { AGENCY_ROLES } from '../../../console/console-nav.ts';
import { caseStateKey, fraudTypeKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatVnd } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { CaseActions } from './CaseActions.tsx';
import { EscalationsSection } from './EscalationsSection.tsx';
import { MergedNotice } from './MergeAction.tsx';
import { IndicatorsSection } from './IndicatorsSection.tsx';
import { ReportsSection } from './ReportsSection.tsx';
import { Timeline } from './Timeline.tsx';
import { useCaseEvidence } from './use-case-evidence.ts';

export function CasePage() {
  return (
    <RoleGate roles={AGENCY_ROLES}>
      <CaseWorkspace />
    </RoleGate>
  );
}

function CaseWorkspace() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const { state } = useAuth();
  const me = state.status === 'signed-in' ? state.user : null;
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(detail ? t('console.case.title', { reference: detail.reference }) : t('console.case.loading'));
  const evidence = useCaseEvidence(detail?.reports ?? []);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setDetail(await getCase(id, signal));
        setError(null);
      } catch (e) {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
      }
    },
    [id],
  );
  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  if (!detail) {
    return (
      <div className="page console-page">
        <h1>{t('console.case.loading')}</h1>
        {error ? <ProblemNotice error={error} /> : <p role="status">{t('console.common.loading')}</p>}
      </div>
    );
  }

  const assignee = detail.assigneeUserId === null ? t('console.queue.nobody') : detail.assigneeUserId === me?.id ? t('console.queue.me') : t('console.queue.someoneElse');
  return (
    <div className="page console-page case-workspace">
      <p className="page__eyebrow">
        <Link to="/console/queue">{t('console.case.backToQueue')}</Link>
      </p>
      <h1>{t('console.case.title', { reference: detail.reference })}</h1>
      <dl className="case-facts" data-testid="case-facts">
        <div><dt>{t('console.queue.status')}</dt><dd><span className={`badge badge--state-${detail.status}`} data-testid="case-status">{t(caseStateKey(detail.status))}</span></dd></div>
        <div><dt>{t('console.queue.priority')}</dt><dd data-testid="case-priority">{detail.priority}</dd></div>
        <div><dt>{t('console.queue.category')}</dt><dd>{t(fraudTypeKey(detail.category))}</dd></div>
        <div><dt>{t('console.queue.assignee')}</dt><dd data-testid="case-assignee">{assignee}</dd></div>
        <div><dt>{t('console.queue.reports')}</dt><dd>{detail.reportCount}</dd></div>
        <div><dt>{t('console.queue.amount')}</dt><dd>{formatVnd(detail.amountLostVnd, language)}</dd></div>
        <div><dt>{t('console.case.risk')}</dt><dd data-testid="case-risk">{detail.riskScore}</dd></div>
      </dl>
      {detail.coordination && (
        <div className="notice notice--error" role="note" data-testid="case-coordination">
          <p><strong>{t('console.case.coordinationTitle')}</strong></p>
          <ul>
            {detail.coordination.reasons.map((r) => (
              <li key={r.signal}>{t(`console.case.coordination.${r.signal}`, { count: r.count })}</li>
            ))}
          </ul>
          <p>{t('console.case.coordinationBody')}</p>
        </div>
      )}
      <MergedNotice detail={detail} />
      <ProblemNotice error={error} />
      <CaseActions detail={detail} evidence={Object.values(evidence).flat()} meId={me?.id ?? null} onChanged={() => void reload()} />
      <div className="case-columns">
        <div>
          <ReportsSection reports={detail.reports} evidence={evidence} />
          <IndicatorsSection indicators={detail.indicators} />
        </div>
        <div>
          <EscalationsSection detail={detail} />
          <Timeline events={detail.events} meId={me?.id ?? null} />
        </div>
      </div>
    </div>
  );
}
