import { domainToUnicode } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { registrableDomain } from '../identifiers/domain.ts';
import { BRAND_KEYS, OFFICIAL_DOMAINS, type Brand } from './brands.ts';
import { skeleton } from './confusables.ts';
import type { RiskReason } from './types.ts';

/**
 * Signals of one link or handle: look-alike brand names (edit distance, Unicode confusables),
 * a brand's name inside another owner's domain or subdomain, punycode, top-level domains that
 * are cheap and mostly abused, and link shorteners (the target is hidden).
 */
export const LINK_WEIGHTS = {
  confusable: 40,
  typosquat: 35,
  brandInSubdomain: 30,
  brandInDomain: 25,
  handle: 20,
  punycode: 10,
  suspiciousTld: 10,
  shortener: 8,
} as const;

/**
 * Top-level domains that are cheap to register and over-represented in phishing reports
 * (Spamhaus and Interisle's yearly phishing studies list most of these). Data, not a verdict:
 * it only adds a few points.
 */
export const SUSPICIOUS_TLDS: ReadonlySet<string> = new Set([
  'top', 'xyz', 'icu', 'click', 'cyou', 'vip', 'online', 'site', 'live', 'buzz', 'sbs', 'cfd', 'bond', 'tk', 'ml', 'ga', 'cf', 'gq',
  'rest', 'quest', 'monster', 'lol', 'mom', 'fun', 'win', 'bid', 'loan', 'work', 'support', 'shop', 'store', 'cc', 'pw', 'club', 'link',
  'info', 'asia', 'today', 'space', 'website', 'host', 'cam', 'ltd',
]);

/** Link shorteners: the real destination is known only to their server. */
export const SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 'goo.gl', 't.co', 'is.gd', 'v.gd', 'cutt.ly', 'shorturl.at', 'rb.gy', 's.id', 'tiny.cc', 'ow.ly',
  'rebrand.ly', 'shorten.asia', 'bom.so', 'urlzs.com', 'short.gy', 'tinyurl.vn', 'rutgon.me', 'link1s.com',
]);

/** Brand keys with their skeletons, computed once. */
const KEYS = BRAND_KEYS.map(({ key, brand }) => ({ key, brand, skel: skeleton(key) }));

/** Allowed edit distance between a name and a brand key: none under 5 letters, 1 up to 7, 2 beyond. */
function maxDistance(key: string): number {
  if (key.length < 5) return 0;
  return key.length < 8 ? 1 : 2;
}

interface BrandHit {
  signal: string;
  weight: number;
  brand: Brand;
  how: string;
}

/** One adjacent transposition apart ("mbbakn" for "mbbank"): Levenshtein counts it as two edits. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** The strongest brand look-alike in one name (a domain label or a handle), if any. */
function brandLookalike(name: string): BrandHit | null {
  const compact = name.replace(/[^a-z0-9\u0080-\uffff]/g, '');
  if (compact.length < 3) return null;
  const skel = skeleton(compact);
  const ascii = /^[a-z0-9]+$/.test(compact);
  for (const { key, brand, skel: keySkel } of KEYS) {
    if (compact === key) return null;
    if (skel === keySkel) return { signal: 'link.confusable_brand', weight: LINK_WEIGHTS.confusable, brand, how: `"${name}" looks like "${key}" (look-alike characters)` };
  }
  for (const { key, brand, skel: keySkel } of KEYS) {
    const max = maxDistance(key);
    if (max === 0 || Math.abs(compact.length - key.length) > max + 1) continue;
    const d = isTransposition(ascii ? compact : skel, ascii ? key : keySkel) ? 1 : ascii ? distance(compact, key) : distance(skel, keySkel);
    if (d > 0 && d <= max) return { signal: 'link.lookalike_brand', weight: LINK_WEIGHTS.typosquat, brand, how: `"${name}" is ${d} letter${d > 1 ? 's' : ''} away from "${key}"` };
  }
  return null;
}

/** A brand key inside a longer name ("vietcombank-xacminh", "cskhshopee"). */
function brandInside(name: string): Brand | null {
  const compact = skeleton(name.replace(/[^a-z0-9\u0080-\uffff]/g, ''));
  for (const { key, brand, skel } of KEYS) {
    if (key.length < 4) continue;
    if (compact !== skel && compact.includes(skel)) return brand;
  }
  return null;
}

