import { ApiError, NetworkError } from './api-error.ts';
import { parseProblem } from './problem.ts';

export { ApiError, NetworkError } from './api-error.ts';
export type { Problem, ProblemFieldError } from './problem.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /**
   * A 401 here is an ordinary answer (wrong password, not signed in yet), not a sign that
   * the session expired, so the unauthorized handler is not told.
   */
  ignoreUnauthorized?: boolean;
}

// The session cookie is HttpOnly; the CSRF token that pairs with it comes in the body of
// sign-in and /auth/me and is kept here, in memory only, for every cookie-authenticated write.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Set by the session owner: a 401 on an ordinary call means the session has ended elsewhere
// (expired, signed out everywhere), and the app should show the sign-in page.
let unauthorizedHandler: (() => void) | null = null;

export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

const WRITE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    // Drain the body so the connection can be reused; the text is of no use to callers.
    await response.text().catch((error: unknown) => {
      if (isAbort(error)) throw error;
    });
    return undefined;
  }
  try {
    return await response.json();
  } catch (error) {
    // Cancelled while the body was still arriving (the caller moved on, e.g. a filter changed
    // right after the headers came): that is the caller's abort, not an empty answer. Returned
    // as `undefined`, it reached the queue page as a page of results and crashed it (CI, e2e).
    if (isAbort(error)) throw error;
    return undefined;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Sends one request to the server's API on the same origin and returns the parsed JSON body.
 * Throws `ApiError` for any non-2xx answer (with the problem document) and `NetworkError` when
 * no answer arrived.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (WRITE_METHODS.has(method) && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new NetworkError(error);
  }

  const parsed = await readBody(response);
  if (!response.ok) {
    if (response.status === 401 && !options.ignoreUnauthorized) unauthorizedHandler?.();
    throw new ApiError(
      parseProblem(parsed, response.status, response.statusText),
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
