import { Fragment, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getAuditRecord, listAudit, type AuditFilter, type AuditRecord } from '../../../api/settings.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { SelectInput, TextInput } from '../admin/AdminFields.tsx';
import { useOrganizations } from '../admin/use-organizations.ts';
import { endOfVietnamDay, startOfVietnamDay } from './audit-period.ts';
import { ChainStatus } from './ChainStatus.tsx';
import { useActorNames } from './use-actor-names.ts';

const FIELDS = ['action', 'subjectType', 'subjectId', 'actor', 'organizationId', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
type Form = Record<Field, string>;
const EMPTY: Form = { action: '', subjectType: '', subjectId: '', actor: '', organizationId: '', from: '', to: '' };

function formFrom(params: URLSearchParams): Form {
  return Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Form;
}

/** The address holds the filters (days as typed); the API gets the period as times. */
function apiFilter(form: Form): AuditFilter {
  return {
    action: form.action.trim() || undefined,
    subjectType: form.subjectType.trim() || undefined,
    subjectId: form.subjectId.trim() || undefined,
    actor: form.actor.trim() || undefined,
    organizationId: form.organizationId || undefined,
    from: startOfVietnamDay(form.from),
    to: endOfVietnamDay(form.to),
  };
}

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <p className="admin-muted">{t('settings.audit.none')}</p>;
  return <pre className="settings-json" tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>;
}

