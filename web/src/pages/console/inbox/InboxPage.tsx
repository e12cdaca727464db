import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_STATUSES, listEscalations, type Escalation, type EscalationStatus } from '../../../api/escalations.ts';
import { PLATFORM_ROLES } from '../../../console/console-nav.ts';
import { Countdown } from '../../../console/Countdown.tsx';
import { escalationStatusKey, fraudTypeKey, platformActionKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { EscalationPanel } from './EscalationPanel.tsx';

export function InboxPage() {
  return (
    <RoleGate roles={PLATFORM_ROLES}>
      <Inbox />
    </RoleGate>
  );
}

/** A platform's own escalations (the API scopes them): filter, open one, acknowledge and answer. */
function Inbox() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('console.inbox.title'));
  const [status, setStatus] = useState<EscalationStatus | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [items, setItems] = useState<Escalation[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      try {
        const answer = await listEscalations({ status: status ? [status] : undefined, overdue: overdue || undefined, cursor, limit: 50 });
        setItems((old) => (cursor ? [...old, ...answer.items] : answer.items));
        setNextCursor(answer.nextCursor);
        setError(null);
      } catch (e) {
        setError(e);
      } finally {
        setLoaded(true);
      }
    },
    [status, overdue],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const replace = (updated: Escalation) => setItems((old) => old.map((e) => (e.id === updated.id ? { ...e, ...updated } : e)));

  return (
    <div className="page console-page">
      <h1>{t('console.inbox.title')}</h1>
      <p className="page__intro">{t('console.inbox.intro')}</p>
      <form className="queue-filters" role="search" aria-label={t('console.queue.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="inbox-status">{t('console.queue.status')}</label>
          <select id="inbox-status" className="field__input" value={status} onChange={(e) => setStatus(e.target.value as EscalationStatus | '')}>
            <option value="">{t('console.queue.any')}</option>
            {ESCALATION_STATUSES.map((s) => <option key={s} value={s}>{t(escalationStatusKey(s))}</option>)}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> {t('console.inbox.overdueOnly')}
        </label>
      </form>
      <ProblemNotice error={error} />
      {loaded && items.length === 0 && !error && <p className="callout">{t('console.inbox.empty')}</p>}
      <div className="table-scroll">
        <table className="console-table">
          <caption className="visually-hidden">{t('console.inbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('console.inbox.case')}</th>
              <th scope="col">{t('console.queue.category')}</th>
              <th scope="col">{t('console.queue.status')}</th>
              <th scope="col">{t('console.board.deadline')}</th>
              <th scope="col">{t('console.inbox.received')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-testid="inbox-row">
                <td>
                  <button type="button" className="link-button" aria-expanded={openId === e.id} onClick={() => setOpenId(openId === e.id ? null : e.id)}>
                    {e.caseReference}
                  </button>
                </td>
                <td>{t(fraudTypeKey(e.fraudCategory))}</td>
                <td>
                  <span className="badge" data-testid="inbox-status">{t(escalationStatusKey(e.status))}</span>
                  {e.action && <> <span className="badge">{t(platformActionKey(e.action))}</span></>}
                </td>
                <td><Countdown escalation={e} /></td>
                <td>{formatDateTime(e.createdAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextCursor && <button type="button" className="button button--secondary" onClick={() => void load(nextCursor)}>{t('console.queue.more')}</button>}
      {openId && <EscalationPanel key={openId} id={openId} onChanged={replace} onClose={() => setOpenId(null)} />}
    </div>
  );
}
