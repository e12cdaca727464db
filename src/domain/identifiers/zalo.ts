/**
 * `zalo:` indicators. Zalo accounts are found by phone number, so a link to one
 * (`zalo.me/0912345678`, `zalo.me/84912345678`) yields the `phone:` indicator: the scam actor
 * is that number, on Zalo or anywhere else.
 *
 *   zalo:<id>        an Official Account or user id (zalo.me/<digits> that is not a phone number,
 *                    zalo.me/s/<id>)
 *   zalo:g:<code>    a group invite (zalo.me/g/<code>); the code is case-sensitive
 */
import { fail, ok, type CanonResult } from './types.ts';
import { canonicalizeOnPlatform, type PlatformSpec } from './platform-link.ts';
import type { WebLink } from './web-link.ts';
import { canonicalizePhone } from './phone.ts';

const ID = /^[1-9][0-9]{5,24}$/;
const GROUP = /^[A-Za-z0-9_-]{4,40}$/;
const HOSTS = new Set(['zalo.me', 'www.zalo.me', 'chat.zalo.me']);

/** A phone number if it is one, else a Zalo id. */
function phoneOrId(token: string): CanonResult {
  const t = token.trim();
  if (/^[+0-9 .()-]+$/.test(t)) {
    const compact = t.replace(/[ .()-]/g, '');
    const phone = canonicalizePhone(compact.startsWith('84') && compact.length === 11 ? `+${compact}` : t);
    if (phone.ok) return phone;
    if (ID.test(compact)) return ok('zalo', compact, `https://zalo.me/${compact}`);
  }
  return fail('zalo_invalid', 'A Zalo link names a phone number, a numeric id or a group invite.');
}

function group(code: string): CanonResult {
  return GROUP.test(code) ? ok('zalo', `g:${code}`, `https://zalo.me/g/${code}`) : fail('zalo_invalid', 'Not a Zalo group invite code.');
}

function fromLink(link: WebLink): CanonResult {
  const [first, second] = link.segments;
  if (!first) return fail('zalo_invalid', 'The Zalo link names no account.');
  if (first === 'g' && second) return group(second);
  if (first === 's' && second) return phoneOrId(second);
  return phoneOrId(first);
}

export const ZALO: PlatformSpec = {
  kind: 'zalo',
  name: 'Zalo',
  isHost: (link) => HOSTS.has(link.host),
  fromLink,
  fromIndicator: (v) => (v.startsWith('g:') ? group(v.slice(2)) : phoneOrId(v)),
  fromBare: phoneOrId,
};

export function canonicalizeZalo(raw: string): CanonResult {
  return canonicalizeOnPlatform(ZALO, raw);
}
