import { useTranslation } from 'react-i18next';
import { MOBILE_NETWORK_NAMES, MOBILE_NETWORKS } from '../../../api/admin-accounts.ts';
import type { OrganizationKind } from '../../../api/auth.ts';
import { SelectInput, TextInput } from './AdminFields.tsx';

/** What only some kinds name: the platform a platform operates, the mobile network of a telco. */
export function OrganizationShapeFields({ idPrefix, kind, platform, network, onPlatform, onNetwork, error }: {
  idPrefix: string;
  kind: OrganizationKind;
  platform: string;
  network: string;
  onPlatform: (v: string) => void;
  onNetwork: (v: string) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  if (kind === 'platform') {
    return <TextInput id={`${idPrefix}-platform`} label={t('admin.organizations.platform')} hint={t('admin.organizations.platformHint')} pointer="/platform" error={error} value={platform} onChange={onPlatform} />;
  }
  if (kind === 'telco') {
    return (
      <SelectInput
        id={`${idPrefix}-network`}
        label={t('admin.organizations.network')}
        hint={t('admin.organizations.networkHint')}
        pointer="/network"
        error={error}
        value={network}
        onChange={onNetwork}
        options={[{ value: '', label: t('admin.organizations.noNetwork') }, ...MOBILE_NETWORKS.map((n) => ({ value: n, label: MOBILE_NETWORK_NAMES[n] ?? n }))]}
      />
    );
  }
  return null;
}
