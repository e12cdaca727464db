/**
 * URL canonicalization and host-suffix/path-prefix expressions exactly as Google Safe Browsing
 * documents them ("URLs and Hashing", v4 and v5), so our `url:` indicators hash to the same
 * values that Safe Browsing, Web Risk and Yandex Safe Browsing lists use.
 *
 * Hand-written because no library implements these rules: WHATWG `URL` and `node:url` follow a
 * different standard (they keep ports, do not unescape repeatedly, do not read "3279880203" or
 * "0x12.0x43.0x44.0x01" as IPv4 in every position, and throw on inputs Safe Browsing accepts).
 * Where the documentation is silent we follow Google's reference client (github.com/google/safebrowsing,
 * urls.go): byte-wise unescaping, the optional scheme, userinfo and port removal, IPv4 parsing.
 *
 * The algorithm works on bytes: the input is encoded as UTF-8 and held in a "binary" string
 * (one char per byte) so that percent-unescaping can produce any byte; the output is ASCII
 * because every byte outside 0x21–0x7E is escaped again.
 */
import { Buffer } from 'node:buffer';
import { domainToASCII } from 'node:url';

export interface SafeBrowsingUrl {
  /** The canonical URL, e.g. `http://www.example.com/a/b?x=1`. */
  url: string;
  scheme: string;
  /** Lower-case, punycode, IPv4 as dotted decimal, IPv6 in brackets; percent-escaped bytes. */
  host: string;
  /** Starts with `/`. */
  path: string;
  /** Everything after the first `?`, or null when the URL has no `?` at all. */
  query: string | null;
  isIp: boolean;
}

const HEX = '0123456789ABCDEF';

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Unescape until no `%XX` is left, in one pass: whenever a decoded byte completes a new `%XX`
 * with the bytes before it ("%%32%35" → "%25" → "%"), decode that too. This reaches the same
 * fixed point as repeating whole-string passes (a property test checks it) but in linear time,
 * so "%252525…" of any length cannot be used to burn CPU.
 */
export function unescapeFully(s: string): string {
  if (s.indexOf('%') < 0) return s;
  // Nearly every real URL is done after one pass; only then pay for the general algorithm.
  const once = unescapeOnce(s);
  if (!hasEscape(once)) return once;
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    out.push(s.charCodeAt(i));
    for (;;) {
      const n = out.length;
      if (n < 3 || out[n - 3] !== 0x25) break;
      const hi = hexValue(out[n - 2]!);
      const lo = hexValue(out[n - 1]!);
      if (hi < 0 || lo < 0) break;
      out.length = n - 3;
      out.push((hi << 4) | lo);
    }
  }
  let r = '';
  for (let i = 0; i < out.length; i += 4096) r += String.fromCharCode(...out.slice(i, i + 4096));
  return r;
}

function hasEscape(s: string): boolean {
  for (let i = s.indexOf('%'); i >= 0 && i + 2 < s.length; i = s.indexOf('%', i + 1)) {
    if (hexValue(s.charCodeAt(i + 1)) >= 0 && hexValue(s.charCodeAt(i + 2)) >= 0) return true;
  }
  return false;
}

/** One pass of `%XX` decoding, as the reference client does it; used by tests to check `unescapeFully`. */
export function unescapeOnce(s: string): string {
  let r = '';
  let from = 0;
  for (let i = s.indexOf('%'); i >= 0 && i + 2 < s.length; i = s.indexOf('%', i + 1)) {
    const hi = hexValue(s.charCodeAt(i + 1));
    const lo = hexValue(s.charCodeAt(i + 2));
    if (hi >= 0 && lo >= 0) {
      r += s.slice(from, i) + String.fromCharCode((hi << 4) | lo);
      from = i + 3;
      i += 2;
    }
  }
  return from === 0 ? s : r + s.slice(from);
}

/** Escape bytes <= 0x20, >= 0x7F, `#` and `%` with upper-case hex, as the documentation asks. */
function escapeBytes(s: string): string {
  let r = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x23 || c === 0x25) {
      r += s.slice(from, i) + '%' + HEX[c >> 4] + HEX[c & 15];
      from = i + 1;
    }
  }
  return from === 0 ? s : r + s.slice(from);
}

function asciiLower(s: string): string {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      upper = true;
      break;
    }
  }
  if (!upper) return s;
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    r += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
  }
  return r;
}

