/**
 * The public API of the identifiers module: detect the kind of a raw identifier and
 * canonicalize it into one `kind:value` indicator (see docs/identifiers.md).
 *
 * Detection rules, in order (the first that applies wins):
 *  1. `kind:value` with a known kind (`phone:`, `url:`, `fb:`, `x:`…) goes to that kind;
 *     `mailto:` is email, `tel:` phone, `tg:` Telegram, `bitcoin:`/`ethereum:`/`tron:` crypto.
 *  2. A VietQR payload (`000201…A000000727…`) is a bank account.
 *  3. Obfuscations are undone (`hxxp`, `[.]`, `faceb00k . com`, see deobfuscate.ts).
 *  4. A cryptocurrency address by its shape (0x + 40 hex, T + 33 Base58, 1/3/bc1…).
 *  5. `local@domain.tld` is an email address.
 *  6. A link (a scheme, or `host.tld` followed by a path, query or port) or a bare host name:
 *     known redirectors are unwrapped first, then the host decides: Facebook's hosts → fb,
 *     zalo.me → zalo (a phone number there yields `phone:`), t.me/telegram.me → telegram,
 *     tiktok.com → tiktok, instagram.com → instagram, x.com/twitter.com → x, youtube.com/youtu.be
 *     → youtube; any other link → url; a bare host name (no scheme, path, query or port) with a
 *     real top-level domain → domain; a bare dotted-quad IPv4 → url.
 *  7. Letters and a run of digits ("VCB 0011 0045 67890", "970436:0011004567890") → bank.
 *  8. Digits with phone punctuation (`+84 91-234-5678`, `(84) 912 345 678`) → phone.
 *  9. Anything else, including a bare `@handle` (which platform?), is not detected: force the kind.
 *
 * A platform link that names no account (facebook.com/help, t.me/share/url) falls back to its
 * `url:` indicator. Every platform result from a link carries the link's `url:` and `domain:`
 * indicators in `related`, after the platform's own related subjects (a post's owner).
 */
import { fail, ok, type CanonResult, type Canonical, type IdentifierKind } from './types.ts';
import { canonicalizePhone } from './phone.ts';
import { canonicalizeBank } from './bank.ts';
import { looksLikeVietQr } from './vietqr.ts';
import { canonicalizeEmail } from './email.ts';
import { canonicalizeCrypto, cryptoChainOf } from './crypto.ts';
import { canonicalizeUrl, displayOf, resolvePlainUrl, resolveUrl, urlCanonical } from './url.ts';
import { canonicalizeDomain, domainIndicatorOfHost, registrableDomain, type HostToDomain } from './domain.ts';
import { canonicalizeFacebook, canonicalizeFacebookLink, isFacebookFamilyHost } from './facebook.ts';
import { canonicalizeZalo, ZALO } from './zalo.ts';
import { canonicalizeTelegram, TELEGRAM } from './telegram.ts';
import { canonicalizeTiktok, TIKTOK } from './tiktok.ts';
import { canonicalizeInstagram, INSTAGRAM } from './instagram.ts';
import { canonicalizeX, X } from './x.ts';
import { canonicalizeYoutube, YOUTUBE } from './youtube.ts';
import { deobfuscateText } from './deobfuscate.ts';
import { canonicalizeLinkOnPlatform, type PlatformSpec } from './platform-link.ts';
import { linkHost, parseRest, schemeLength, type LinkHost, type WebLink } from './web-link.ts';
import type { SafeBrowsingUrl } from './safe-browsing.ts';
import { isRedirectorHost, isRedirectorPath, unwrapRedirects } from './redirectors.ts';
import { IDENTIFIER_KINDS } from './types.ts';

export * from './types.ts';
export { extract } from './extract.ts';
export { deobfuscate, toOriginalSpan, type Deobfuscated } from './deobfuscate.ts';
export { expressions } from './url.ts';
export {
  canonicalizePhone,
  canonicalizeBank,
  canonicalizeEmail,
  canonicalizeCrypto,
  canonicalizeUrl,
  canonicalizeDomain,
  canonicalizeFacebook,
  canonicalizeZalo,
  canonicalizeTelegram,
  canonicalizeTiktok,
  canonicalizeInstagram,
  canonicalizeX,
  canonicalizeYoutube,
};

