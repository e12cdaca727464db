import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  rotateWebhookSecret,
  sendWebhookTest,
  setWebhookStatus,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_ROUTINGS,
  type WebhookEventType,
  type WebhookRouting,
  type WebhookSubscription,
} from '../../../api/admin-webhooks.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { GroupErrors, TextInput } from './AdminFields.tsx';
import { OrganizationPicker, useChosenOrganization } from './OrganizationPicker.tsx';
import { SecretOnce } from './SecretOnce.tsx';
import { useOrganizations } from './use-organizations.ts';

type Action = { kind: 'pause' | 'resume' | 'rotate' | 'test' | 'delete'; subscription: WebhookSubscription };

/** An organization's webhook subscriptions: create, pause/resume, rotate the secret, send a test, delete. */
export function WebhooksPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.webhooks.title'));
  const { organizations, error: orgError } = useOrganizations();
  const [organizationId, setOrganizationId] = useChosenOrganization(organizations);
  const [items, setItems] = useState<WebhookSubscription[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!organizationId) return;
    try {
      setItems((await listWebhooks(organizationId)).items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  }, [organizationId]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (kind: Action['kind'], subscription: WebhookSubscription) => {
    setActionError(null);
    setAction({ kind, subscription });
  };

  const run = async () => {
    if (!action) return;
    setBusy(true);
    setActionError(null);
    const { subscription } = action;
    try {
      switch (action.kind) {
        case 'pause':
          await setWebhookStatus(subscription.id, 'paused');
          break;
        case 'resume':
          await setWebhookStatus(subscription.id, 'active');
          break;
        case 'rotate':
          setSecret({ url: subscription.url, secret: (await rotateWebhookSecret(subscription.id)).secret });
          break;
        case 'test':
          await sendWebhookTest(subscription.id);
          break;
        case 'delete':
          await deleteWebhook(subscription.id);
          break;
      }
      setDone(t(`admin.webhooks.done.${action.kind}`, { url: subscription.url }));
      setAction(null);
      void load();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="console-page__head">
        <h2>{t('admin.webhooks.title')}</h2>
        {!creating && organizationId && (
          <button type="button" className="button button--primary" onClick={() => { setCreating(true); setSecret(null); setDone(null); }}>
            {t('admin.webhooks.add')}
          </button>
        )}
      </div>
      <OrganizationPicker organizations={organizations} value={organizationId} onChange={(id) => { setCreating(false); setSecret(null); setDone(null); setOrganizationId(id); }} />
      <ProblemNotice error={orgError} />
      {secret && <SecretOnce title={t('admin.webhooks.secretTitle', { url: secret.url })} value={secret.secret} warning={t('admin.webhooks.secretWarning')} onDone={() => setSecret(null)} />}
      {creating && (
        <NewWebhookForm
          organizationId={organizationId}
          onCancel={() => setCreating(false)}
          onCreated={(url, value) => {
            setCreating(false);
            setSecret({ url, secret: value });
            void load();
          }}
        />
      )}
      {done && <p className="notice notice--success" role="status" data-testid="admin-done">{done}</p>}
      <ProblemNotice error={error} />
      {loaded && items.length === 0 && !error && <p className="callout">{t('admin.webhooks.empty')}</p>}
      {items.length > 0 && (
        <ul className="plain-list admin-webhooks">
          {items.map((s) => (
            <li key={s.id} className="card" data-testid="webhook-item">
              <div className="console-page__head">
                <h3 className="admin-url"><code>{s.url}</code></h3>
                <span className={`badge admin-badge--${s.status === 'active' ? 'on' : 'off'}`} data-testid="webhook-status">{t(`admin.webhooks.statuses.${s.status}`)}</span>
              </div>
              {s.description && <p>{s.description}</p>}
              {s.disabledReason && <p className="notice notice--error">{t('admin.webhooks.disabledReason', { reason: s.disabledReason })}</p>}
              <dl className="admin-facts">
                <div><dt>{t('admin.webhooks.events')}</dt><dd>{s.eventTypes.map((e) => t(`admin.events.${e}`, { defaultValue: e })).join(', ')}</dd></div>
                <div><dt>{t('admin.webhooks.routing')}</dt><dd>{t(`admin.webhooks.routings.${s.routing}`)}</dd></div>
              </dl>
              <div className="admin-actions">
                <Link className="button button--secondary" to={`/console/admin/webhooks/${s.id}`}>{t('admin.webhooks.deliveries')}</Link>
                <button type="button" className="button button--secondary" onClick={() => open('test', s)}>{t('admin.webhooks.test')}</button>
                {s.status === 'active' ? (
                  <button type="button" className="button button--secondary" onClick={() => open('pause', s)}>{t('admin.webhooks.pause')}</button>
                ) : (
                  <button type="button" className="button button--secondary" onClick={() => open('resume', s)}>{t('admin.webhooks.resume')}</button>
                )}
                <button type="button" className="button button--secondary" onClick={() => open('rotate', s)}>{t('admin.webhooks.rotate')}</button>
                <button type="button" className="button button--danger" onClick={() => open('delete', s)}>{t('admin.webhooks.delete')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={action !== null}
        title={action ? t(`admin.webhooks.confirm.${action.kind}Title`) : ''}
        confirmLabel={action ? t(`admin.webhooks.${action.kind}`) : ''}
        danger={action?.kind === 'delete' || action?.kind === 'rotate'}
        busy={busy}
        error={actionError}
        onCancel={() => setAction(null)}
        onConfirm={() => void run()}
      >
        {action && (
          <>
            <p><code className="admin-url">{action.subscription.url}</code></p>
            <p>{t(`admin.webhooks.confirm.${action.kind}Body`)}</p>
          </>
        )}
      </ConfirmDialog>
    </>
  );
}

function NewWebhookForm({ organizationId, onCancel, onCreated }: { organizationId: string; onCancel: () => void; onCreated: (url: string, secret: string) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const [routing, setRouting] = useState<WebhookRouting>('concerned');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = (e: WebhookEventType) => setEventTypes((old) => (old.includes(e) ? old.filter((x) => x !== e) : [...old, e]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { subscription, secret } = await createWebhook({ organizationId, url: url.trim(), ...(description.trim() ? { description: description.trim() } : {}), eventTypes, routing });
      onCreated(subscription.url, secret);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-webhook-title">
      <h3 id="new-webhook-title">{t('admin.webhooks.add')}</h3>
      <TextInput id="new-webhook-url" label={t('admin.webhooks.url')} hint={t('admin.webhooks.urlHint')} pointer="/url" error={error} value={url} onChange={setUrl} type="url" />
      <TextInput id="new-webhook-description" label={t('admin.webhooks.description')} pointer="/description" error={error} value={description} onChange={setDescription} />
      <fieldset className="admin-fieldset">
        <legend>{t('admin.webhooks.events')}</legend>
        <div className="admin-scopes">
          {WEBHOOK_EVENT_TYPES.map((e) => (
            <label key={e} className="admin-scope">
              <input type="checkbox" checked={eventTypes.includes(e)} onChange={() => toggle(e)} />
              <span>
                <strong>{t(`admin.events.${e}`)}</strong> <code>{e}</code>
              </span>
            </label>
          ))}
        </div>
        <GroupErrors error={error} pointer="/eventTypes" />
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.webhooks.routing')}</legend>
        {WEBHOOK_ROUTINGS.map((r) => (
          <label key={r} className="admin-scope">
            <input type="radio" name="new-webhook-routing" checked={routing === r} onChange={() => setRouting(r)} />
            <span>
              <strong>{t(`admin.webhooks.routings.${r}`)}</strong>
              <span className="field__hint">{t(`admin.webhooks.routingHints.${r}`)}</span>
            </span>
          </label>
        ))}
        <GroupErrors error={error} pointer="/routing" />
      </fieldset>
      <ProblemNotice error={error} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>{t('console.common.cancel')}</button>
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('console.common.working') : t('admin.webhooks.create')}</button>
      </div>
    </form>
  );
}
