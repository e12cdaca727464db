/**
 * `tiktok:` indicators.
 *
 *   tiktok:<handle>        tiktok.com/@handle, /@handle/video/<id> (the account is the subject),
 *                          @handle when the kind is forced. Lower case; 2–24 of a–z, 0–9, "_" and
 *                          ".", not ending with ".".
 *   tiktok:share:<code>    vm.tiktok.com/<code>, vt.tiktok.com/<code>, tiktok.com/t/<code>: short
 *                          links whose target only TikTok's server knows; the code keeps its case.
 */
import { fail, ok, type CanonResult } from './types.ts';
import { canonicalizeOnPlatform, type PlatformSpec } from './platform-link.ts';
import type { WebLink } from './web-link.ts';

const HANDLE = /^[a-z0-9_.]{1,23}[a-z0-9_]$/;
const CODE = /^[A-Za-z0-9]{5,20}$/;
const HOSTS = new Set(['tiktok.com', 'www.tiktok.com', 'm.tiktok.com', 'vm.tiktok.com', 'vt.tiktok.com']);

function handle(raw: string): CanonResult {
  const h = raw.toLowerCase();
  if (!HANDLE.test(h)) return fail('tiktok_invalid', 'A TikTok username has 2–24 letters, digits, "_" or "." and does not end with ".".');
  return ok('tiktok', h, `https://www.tiktok.com/@${h}`);
}

function share(code: string): CanonResult {
  return CODE.test(code) ? ok('tiktok', `share:${code}`, `https://vt.tiktok.com/${code}/`) : fail('tiktok_invalid', 'Not a TikTok short-link code.');
}

function fromLink(link: WebLink): CanonResult {
  const [first, second] = link.segments;
  if (link.host === 'vm.tiktok.com' || link.host === 'vt.tiktok.com') return first ? share(first) : fail('tiktok_invalid', 'The short link has no code.');
  if (first?.startsWith('@')) return handle(first.slice(1));
  if (first === 't' && second) return share(second);
  return fail('tiktok_invalid', 'A TikTok link to an account has /@username in it.');
}

export const TIKTOK: PlatformSpec = {
  kind: 'tiktok',
  name: 'TikTok',
  isHost: (link) => HOSTS.has(link.host),
  fromLink,
  fromIndicator: (v) => (v.startsWith('share:') ? share(v.slice(6)) : handle(v.replace(/^@/, ''))),
  fromBare: handle,
};

export function canonicalizeTiktok(raw: string): CanonResult {
  return canonicalizeOnPlatform(TIKTOK, raw);
}
