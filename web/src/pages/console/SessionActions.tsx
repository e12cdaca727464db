import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/use-auth.ts';

type Pending = 'sign-out' | 'sign-out-everywhere' | null;

export function SessionActions() {
  const { t } = useTranslation();
  const { signOut, signOutEverywhere } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending>(null);
  const [failed, setFailed] = useState(false);

  const run = async (which: Exclude<Pending, null>) => {
    setPending(which);
    setFailed(false);
    try {
      await (which === 'sign-out' ? signOut() : signOutEverywhere());
      await navigate('/sign-in', { replace: true });
    } catch {
      setFailed(true);
      setPending(null);
    }
  };

  return (
    <section className="card" aria-labelledby="session-heading">
      <h2 id="session-heading">{t('console.sessionHeading')}</h2>
      {failed && (
        <p className="notice notice--error" role="alert">
          {t('account.signOutFailed')}
        </p>
      )}
      <div className="session-action">
        <button
          type="button"
          className="button button--primary"
          aria-describedby="sign-out-hint"
          disabled={pending !== null}
          onClick={() => void run('sign-out')}
        >
          {pending === 'sign-out' ? t('account.signingOut') : t('console.signOut')}
        </button>
        <p id="sign-out-hint" className="field__hint">
          {t('console.signOutHint')}
        </p>
      </div>
      <div className="session-action">
        <button
          type="button"
          className="button button--danger"
          aria-describedby="sign-out-everywhere-hint"
          disabled={pending !== null}
          onClick={() => void run('sign-out-everywhere')}
        >
          {pending === 'sign-out-everywhere' ? t('account.signingOut') : t('console.signOutEverywhere')}
        </button>
        <p id="sign-out-everywhere-hint" className="field__hint">
          {t('console.signOutEverywhereHint')}
        </p>
      </div>
    </section>
  );
}
