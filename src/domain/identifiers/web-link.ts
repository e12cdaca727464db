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

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

export function safeDecode(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseWebLink(raw: string): WebLink | null {
  let s = raw.trim();
  let scheme = '';
  const m = SCHEME.exec(s);
  if (m) {
    scheme = m[1]!.toLowerCase();
    s = s.slice(m[0].length);
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
  let rest = s.slice(end);
  host = host.slice(host.lastIndexOf('@') + 1);
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && host.indexOf(']') < colon) host = host.slice(0, colon);
  while (host.endsWith('.')) host = host.slice(0, -1);
  host = host.toLowerCase();
  if (host.length === 0 || /[\s<>"{}|^`]/.test(host)) return null;
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
  for (const seg of rest.split(/[/\\]/)) if (seg !== '') segments.push(safeDecode(seg));
  return { scheme, host, segments, query };
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