/** Only ASCII whitespace: in a byte string 0xA0 is half of a UTF-8 character, not a space. */
function asciiTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) <= 0x20) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function toByteString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'utf8').toString('latin1');
  }
  return s;
}

/** Split off the scheme the way the reference client does: `host:80/` is a port, not a scheme. */
function splitScheme(s: string): [string, string] {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) continue;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', s];
      continue;
    }
    if (c === 0x3a) {
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) >= 0x30 && s.charCodeAt(j) <= 0x39) j++;
      const isPort = j > i + 1 && (j === s.length || s.charCodeAt(j) === 0x2f);
      if (!isPort) return [s.slice(0, i), s.slice(i + 1)];
      return ['', s];
    }
    return ['', s];
  }
  return ['', s];
}

/** Parse one IPv4 part in C `inet_aton` style (0x hex, leading-0 octal, else decimal). */
function ipNumber(part: string): number {
  if (part.length === 0) return -1;
  let base = 10;
  let digits = part;
  if (part.length > 1 && part[0] === '0' && (part[1] === 'x' || part[1] === 'X')) {
    base = 16;
    digits = part.slice(2);
    if (digits.length === 0) return -1;
  } else if (part.length > 1 && part[0] === '0') {
    base = 8;
    digits = part.slice(1);
  }
  let v = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = hexValue(digits.charCodeAt(i));
    if (d < 0 || d >= base) return -1;
    v = v * base + d;
    if (v > 0xffffffff) return -1;
  }
  return v;
}

const TRAILING_JUNK_IP = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}) /;
const POSSIBLE_IP = /^(?:0x[0-9a-f]+|[0-9.])+$/i;

/**
 * Read any legal IPv4 spelling (decimal, octal, hex, fewer than four parts) as dotted decimal,
 * or return null. Like the reference client, a non-final part keeps only its low byte and the
 * final part fills the remaining bytes ("276.2.3" → "20.2.0.3").
 */
export function parseIPv4(host: string): string | null {
  let h = host;
  // The Windows resolver accepts "10.192.95.89 xy" as 10.192.95.89 when it is at most 15 chars.
  if (h.length <= 15) {
    const m = TRAILING_JUNK_IP.exec(h);
    if (m) h = m[1]!;
  }
  if (!POSSIBLE_IP.test(h)) return null;
  const parts = h.split('.');
  if (parts.length > 4) return null;
  const bytes: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const v = ipNumber(parts[i]!);
    if (v < 0) return null;
    if (i < parts.length - 1) {
      bytes.push(v & 0xff);
    } else {
      const width = 5 - parts.length;
      for (let k = width - 1; k >= 0; k--) bytes.push(Math.floor(v / 2 ** (8 * k)) & 0xff);
    }
  }
  return bytes.join('.');
}

