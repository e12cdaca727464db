import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createSavedView, deleteSavedView, listSavedViews, type SavedView, type ViewFilters } from '../../../api/queue-tools.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { fieldErrors, ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { queueHref, sameFilters } from './queue-url.ts';

/**
 * The queue's saved views (GET/POST/DELETE /api/v1/saved-views): each view is a link to the
 * queue with its filters in the address, so applying one is following it (and back returns);
 * the view matching the current filters is marked. Below the list, the current filters are
 * saved under a name; supervisors may share a view with the agency.
 */
export function ViewsMenu({ filters, canShare }: { filters: ViewFilters; canShare: boolean }) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [share, setShare] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  const reload = useCallback(async () => {
    try {
      setViews((await listSavedViews()).items);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const applied = views?.find((v) => sameFilters(v.filters, filters)) ?? null;

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const onPanelKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && deleting === null) {
      event.stopPropagation();
      close();
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    setMessage(null);
    try {
      const view = await createSavedView({ name, filters, ...(canShare && share ? { shared: true } : {}) });
      setName('');
      setShare(false);
      setMessage(t('queueTools.views.saved', { name: view.name }));
      await reload();
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await deleteSavedView(deleting.id);
      setDeleting(null);
      setMessage(t('queueTools.views.deleted'));
      await reload();
    } catch (e) {
      setDeleteError(e);
    } finally {
      setDeleteBusy(false);
    }
  };

  const nameErrors = fieldErrors(saveError, '/name');
  return (
    <div className="views-menu">
      <button
        ref={toggle}
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="views-toggle"
      >
        {t('queueTools.views.button', { count: views?.length ?? 0 })}
        {applied && <>: <span className="views-menu__applied-name">{applied.name}</span></>}
      </button>
      <div id={panelId} className="views-menu__panel" hidden={!open} onKeyDown={onPanelKey} role="region" aria-label={t('queueTools.views.heading')}>
        <h2>{t('queueTools.views.heading')}</h2>
        <ProblemNotice error={loadError} />
        {views !== null && views.length === 0 && <p>{t('queueTools.views.none')}</p>}
        {views !== null && views.length > 0 && (
          <ul className="views-menu__list" data-testid="views-list">
            {views.map((v) => (
              <li key={v.id} className={`views-menu__item${applied?.id === v.id ? ' is-applied' : ''}`}>
                <span>
                  <Link to={queueHref(v.filters)} aria-current={applied?.id === v.id ? 'true' : undefined} onClick={() => setOpen(false)}>
                    {v.name}
                  </Link>
                  <span className="views-menu__meta">
                    {[applied?.id === v.id && t('queueTools.views.applied'), v.shared && t('queueTools.views.shared'), !v.mine && t('queueTools.views.by', { name: v.owner.name })].filter(Boolean).join(' · ')}
                  </span>
                </span>
                {v.editable && (
                  <button type="button" className="button button--secondary" onClick={() => { setDeleteError(null); setDeleting(v); }} aria-label={t('queueTools.views.delete', { name: v.name })}>
                    {t('queueTools.views.deleteConfirm')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <form className="views-menu__save" onSubmit={(e) => void save(e)} noValidate>
          <h3>{t('queueTools.views.saveHeading')}</h3>
          <div className="field">
            <label className="field__label" htmlFor={`${panelId}-name`}>{t('queueTools.views.name')}</label>
            <input
              id={`${panelId}-name`}
              className="field__input"
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameErrors.length ? true : undefined}
              aria-describedby={nameErrors.length ? `${panelId}-name-error` : undefined}
            />
            {nameErrors.length > 0 && <p id={`${panelId}-name-error`} className="field__error">{nameErrors.join(' ')}</p>}
          </div>
          {canShare && (
            <label className="checkbox">
              <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} /> {t('queueTools.views.share')}
            </label>
          )}
          {saveError !== null && nameErrors.length === 0 && <ProblemNotice error={saveError} />}
          <div className="queue-toolbar">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('console.common.working') : t('queueTools.views.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('queueTools.views.close')}
            </button>
          </div>
        </form>
        {message && <p className="notice notice--success" role="status">{message}</p>}
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t('queueTools.views.deleteTitle', { name: deleting.name }) : ''}
        confirmLabel={t('queueTools.views.deleteConfirm')}
        danger
        busy={deleteBusy}
        error={deleteError}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void remove()}
      >
        <p>{t('queueTools.views.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