const CANONICALIZERS: Record<IdentifierKind, (raw: string) => CanonResult> = {
  phone: canonicalizePhone,
  bank: canonicalizeBank,
  url: canonicalizeUrl,
  domain: canonicalizeDomain,
  fb: canonicalizeFacebook,
  email: canonicalizeEmail,
  zalo: canonicalizeZalo,
  telegram: canonicalizeTelegram,
  tiktok: canonicalizeTiktok,
  instagram: canonicalizeInstagram,
  x: canonicalizeX,
  youtube: canonicalizeYoutube,
  crypto: canonicalizeCrypto,
};

const KIND_SET = new Set<string>(IDENTIFIER_KINDS);
const PLATFORM_KINDS = new Set<IdentifierKind>(['fb', 'zalo', 'telegram', 'tiktok', 'instagram', 'x', 'youtube']);
const PLATFORMS = [ZALO, TELEGRAM, TIKTOK, INSTAGRAM, X, YOUTUBE];

const PREFIX = /^([a-z]{1,9}):/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const EMAIL = /^[^\s@/:<>()[\]\\,;"]+@[^\s@/:<>()[\]\\,;"]+\.[^\s@/:<>()[\]\\,;".]{2,}$/;
// A host name followed by nothing or by a path, query, fragment or port.
const HOSTISH = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,}\.?(?=$|[/?#:])/u;
const DOTTED_QUAD = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const PHONE = /^[+(]?[0-9][0-9 ().\-/\u00a0]{6,24}$/;
const BANKISH = /\p{L}.*\d{4}|\d{4}.*\p{L}|^\d{6}\s*[:/]\s*\d/su;
const RESERVED_TLDS = /\.(?:example|test|invalid|localhost)\.?$/i;

function isPlausibleDomain(host: string): boolean {
  if (RESERVED_TLDS.test(host)) return true;
  const d = registrableDomain(host);
  return d.ok ? d.isIcann || d.isPrivate : false;
}

/** First characters of the address shapes `cryptoChainOf` knows: 0x…, T…, 1…, 3…, bc1…/BC1…. */
function mayStartCryptoAddress(c: number): boolean {
  return c === 0x30 || c === 0x54 || c === 0x31 || c === 0x33 || c === 0x62 || c === 0x42;
}

function platformOfLink(link: Pick<WebLink, 'scheme' | 'host'>): IdentifierKind | null {
  if (isFacebookFamilyHost(link.host)) return 'fb';
  for (const p of PLATFORMS) if (p.isHost(link)) return p.kind;
  return null;
}

/**
 * Where an input goes. `parsed` is the link detection already split; `url` is what
 * `resolveUrl(input)` gives and `domain` what `canonicalizeDomain(input)` reads, when detection
 * already knows them (a plain link or bare domain).
 */
type Route = { kind: IdentifierKind; input: string; link: boolean; parsed?: WebLink; url?: SafeBrowsingUrl | null; domain?: HostToDomain };

function route(raw: string): Route | null {
  let s = raw.trim();
  if (s.length === 0) return null;
  const first = s.charCodeAt(0) | 0x20;
  if (first >= 0x61 && first <= 0x7a) {
    const plain = plainRoute(s);
    if (plain !== undefined) return plain;
  }
  // `kind:` prefixes are at most 9 letters: only then is the prefix regex worth running.
  const colon = s.indexOf(':');
  const prefix = colon > 0 && colon <= 9 ? PREFIX.exec(s) : null;
  if (prefix) {
    const p = prefix[1]!.toLowerCase();
    if (KIND_SET.has(p) && s.length > p.length + 1 && !s.startsWith('//', p.length + 1)) return { kind: p as IdentifierKind, input: s, link: false };
    if (p === 'mailto') return { kind: 'email', input: s, link: false };
    if (p === 'tel') return { kind: 'phone', input: s.slice(4), link: false };
    if (p === 'tg') return { kind: 'telegram', input: s, link: true };
    if (p === 'bitcoin' || p === 'ethereum' || p === 'tron') return { kind: 'crypto', input: s, link: false };
  }
  // Phone numbers are the most common input: settle them before the costlier checks.
  const c0 = s.charCodeAt(0);
  if (((c0 >= 0x30 && c0 <= 0x39) || c0 === 0x2b || c0 === 0x28) && PHONE.test(s)) {
    return s.indexOf('.') >= 0 && DOTTED_QUAD.test(s) ? { kind: 'url', input: s, link: true } : { kind: 'phone', input: s, link: false };
  }
  if (c0 === 0x30 && looksLikeVietQr(s)) return { kind: 'bank', input: s, link: false };
  s = deobfuscateText(s);
  if (s.length >= 26 && s.length <= 100 && mayStartCryptoAddress(s.charCodeAt(0)) && s.indexOf(' ') < 0 && cryptoChainOf(s) !== null) {
    return { kind: 'crypto', input: s, link: false };
  }
  if (s.includes('@') && EMAIL.test(s)) return { kind: 'email', input: s, link: false };
  if (s.startsWith('@')) return null;
  if (DOTTED_QUAD.test(s)) return { kind: 'url', input: s, link: true };
  const scheme = schemeLength(s) > 0;
  const host = scheme || s.startsWith('//') || s.indexOf('.') < 0 ? null : HOSTISH.exec(s);
  if (scheme || s.startsWith('//') || host) {
    const bare = host !== null && host[0].length === s.length;
    if (bare && /^[0-9.]+$/.test(s)) return PHONE.test(s) ? { kind: 'phone', input: s, link: false } : null;
    return routeLink(s, linkHost(s), bare, null);
  }
  if (/\d/.test(s)) {
    if (PHONE.test(s)) return { kind: 'phone', input: s, link: false };
    if (BANKISH.test(s)) return { kind: 'bank', input: s, link: false };
  }
  return null;
}

/**
 * Detection for a plain link (see `plainHttpUrl`), resolved in one pass: the most common links
 * and bare domains. Undefined when the general steps must decide. With an http(s) scheme none
 * of the readings before the link step applies ("http:" is not a kind prefix, no number,
 * payload, obfuscation, address or e-mail starts so). Without one, an address shape or an "@"
 * goes the general way, and the host must be what `HOSTISH` accepts (the ASCII case of it:
 * the host is all that expression could match, since a plain host is followed by "/", "?" or
 * the end).
 */
function plainRoute(s: string): Route | null | undefined {
  const prefixLength = s.startsWith('https://') ? 8 : s.startsWith('http://') ? 7 : 0;
  if (prefixLength === 0 && (s.includes('@') || (s.length >= 26 && mayStartCryptoAddress(s.charCodeAt(0))))) return undefined;
  const url = resolvePlainUrl(s);
  if (!url) return undefined;
  const where: LinkHost = { scheme: prefixLength === 0 ? '' : url.scheme, host: url.host, rest: s.slice(prefixLength + url.host.length) };
  if (prefixLength > 0) return routeLink(s, where, false, url);
  if (!isAsciiHostish(url.host)) return undefined;
  return routeLink(s, where, where.rest.length === 0, url);
}

/**
 * `HOSTISH` on a whole host of ASCII letters, digits, hyphens and single inner dots: labels
 * that start and end with a letter or digit, then a last label of at least two characters.
 */
function isAsciiHostish(host: string): boolean {
  const lastDot = host.lastIndexOf('.');
  if (lastDot < 0 || host.length - lastDot - 1 < 2) return false;
  let start = 0;
  for (let i = 0; i <= lastDot; i++) {
    if (host.charCodeAt(i) !== 0x2e) continue;
    if (host.charCodeAt(start) === 0x2d || host.charCodeAt(i - 1) === 0x2d) return false;
    start = i + 1;
  }
  return true;
}

/**
 * The link step of detection: unwrap a redirector, then the host decides (a platform, a bare
 * domain, else a URL). `url` is the resolved form of `s` when already known.
 */
function routeLink(s: string, at: LinkHost | null, bare: boolean, url: SafeBrowsingUrl | null): Route | null {
  let target = s;
  let where = at;
  let resolved = url;
  // Facebook's hosts are redirector hosts too: keep the parse for the platform step. Most links
  // are neither redirectors nor platform links: their path is never split here.
  let parsed: WebLink | null = null;
  if (where && isRedirectorHost(where.host)) {
    parsed = parseRest(where);
    // A resolved plain link is known not to be a redirector (`resolvePlainUrl` checked its
    // path, which has no escapes, backslashes or empty segments, so it is this joined path).
    if (url === null && isRedirectorPath(parsed.host, `/${parsed.segments.join('/')}`)) {
      target = unwrapRedirects(s) ?? s;
      if (target !== s) {
        where = linkHost(target);
        parsed = null;
        resolved = null;
      }
    }
  }
  if (where) {
    const platform = platformOfLink(where);
    if (platform) return { kind: platform, input: target, link: true, parsed: parsed ?? parseRest(where), url: resolved };
  }
  if (bare && !s.endsWith('.') && where && isPlausibleDomain(where.host)) {
    // A plain bare host (`url` known) is clean, with no prefix or path: canonicalizeDomain(s)
    // reads exactly its host.
    return { kind: 'domain', input: s, link: false, domain: url ? registrableDomain(where.host) : undefined };
  }
  if (bare) return null;
  return { kind: 'url', input: s, link: true, url: resolved };
}

/** The kind `canonicalize` would use for `raw`, or null when it cannot tell. */
export function detectKind(raw: string): IdentifierKind | null {
  try {
    return route(raw)?.kind ?? null;
  } catch {
    return null;
  }
}

const SPECS = new Map<IdentifierKind, PlatformSpec>(PLATFORMS.map((p) => [p.kind, p]));

/** A link that detection already parsed: skip parsing it again. */
function canonicalizeParsed(kind: IdentifierKind, link: WebLink, input: string): CanonResult {
  if (kind === 'fb') return canonicalizeFacebookLink(link, input);
  const spec = SPECS.get(kind);
  return spec ? canonicalizeLinkOnPlatform(spec, link) : CANONICALIZERS[kind](input);
}

/** Add the link's own `url:` and `domain:` to a platform result; `known` is `resolveUrl(input).url` if known. */
function withLinkContext(result: CanonResult, input: string, known?: SafeBrowsingUrl | null): CanonResult {
  if (!result.ok) return result;
  // Only web links: tg:// and other app schemes have no URL worth listing.
  const sep = input.indexOf('://');
  if (sep >= 0 && sep <= 5) {
    const head = input.slice(0, 8).toLowerCase();
    if (!head.startsWith('http://') && !head.startsWith('https://')) return result;
  }
  const u = known ? { ok: true as const, url: known } : resolveUrl(input);
  if (!u.ok) return result;
  // Built directly from the canonical URL (not through a url: result and a copy of it without
  // its own `related`): this runs for every platform link.
  const own = result.value.related;
  const related: Canonical[] = [];
  if (own) for (const r of own) related.push(r);
  const indicator = `url:${u.url.url}`;
  if (indicator !== result.value.indicator) related.push({ kind: 'url', value: u.url.url, indicator, display: displayOf(u.url) });
  const domain = u.url.isIp ? null : domainIndicatorOfHost(u.url.host);
  if (domain) related.push(domain);
  const v = result.value;
  const value: Canonical = { kind: v.kind, value: v.value, indicator: v.indicator, display: v.display };
  if (v.qr) value.qr = v.qr;
  value.related = related;
  return { ok: true, value };
}

/**
 * Canonicalize one raw identifier. The kind is detected unless `opts.kind` forces it. Never
 * throws: bad input gives `{ ok: false, error: { code, message } }`.
 */
export function canonicalize(raw: string, opts: { kind?: IdentifierKind } = {}): CanonResult {
  try {
    if (typeof raw !== 'string') return fail('empty', 'No identifier given.');
    if (raw.trim().length === 0) return fail('empty', 'The input is empty.');
    if (opts.kind) {
      const canon = CANONICALIZERS[opts.kind];
      if (!canon) return fail('unknown_kind', `Unknown kind "${String(opts.kind)}".`);
      const r = canon(raw);
      return PLATFORM_KINDS.has(opts.kind) && r.ok && SCHEME.test(raw.trim()) ? withLinkContext(r, raw.trim()) : r;
    }
    const r = route(raw);
    if (!r) return fail('unknown_kind', 'Could not tell what kind of identifier this is; give the kind.');
    // Detection already resolved the link: what canonicalizeUrl(r.input) would give.
    if (r.kind === 'url' && r.url) return { ok: true, value: urlCanonical(r.url) };
    if (r.domain) return r.domain.ok ? ok('domain', r.domain.ascii, r.domain.unicode) : fail(r.domain.code, r.domain.message);
    const result = r.parsed ? canonicalizeParsed(r.kind, r.parsed, r.input) : CANONICALIZERS[r.kind](r.input);
    if (!r.link || !PLATFORM_KINDS.has(r.kind)) return result;
    // A platform link that names no account is still a link worth recording.
    if (!result.ok) {
      const asUrl = r.url ? { ok: true as const, value: urlCanonical(r.url) } : canonicalizeUrl(r.input);
      return asUrl.ok ? asUrl : result;
    }
    return withLinkContext(result, r.input, r.url);
  } catch {
    return fail('invalid', 'The identifier could not be read.');
  }
}
