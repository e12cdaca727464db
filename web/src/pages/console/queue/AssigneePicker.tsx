import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAssignees, type Assignee } from '../../../api/queue-tools.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import './queue-tools.css';

/** Lower case without Vietnamese diacritics, so "lan" finds "Lân" and "dung" finds "Dũng". */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * Choosing an assignee by name (GET /api/v1/assignees): a search field above a radio list of
 * the agency's analysts and supervisors with their open cases. Radios keep it a plain form
 * control: arrow keys move between people, labels read the name, role and workload.
 */
export function AssigneePicker({ value, onChange, error }: { value: string | null; onChange: (assignee: Assignee) => void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [people, setPeople] = useState<Assignee[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [query, setQuery] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    listAssignees(controller.signal).then(
      (answer) => setPeople(answer.items),
      (e: unknown) => {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setLoadError(e);
      },
    );
    return () => controller.abort();
  }, []);

  const shown = useMemo(() => {
    const q = searchable(query.trim());
    return (people ?? []).filter((p) => !q || searchable(p.name).includes(q));
  }, [people, query]);

  return (
    <div className="assignee-picker">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-search`}>{t('queueTools.assign.search')}</label>
        <input id={`${id}-search`} type="search" className="field__input" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      <ProblemNotice error={loadError} />
      {people === null && !loadError && <p role="status">{t('console.common.loading')}</p>}
      {people !== null && (
        <fieldset className="assignee-picker__list" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          <legend className="field__label">{t('queueTools.assign.people')}</legend>
          {shown.length === 0 && <p>{t('queueTools.assign.noMatch', { query })}</p>}
          {shown.map((p) => (
            <label key={p.id} className="assignee-picker__option">
              <input type="radio" name={`${id}-assignee`} value={p.id} checked={value === p.id} onChange={() => onChange(p)} />
              <span className="assignee-picker__name">{p.name}</span>
              <span className="assignee-picker__meta">
                {t(`queueTools.assign.roles.${p.role}`)} · {t('queueTools.assign.openCases', { count: p.openCaseCount })}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {error && <p id={`${id}-error`} className="field__error">{error}</p>}
    </div>
  );
}
