import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/use-auth.ts';

/** Sign-in link for visitors; name and sign-out button for a signed-in user. */
export function AccountArea() {
  const { t } = useTranslation();
  const { state, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  if (state.status === 'loading') return null;

  if (state.status === 'signed-out') {
    if (location.pathname === '/sign-in') return null;
    return (
      <Link to="/sign-in" className="button button--on-dark">
        {t('account.signIn')}
      </Link>
    );
  }

  const onSignOut = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await signOut();
      await navigate('/sign-in', { replace: true });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="account-area">
      <span className="account-area__name">{t('account.signedInAs', { name: state.user.name })}</span>
      <button type="button" className="button button--on-dark" onClick={() => void onSignOut()} disabled={busy}>
        {busy ? t('account.signingOut') : t('account.signOut')}
      </button>
      {failed && (
        <p className="account-area__error" role="alert">
          {t('account.signOutFailed')}
        </p>
      )}
    </div>
  );
}
