/**
 * A forgiving split of a web link into host, path segments and query, for the platform parsers
 * (Facebook, Telegram, Zalo…) and the redirector table. It does not canonicalize anything (that
 * is `safe-browsing.ts`); it only answers "which site, which path, which parameter", and accepts
 * what people paste: no scheme, `//host`, upper case, ports, userinfo, `#!/` hash-bang paths.
 * Hand-written because WHATWG `URL` throws on many of these and costs several microseconds.
 */
export interface WebLink {
  /** Lower case; empty when the input had none. */
  scheme: string;
  /** Lower case, without userinfo, port or trailing dot. */
  host: string;
  /** Non-empty path segments, percent-decoded where valid. */
  segments: string[];
  /** Raw query without `?` (empty when absent). */
  query: string;
}

export function safeDecode(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Where a link is: its scheme and host as `parseWebLink` reads them, and what follows the host. */
export interface LinkHost {
  scheme: string;
  host: string;
  rest: string;
}

/**
 * The scheme and host of a link, without splitting the path: kind detection needs only these
 * to tell a platform or redirector link from any other. Null exactly when `parseWebLink` is.
 */
export function linkHost(raw: string): LinkHost | null {
  let s = raw.trim();
  let scheme = '';
  const schemeEnd = schemeLength(s);
  if (schemeEnd > 0) {
    scheme = s.slice(0, schemeEnd).toLowerCase();
    s = s.slice(schemeEnd + 3);
  } else if (s.startsWith('//')) {
    s = s.slice(2);
  }
  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x5c) {
      end = i;
      break;
    }
  }
  let host = s.slice(0, end);
  host = host.slice(host.lastIndexOf('@') + 1);
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && host.indexOf(']') < colon) host = host.slice(0, colon);
  while (host.endsWith('.')) host = host.slice(0, -1);
  host = host.toLowerCase();
  if (host.length === 0 || /[\s<>"{}|^`]/.test(host)) return null;
  return { scheme, host, rest: s.slice(end) };
}

export function parseWebLink(raw: string): WebLink | null {
  const h = linkHost(raw);
  return h && parseRest(h);
}

/** The full link from its already split scheme and host. */
export function parseRest(h: LinkHost): WebLink {
  const { scheme, host } = h;
  let rest = h.rest;
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  // Old Facebook and Twitter links carry the real path after "#!".
  if (fragment.startsWith('!/') && (rest === '' || rest === '/')) rest = fragment.slice(1);
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const segments: string[] = [];
  let from = 0;
  for (let i = 0; i <= rest.length; i++) {
    const c = i < rest.length ? rest.charCodeAt(i) : 0x2f;
    if (c !== 0x2f && c !== 0x5c) continue;
    if (i > from) segments.push(safeDecode(rest.slice(from, i)));
    from = i + 1;
  }
  return { scheme, host, segments, query };
}

/** Length of a leading `scheme` followed by `://` (what SCHEME matches), or 0. */
export function schemeLength(s: string): number {
  const c0 = s.charCodeAt(0) | 0x20;
  if (c0 < 0x61 || c0 > 0x7a) return 0;
  let i = 1;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const l = c | 0x20;
    if ((l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e || c === 0x2d) continue;
    break;
  }
  return s.charCodeAt(i) === 0x3a && s.charCodeAt(i + 1) === 0x2f && s.charCodeAt(i + 2) === 0x2f ? i : 0;
}

/** The first value of a query parameter, form-decoded (`+` is a space); null when absent. */
export function queryParam(query: string, name: string): string | null {
  if (query.length === 0) return null;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (safeDecode(key) !== name) continue;
    return eq < 0 ? '' : safeDecode(pair.slice(eq + 1).replace(/\+/g, ' '));
  }
  return null;
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostIs(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 0x2e);
}
