/**
 * Returns `next` when it is a path on this site, else the fallback. Only same-origin paths
 * are accepted so that a crafted `?next=` link cannot send a user elsewhere after sign-in.
 */
export function safeRedirectPath(next: string | null, fallback: string): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next === '/sign-in' || next.startsWith('/sign-in?') || next.startsWith('/sign-in#')) return fallback;
  return next;
}
