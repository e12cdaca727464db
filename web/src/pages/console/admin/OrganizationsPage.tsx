import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createOrganization, MOBILE_NETWORK_NAMES, type AdminOrganization } from '../../../api/admin-accounts.ts';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../api/auth.ts';
import { platformKey } from '../../../console/labels.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { SelectInput, TextInput } from './AdminFields.tsx';
import { OrganizationShapeFields } from './OrganizationShapeFields.tsx';
import { useOrganizations } from './use-organizations.ts';

/** Every organization, with what it operates, and a form to add one. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.organizations.title'));
  const { organizations, error, loaded, reload } = useOrganizations();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  return (
    <>
      <div className="console-page__head">
        <h2>{t('admin.organizations.title')}</h2>
        {!creating && <button type="button" className="button button--primary" onClick={() => setCreating(true)}>{t('admin.organizations.add')}</button>}
      </div>
      {creating && (
        <NewOrganizationForm
          onCancel={() => setCreating(false)}
          onCreated={(o) => {
            void reload();
            void navigate(`/console/admin/organizations/${o.id}?created=1`);
          }}
        />
      )}
      <ProblemNotice error={error} />
      {loaded && organizations.length > 0 && (
        <div className="table-scroll">
          <table className="console-table admin-table">
            <caption className="visually-hidden">{t('admin.organizations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.organizations.name')}</th>
                <th scope="col">{t('admin.organizations.kind')}</th>
                <th scope="col">{t('admin.organizations.operates')}</th>
                <th scope="col">{t('admin.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((o) => (
                <tr key={o.id} data-testid="organization-row">
                  <td>
                    <Link to={`/console/admin/organizations/${o.id}`}>{o.name}</Link>
                    <br />
                    <code className="admin-muted">{o.slug}</code>
                  </td>
                  <td>{t(`organizationKinds.${o.kind}`)}</td>
                  <td>{o.platform ? t(platformKey(o.platform), { defaultValue: o.platform }) : o.network ? (MOBILE_NETWORK_NAMES[o.network] ?? o.network) : '—'}</td>
                  <td>
                    <div className="admin-actions">
                      <Link to={`/console/admin/users?organization=${o.id}`} className="admin-link">{t('admin.nav.users')}</Link>
                      <Link to={`/console/admin/api-keys?organization=${o.id}`} className="admin-link">{t('admin.nav.api-keys')}</Link>
                      <Link to={`/console/admin/webhooks?organization=${o.id}`} className="admin-link">{t('admin.nav.webhooks')}</Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function NewOrganizationForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (o: AdminOrganization) => void }) {
  const { t } = useTranslation();
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('bank');
  const [platform, setPlatform] = useState('');
  const [network, setNetwork] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await createOrganization({
          slug: slug.trim(),
          name: name.trim(),
          kind,
          ...(kind === 'platform' && platform.trim() ? { platform: platform.trim() } : {}),
          ...(kind === 'telco' && network ? { network } : {}),
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-org-title">
      <h3 id="new-org-title">{t('admin.organizations.add')}</h3>
      <div className="admin-form__grid">
        <TextInput id="new-org-name" label={t('admin.organizations.name')} pointer="/name" error={error} value={name} onChange={setName} />
        <TextInput id="new-org-slug" label={t('admin.organizations.slug')} hint={t('admin.organizations.slugHint')} pointer="/slug" error={error} value={slug} onChange={setSlug} />
        <SelectInput
          id="new-org-kind"
          label={t('admin.organizations.kind')}
          pointer="/kind"
          error={error}
          value={kind}
          onChange={(v) => setKind(v as OrganizationKind)}
          options={ORGANIZATION_KINDS.filter((k) => k !== 'agency').map((k) => ({ value: k, label: t(`organizationKinds.${k}`) }))}
        />
        <OrganizationShapeFields idPrefix="new-org" kind={kind} platform={platform} network={network} onPlatform={setPlatform} onNetwork={setNetwork} error={error} />
      </div>
      <ProblemNotice error={error} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>{t('console.common.cancel')}</button>
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('console.common.working') : t('admin.organizations.create')}</button>
      </div>
    </form>
  );
}
