import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../layout/Loading.tsx';
import { useAuth } from './use-auth.ts';

/** Renders its children only for a signed-in user; others go to sign-in and come back here. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (state.status === 'loading') return <Loading label={t('auth.checking')} />;
  if (state.status === 'signed-out') {
    // Right after an explicit sign-out there is nothing to come back to.
    if (state.reason === 'signed-out' || state.reason === 'signed-out-everywhere') return <Navigate to="/sign-in" replace />;
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
