import { ApiError, NetworkError } from '../../api/client.ts';

/** A message to show, kept as a key so it follows a language switch. */
export type SignInMessage =
  | { key: 'signIn.errors.invalidCredentials' }
  | { key: 'signIn.errors.throttled' }
  | { key: 'signIn.errors.throttledMinutes'; count: number }
  | { key: 'signIn.errors.badRequest' }
  | { key: 'signIn.errors.network' }
  | { key: 'signIn.errors.server' };

/** Turns whatever sign-in threw into the message a person can act on. */
export function signInErrorMessage(error: unknown): SignInMessage {
  if (error instanceof NetworkError) return { key: 'signIn.errors.network' };
  if (error instanceof ApiError) {
    if (error.status === 401) return { key: 'signIn.errors.invalidCredentials' };
    if (error.status === 429) {
      const seconds = error.retryAfterSeconds;
      return seconds !== undefined && seconds > 0
        ? { key: 'signIn.errors.throttledMinutes', count: Math.ceil(seconds / 60) }
        : { key: 'signIn.errors.throttled' };
    }
    if (error.status === 400 || error.status === 422) return { key: 'signIn.errors.badRequest' };
  }
  return { key: 'signIn.errors.server' };
}
