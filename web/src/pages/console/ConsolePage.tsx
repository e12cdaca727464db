import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth.ts';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { AccountSummary } from './AccountSummary.tsx';
import { SessionActions } from './SessionActions.tsx';

/** The signed-in start page. Issue 8 grows the analysts' and platforms' work from here. */
export function ConsolePage() {
  const { t } = useTranslation();
  usePageTitle(t('console.title'));
  const { state } = useAuth();
  // RequireAuth guards this route; the check narrows the type.
  if (state.status !== 'signed-in') return null;
  const { user } = state;

  return (
    <div className="container page">
      <p className="page__eyebrow">{t('console.title')}</p>
      <h1>{t('console.greeting', { name: user.name })}</h1>
      <p className="page__intro">{t(`roleDescriptions.${user.role}`)}</p>
      <div className="console-grid">
        <AccountSummary user={user} />
        <SessionActions />
      </div>
    </div>
  );
}
