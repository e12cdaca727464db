import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi, type Credentials, type Session, type User } from '../api/auth.ts';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client.ts';
import { AuthContext, type AuthContextValue, type AuthState, type SignOutReason } from './auth-context.ts';

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * Holds who is signed in. On start it asks the server (`/auth/session`), because the session
 * cookie is HttpOnly and the page cannot see it; that route answers `{ user: null }` to an
 * anonymous visitor rather than 401, so a citizen's visit logs no failed request.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const acceptSession = useCallback((session: Session): User => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user });
    return session.user;
  }, []);

  const clearSession = useCallback((reason?: SignOutReason) => {
    setCsrfToken(null);
    setState(reason ? { status: 'signed-out', reason } : { status: 'signed-out' });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    authApi.session(controller.signal).then(
      (check) => {
        if (controller.signal.aborted) return;
        if (check.user) acceptSession(check);
        else clearSession();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // The server is unreachable: the page works signed out, and the sign-in form reports
        // a network problem if there is one.
        console.warn('Could not load the session', error);
        clearSession();
      },
    );
    return () => controller.abort();
  }, [acceptSession, clearSession]);

  // Any other call answered 401 means the session ended behind our back.
  useEffect(() => {
    onUnauthorized(() => {
      setCsrfToken(null);
      setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : current));
    });
    return () => onUnauthorized(null);
  }, []);

  const signIn = useCallback(
    async (credentials: Credentials) => acceptSession(await authApi.signIn(credentials)),
    [acceptSession],
  );

  const endSession = useCallback(
    async (call: () => Promise<void>, reason: SignOutReason) => {
      try {
        await call();
      } catch (error) {
        // A 401 means the session had already ended; anything else is worth retrying.
        if (!isUnauthorized(error)) throw error;
      }
      clearSession(reason);
    },
    [clearSession],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      signIn,
      signOut: () => endSession(authApi.signOut, 'signed-out'),
      signOutEverywhere: () => endSession(authApi.signOutEverywhere, 'signed-out-everywhere'),
    }),
    [state, signIn, endSession],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