/** The audit log: filters in the address, newest first with "older" paging, a record's detail, and the chain's status on top. */
export function AuditPage({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('settings.audit.title'));
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => formFrom(params), [params]);
  const record = params.get('record');
  const [form, setForm] = useState<Form>(applied);
  const { organizations } = useOrganizations();
  const actorNames = useActorNames(isAdmin);
  const [items, setItems] = useState<AuditRecord[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<Map<number, (AuditRecord & { prevHash: string }) | null>>(new Map());

  useEffect(() => setForm(applied), [applied]);

  const toggle = useCallback(async (seq: number) => {
    if (open.has(seq)) {
      setOpen((m) => { const n = new Map(m); n.delete(seq); return n; });
      return;
    }
    setOpen((m) => new Map(m).set(seq, null));
    try {
      const detail = await getAuditRecord(seq);
      setOpen((m) => (m.has(seq) ? new Map(m).set(seq, detail) : m));
    } catch (e) {
      setError(e);
    }
  }, [open]);

  const load = useCallback(async (cursor?: string) => {
    try {
      // A record asked for by number (the chain's first broken one) comes first, opened.
      const page = await listAudit(apiFilter(applied), cursor ?? (record && /^\d+$/.test(record) ? String(Number(record) + 1) : undefined));
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  }, [applied, record]);
  useEffect(() => {
    setOpen(new Map());
    void load();
  }, [load]);
  useEffect(() => {
    if (record && items[0]?.seq === Number(record) && !open.has(items[0].seq)) void toggle(items[0].seq);
    // Only when the page of the asked-for record arrives, not on every toggle.
  }, [record, items]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== '')));
  };

  const who = (r: AuditRecord) => (r.actorId && actorNames.get(r.actorId)) ?? r.actorId ?? t(`settings.audit.actorTypes.${r.actorType}`, { defaultValue: r.actorType });
  const orgName = (id: string | null) => (id ? (organizations.find((o) => o.id === id)?.name ?? id) : '—');
  const set = (field: Field) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  return (
    <>
      <h2>{t('settings.audit.title')}</h2>
      <p className="settings-intro">{t('settings.audit.intro')}</p>
      <ChainStatus isAdmin={isAdmin} />
      <form className="card settings-filters" onSubmit={submit} noValidate aria-labelledby="audit-filters-title" role="search">
        <h3 id="audit-filters-title">{t('settings.audit.filters')}</h3>
        <div className="queue-filters">
          <TextInput id="audit-action" label={t('settings.audit.action')} hint={t('settings.audit.actionHint')} pointer="querystring:/action" error={error} value={form.action} onChange={set('action')} />
          <TextInput id="audit-subject-type" label={t('settings.audit.subjectType')} pointer="querystring:/subjectType" error={error} value={form.subjectType} onChange={set('subjectType')} />
          <TextInput id="audit-subject-id" label={t('settings.audit.subjectId')} pointer="querystring:/subjectId" error={error} value={form.subjectId} onChange={set('subjectId')} />
          <TextInput id="audit-actor" label={t('settings.audit.actor')} hint={t('settings.audit.actorHint')} pointer="querystring:/actor" error={error} value={form.actor} onChange={set('actor')} />
          <SelectInput
            id="audit-organization"
            label={t('settings.audit.organization')}
            pointer="querystring:/organizationId"
            error={error}
            value={form.organizationId}
            onChange={set('organizationId')}
            options={[{ value: '', label: t('settings.common.any') }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <TextInput id="audit-from" label={t('settings.audit.from')} pointer="querystring:/from" error={error} value={form.from} onChange={set('from')} type="date" />
          <TextInput id="audit-to" label={t('settings.audit.to')} pointer="querystring:/to" error={error} value={form.to} onChange={set('to')} type="date" />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">{t('settings.audit.apply')}</button>
          <button type="button" className="button button--secondary" onClick={() => setParams({})}>{t('settings.audit.clear')}</button>
        </div>
      </form>
      <ProblemNotice error={error} />
      {loaded && items.length === 0 && !error && <p className="callout">{t('settings.audit.empty')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="console-table admin-table settings-audit-table">
            <caption className="visually-hidden">{t('settings.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.audit.seq')}</th>
                <th scope="col">{t('settings.audit.time')}</th>
                <th scope="col">{t('settings.audit.action')}</th>
                <th scope="col">{t('settings.audit.subject')}</th>
                <th scope="col">{t('settings.audit.who')}</th>
                <th scope="col">{t('settings.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => {
                const detail = open.get(r.seq);
                const isOpen = open.has(r.seq);
                return (
                  <Fragment key={r.seq}>
                    <tr data-testid="audit-row" data-action={r.action} data-subject={r.subjectId ?? ''}>
                      <td>{r.seq}</td>
                      <td>{formatDateTime(r.at, language)}</td>
                      <td><code>{r.action}</code></td>
                      <td>
                        <code>{r.subjectType}</code>
                        {r.subjectId && <><br /><span className="admin-muted">{r.subjectId}</span></>}
                      </td>
                      <td>
                        {who(r)}
                        <br />
                        <span className="admin-muted">{orgName(r.organizationId)}</span>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-expanded={isOpen}
                          aria-controls={`audit-detail-${r.seq}`}
                          aria-label={isOpen ? t('settings.audit.hideFor', { seq: r.seq }) : t('settings.audit.detailsFor', { seq: r.seq })}
                          onClick={() => void toggle(r.seq)}
                        >
                          {isOpen ? t('settings.audit.hide') : t('settings.audit.details')}
                        </button>
                      </td>
                    </tr>
                    {isOpen && (
                      <tr id={`audit-detail-${r.seq}`} className="settings-audit-detail" data-testid="audit-detail">
                        <td colSpan={6}>
                          <div className="admin-columns">
                            <div>
                              <h4>{t('settings.audit.before')}</h4>
                              <Json value={r.before} />
                            </div>
                            <div>
                              <h4>{t('settings.audit.after')}</h4>
                              <Json value={r.after} />
                            </div>
                          </div>
                          <dl className="admin-facts">
                            <dt>{t('settings.audit.hash')}</dt>
                            <dd><code className="settings-hash">{r.hash}</code></dd>
                            <dt>{t('settings.audit.prevHash')}</dt>
                            <dd><code className="settings-hash">{detail ? detail.prevHash : '…'}</code></dd>
                            <dt>{t('settings.audit.requestId')}</dt>
                            <dd><code>{r.requestId ?? t('settings.audit.none')}</code></dd>
                          </dl>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void load(nextCursor)}>{t('settings.common.loadMore')}</button>
        </p>
      )}
    </>
  );
}
