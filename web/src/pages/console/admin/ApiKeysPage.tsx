import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiKeyStatus, createApiKey, listApiKeys, revokeApiKey, SCOPES, type ApiKey, type Scope } from '../../../api/admin-api-keys.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime, formatNumber } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { GroupErrors, TextInput } from './AdminFields.tsx';
import { ApiKeyUsagePanel } from './ApiKeyUsagePanel.tsx';
import { OrganizationPicker, useChosenOrganization } from './OrganizationPicker.tsx';
import { SecretOnce } from './SecretOnce.tsx';
import { useOrganizations } from './use-organizations.ts';

/** An organization's API keys: scopes, expiry, last use, status; create (secret shown once), revoke, usage. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('admin.keys.title'));
  const { organizations, error: orgError } = useOrganizations();
  const [organizationId, setOrganizationId] = useChosenOrganization(organizations);
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [usageOf, setUsageOf] = useState<ApiKey | null>(null);

  const load = useCallback(async () => {
    if (!organizationId) return;
    try {
      setKeys((await listApiKeys(organizationId)).items);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoaded(true);
    }
  }, [organizationId]);
  useEffect(() => {
    setUsageOf(null);
    void load();
  }, [load]);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setRevokeError(null);
    try {
      await revokeApiKey(revoking.id);
      setDone(t('admin.keys.revoked', { name: revoking.name }));
      setRevoking(null);
      void load();
    } catch (e) {
      setRevokeError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div className="console-page__head">
        <h2>{t('admin.keys.title')}</h2>
        {!creating && organizationId && (
          <button type="button" className="button button--primary" onClick={() => { setCreating(true); setSecret(null); setDone(null); }}>
            {t('admin.keys.add')}
          </button>
        )}
      </div>
      <OrganizationPicker organizations={organizations} value={organizationId} onChange={(id) => { setCreating(false); setSecret(null); setDone(null); setOrganizationId(id); }} />
      <ProblemNotice error={orgError} />
      {secret && <SecretOnce title={t('admin.keys.secretTitle', { name: secret.name })} value={secret.key} warning={t('admin.keys.secretWarning')} onDone={() => setSecret(null)} />}
      {creating && (
        <NewKeyForm
          organizationId={organizationId}
          onCancel={() => setCreating(false)}
          onCreated={(name, key) => {
            setCreating(false);
            setSecret({ name, key });
            void load();
          }}
        />
      )}
      {done && <p className="notice notice--success" role="status" data-testid="admin-done">{done}</p>}
      <ProblemNotice error={error} />
      {loaded && keys.length === 0 && !error && <p className="callout">{t('admin.keys.empty')}</p>}
      {keys.length > 0 && (
        <div className="table-scroll">
          <table className="console-table admin-table">
            <caption className="visually-hidden">{t('admin.keys.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.keys.name')}</th>
                <th scope="col">{t('admin.keys.scopes')}</th>
                <th scope="col">{t('admin.keys.dates')}</th>
                <th scope="col">{t('admin.keys.status')}</th>
                <th scope="col">{t('admin.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => {
                const status = apiKeyStatus(k);
                return (
                  <tr key={k.id} data-testid="key-row" data-name={k.name}>
                    <td>
                      <strong>{k.name}</strong>
                      <br />
                      <code className="admin-muted">cg_{k.prefix}_…</code>
                    </td>
                    <td>
                      <ul className="admin-tags">
                        {k.scopes.map((s) => <li key={s}><code>{s}</code></li>)}
                      </ul>
                    </td>
                    <td className="admin-dates">
                      <span>{t('admin.keys.created', { date: formatDateTime(k.createdAt, language) })}</span>
                      <span>{k.expiresAt ? t('admin.keys.expires', { date: formatDateTime(k.expiresAt, language) }) : t('admin.keys.noExpiry')}</span>
                      <span data-testid="key-last-used">{k.lastUsedAt ? t('admin.keys.lastUsed', { date: formatDateTime(k.lastUsedAt, language) }) : t('admin.keys.neverUsed')}</span>
                      <span>{k.dailyQuota ? t('admin.keys.quota', { quota: formatNumber(k.dailyQuota, language) }) : t('admin.keys.defaultQuota')}</span>
                    </td>
                    <td>
                      <span className={`badge admin-badge--${status === 'active' ? 'on' : 'off'}`} data-testid="key-status">{t(`admin.keys.statuses.${status}`)}</span>
                    </td>
                    <td>
                      <div className="admin-actions">
                        <button type="button" className="button button--secondary" onClick={() => setUsageOf(k)} aria-label={t('admin.keys.usageFor', { name: k.name })}>{t('admin.keys.usage')}</button>
                        {status === 'active' && (
                          <button type="button" className="button button--danger" onClick={() => { setRevokeError(null); setRevoking(k); }} aria-label={t('admin.keys.revokeFor', { name: k.name })}>
                            {t('admin.keys.revoke')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {usageOf && <ApiKeyUsagePanel key={usageOf.id} apiKey={usageOf} onClose={() => setUsageOf(null)} />}
      <ConfirmDialog
        open={revoking !== null}
        title={t('admin.keys.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('admin.keys.revoke')}
        danger
        busy={busy}
        error={revokeError}
        onCancel={() => setRevoking(null)}
        onConfirm={() => void revoke()}
      >
        <p>{t('admin.keys.revokeBody')}</p>
      </ConfirmDialog>
    </>
  );
}

/** i18next reads ':' as its namespace separator, so scope names are keyed with '_' (`lookup_batch`). */
const scopeKey = (scope: Scope) => scope.replace(':', '_') as 'lookup_batch';

