import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ESCALATION_STATUSES, listEscalations, type Escalation, type EscalationStatus } from '../../../api/escalations.ts';
import { AGENCY_ROLES } from '../../../console/console-nav.ts';
import { Countdown, deadlineState } from '../../../console/Countdown.tsx';
import { escalationStatusKey, fraudTypeKey, platformActionKey, platformKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { useNow } from '../../../console/use-now.ts';
import { usePageTitle } from '../../../layout/use-page-title.ts';

const REFRESH_MS = 30_000;

export function EscalationsBoardPage() {
  return (
    <RoleGate roles={AGENCY_ROLES}>
      <Board />
    </RoleGate>
  );
}

/** Escalations grouped per platform, each with its deadline countdown; overdue first. */
function Board() {
  const { t } = useTranslation();
  usePageTitle(t('console.board.title'));
  const now = useNow(30_000);
  const [status, setStatus] = useState<EscalationStatus[]>(['open', 'acknowledged']);
  const [items, setItems] = useState<Escalation[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(async () => {
    try {
      const all: Escalation[] = [];
      let cursor: string | undefined;
      // A board shows everything open; pages of 200 until the end (bounded to 5 pages).
      for (let page = 0; page < 5; page += 1) {
        const answer = await listEscalations({ status, cursor, limit: 200 });
        all.push(...answer.items);
        if (!answer.nextCursor) break;
        cursor = answer.nextCursor;
      }
      setItems(all);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  }, [status]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const platforms = [...new Set(items.map((e) => e.platform))].sort();
  const rank = { overdue: 0, 'due-soon': 1, 'on-time': 2, answered: 3 } as const;
  const toggle = (s: EscalationStatus) => setStatus((old) => (old.includes(s) ? old.filter((x) => x !== s) : [...old, s]));

  return (
    <div className="page console-page">
      <h1>{t('console.board.title')}</h1>
      <fieldset className="inline-filters">
        <legend>{t('console.queue.status')}</legend>
        {ESCALATION_STATUSES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={status.includes(s)} onChange={() => toggle(s)} /> {t(escalationStatusKey(s))}
          </label>
        ))}
      </fieldset>
      <ProblemNotice error={error} />
      {loaded && items.length === 0 && !error && <p className="callout">{t('console.board.empty')}</p>}
      <div className="board">
        {platforms.map((platform) => {
          const column = items.filter((e) => e.platform === platform).sort((a, b) => rank[deadlineState(a, now)] - rank[deadlineState(b, now)] || a.dueAt.localeCompare(b.dueAt));
          const overdue = column.filter((e) => deadlineState(e, now) === 'overdue').length;
          const dueSoon = column.filter((e) => deadlineState(e, now) === 'due-soon').length;
          return (
            <section key={platform} className="board__column card" aria-labelledby={`board-${platform}`} data-platform={platform}>
              <h2 id={`board-${platform}`}>{t(platformKey(platform))}</h2>
              <p className="field__hint">{t('console.board.columnSummary', { count: column.length, overdue, dueSoon })}</p>
              <ul className="plain-list">
                {column.map((e) => (
                  <li key={e.id} className={`board__item board__item--${deadlineState(e, now)}`} data-testid="board-item">
                    <p>
                      {e.caseId ? <Link to={`/console/cases/${e.caseId}`}>{e.caseReference}</Link> : e.caseReference} · {t(fraudTypeKey(e.fraudCategory))}
                    </p>
                    <p>
                      <span className="badge">{t(escalationStatusKey(e.status))}</span>
                      {e.action && <> <span className="badge">{t(platformActionKey(e.action))}</span></>} <Countdown escalation={e} />
                    </p>
                    <p className="field__hint">{e.subjects.map((s) => s.display).join(', ')}</p>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
