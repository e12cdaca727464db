import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_DEADLINE, listAudit, listDeadlinePolicies, setDeadlinePolicy, type AuditRecord, type DeadlinePolicy } from '../../../api/settings.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { platformKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { TextInput } from '../admin/AdminFields.tsx';
import { useActorNames } from './use-actor-names.ts';

const HISTORY_FILTER = { action: 'deadline_policy.set' };

function policyOf(value: unknown): { hours: number; dueSoonHours: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { hours?: unknown; dueSoonHours?: unknown };
  return typeof v.hours === 'number' && typeof v.dueSoonHours === 'number' ? { hours: v.hours, dueSoonHours: v.dueSoonHours } : null;
}

/** Each platform's deadline (own or default), changed behind a confirmation; recent changes from the audit log. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('settings.deadlines.title'));
  const actorNames = useActorNames(true);
  const [policies, setPolicies] = useState<DeadlinePolicy[]>([]);
  const [history, setHistory] = useState<AuditRecord[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<DeadlinePolicy | null>(null);
  const [hours, setHours] = useState('');
  const [dueSoon, setDueSoon] = useState('');
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [p, h] = await Promise.all([listDeadlinePolicies(), listAudit(HISTORY_FILTER, undefined, 10)]);
      setPolicies(p.items);
      setHistory(h.items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const platformName = (platform: string) => t(platformKey(platform), { defaultValue: platform });

  const open = (p: DeadlinePolicy) => {
    setSaveError(null);
    setDone(null);
    setHours(String(p.hours));
    setDueSoon(String(p.dueSoonHours));
    setEditing(p);
  };

  const save = async () => {
    if (!editing) return;
    setBusy(true);
    setSaveError(null);
    try {
      const saved = await setDeadlinePolicy(editing.platform, { hours: Number(hours), dueSoonHours: Number(dueSoon) });
      setDone(t('settings.deadlines.done', { platform: platformName(saved.platform), hours: saved.hours }));
      setEditing(null);
      void load();
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  const describe = (value: unknown) => {
    const p = policyOf(value);
    return p ? t('settings.deadlines.historyValue', { hours: p.hours, dueSoon: p.dueSoonHours }) : t('settings.deadlines.historyDefault');
  };

  return (
    <>
      <h2>{t('settings.deadlines.title')}</h2>
      <p className="settings-intro">{t('settings.deadlines.intro')}</p>
      <p className="callout" data-testid="deadline-defaults">{t('settings.deadlines.defaults', { hours: DEFAULT_DEADLINE.hours, dueSoon: DEFAULT_DEADLINE.dueSoonHours })}</p>
      {done && <p className="notice notice--success" role="status" data-testid="settings-done">{done}</p>}
      <ProblemNotice error={error} />
      {policies.length > 0 && (
        <div className="table-scroll">
          <table className="console-table admin-table">
            <caption className="visually-hidden">{t('settings.deadlines.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.deadlines.platform')}</th>
                <th scope="col">{t('settings.deadlines.hours')}</th>
                <th scope="col">{t('settings.deadlines.dueSoon')}</th>
                <th scope="col">{t('settings.deadlines.source')}</th>
                <th scope="col">{t('settings.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => (
                <tr key={p.platform} data-testid="deadline-row" data-platform={p.platform}>
                  <td><strong>{platformName(p.platform)}</strong></td>
                  <td data-testid="deadline-hours">{t('settings.common.hours', { count: p.hours })}</td>
                  <td>{t('settings.deadlines.dueSoonBefore', { count: p.dueSoonHours })}</td>
                  <td><span className={`badge ${p.configured ? 'admin-badge--on' : 'admin-badge--off'}`}>{p.configured ? t('settings.deadlines.configured') : t('settings.deadlines.default')}</span></td>
                  <td>
                    <button type="button" className="button button--secondary" onClick={() => open(p)} aria-label={t('settings.deadlines.editFor', { platform: platformName(p.platform) })}>
                      {t('settings.common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="settings-history" aria-labelledby="deadline-history-title">
        <h3 id="deadline-history-title">{t('settings.deadlines.history')}</h3>
        {loaded && history.length === 0 && !error && <p>{t('settings.deadlines.historyEmpty')}</p>}
        {history.length > 0 && (
          <ul className="settings-history__list" data-testid="deadline-history">
            {history.map((r) => (
              <li key={r.seq}>
                <span>{t('settings.deadlines.historyLine', { platform: platformName(r.subjectId ?? ''), before: describe(r.before), after: describe(r.after) })}</span>
                <span className="admin-muted">{t('settings.deadlines.historyBy', { when: formatDateTime(r.at, language), who: (r.actorId && actorNames.get(r.actorId)) ?? r.actorId ?? t(`settings.audit.actorTypes.${r.actorType}`, { defaultValue: r.actorType }) })}</span>
              </li>
            ))}
          </ul>
        )}
        <p><Link to="/console/settings/audit?action=deadline_policy.set">{t('settings.deadlines.historyAll')}</Link></p>
      </section>
      <ConfirmDialog
        open={editing !== null}
        title={editing ? t('settings.deadlines.confirmTitle', { platform: platformName(editing.platform) }) : ''}
        confirmLabel={t('settings.deadlines.confirm')}
        busy={busy}
        error={saveError}
        onCancel={() => setEditing(null)}
        onConfirm={() => void save()}
      >
        {editing && (
          <>
            <p>{t('settings.deadlines.confirmBody', { platform: platformName(editing.platform) })}</p>
            <TextInput id="deadline-hours" label={t('settings.deadlines.hoursLabel')} hint={t('settings.deadlines.hoursHint')} pointer="/hours" error={saveError} value={hours} onChange={setHours} type="number" />
            <TextInput id="deadline-due-soon" label={t('settings.deadlines.dueSoonLabel')} hint={t('settings.deadlines.dueSoonHint')} pointer="/dueSoonHours" error={saveError} value={dueSoon} onChange={setDueSoon} type="number" />
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
