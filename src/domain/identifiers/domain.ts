/**
 * `domain:` indicators: the registrable domain (the part a person can register, "eTLD+1") of a
 * host, by the public suffix list (tldts), IDN as punycode.
 *
 * Private suffixes are on (`allowPrivateDomains: true`): on shared hosting such as
 * `github.io`, `blogspot.com`, `web.app`, `netlify.app` or `pages.dev`, every customer's
 * subdomain belongs to a different person, so the scam actor is `scam-shop.github.io`, not
 * `github.io`. Listing the platform itself would block every honest user of it.
 *
 * Unknown top-level labels (`.example`, `.test`, `.internal`) follow the list's implicit `*`
 * rule (the last label is the suffix), so they are accepted here; whether a bare word such as
 * `main.py` is meant as a domain is for detection to decide (see `index.ts`).
 */
import { parse } from 'tldts';
import { domainToASCII, domainToUnicode } from 'node:url';
import { fail, ok, type CanonResult, type Canonical } from './types.ts';
import { deobfuscateText } from './deobfuscate.ts';
import { parseWebLink } from './web-link.ts';
import { parseIPv4 } from './safe-browsing.ts';

const TLDTS_OPTIONS = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false } as const;
const ASCII_HOST = /^[a-z0-9.-]+$/;

export type HostToDomain =
  | { ok: true; ascii: string; unicode: string; suffix: string; isIcann: boolean; isPrivate: boolean }
  | { ok: false; code: 'domain_invalid' | 'domain_is_suffix' | 'domain_is_ip'; message: string };

/** Punycode, lower case, no trailing dot; null when it cannot be a host name. */
export function hostToAscii(host: string): string | null {
  let h = host.trim();
  while (h.endsWith('.')) h = h.slice(0, -1);
  if (h.length === 0) return null;
  if (!ASCII_HOST.test(h)) {
    h = domainToASCII(h);
    if (!h) return null;
  }
  return h;
}

function isIpLiteral(h: string): boolean {
  return h.startsWith('[') || h.includes(':') || (/^[0-9a-fx.]+$/i.test(h) && parseIPv4(h) !== null);
}

const VALID_HOST = /^(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+(?!(?:[0-9]+|0x[0-9a-f]*)$)(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const cache = new Map<string, HostToDomain>();

/** The Unicode spelling for display, only when it converts back to the same punycode. */
function unicodeOf(ascii: string): string {
  if (!ascii.includes('xn--')) return ascii;
  const u = domainToUnicode(ascii);
  return u && domainToASCII(u) === ascii ? u : ascii;
}

/** The registrable domain of a host name (not a URL). Pure; results are memoised per host. */
export function registrableDomain(host: string): HostToDomain {
  let r = cache.get(host);
  if (r === undefined) {
    r = computeRegistrableDomain(host);
    // A bounded memo: host names repeat a lot in reports and feeds.
    if (cache.size >= 10_000) cache.clear();
    cache.set(host, r);
  }
  return r;
}

function computeRegistrableDomain(host: string): HostToDomain {
  const raw = host.trim();
  if (isIpLiteral(raw)) return { ok: false, code: 'domain_is_ip', message: 'An IP address is not a domain; report it as a url.' };
  const ascii = hostToAscii(raw.toLowerCase());
  if (ascii === null || ascii.length > 253) return { ok: false, code: 'domain_invalid', message: 'Not a valid host name.' };
  if (isIpLiteral(ascii)) return { ok: false, code: 'domain_is_ip', message: 'An IP address is not a domain; report it as a url.' };
  if (!VALID_HOST.test(ascii)) {
    if (!ascii.includes('.')) return { ok: false, code: 'domain_invalid', message: 'A domain has at least two labels, such as example.vn.' };
    return { ok: false, code: 'domain_invalid', message: 'Not a valid host name (letters, digits and hyphens between dots; the last label not all digits).' };
  }
  const p = parse(ascii, TLDTS_OPTIONS);
  if (!p.domain) {
    return { ok: false, code: 'domain_is_suffix', message: `${ascii} is a public suffix that many owners share, not a registrable domain.` };
  }
  return {
    ok: true,
    ascii: p.domain,
    unicode: unicodeOf(p.domain),
    suffix: p.publicSuffix ?? '',
    isIcann: p.isIcann === true,
    isPrivate: p.isPrivate === true,
  };
}

/** The `domain:` indicator of a host, for the `related` list of URLs and platform links. */
export function domainIndicatorOfHost(host: string): Canonical | null {
  const d = registrableDomain(host);
  if (!d.ok) return null;
  const r = ok('domain', d.ascii, d.unicode);
  return r.ok ? r.value : null;
}

export function canonicalizeDomain(raw: string): CanonResult {
  try {
    let s = deobfuscateText(raw.trim());
    if (s.charCodeAt(6) === 0x3a && s.slice(0, 7).toLowerCase() === 'domain:') s = s.slice(7).trim();
    if (s.length === 0) return fail('empty', 'The input is empty.');
    // A pasted link stands for its host's domain.
    if (/[/?@:#]/.test(s)) {
      const link = parseWebLink(s);
      if (!link) return fail('domain_invalid', 'No host name found in the input.');
      s = link.host;
    }
    const d = registrableDomain(s);
    if (!d.ok) return fail(d.code, d.message);
    return ok('domain', d.ascii, d.unicode);
  } catch {
    return fail('domain_invalid', 'Not a valid domain.');
  }
}
