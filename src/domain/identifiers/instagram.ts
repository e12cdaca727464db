/**
 * `instagram:` indicators.
 *
 *   instagram:<handle>    instagram.com/<handle>, /stories/<handle>/…, /<handle>/p/<code>,
 *                         instagr.am/<handle>, @handle when the kind is forced. Lower case; 1–30
 *                         of a–z, 0–9, "_" and ".", no leading, trailing or double ".".
 *   instagram:p:<code>    a post or reel without its account in the link (/p/<code>, /reel/<code>,
 *                         /reels/<code>, /tv/<code>); the shortcode keeps its case.
 */
import { fail, ok, type CanonResult } from './types.ts';
import { canonicalizeOnPlatform, type PlatformSpec } from './platform-link.ts';
import type { WebLink } from './web-link.ts';

const HANDLE = /^(?!\.)(?!.*\.\.)[a-z0-9._]{1,30}(?<!\.)$/;
const SHORTCODE = /^[A-Za-z0-9_-]{5,64}$/;
const HOSTS = new Set(['instagram.com', 'www.instagram.com', 'm.instagram.com', 'instagr.am', 'www.instagr.am']);
const RESERVED = new Set([
  'about', 'accounts', 'api', 'challenge', 'developer', 'direct', 'emails', 'explore', 'graphql', 'legal', 'nametag', 'oauth',
  'p', 'privacy', 'qr', 'reel', 'reels', 'session', 'stories', 'tv', 'web', 'ar', 'static', 'help', 'press', 'terms', 'topics',
  'create', 'lite', 'download',
]);

function handle(raw: string): CanonResult {
  const h = raw.toLowerCase();
  if (!HANDLE.test(h)) return fail('instagram_invalid', 'An Instagram username has 1–30 letters, digits, "_" or ".", without a leading, trailing or double ".".');
  if (RESERVED.has(h)) return fail('instagram_invalid', `instagram.com/${h} is an Instagram page, not an account.`);
  return ok('instagram', h, `https://www.instagram.com/${h}/`);
}

function post(code: string): CanonResult {
  return SHORTCODE.test(code) ? ok('instagram', `p:${code}`, `https://www.instagram.com/p/${code}/`) : fail('instagram_invalid', 'Not an Instagram post code.');
}

function fromLink(link: WebLink): CanonResult {
  const [first, second, third] = link.segments;
  if (!first) return fail('instagram_invalid', 'The Instagram link names no account.');
  const lower = first.toLowerCase();
  if (['p', 'reel', 'reels', 'tv'].includes(lower)) return second ? post(second) : fail('instagram_invalid', 'The post link has no code.');
  if (lower === 'stories') return second && second !== 'highlights' ? handle(second) : fail('instagram_invalid', 'This story link names no account.');
  if (third && ['p', 'reel'].includes((second ?? '').toLowerCase())) return handle(first);
  return handle(first);
}

export const INSTAGRAM: PlatformSpec = {
  kind: 'instagram',
  name: 'Instagram',
  isHost: (link) => HOSTS.has(link.host),
  fromLink,
  fromIndicator: (v) => (v.startsWith('p:') ? post(v.slice(2)) : handle(v.replace(/^@/, ''))),
  fromBare: handle,
};

export function canonicalizeInstagram(raw: string): CanonResult {
  return canonicalizeOnPlatform(INSTAGRAM, raw);
}
