/**
 * `url:` indicators. The value is the Safe Browsing canonical form (see `safe-browsing.ts`),
 * after undoing defanging (`hxxp`, `[.]`) and unwrapping known redirectors (`redirectors.ts`),
 * so `hxxps://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2Fa` is `url:https://evil.example/a`.
 *
 * `display` is the same URL with the host in Unicode; `related` holds the registrable domain.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { fail, ok, type CanonResult, type Canonical } from './types.ts';
import { deobfuscateText } from './deobfuscate.ts';
import { expressions as sbExpressions, plainHttpUrl, safeBrowsingCanonicalize, safeBrowsingCanonicalizeFull, type SafeBrowsingUrl } from './safe-browsing.ts';
import { isRedirectorPath, MAX_REDIRECT_HOPS, unwrapOnce } from './redirectors.ts';
import { domainIndicatorOfHost } from './domain.ts';

export { parseIPv4 } from './safe-browsing.ts';

/** Longer inputs are not URLs anyone reports; the bound keeps every call cheap. */
export const MAX_URL_LENGTH = 8192;

/** The Safe Browsing host-suffix / path-prefix expressions of a URL (canonicalized first). */
export function expressions(url: string): string[] {
  try {
    return sbExpressions(url);
  } catch {
    return [];
  }
}

/** The Unicode spelling of a punycode host, only when it converts back to the same host. */
function unicodeHost(host: string): string {
  if (!host.includes('xn--')) return host;
  const u = domainToUnicode(host);
  return u && domainToASCII(u) === host ? u : host;
}

export function displayOf(u: SafeBrowsingUrl): string {
  const host = unicodeHost(u.host);
  return host === u.host ? u.url : `${u.scheme}://${host}${u.path}${u.query === null ? '' : '?' + u.query}`;
}

/** Redirector hops plus deobfuscation rounds allowed before giving up on an input. */
const MAX_STEPS = MAX_REDIRECT_HOPS + 4;

/**
 * Canonicalize a URL (after deobfuscation and redirector unwrapping) without building the
 * indicator; platform parsers use it to read links they do not own.
 *
 * Safe Browsing unescapes everything, so "%5B.%5D" or "%3Fhxxp" in the input become "[.]" or
 * "?hxxp" in the output, and a redirect parameter hidden behind "%26u%3D" appears only after
 * canonicalization. To stay idempotent the steps repeat until the result is a fixed point: a
 * canonical URL that deobfuscation leaves alone and that no redirector rule unwraps.
 */
export function resolveUrl(raw: string): Resolved {
  return resolve(raw, true);
}

/** `resolveUrl` without the plain-link path (`resolvePlainUrl`), so tests can compare the two. */
export function resolveUrlFull(raw: string): Resolved {
  return resolve(raw, false);
}

type Resolved = { ok: true; url: SafeBrowsingUrl } | { ok: false; code: string; message: string };

function resolve(raw: string, plainFirst: boolean): Resolved {
  let s = raw.trim();
  if (s.length > 4 && s.slice(0, 4).toLowerCase() === 'url:') s = s.slice(4).trim();
  if (s.length === 0) return { ok: false, code: 'empty', message: 'The input is empty.' };
  if (s.length > MAX_URL_LENGTH) return { ok: false, code: 'url_too_long', message: `A URL is at most ${MAX_URL_LENGTH} characters here.` };
  const plain = plainFirst ? resolvePlainUrl(s) : null;
  if (plain) return { ok: true, url: plain };
  let current = deobfuscateText(s);
  // A string deobfuscation left alone is a fixed point of it: when canonicalization also leaves
  // it alone (the common case), the second deobfuscation below would only repeat the first.
  const settled = current === s ? s : null;
  for (let step = 0; step < MAX_STEPS; step++) {
    const u = plainFirst ? safeBrowsingCanonicalize(current) : safeBrowsingCanonicalizeFull(current);
    if (!u) return { ok: false, code: 'url_invalid', message: 'Not a web address with a host name.' };
    // Most links are not wrapped: decide on the canonical host before parsing the link again.
    if (isRedirectorPath(u.host, u.path)) {
      const target = validTarget(unwrapOnce(current)) ?? validTarget(unwrapOnce(u.url));
      if (target !== null) {
        current = target;
        continue;
      }
    }
    if (u.url === settled) return { ok: true, url: u };
    const again = deobfuscateText(u.url);
    if (again === u.url) return { ok: true, url: u };
    current = again;
  }
  return { ok: false, code: 'url_redirect_loop', message: 'The link wraps redirectors too many times.' };
}

/**
 * What `resolveUrl(s)` gives for a plain link (see `plainHttpUrl`: http, https or no scheme)
 * that is neither defanged nor a redirector, in one pass; null when the general loop must
 * decide. `s` is trimmed (a plain link has no white space anywhere).
 */
export function resolvePlainUrl(s: string): SafeBrowsingUrl | null {
  if (s.length > MAX_URL_LENGTH) return null;
  const u = plainHttpUrl(s);
  if (!u || deobfuscateText(s) !== s || isRedirectorPath(u.host, u.path)) return null;
  // The loop below would stop at once: the canonical form is a fixed point of deobfuscation.
  return u.url === s || deobfuscateText(u.url) === u.url ? u : null;
}

/** A redirect target worth following: one that is itself a web address. */
function validTarget(target: string | null): string | null {
  if (target === null) return null;
  const t = deobfuscateText(target);
  return safeBrowsingCanonicalize(t) ? t : null;
}

/** The `url:` indicator of an already canonical URL, with its domain in `related`. */
export function urlCanonical(u: SafeBrowsingUrl): Canonical {
  const domain = u.isIp ? null : domainIndicatorOfHost(u.host);
  const r = ok('url', u.url, displayOf(u), domain ? { related: [domain] } : undefined);
  return (r as { ok: true; value: Canonical }).value;
}

export function canonicalizeUrl(raw: string): CanonResult {
  try {
    const r = resolveUrl(raw);
    if (!r.ok) return fail(r.code, r.message);
    return { ok: true, value: urlCanonical(r.url) };
  } catch {
    return fail('url_invalid', 'Not a valid web address.');
  }
}
