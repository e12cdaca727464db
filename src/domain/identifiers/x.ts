/**
 * `x:` indicators (X, formerly Twitter).
 *
 *   x:<handle>       x.com/<handle>, twitter.com/<handle>, /<handle>/status/<id> (the account is
 *                    the subject), intent links with screen_name=, @handle when forced.
 *                    Lower case; 1–15 of a–z, 0–9 and "_".
 *   x:id:<digits>    x.com/i/user/<id>, intent links with user_id=
 *   x:status:<id>    a post whose link does not show its account (x.com/i/web/status/<id>)
 */
import { fail, ok, type CanonResult } from './types.ts';
import { canonicalizeOnPlatform, type PlatformSpec } from './platform-link.ts';
import { queryParam, type WebLink } from './web-link.ts';

const HANDLE = /^[a-z0-9_]{1,15}$/;
const NUMERIC = /^[1-9][0-9]{0,19}$/;
const HOSTS = new Set(['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'm.twitter.com']);
const RESERVED = new Set([
  'about', 'account', 'compose', 'download', 'explore', 'hashtag', 'help', 'home', 'i', 'intent', 'jobs', 'login', 'logout',
  'messages', 'notifications', 'privacy', 'search', 'settings', 'share', 'signup', 'tos', 'lists', 'topics', 'communities',
  'bookmarks', 'verified-choose', 'following', 'followers', 'rules', 'x', 'twitter',
]);

function handle(raw: string): CanonResult {
  const h = raw.toLowerCase();
  if (!HANDLE.test(h)) return fail('x_invalid', 'An X username has 1–15 letters, digits or "_".');
  if (RESERVED.has(h)) return fail('x_invalid', `x.com/${h} is an X page, not an account.`);
  return ok('x', h, `https://x.com/${h}`);
}

function numbered(type: 'id' | 'status', v: string): CanonResult {
  if (!NUMERIC.test(v)) return fail('x_invalid', `An X ${type === 'id' ? 'user id' : 'post id'} is all digits.`);
  return ok('x', `${type}:${v}`, type === 'id' ? `https://x.com/i/user/${v}` : `https://x.com/i/web/status/${v}`);
}

function fromLink(link: WebLink): CanonResult {
  const seg = link.segments;
  const first = (seg[0] ?? '').toLowerCase();
  if (!first) return fail('x_invalid', 'The X link names no account.');
  if (first === 'intent') {
    const name = queryParam(link.query, 'screen_name');
    const id = queryParam(link.query, 'user_id');
    if (name) return handle(name);
    if (id) return numbered('id', id);
    return fail('x_invalid', 'This intent link names no account.');
  }
  if (first === 'i') {
    if (seg[1] === 'user' && seg[2]) return numbered('id', seg[2]);
    const s = seg.indexOf('status');
    if (s >= 0 && seg[s + 1]) return numbered('status', seg[s + 1]!);
    return fail('x_invalid', 'This X link names no account.');
  }
  return handle(seg[0]!);
}

export const X: PlatformSpec = {
  kind: 'x',
  name: 'X',
  isHost: (link) => HOSTS.has(link.host),
  fromLink,
  fromIndicator: (v) => {
    if (v.startsWith('id:')) return numbered('id', v.slice(3));
    if (v.startsWith('status:')) return numbered('status', v.slice(7));
    return handle(v.replace(/^@/, ''));
  },
  fromBare: handle,
};

export function canonicalizeX(raw: string): CanonResult {
  return canonicalizeOnPlatform(X, raw);
}
