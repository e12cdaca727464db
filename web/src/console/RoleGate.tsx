import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/auth.ts';
import { useAuth } from '../auth/use-auth.ts';
import { usePageTitle } from '../layout/use-page-title.ts';

/** Shows its children only to the given roles; everyone else reads that the page is not for them. */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { state } = useAuth();
  if (state.status === 'signed-in' && roles.includes(state.user.role)) return <>{children}</>;
  return <NotAllowed />;
}

export function NotAllowed() {
  const { t } = useTranslation();
  usePageTitle(t('console.notAllowed.title'));
  return (
    <div className="page" data-testid="not-allowed">
      <h1>{t('console.notAllowed.title')}</h1>
      <p className="notice notice--error">{t('console.notAllowed.body')}</p>
    </div>
  );
}