/** v5 documentation: drop leading zeros, use `::`, and read IPv4-mapped and NAT64 addresses as IPv4. */
function canonicalIPv6(bracketed: string): { host: string; isIp: boolean } {
  let normal: string;
  try {
    normal = new URL(`http://${bracketed}/`).hostname;
  } catch {
    return { host: asciiLower(bracketed), isIp: false };
  }
  const mapped = /^\[(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(normal);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return { host: `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, isIp: true };
  }
  return { host: normal, isIp: true };
}

/**
 * Drop the port (it never matters for matching; an empty one goes too) and superfluous dots,
 * until neither applies, so that "a:1.." and "a.:1" both end as "a" and stay so.
 */
function stripPortAndDots(hostIn: string): string {
  // Nearly every host has no port, no ".." and no dot at either end: nothing to do.
  if (hostIn.indexOf(':') < 0 && hostIn.indexOf('..') < 0 && hostIn.charCodeAt(0) !== 0x2e && hostIn.charCodeAt(hostIn.length - 1) !== 0x2e) return hostIn;
  let host = hostIn;
  for (;;) {
    const before = host;
    const colon = host.lastIndexOf(':');
    if (colon >= 0 && /^\d*$/.test(host.slice(colon + 1))) host = host.slice(0, colon);
    if (host.indexOf('..') >= 0) host = host.replace(/\.{2,}/g, '.');
    let a = 0;
    let b = host.length;
    while (a < b && host.charCodeAt(a) === 0x2e) a++;
    while (b > a && host.charCodeAt(b - 1) === 0x2e) b--;
    host = host.slice(a, b);
    if (host === before) return host;
  }
}

function canonicalHost(hostish: string): { host: string; isIp: boolean } | null {
  let host = hostish.slice(hostish.lastIndexOf('@') + 1);
  if (host.charCodeAt(0) === 0x5b) {
    const close = host.lastIndexOf(']');
    if (close < 0) return null;
    return canonicalIPv6(host.slice(0, close + 1));
  }
  host = stripPortAndDots(host);
  // ".[::1]" is a bracketed literal once its dots are gone; read it as one, as a second pass would.
  if (host.charCodeAt(0) === 0x5b) {
    const close = host.lastIndexOf(']');
    if (close < 0) return null;
    return canonicalIPv6(host.slice(0, close + 1));
  }
  let unicode = false;
  for (let i = 0; i < host.length; i++) {
    // 0x80 alone is not treated as Unicode, for compatibility with the reference client.
    if (host.charCodeAt(i) > 0x80) {
      unicode = true;
      break;
    }
  }
  if (unicode) {
    const ascii = domainToASCII(Buffer.from(host, 'latin1').toString('utf8'));
    // UTS 46 maps "。" and "．" to dots, so the dot rules apply once more.
    if (ascii) host = stripPortAndDots(ascii);
  }
  if (host.length === 0) return null;
  // Every IPv4 spelling (decimal, octal, hex) starts with a digit.
  const first = host.charCodeAt(0);
  const ip = first >= 0x30 && first <= 0x39 ? parseIPv4(host) : null;
  if (ip !== null) return { host: ip, isIp: true };
  return { host: asciiLower(host), isIp: false };
}

/** Resolve "." and ".." and collapse "//", keeping a trailing slash (Go's path.Clean plus that rule). */
function canonicalPath(rest: string): string {
  if (rest.length === 0 || rest === '/') return '/';
  if (rest.indexOf('//') < 0 && rest.indexOf('/.') < 0) return rest;
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  let p = '/' + out.join('/');
  if (rest.endsWith('/') && p !== '/') p += '/';
  return p;
}

/** Printable ASCII (0x21–0x7E) without "%" and "#": a string no escaping step would change. */
function isPlainAscii(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x25 || c === 0x23) return false;
  }
  return true;
}

/**
 * The canonical form of a plain link built in one pass, or null when the full algorithm is
 * needed. Plain means: `http://`, `https://` (lower case) or no scheme; a host of ASCII letters,
 * digits, hyphens and single inner dots, starting with a letter (so no IP address in any
 * spelling, no port, userinfo or IDN); then a path and query of printable ASCII without `%`,
 * `#` or a backslash, and no `//` or `/.` in the path. Every rule of the full algorithm leaves
 * such a link as it is, except that the host is lower-cased and an empty path is written `/`.
 * Most links people report look like this. Equal to `safeBrowsingCanonicalizeFull` whenever it
 * is not null (a property test compares them on generated links and on the table cases).
 */
export function plainHttpUrl(s: string): SafeBrowsingUrl | null {
  // No scheme is read as http, as the full algorithm does.
  let at = 0;
  if (s.startsWith('https://')) at = 8;
  else if (s.startsWith('http://')) at = 7;
  const n = s.length;
  const hostStart = at;
  let upper = false;
  // The host: labels of [a-z0-9-] joined by single dots, starting with a letter.
  let c = s.charCodeAt(at) | 0x20;
  if (c < 0x61 || c > 0x7a) return null;
  let prevDot = true;
  for (; at < n; at++) {
    c = s.charCodeAt(at);
    if (c === 0x2f || c === 0x3f) break;
    if (c === 0x2e) {
      if (prevDot) return null;
      prevDot = true;
      continue;
    }
    prevDot = false;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d) continue;
    if (c >= 0x41 && c <= 0x5a) {
      upper = true;
      continue;
    }
    return null;
  }
  if (prevDot) return null;
  const hostEnd = at;
  // The path up to "?", then the query: printable ASCII without "%", "#" or a backslash; no
  // "//" or "/." in the path, which path canonicalization would rewrite.
  let query = -1;
  for (; at < n; at++) {
    c = s.charCodeAt(at);
    if (c <= 0x20 || c >= 0x7f || c === 0x25 || c === 0x23 || c === 0x5c) return null;
    if (c === 0x3f) {
      if (query < 0) query = at;
    } else if (c === 0x2f && query < 0) {
      const d = s.charCodeAt(at + 1);
      if (d === 0x2f || d === 0x2e) return null;
    }
  }
  const scheme = hostStart === 8 ? 'https' : 'http';
  const host = upper ? s.slice(hostStart, hostEnd).toLowerCase() : s.slice(hostStart, hostEnd);
  const pathEnd = query < 0 ? n : query;
  const path = pathEnd === hostEnd ? '/' : s.slice(hostEnd, pathEnd);
  const q = query < 0 ? null : s.slice(query + 1);
  const url = !upper && pathEnd !== hostEnd && hostStart > 0 ? s : `${scheme}://${host}${path}${q === null ? '' : '?' + q}`;
  return { url, scheme, host, path, query: q, isIp: false };
}

/** Canonicalize `raw` by the Safe Browsing rules; null when it has no host. Never throws. */
export function safeBrowsingCanonicalize(raw: string): SafeBrowsingUrl | null {
  return plainHttpUrl(raw) ?? safeBrowsingCanonicalizeFull(raw);
}

/** The full algorithm, for any input (`safeBrowsingCanonicalize` tries the plain-link path first). */
export function safeBrowsingCanonicalizeFull(raw: string): SafeBrowsingUrl | null {
  // Most links are printable ASCII without "%" or "#": then the byte conversion, fragment,
  // trimming, unescaping and re-escaping steps all leave them unchanged and are skipped.
  const plain = isPlainAscii(raw);
  let s = raw;
  if (!plain) {
    s = toByteString(raw);
    const hash = s.indexOf('#');
    if (hash >= 0) s = s.slice(0, hash);
    s = asciiTrim(s);
    if (s.indexOf('\t') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) s = s.replace(/[\t\r\n]/g, '');
    s = unescapeFully(s);
  }
  let [scheme, rest] = splitScheme(s);
  let query: string | null = null;
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (scheme !== '') {
    if (!rest.startsWith('//')) return null;
    rest = rest.slice(2);
    scheme = asciiLower(scheme);
  } else {
    scheme = 'http';
    // A scheme-relative link ("//host/path") is as good as one without a scheme.
    if (rest.startsWith('//')) rest = rest.slice(2);
  }
  const slash = rest.indexOf('/');
  const hostish = slash < 0 ? rest : rest.slice(0, slash);
  const pathPart = slash < 0 ? '' : rest.slice(slash);
  if (hostish.length === 0) return null;
  const h = canonicalHost(hostish);
  if (!h) return null;
  // A plain input's host can still change (IDN or IPv6 forms), so it is always escaped.
  const host = escapeBytes(h.host);
  const path = plain ? canonicalPath(pathPart) : escapeBytes(canonicalPath(pathPart));
  const escQuery = query === null || plain ? query : escapeBytes(query);
  const url = `${scheme}://${host}${path}${escQuery === null ? '' : '?' + escQuery}`;
  return { url, scheme, host, path, query: escQuery, isIp: h.isIp };
}

/**
 * The host-suffix / path-prefix expressions Safe Browsing looks up for a canonical URL, most
 * specific first: up to 5 hosts (the exact host, then the last five components and shorter,
 * never the top-level label alone, only the exact host for IPs) × up to 6 paths (the exact path
 * with and without the query, then "/" and up to three more directory prefixes).
 */
export function expressions(canonicalUrl: string): string[] {
  const u = safeBrowsingCanonicalize(canonicalUrl);
  if (!u) return [];
  const hosts = [u.host];
  if (!u.isIp) {
    const labels = u.host.split('.');
    const n = labels.length;
    for (let k = Math.min(5, n - 1); k >= 2; k--) {
      if (k === n) continue;
      hosts.push(labels.slice(n - k).join('.'));
    }
  }
  const paths: string[] = [];
  if (u.query !== null) paths.push(`${u.path}?${u.query}`);
  paths.push(u.path);
  const segments = u.path.split('/').filter((p) => p !== '');
  const prefixes = ['/'];
  for (let i = 1; i < Math.min(segments.length, 4); i++) prefixes.push(`/${segments.slice(0, i).join('/')}/`);
  for (const p of prefixes) if (!paths.includes(p)) paths.push(p);
  const out: string[] = [];
  for (const h of hosts) for (const p of paths) out.push(h + p);
  return out;
}
