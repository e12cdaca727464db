import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  changeUser,
  createUser,
  listUsers,
  resetUserPassword,
  ROLES_BY_ORGANIZATION_KIND,
  signOutUserEverywhere,
  type AdminUser,
  type UserFilter,
} from '../../../api/admin-accounts.ts';
import { ROLES, type Role } from '../../../api/auth.ts';
import { useAuth } from '../../../auth/use-auth.ts';
import { ConfirmDialog } from '../../../console/ConfirmDialog.tsx';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';
import { SelectInput, TextInput } from './AdminFields.tsx';
import { SecretOnce } from './SecretOnce.tsx';
import { useOrganizations } from './use-organizations.ts';

type Action = { kind: 'role' | 'disable' | 'enable' | 'signOut' | 'reset'; user: AdminUser };

/** Users: filter, add (password shown once), change role, deactivate/reactivate, sign out everywhere, new password. */
export function UsersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('admin.users.title'));
  const { state } = useAuth();
  const meId = state.status === 'signed-in' ? state.user.id : null;
  const { organizations, error: orgError } = useOrganizations();
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<UserFilter>({ active: true, organizationId: params.get('organization') ?? undefined });
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [newRole, setNewRole] = useState<Role>('analyst');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ email: string; password: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers((await listUsers(filter)).items);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    } finally {
      setLoaded(true);
    }
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load]);

  const orgName = (id: string) => organizations.find((o) => o.id === id)?.name ?? id;
  const orgOf = (u: AdminUser) => organizations.find((o) => o.id === u.organizationId);

  const open = (kind: Action['kind'], user: AdminUser) => {
    setActionError(null);
    setNewRole(user.role);
    setAction({ kind, user });
  };

  const run = async () => {
    if (!action) return;
    setBusy(true);
    setActionError(null);
    try {
      const { user } = action;
      switch (action.kind) {
        case 'role':
          await changeUser(user.id, { role: newRole });
          break;
        case 'disable':
          await changeUser(user.id, { disabled: true });
          break;
        case 'enable':
          await changeUser(user.id, { disabled: false });
          break;
        case 'signOut':
          await signOutUserEverywhere(user.id);
          break;
        case 'reset':
          setSecret({ email: user.email, password: (await resetUserPassword(user.id)).password });
          break;
      }
      setDone(t(`admin.users.done.${action.kind}`, { email: user.email }));
      setAction(null);
      void load();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const allowedRoles = action ? (ROLES_BY_ORGANIZATION_KIND[orgOf(action.user)?.kind ?? 'other'] ?? ROLES) : ROLES;

  return (
    <>
      <div className="console-page__head">
        <h2>{t('admin.users.title')}</h2>
        {!creating && (
          <button type="button" className="button button--primary" onClick={() => { setCreating(true); setSecret(null); }}>
            {t('admin.users.add')}
          </button>
        )}
      </div>
      {secret && (
        <SecretOnce title={t('admin.users.passwordTitle', { email: secret.email })} value={secret.password} warning={t('admin.users.passwordWarning')} onDone={() => setSecret(null)} />
      )}
      {creating && (
        <NewUserForm
          organizations={organizations}
          onCancel={() => setCreating(false)}
          onCreated={(email, password) => {
            setCreating(false);
            setSecret({ email, password });
            setDone(t('admin.users.done.created', { email }));
            void load();
          }}
        />
      )}
      <fieldset className="queue-filters admin-filters">
        <legend className="visually-hidden">{t('admin.common.filters')}</legend>
        <SelectInput
          id="users-organization"
          label={t('admin.common.organization')}
          pointer="/organizationId"
          error={null}
          value={filter.organizationId ?? ''}
          onChange={(v) => setFilter((f) => ({ ...f, organizationId: v || undefined }))}
          options={[{ value: '', label: t('admin.common.any') }, ...organizations.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectInput
          id="users-role"
          label={t('admin.users.role')}
          pointer="/role"
          error={null}
          value={filter.role ?? ''}
          onChange={(v) => setFilter((f) => ({ ...f, role: (v || undefined) as Role | undefined }))}
          options={[{ value: '', label: t('admin.common.any') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
        />
        <SelectInput
          id="users-active"
          label={t('admin.users.state')}
          pointer="/active"
          error={null}
          value={filter.active === undefined ? '' : String(filter.active)}
          onChange={(v) => setFilter((f) => ({ ...f, active: v === '' ? undefined : v === 'true' }))}
          options={[
            { value: '', label: t('admin.common.any') },
            { value: 'true', label: t('admin.users.active') },
            { value: 'false', label: t('admin.users.deactivated') },
          ]}
        />
      </fieldset>
      {done && <p className="notice notice--success" role="status" data-testid="admin-done">{done}</p>}
      <ProblemNotice error={loadError ?? orgError} />
      {loaded && users.length === 0 && !loadError && <p className="callout">{t('admin.users.empty')}</p>}
      {users.length > 0 && (
        <div className="table-scroll">
          <table className="console-table admin-table">
            <caption className="visually-hidden">{t('admin.users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('admin.common.organization')}</th>
                <th scope="col">{t('admin.users.role')}</th>
                <th scope="col">{t('admin.users.state')}</th>
                <th scope="col">{t('admin.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row" data-email={u.email}>
                  <td>
                    <strong>{u.name}</strong>
                    <br />
                    <span className="admin-muted">{u.email}</span>
                  </td>
                  <td>{orgName(u.organizationId)}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td>
                    <span className={`badge ${u.disabled ? 'admin-badge--off' : 'admin-badge--on'}`}>{u.disabled ? t('admin.users.deactivated') : t('admin.users.active')}</span>
                    <br />
                    <span className="admin-muted">{t('admin.users.since', { date: formatDateTime(u.createdAt, language) })}</span>
                  </td>
                  <td>
                    {u.id === meId ? (
                      <span className="admin-muted">{t('admin.users.you')}</span>
                    ) : (
                      <div className="admin-actions">
                        <button type="button" className="button button--secondary" onClick={() => open('role', u)} aria-label={t('admin.users.changeRoleFor', { email: u.email })}>{t('admin.users.changeRole')}</button>
                        <button type="button" className="button button--secondary" onClick={() => open('signOut', u)} aria-label={t('admin.users.signOutFor', { email: u.email })}>{t('admin.users.signOut')}</button>
                        <button type="button" className="button button--secondary" onClick={() => open('reset', u)} aria-label={t('admin.users.resetFor', { email: u.email })}>{t('admin.users.reset')}</button>
                        {u.disabled ? (
                          <button type="button" className="button button--secondary" onClick={() => open('enable', u)} aria-label={t('admin.users.enableFor', { email: u.email })}>{t('admin.users.enable')}</button>
                        ) : (
                          <button type="button" className="button button--danger" onClick={() => open('disable', u)} aria-label={t('admin.users.disableFor', { email: u.email })}>{t('admin.users.disable')}</button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={action !== null}
        title={action ? t(`admin.users.confirm.${action.kind}Title`, { email: action.user.email }) : ''}
        confirmLabel={action ? t(`admin.users.confirm.${action.kind}`) : ''}
        danger={action?.kind === 'disable' || action?.kind === 'reset'}
        busy={busy}
        error={actionError}
        onCancel={() => setAction(null)}
        onConfirm={() => void run()}
      >
        {action && <p>{t(`admin.users.confirm.${action.kind}Body`, { email: action.user.email })}</p>}
        {action?.kind === 'role' && (
          <SelectInput
            id="user-new-role"
            label={t('admin.users.newRole')}
            pointer="/role"
            error={actionError}
            value={newRole}
            onChange={(v) => setNewRole(v as Role)}
            options={allowedRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        )}
      </ConfirmDialog>
    </>
  );
}

function NewUserForm({ organizations, onCancel, onCreated }: { organizations: { id: string; name: string; kind: keyof typeof ROLES_BY_ORGANIZATION_KIND }[]; onCancel: () => void; onCreated: (email: string, password: string) => void }) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? '');
  const organization = organizations.find((o) => o.id === organizationId);
  const roles = ROLES_BY_ORGANIZATION_KIND[organization?.kind ?? 'other'];
  const [role, setRole] = useState<Role>(roles[0]!);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const effectiveRole = roles.includes(role) ? role : roles[0]!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user, password } = await createUser({ organizationId, email: email.trim(), name: name.trim(), role: effectiveRole });
      onCreated(user.email, password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-user-title">
      <h3 id="new-user-title">{t('admin.users.add')}</h3>
      <div className="admin-form__grid">
        <SelectInput id="new-user-organization" label={t('admin.common.organization')} pointer="/organizationId" error={error} value={organizationId} onChange={setOrganizationId} options={organizations.map((o) => ({ value: o.id, label: o.name }))} />
        <SelectInput id="new-user-role" label={t('admin.users.role')} pointer="/role" error={error} value={effectiveRole} onChange={(v) => setRole(v as Role)} options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} hint={t(`roleDescriptions.${effectiveRole}`)} />
        <TextInput id="new-user-email" label={t('admin.users.email')} pointer="/email" error={error} value={email} onChange={setEmail} type="email" />
        <TextInput id="new-user-name" label={t('admin.users.name')} pointer="/name" error={error} value={name} onChange={setName} />
      </div>
      <p className="field__hint">{t('admin.users.passwordHint')}</p>
      <ProblemNotice error={error} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>{t('console.common.cancel')}</button>
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('console.common.working') : t('admin.users.create')}</button>
      </div>
    </form>
  );
}
