/**
 * Well-known redirectors and wrappers whose target is written in the link itself, so it can be
 * read offline. A report of `l.facebook.com/l.php?u=https://evil.example/` is about
 * `evil.example`, not about Facebook.
 *
 * Deliberately absent: link shorteners (t.co, bit.ly, tinyurl, goo.gl, fb.me for URLs, s.id,
 * shorturl.at…) and Bing/Proofpoint style encoded wrappers. Their target is only known to their
 * server; resolving them needs a network request, which is not this module's job.
 */
import { hostIs, parseWebLink, queryParam, type WebLink } from './web-link.ts';
import { unescapeFully } from './safe-browsing.ts';

interface Redirector {
  /** Who it belongs to, for the documentation and tests. */
  name: string;
  host: (host: string) => boolean;
  /** Lower-case path without trailing slash; "*" for any path. */
  paths: string[];
  params: string[];
}

const GOOGLE = /^(?:www\.)?google\.(?:com?\.)?[a-z]{2,3}$/;

const exact =
  (...hosts: string[]) =>
  (h: string): boolean =>
    hosts.includes(h);

const FACEBOOK_HOSTS = exact('l.facebook.com', 'lm.facebook.com', 'facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'mbasic.facebook.com', 'l.messenger.com');

export const REDIRECTORS: readonly Redirector[] = [
  { name: 'Facebook link shim', host: FACEBOOK_HOSTS, paths: ['/l.php'], params: ['u'] },
  { name: 'Facebook share dialog', host: FACEBOOK_HOSTS, paths: ['/sharer/sharer.php', '/sharer.php', '/share.php'], params: ['u'] },
  { name: 'Instagram link shim', host: exact('l.instagram.com'), paths: ['', '/'], params: ['u'] },
  { name: 'Threads link shim', host: exact('l.threads.net', 'l.threads.com'), paths: ['', '/'], params: ['u'] },
  {
    name: 'Google search result link',
    host: (h) => GOOGLE.test(h),
    paths: ['/url'],
    params: ['q', 'url'],
  },
  { name: 'YouTube link', host: exact('youtube.com', 'www.youtube.com', 'm.youtube.com'), paths: ['/redirect'], params: ['q'] },
  { name: 'VK away page', host: exact('vk.com', 'm.vk.com'), paths: ['/away.php'], params: ['to'] },
  { name: 'LinkedIn redirect', host: exact('linkedin.com', 'www.linkedin.com'), paths: ['/redir/redirect', '/safety/go'], params: ['url'] },
  { name: 'Slack redirect', host: exact('slack-redir.net'), paths: ['/link'], params: ['url'] },
  { name: 'Reddit outbound', host: exact('out.reddit.com'), paths: ['*'], params: ['url'] },
  { name: 'Steam link filter', host: exact('steamcommunity.com'), paths: ['/linkfilter'], params: ['url', 'u'] },
  { name: 'Outlook Safe Links', host: (h) => hostIs(h, 'safelinks.protection.outlook.com'), paths: ['', '/'], params: ['url'] },
];

/** Only targets that are web links; `u=javascript:…` and junk are not followed. */
function plausibleTarget(t: string): boolean {
  const s = t.trim();
  if (s.length < 4 || /\s/.test(s)) return false;
  if (/^https?:\/\//i.test(s) || /^https?%3a/i.test(s)) return true;
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?:]|$)/i.test(s);
}

function pathOf(link: WebLink): string {
  return link.segments.length === 0 ? '' : '/' + link.segments.join('/').toLowerCase();
}

const REDIRECTOR_HOSTS = new Set([
  'l.facebook.com', 'lm.facebook.com', 'facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com',
  'mbasic.facebook.com', 'l.messenger.com', 'l.instagram.com', 'l.threads.net', 'l.threads.com', 'youtube.com',
  'www.youtube.com', 'm.youtube.com', 'vk.com', 'm.vk.com', 'linkedin.com', 'www.linkedin.com', 'slack-redir.net',
  'out.reddit.com', 'steamcommunity.com',
]);

/** Every path some redirector listens on, so most paths on a redirector host are ruled out at once. */
const REDIRECTOR_PATHS = new Set<string>();
for (const r of REDIRECTORS) for (const p of r.paths) if (p !== '*') REDIRECTOR_PATHS.add(p);
const ANY_PATH = REDIRECTORS.filter((r) => r.paths.includes('*'));

/** Cheap screen on an already lower-cased host, so ordinary links skip the parsing below. */
export function isRedirectorHost(host: string): boolean {
  if (REDIRECTOR_HOSTS.has(host)) return true;
  if (host.includes('google.') && GOOGLE.test(host)) return true;
  return host.endsWith('.safelinks.protection.outlook.com');
}

/**
 * Whether a canonical host and path are one of the redirectors, so that the common case (a
 * Facebook or Google link that is not a redirect) skips parsing the link again.
 */
export function isRedirectorPath(host: string, path: string): boolean {
  if (!isRedirectorHost(host)) return false;
  let p = path.toLowerCase();
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  if (p === '/') p = '';
  if (host.includes('google.') && GOOGLE.test(host)) return p === '/url' || p.startsWith('/amp/');
  if (!REDIRECTOR_PATHS.has(p)) return ANY_PATH.some((r) => r.host(host));
  for (const r of REDIRECTORS) {
    if (r.host(host) && (r.paths.includes('*') || r.paths.includes(p))) return true;
  }
  return false;
}

/** The target of one redirector hop, or null when `raw` is not a known redirector. */
export function unwrapOnce(raw: string): string | null {
  const link = parseWebLink(raw);
  if (!link || (link.scheme !== '' && link.scheme !== 'http' && link.scheme !== 'https')) return null;
  if (!isRedirectorHost(link.host)) return null;
  const path = pathOf(link);
  // Google AMP cache viewer: /amp/s/<host>/<path> is https, /amp/<host>/<path> is http.
  if (GOOGLE.test(link.host) && link.segments[0] === 'amp' && link.segments.length > 1) {
    const secure = link.segments[1] === 's';
    const target = link.segments.slice(secure ? 2 : 1).join('/');
    if (target && plausibleTarget(target)) return `${secure ? 'https' : 'http'}://${target}${link.query ? '?' + link.query : ''}`;
    return null;
  }
  for (const r of REDIRECTORS) {
    if (!r.host(link.host)) continue;
    if (!r.paths.includes('*') && !r.paths.includes(path)) continue;
    for (const p of r.params) {
      const v = queryParam(link.query, p);
      // Fully unescaped, as Safe Browsing will see it: "%2568ttps%3A…" is a link too.
      const t = v === null ? null : unescapeFully(v).trim();
      if (t !== null && plausibleTarget(t)) return t;
    }
  }
  return null;
}

export const MAX_REDIRECT_HOPS = 8;

/**
 * Follow redirectors until the link is not one. Returns the final link (the input itself when
 * it is not wrapped), or null when the chain is longer than `MAX_REDIRECT_HOPS` (a loop).
 */
export function unwrapRedirects(raw: string): string | null {
  let current = raw;
  for (let hop = 0; hop <= MAX_REDIRECT_HOPS; hop++) {
    const next = unwrapOnce(current);
    if (next === null) return current;
    current = next;
  }
  return null;
}
