import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/use-auth.ts';
import { safeRedirectPath } from '../../auth/safe-redirect.ts';
import { usePageTitle } from '../../layout/use-page-title.ts';
import { signInErrorMessage, type SignInMessage } from './sign-in-error.ts';
import { validateCredentials, type CredentialErrors } from './validate-credentials.ts';

const DEFAULT_DESTINATION = '/console';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const destination = safeRedirectPath(searchParams.get('next'), DEFAULT_DESTINATION);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<CredentialErrors>({});
  const [failure, setFailure] = useState<SignInMessage | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // Someone already signed in who lands here (a bookmark, the back button) goes on.
  if (state.status === 'signed-in' && !submitting) return <Navigate to={destination} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validateCredentials(email, password);
    setFieldErrors(errors);
    setFailure(null);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    setSubmitting(true);
    try {
      await signIn({ email: email.trim(), password });
      await navigate(destination, { replace: true });
    } catch (error) {
      setFailure(signInErrorMessage(error));
      setPassword('');
      // Focus the message so it is read out, then the user tabs back into the form.
      requestAnimationFrame(() => alertRef.current?.focus());
    } finally {
      setSubmitting(false);
    }
  };

  const reason = state.status === 'signed-out' ? state.reason : undefined;
  const notice =
    reason === 'signed-out-everywhere'
      ? t('signIn.signedOutEverywhere')
      : reason === 'signed-out'
        ? t('signIn.signedOut')
        : reason === 'expired'
          ? t('signIn.sessionExpired')
          : null;

  return (
    <div className="container container--narrow page">
      <h1>{t('signIn.title')}</h1>
      <p className="page__intro">{t('signIn.intro')}</p>

      {notice && !failure && (
        <div className="notice notice--success" role="status">
          {notice}
        </div>
      )}

      {failure && (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={alertRef} data-testid="sign-in-error">
          <p className="notice__title">{t('signIn.errorSummary')}</p>
          <p>{'count' in failure ? t(failure.key, { count: failure.count }) : t(failure.key)}</p>
        </div>
      )}

      <form className="card form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        <div className="field">
          <label htmlFor="sign-in-email" className="field__label">
            {t('signIn.email')}
          </label>
          <p id="sign-in-email-hint" className="field__hint">
            {t('signIn.emailHint')}
          </p>
          {fieldErrors.email && (
            <p id="sign-in-email-error" className="field__error">
              {t(fieldErrors.email)}
            </p>
          )}
          <input
            ref={emailRef}
            id="sign-in-email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            className="field__input"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={fieldErrors.email ? 'sign-in-email-error sign-in-email-hint' : 'sign-in-email-hint'}
          />
        </div>

        <div className="field">
          <label htmlFor="sign-in-password" className="field__label">
            {t('signIn.password')}
          </label>
          {fieldErrors.password && (
            <p id="sign-in-password-error" className="field__error">
              {t(fieldErrors.password)}
            </p>
          )}
          <input
            ref={passwordRef}
            id="sign-in-password"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            className="field__input"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={fieldErrors.password ? 'sign-in-password-error' : undefined}
          />
          <label className="checkbox">
            <input type="checkbox" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} />
            <span>{t('signIn.showPassword')}</span>
          </label>
        </div>

        <button type="submit" className="button button--primary button--block" disabled={submitting}>
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
