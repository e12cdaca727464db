import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { getSharing, setSharing, updateOrganization, type AdminOrganization, type SharingSettings } from '../../../api/admin-accounts.ts';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../api/auth.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';
import { usePageTitle } from '../../../layout/use-page-title.ts';
import { GroupErrors, SelectInput, TextInput } from './AdminFields.tsx';
import { OrganizationShapeFields } from './OrganizationShapeFields.tsx';
import { useOrganizations } from './use-organizations.ts';

const TLPS = ['clear', 'green', 'amber'] as const;

/** One organization: edit what it is, and (for partners) what it may receive and be trusted for. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { organizations, error, loaded, reload } = useOrganizations();
  const organization = organizations.find((o) => o.id === id);
  usePageTitle(organization?.name ?? t('admin.organizations.title'));

  return (
    <>
      <p><Link to="/console/admin/organizations">← {t('admin.organizations.back')}</Link></p>
      <ProblemNotice error={error} />
      {loaded && !organization && !error && <p className="callout">{t('admin.organizations.notFound')}</p>}
      {organization && (
        <>
          <h2>{organization.name}</h2>
          {params.get('created') && <p className="notice notice--success" role="status" data-testid="admin-done">{t('admin.organizations.created', { name: organization.name })}</p>}
          <div className="admin-links">
            <Link to={`/console/admin/users?organization=${organization.id}`} className="admin-link">{t('admin.nav.users')}</Link>
            <Link to={`/console/admin/api-keys?organization=${organization.id}`} className="admin-link">{t('admin.nav.api-keys')}</Link>
            <Link to={`/console/admin/webhooks?organization=${organization.id}`} className="admin-link">{t('admin.nav.webhooks')}</Link>
          </div>
          <div className="admin-columns">
            <EditOrganization key={organization.id} organization={organization} onSaved={() => void reload()} />
            {organization.kind !== 'agency' && <SharingForm key={`${organization.id}-sharing`} organization={organization} />}
          </div>
        </>
      )}
    </>
  );
}

function EditOrganization({ organization, onSaved }: { organization: AdminOrganization; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(organization.name);
  const [kind, setKind] = useState<OrganizationKind>(organization.kind);
  const [platform, setPlatform] = useState(organization.platform ?? '');
  const [network, setNetwork] = useState(organization.network ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await updateOrganization(organization.id, {
        name: name.trim(),
        ...(kind !== organization.kind ? { kind } : {}),
        platform: kind === 'platform' ? platform.trim() || null : null,
        network: kind === 'telco' ? network || null : null,
      });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="edit-org-title">
      <h3 id="edit-org-title">{t('admin.organizations.edit')}</h3>
      <p className="field__hint">{t('admin.organizations.slugFixed', { slug: organization.slug })}</p>
      <TextInput id="edit-org-name" label={t('admin.organizations.name')} pointer="/name" error={error} value={name} onChange={setName} />
      {organization.kind === 'agency' ? (
        <p>{t('organizationKinds.agency')}</p>
      ) : (
        <SelectInput
          id="edit-org-kind"
          label={t('admin.organizations.kind')}
          hint={t('admin.organizations.kindHint')}
          pointer="/kind"
          error={error}
          value={kind}
          onChange={(v) => setKind(v as OrganizationKind)}
          options={ORGANIZATION_KINDS.filter((k) => k !== 'agency').map((k) => ({ value: k, label: t(`organizationKinds.${k}`) }))}
        />
      )}
      <OrganizationShapeFields idPrefix="edit-org" kind={kind} platform={platform} network={network} onPlatform={setPlatform} onNetwork={setNetwork} error={error} />
      <ProblemNotice error={error} />
      {saved && <p className="notice notice--success" role="status">{t('admin.organizations.saved')}</p>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('console.common.working') : t('admin.common.save')}</button>
      </div>
    </form>
  );
}

function SharingForm({ organization }: { organization: AdminOrganization }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<SharingSettings | null>(null);
  const [bins, setBins] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    getSharing(organization.id)
      .then((s) => {
        setSettings(s);
        setBins(s.bins.join(', '));
      })
      .catch(setError);
  }, [organization.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const list = bins.split(/[\s,;]+/).map((b) => b.trim()).filter(Boolean);
      const next = await setSharing(organization.id, { maxTlp: settings.maxTlp, confirmOwnSubjects: settings.confirmOwnSubjects, ...(organization.kind === 'bank' ? { bins: list } : {}) });
      setSettings(next);
      setBins(next.bins.join(', '));
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sharing-title">
      <h3 id="sharing-title">{t('admin.sharing.title')}</h3>
      <p className="field__hint">{t('admin.sharing.intro')}</p>
      {settings && (
        <>
          <fieldset className="admin-fieldset">
            <legend>{t('admin.sharing.maxTlp')}</legend>
            {TLPS.map((tlp) => (
              <label key={tlp} className="check">
                <input type="radio" name="sharing-tlp" checked={settings.maxTlp === tlp} onChange={() => setSettings({ ...settings, maxTlp: tlp })} /> {t(`admin.sharing.tlp.${tlp}`)}
              </label>
            ))}
            <GroupErrors error={error} pointer="/maxTlp" />
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={settings.confirmOwnSubjects} onChange={(e) => setSettings({ ...settings, confirmOwnSubjects: e.target.checked })} />{' '}
            {t('admin.sharing.confirmOwnSubjects')}
          </label>
          {organization.kind === 'bank' && (
            <TextInput id="sharing-bins" label={t('admin.sharing.bins')} hint={t('admin.sharing.binsHint')} pointer="/bins" error={error} value={bins} onChange={setBins} />
          )}
        </>
      )}
      <ProblemNotice error={error} />
      {saved && <p className="notice notice--success" role="status">{t('admin.sharing.saved')}</p>}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || !settings}>{busy ? t('console.common.working') : t('admin.sharing.save')}</button>
      </div>
    </form>
  );
}
