import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_STATUSES, listEscalations, type BulkAnswerResult, type Escalation, type EscalationStatus } from '../../../api/escalations.ts';
import { PLATFORM_ROLES } from '../../../console/console-nav.ts';
import { Countdown } from '../../../console/Countdown.tsx';
import { escalationStatusKey, fraudTypeKey, platformActionKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { BulkAnswerDialog } from './BulkAnswerDialog.tsx';
import { CsvTools } from './CsvTools.tsx';
import { EscalationPanel } from './EscalationPanel.tsx';
import { RowResults } from './RowResults.tsx';

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
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [outcome, setOutcome] = useState<{ result: BulkAnswerResult; source: 'bulk' | 'csv' } | null>(null);

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
  // Only unanswered escalations can be answered in bulk; answered ones have no checkbox.
  const answerable = items.filter((e) => e.status !== 'actioned');
  const chosen = answerable.filter((e) => selected.includes(e.id));
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const allChosen = answerable.length > 0 && chosen.length === answerable.length;
  const finished = (result: BulkAnswerResult, source: 'bulk' | 'csv') => {
    setOutcome({ result, source });
    setBulkOpen(false);
    setSelected([]);
    for (const r of result.results) if (r.escalation) replace(r.escalation);
    void load();
  };

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
      <div className="bulk-bar" role="group" aria-label={t('caseTools.inbox.bulkGroup')}>
        <span data-testid="inbox-selected">{t('caseTools.inbox.selected', { count: chosen.length })}</span>
        <button type="button" className="button button--primary" disabled={chosen.length === 0} onClick={() => setBulkOpen(true)}>
          {t('caseTools.inbox.bulkAnswer', { count: chosen.length })}
        </button>
      </div>
      {outcome && <RowResults result={outcome.result} source={outcome.source} />}
      {loaded && items.length === 0 && !error && <p className="callout">{t('console.inbox.empty')}</p>}
      <div className="table-scroll">
        <table className="console-table inbox-table">
          <caption className="visually-hidden">{t('console.inbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label={t('caseTools.inbox.selectAll')} checked={allChosen} disabled={answerable.length === 0} onChange={() => setSelected(allChosen ? [] : answerable.map((e) => e.id))} />
              </th>
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
                  {e.status !== 'actioned' && <input type="checkbox" aria-label={t('caseTools.inbox.select', { reference: e.caseReference })} checked={selected.includes(e.id)} onChange={() => toggle(e.id)} />}
                </td>
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
      <CsvTools query={{ status: status ? [status] : undefined, overdue: overdue || undefined }} onImported={(result) => finished(result, 'csv')} />
      <BulkAnswerDialog open={bulkOpen} selected={chosen} onCancel={() => setBulkOpen(false)} onDone={(result) => finished(result, 'bulk')} />
    </div>
  );
}