function NewKeyForm({ organizationId, onCancel, onCreated }: { organizationId: string; onCancel: () => void; onCreated: (name: string, key: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [expires, setExpires] = useState('');
  const [quota, setQuota] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = (s: Scope) => setScopes((old) => (old.includes(s) ? old.filter((x) => x !== s) : [...old, s]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // A date without a time: the key works until the end of that day in Vietnam (UTC+7).
      const expiresAt = expires ? new Date(`${expires}T23:59:59+07:00`).toISOString() : null;
      const dailyQuota = quota.trim() ? Number(quota.trim()) : null;
      const { apiKey, key } = await createApiKey({ organizationId, name: name.trim(), scopes, expiresAt, dailyQuota });
      onCreated(apiKey.name, key);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-key-title">
      <h3 id="new-key-title">{t('admin.keys.add')}</h3>
      <TextInput id="new-key-name" label={t('admin.keys.name')} hint={t('admin.keys.nameHint')} pointer="/name" error={error} value={name} onChange={setName} />
      <fieldset className="admin-fieldset">
        <legend>{t('admin.keys.scopes')}</legend>
        <div className="admin-scopes">
          {SCOPES.map((s) => (
            <label key={s} className="admin-scope">
              <input type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} aria-describedby={`scope-${scopeKey(s)}`} />
              <span>
                <strong>{t(`admin.scopes.${scopeKey(s)}.name`)}</strong> <code>{s}</code>
                <span id={`scope-${scopeKey(s)}`} className="field__hint">{t(`admin.scopes.${scopeKey(s)}.description`)}</span>
              </span>
            </label>
          ))}
        </div>
        <GroupErrors error={error} pointer="/scopes" />
      </fieldset>
      <div className="admin-form__grid">
        <TextInput id="new-key-expires" label={t('admin.keys.expiry')} hint={t('admin.keys.expiryHint')} pointer="/expiresAt" error={error} value={expires} onChange={setExpires} type="date" />
        <TextInput id="new-key-quota" label={t('admin.keys.quotaLabel')} hint={t('admin.keys.quotaHint')} pointer="/dailyQuota" error={error} value={quota} onChange={setQuota} type="number" />
      </div>
      <ProblemNotice error={error} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>{t('console.common.cancel')}</button>
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('console.common.working') : t('admin.keys.create')}</button>
      </div>
    </form>
  );
}