/** Signals of one host name (lower case, ASCII or punycode). */
export function hostReasons(host: string): RiskReason[] {
  const reasons: RiskReason[] = [];
  const d = registrableDomain(host);
  if (!d.ok) return reasons;
  const domain = d.ascii;
  if (SHORTENERS.has(domain)) {
    reasons.push({ signal: 'link.shortener', weight: LINK_WEIGHTS.shortener, detail: `${domain} is a link shortener: the real destination is hidden.` });
    return reasons;
  }
  if (OFFICIAL_DOMAINS.has(domain)) return reasons;
  const unicodeHost = host.includes('xn--') ? domainToUnicode(host) || host : host;
  if (host.includes('xn--')) {
    reasons.push({ signal: 'link.punycode', weight: LINK_WEIGHTS.punycode, detail: `${host} is an internationalized name (punycode), shown as ${unicodeHost}.` });
  }
  const tld = d.suffix.split('.').pop() ?? '';
  if (SUSPICIOUS_TLDS.has(tld)) {
    reasons.push({ signal: 'link.suspicious_tld', weight: LINK_WEIGHTS.suspiciousTld, detail: `.${tld} is a top-level domain often used for throw-away scam sites.` });
  }
  const unicodeDomain = d.unicode;
  const suffixLength = d.suffix.length > 0 ? d.suffix.length + 1 : 0;
  const label = (unicodeDomain.includes('xn--') ? domainToUnicode(domain) || domain : unicodeDomain).slice(0, -suffixLength || undefined);
  const subdomain = unicodeHost.length > unicodeDomain.length ? unicodeHost.slice(0, unicodeHost.length - unicodeDomain.length - 1) : '';

  // The registrable label: its hyphen-separated parts ("vietcornbank-xacminh"), then a brand
  // inside it ("vietcombankxacminh"), then the whole label ("vietcombnak").
  let hit: BrandHit | null = null;
  const parts = label.split('-');
  if (parts.length > 1) {
    for (const part of parts) {
      hit = brandLookalike(part);
      if (hit) break;
    }
  }
  const inside = hit ? null : brandInside(label);
  if (!hit && !inside) hit = brandLookalike(label);
  if (hit) {
    reasons.push({ signal: hit.signal, weight: hit.weight, detail: `${domain}: ${hit.how}, a protected brand (${hit.brand.name}) that does not own this domain.` });
  } else if (inside) {
    reasons.push({ signal: 'link.brand_in_domain', weight: LINK_WEIGHTS.brandInDomain, detail: `${domain} contains the name of ${inside.name} but does not belong to it.` });
  }
  if (subdomain) {
    let brand: Brand | null = null;
    for (const part of subdomain.split(/[.-]/)) {
      const inside = OFFICIAL_DOMAINS.get(part) ?? brandLookalike(part)?.brand ?? KEYS.find((k) => k.key.length >= 4 && skeleton(part).includes(k.skel))?.brand ?? null;
      if (inside) {
        brand = inside;
        break;
      }
    }
    if (brand) {
      reasons.push({
        signal: 'link.brand_in_subdomain',
        weight: LINK_WEIGHTS.brandInSubdomain,
        detail: `${host} puts the name of ${brand.name} in front of another owner's domain (${domain}).`,
      });
    }
  }
  return reasons;
}

/** Signals of a platform handle (Telegram, TikTok, Facebook, Instagram, X): a brand's name in an account that is not the brand's. */
export function handleReasons(kind: string, handle: string): RiskReason[] {
  const name = handle.toLowerCase();
  const hit = brandLookalike(name);
  if (hit) {
    return [{ signal: 'handle.brand_impersonation', weight: LINK_WEIGHTS.handle, detail: `The ${kind} account ${handle}: ${hit.how}, a protected brand (${hit.brand.name}).` }];
  }
  const inside = brandInside(name);
  if (inside) {
    return [{ signal: 'handle.brand_impersonation', weight: LINK_WEIGHTS.handle, detail: `The ${kind} account ${handle} uses the name of ${inside.name}; brands' real accounts are listed on their own websites.` }];
  }
  return [];
}
