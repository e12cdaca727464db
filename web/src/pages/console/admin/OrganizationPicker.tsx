import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AdminOrganization } from '../../../api/admin-accounts.ts';

/**
 * The organization whose keys or webhooks a screen shows, kept in `?organization=` so the
 * address can be shared; the first partner is chosen when none is given.
 */
export function useChosenOrganization(organizations: AdminOrganization[]): [string, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('organization') ?? '';
  const chosen = organizations.some((o) => o.id === asked) ? asked : (organizations.find((o) => o.kind !== 'agency') ?? organizations[0])?.id ?? '';
  return [chosen, (id: string) => setParams({ organization: id }, { replace: true })];
}

export function OrganizationPicker({ organizations, value, onChange }: { organizations: AdminOrganization[]; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field admin-picker">
      <label className="field__label" htmlFor="admin-organization">{t('admin.common.organization')}</label>
      <select id="admin-organization" className="field__input" value={value} onChange={(e) => onChange(e.target.value)}>
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>{o.name} ({t(`organizationKinds.${o.kind}`)})</option>
        ))}
      </select>
    </div>
  );
}
