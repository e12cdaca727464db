import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { bulkAssign, bulkVerify, CASE_SORTS, CASE_STATES, listCases, type CaseState, type CaseSummary } from '../../../api/cases.ts';
import { PLATFORM_OF_KIND } from '../../../api/escalations.ts';
import { bulkEscalate, listAssignees, type Assignee, type BulkCaseResult, type ViewFilters } from '../../../api/queue-tools.ts';
import { FRAUD_TYPES } from '../../../api/public.ts';
import { useAuth } from '../../../auth/use-auth.ts';
import { AGENCY_ROLES } from '../../../console/console-nav.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { caseStateKey, fraudTypeKey, platformKey } from '../../../console/labels.ts';
import { fieldErrors, ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { emptyReasons, ReasonsFields, reasonsBody } from '../../../console/ReasonsFields.tsx';
import { RoleGate } from '../../../console/RoleGate.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime, formatVnd } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { AssigneePicker } from './AssigneePicker.tsx';
import { BulkOutcome } from './BulkOutcome.tsx';
import { filtersFromSearch, filtersToSearch, sortOf } from './queue-url.ts';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { useQueueShortcuts } from './use-queue-shortcuts.ts';
import { ViewsMenu } from './ViewsMenu.tsx';
import './queue-tools.css';

const COUNTS_REFRESH_MS = 20_000;
const PLATFORMS = [...new Set(Object.values(PLATFORM_OF_KIND))];
const SUPERVISING = ['admin', 'supervisor'];
const ESCALATING = ['analyst', 'supervisor'];

type Filters = ViewFilters;
type BulkAction = 'assign' | 'assignTo' | 'verify' | 'escalate';

export function QueuePage() {
  return (
    <RoleGate roles={AGENCY_ROLES}>
      <Queue />
    </RoleGate>
  );
}

function Queue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { state } = useAuth();
  const me = state.status === 'signed-in' ? state.user : null;
  usePageTitle(t('console.queue.title'));

  // The filters are the address's query: back and forward move between filterings, a view is a link.
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(search)), [search]);
  const supervises = me !== null && SUPERVISING.includes(me.role);
  const escalates = me !== null && ESCALATING.includes(me.role);
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const [bulk, setBulk] = useState<null | BulkAction>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [bulkError, setBulkError] = useState<unknown>(null);
  const [bulkOutcome, setBulkOutcome] = useState<{ results: BulkCaseResult[]; references: Map<string, string> } | null>(null);
  const [reasons, setReasons] = useState(emptyReasons());
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  const [assignee, setAssignee] = useState<Assignee | null>(null);
  const [escalation, setEscalation] = useState({ fraudCategory: 'investment', legalBasis: '', message: '', platforms: PLATFORMS });
  const [formError, setFormError] = useState<string | null>(null);
  const firstFilter = useRef<HTMLSelectElement>(null);
  const table = useRef<HTMLTableSectionElement>(null);

  const load = useCallback(
    async (cursor: string | undefined, signal?: AbortSignal) => {
      setLoading(true);
      setError(null);
      try {
        const page = await listCases({ ...filters, sort: sortOf(filters), cursor, limit: 25 }, signal);
        setItems((old) => (cursor ? [...old, ...page.items] : page.items));
        setCounts(page.counts);
        setNextCursor(page.nextCursor);
        if (!cursor) {
          setSelected(new Set());
          setActive(0);
        }
      } catch (e) {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(undefined, controller.signal);
    return () => controller.abort();
  }, [load]);

  // The counts per status follow what others do, without reloading the rows under the cursor.
  useEffect(() => {
    const timer = setInterval(() => {
      listCases({ ...filters, sort: sortOf(filters), limit: 1 }).then((page) => setCounts(page.counts), () => undefined);
    }, COUNTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [filters]);

  // Names for the assignee column and the pickers.
  useEffect(() => {
    const controller = new AbortController();
    listAssignees(controller.signal).then((answer) => setAssignees(answer.items), () => undefined);
    return () => controller.abort();
  }, []);

  const focusRow = (index: number) => {
    const links = table.current?.querySelectorAll<HTMLAnchorElement>('a[data-case-link]');
    const link = links?.[index];
    if (link) {
      link.focus();
      setActive(index);
    }
  };

  useQueueShortcuts({
    enabled: !helpOpen && bulk === null,
    next: () => focusRow(Math.min(active + 1, items.length - 1)),
    previous: () => focusRow(Math.max(active - 1, 0)),
    open: () => {
      const item = items[active];
      if (item) void navigate(`/console/cases/${item.id}`);
    },
    toggle: () => {
      const item = items[active];
      if (item) toggle(item.id);
    },
    search: () => firstFilter.current?.focus(),
    help: () => setHelpOpen(true),
  });

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setSearchParams(filtersToSearch({ ...filters, [key]: value }));
  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));

  const openBulk = (action: BulkAction) => {
    setBulkError(null);
    setFormError(null);
    if (action === 'assignTo') setAssignee(null);
    if (action === 'escalate') {
      const first = items.find((i) => selected.has(i.id));
      setEscalation({ fraudCategory: first?.category ?? 'investment', legalBasis: '', message: '', platforms: PLATFORMS });
    }
    setBulk(action);
  };

  const runBulk = async () => {
    if (!me || !bulk) return;
    if (bulk === 'assignTo' && !assignee) return setFormError(t('queueTools.assign.choose'));
    if (bulk === 'escalate' && escalation.platforms.length === 0) return setFormError(t('queueTools.escalate.choosePlatform'));
    setFormError(null);
    setBulkBusy(true);
    setBulkError(null);
    try {
      const ids = [...selected];
      const references = new Map(items.map((i) => [i.id, i.reference]));
      const outcome =
        bulk === 'assign' ? await bulkAssign(ids, me.id)
        : bulk === 'assignTo' ? await bulkAssign(ids, assignee!.id)
        : bulk === 'escalate'
          ? await bulkEscalate(ids, {
              fraudCategory: escalation.fraudCategory,
              legalBasis: escalation.legalBasis,
              ...(escalation.message.trim() ? { message: escalation.message } : {}),
              ...(escalation.platforms.length < PLATFORMS.length ? { platforms: escalation.platforms } : {}),
            })
          : await bulkVerify(ids, reasonsBody(reasons));
      setBulkOutcome({ results: outcome.results, references });
      setBulk(null);
      // The rows and the counts per status follow at once, not at the next 20 s refresh.
      await load(undefined);
    } catch (e) {
      setBulkError(e);
    } finally {
      setBulkBusy(false);
    }
  };

  const bulkTitle = (action: BulkAction) =>
    action === 'verify' ? t('console.queue.bulkVerifyTitle', { count: selected.size })
    : action === 'assignTo' ? t('queueTools.assign.title', { count: selected.size })
    : action === 'escalate' ? t('queueTools.escalate.title', { count: selected.size })
    : t('console.queue.bulkAssignTitle', { count: selected.size });
  const bulkConfirm = (action: BulkAction) =>
    action === 'verify' ? t('console.actions.verify')
    : action === 'assignTo' ? t('queueTools.assign.confirm')
    : action === 'escalate' ? t('queueTools.escalate.confirm')
    : t('console.actions.assignMe');

  const assigneeNames = useMemo(() => new Map(assignees.map((a) => [a.id, a.name])), [assignees]);
  const assigneeText = (c: CaseSummary) =>
    c.assigneeUserId === null ? t('console.queue.nobody')
    : c.assigneeUserId === me?.id ? t('console.queue.me')
    : assigneeNames.get(c.assigneeUserId) ?? t('console.queue.someoneElse');

  return (
    <div className="page console-page">
      <div className="console-page__head">
        <h1>{t('console.queue.title')}</h1>
        <div className="queue-toolbar">
          <ViewsMenu filters={filters} canShare={supervises} />
          <button type="button" className="button button--secondary" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            {t('console.shortcuts.open')}
          </button>
        </div>
      </div>

      <ul className="status-counts" aria-label={t('console.queue.countsLabel')} data-testid="status-counts">
        {CASE_STATES.map((s) => (
          <li key={s}>
            <button
              type="button"
              className="status-count"
              aria-pressed={filters.status?.length === 1 && filters.status[0] === s}
              onClick={() => setFilter('status', filters.status?.[0] === s ? undefined : [s])}
            >
              <span>{t(caseStateKey(s))}</span> <strong data-status-count={s}>{counts[s] ?? 0}</strong>
            </button>
          </li>
        ))}
      </ul>

      <form className="queue-filters" role="search" aria-label={t('console.queue.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="q-status">{t('console.queue.status')}</label>
          <select
            id="q-status"
            ref={firstFilter}
            className="field__input"
            value={filters.status?.[0] ?? ''}
            onChange={(e) => setFilter('status', e.target.value ? [e.target.value as CaseState] : undefined)}
          >
            <option value="">{t('console.queue.any')}</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>{t(caseStateKey(s))}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="q-category">{t('console.queue.category')}</label>
          <select id="q-category" className="field__input" value={filters.category ?? ''} onChange={(e) => setFilter('category', e.target.value || undefined)}>
            <option value="">{t('console.queue.any')}</option>
            {FRAUD_TYPES.map((f) => (
              <option key={f} value={f}>{t(fraudTypeKey(f))}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="q-priority">{t('console.queue.priority')}</label>
          <select id="q-priority" className="field__input" value={filters.priority ?? ''} onChange={(e) => setFilter('priority', e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{t('console.queue.any')}</option>
            {[1, 2, 3, 4, 5].map((p) => (
              <option key={p} value={p}>{p}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="q-assignee">{t('console.queue.assignee')}</label>
          <select id="q-assignee" className="field__input" value={filters.assignee ?? ''} onChange={(e) => setFilter('assignee', e.target.value || undefined)}>
            <option value="">{t('console.queue.any')}</option>
            <option value="me">{t('console.queue.me')}</option>
            <option value="none">{t('console.queue.nobody')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="q-due">{t('console.queue.escalationDue')}</label>
          <select
            id="q-due"
            className="field__input"
            value={filters.escalationDue === undefined ? '' : String(filters.escalationDue)}
            onChange={(e) => setFilter('escalationDue', e.target.value === '' ? undefined : e.target.value === 'true')}
          >
            <option value="">{t('console.queue.any')}</option>
            <option value="true">{t('console.queue.dueYes')}</option>
            <option value="false">{t('console.queue.dueNo')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="q-sort">{t('console.queue.sort')}</label>
          <select id="q-sort" className="field__input" value={filters.sort ?? 'updated'} onChange={(e) => setFilter('sort', e.target.value as Filters['sort'])}>
            {CASE_SORTS.map((s) => (
              <option key={s} value={s}>{t(`console.queue.sorts.${s}`)}</option>
            ))}
          </select>
        </div>
      </form>

      <div className="bulk-bar" role="group" aria-label={t('console.queue.bulkLabel')}>
        <span aria-live="polite">{t('console.queue.selected', { count: selected.size })}</span>
        <button type="button" className="button button--secondary" disabled={selected.size === 0} onClick={() => openBulk('assign')}>
          {t('console.queue.bulkAssignMe')}
        </button>
        {supervises && (
          <button type="button" className="button button--secondary" disabled={selected.size === 0} onClick={() => openBulk('assignTo')}>
            {t('queueTools.assign.button')}
          </button>
        )}
        <button type="button" className="button button--primary" disabled={selected.size === 0} onClick={() => openBulk('verify')}>
          {t('console.queue.bulkVerify')}
        </button>
        {escalates && (
          <button type="button" className="button button--primary" disabled={selected.size === 0} onClick={() => openBulk('escalate')}>
            {t('queueTools.escalate.button')}
          </button>
        )}
      </div>
      {bulkOutcome && (
        <BulkOutcome results={bulkOutcome.results} referenceOf={(id) => bulkOutcome.references.get(id) ?? id} onDismiss={() => setBulkOutcome(null)} />
      )}
      <ProblemNotice error={error} />

      <div className="table-scroll">
        <table className="console-table" aria-describedby="queue-hint">
          <caption className="visually-hidden">{t('console.queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('console.queue.selectAll')}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)))}
                />
              </th>
              <th scope="col">{t('console.queue.reference')}</th>
              <th scope="col">{t('console.queue.status')}</th>
              <th scope="col">{t('console.queue.priority')}</th>
              <th scope="col">{t('console.queue.category')}</th>
              <th scope="col">{t('console.queue.reports')}</th>
              <th scope="col">{t('console.queue.amount')}</th>
              <th scope="col">{t('console.queue.assignee')}</th>
              <th scope="col">{t('console.queue.updated')}</th>
            </tr>
          </thead>
          <tbody ref={table}>
            {items.map((c, index) => (
              <tr key={c.id} className={index === active ? 'is-active' : undefined} data-testid="queue-row">
                <td>
                  <input type="checkbox" aria-label={t('console.queue.select', { reference: c.reference })} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
                </td>
                <td>
                  <Link to={`/console/cases/${c.id}`} data-case-link onFocus={() => setActive(index)}>
                    {c.reference}
                  </Link>
                </td>
                <td><span className={`badge badge--state-${c.status}`}>{t(caseStateKey(c.status))}</span></td>
                <td>{c.priority}</td>
                <td>{t(fraudTypeKey(c.category))}</td>
                <td>{c.reportCount}</td>
                <td>{formatVnd(c.amountLostVnd, language)}</td>
                <td>{assigneeText(c)}</td>
                <td>{formatDateTime(c.updatedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="queue-hint" className="field__hint">{t('console.queue.hint')}</p>
      {!loading && items.length === 0 && !error && <p className="callout">{t('console.queue.empty')}</p>}
      {loading && <p role="status">{t('console.common.loading')}</p>}
      {nextCursor && !loading && (
        <button type="button" className="button button--secondary" onClick={() => void load(nextCursor)}>
          {t('console.queue.more')}
        </button>
      )}

      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ConfirmDialog
        open={bulk !== null}
        title={bulk ? bulkTitle(bulk) : ''}
        confirmLabel={bulk ? bulkConfirm(bulk) : ''}
        busy={bulkBusy}
        error={bulkError}
        onCancel={() => setBulk(null)}
        onConfirm={() => void runBulk()}
      >
        {bulk === 'verify' && <ReasonsFields value={reasons} onChange={setReasons} error={bulkError} />}
        {bulk === 'assign' && <p>{t('console.queue.bulkAssignBody')}</p>}
        {bulk === 'assignTo' && <AssigneePicker value={assignee?.id ?? null} onChange={setAssignee} {...(formError ? { error: formError } : {})} />}
        {bulk === 'escalate' && (
          <EscalationFields value={escalation} onChange={setEscalation} error={bulkError} platformsError={formError} />
        )}
      </ConfirmDialog>
    </div>
  );
}

type EscalationInput = { fraudCategory: string; legalBasis: string; message: string; platforms: string[] };

/** What a bulk escalation asks: the fraud category, legal basis and message for every case, and which platforms. */
function EscalationFields({ value, onChange, error, platformsError }: { value: EscalationInput; onChange: (v: EscalationInput) => void; error: unknown; platformsError: string | null }) {
  const { t } = useTranslation();
  const basisErrors = fieldErrors(error, '/legalBasis');
  const categoryErrors = fieldErrors(error, '/fraudCategory');
  const togglePlatform = (p: string) =>
    onChange({ ...value, platforms: value.platforms.includes(p) ? value.platforms.filter((x) => x !== p) : PLATFORMS.filter((x) => x === p || value.platforms.includes(x)) });
  return (
    <>
      <p>{t('queueTools.escalate.intro')}</p>
      <fieldset className="platform-choices" aria-describedby={platformsError ? 'bulk-platforms-error' : undefined}>
        <legend className="field__label">{t('queueTools.escalate.platforms')}</legend>
        {PLATFORMS.map((p) => (
          <label key={p} className="checkbox">
            <input type="checkbox" checked={value.platforms.includes(p)} onChange={() => togglePlatform(p)} /> {t(platformKey(p))}
          </label>
        ))}
      </fieldset>
      {platformsError && <p id="bulk-platforms-error" className="field__error">{platformsError}</p>}
      <div className="field">
        <label className="field__label" htmlFor="bulk-fraud-category">{t('console.actions.fraudCategory')}</label>
        <select id="bulk-fraud-category" className="field__input" value={value.fraudCategory} onChange={(e) => onChange({ ...value, fraudCategory: e.target.value })} aria-invalid={categoryErrors.length ? true : undefined}>
          {FRAUD_TYPES.map((f) => (
            <option key={f} value={f}>{t(fraudTypeKey(f))}</option>
          ))}
        </select>
        {categoryErrors.length > 0 && <p className="field__error">{categoryErrors.join(' ')}</p>}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="bulk-legal-basis">{t('queueTools.escalate.legalBasis')}</label>
        <input
          id="bulk-legal-basis"
          className="field__input"
          value={value.legalBasis}
          maxLength={400}
          onChange={(e) => onChange({ ...value, legalBasis: e.target.value })}
          aria-invalid={basisErrors.length ? true : undefined}
          aria-describedby={basisErrors.length ? 'bulk-legal-basis-error' : undefined}
        />
        {basisErrors.length > 0 && <p id="bulk-legal-basis-error" className="field__error">{basisErrors.join(' ')}</p>}
      </div>
      <div className="field">
        <label className="field__label" htmlFor="bulk-message">{t('console.actions.messageToPlatform')}</label>
        <textarea id="bulk-message" className="field__input" rows={3} maxLength={4000} value={value.message} onChange={(e) => onChange({ ...value, message: e.target.value })} aria-describedby="bulk-message-hint" />
        <p id="bulk-message-hint" className="field__hint">{t('console.actions.noPersonalData')}</p>
      </div>
    </>
  );
}
