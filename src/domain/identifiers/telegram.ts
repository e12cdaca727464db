/**
 * `telegram:` indicators.
 *
 *   telegram:<handle>   public users, bots, channels and groups: t.me/<handle>, t.me/s/<handle>,
 *                       t.me/<handle>/<post>, <handle>.t.me, telegram.me/…, telegram.dog/…,
 *                       tg://resolve?domain=<handle>, and @handle when the kind is forced.
 *                       Lower case (Telegram usernames are case-insensitive); 4–32 characters
 *                       of a–z, 0–9 and "_", starting with a letter, not ending with "_".
 *   telegram:+<hash>    private invite links: t.me/+<hash>, t.me/joinchat/<hash>,
 *                       tg://join?invite=<hash>; the hash is case-sensitive.
 *
 * t.me/+84912345678 is Telegram's link to a phone number, so it yields the `phone:` indicator.
 */
import { fail, type CanonResult } from './types.ts';
import { canonicalizeOnPlatform, handleResult, type PlatformSpec } from './platform-link.ts';
import { queryParam, type WebLink } from './web-link.ts';
import { canonicalizePhone } from './phone.ts';

const HANDLE = /^[a-z][a-z0-9_]{2,30}[a-z0-9]$/;
const INVITE = /^[A-Za-z0-9_-]{10,64}$/;
const HOSTS = new Set(['t.me', 'www.t.me', 'telegram.me', 'www.telegram.me', 'telegram.dog', 'www.telegram.dog']);
// Paths of t.me that are Telegram features, not usernames.
const RESERVED = new Set([
  'addstickers', 'addemoji', 'addtheme', 'addlist', 'bg', 'boost', 'confirmphone', 'contact', 'giftcode', 'invoice', 'iv',
  'joinchat', 'login', 'proxy', 'setlanguage', 'share', 'socks', 'c', 's', 'm', 'nft', 'multigift',
]);

function handle(raw: string): CanonResult {
  const h = raw.toLowerCase();
  if (!HANDLE.test(h) || h.includes('__')) {
    return fail('telegram_invalid', 'A Telegram username has 4–32 letters, digits or "_", starts with a letter and does not end with "_".');
  }
  if (RESERVED.has(h)) return fail('telegram_invalid', `t.me/${h} is a Telegram feature, not a username.`);
  return handleResult('telegram', h, `https://t.me/${h}`);
}

function invite(hash: string): CanonResult {
  if (/^\+?\d{7,15}$/.test(hash)) return canonicalizePhone(`+${hash.replace(/^\+/, '')}`);
  if (!INVITE.test(hash)) return fail('telegram_invalid', 'Not a Telegram invite link.');
  return handleResult('telegram', `+${hash}`, `https://t.me/+${hash}`);
}

function fromLink(link: WebLink): CanonResult {
  if (link.scheme === 'tg') {
    if (link.host === 'resolve') {
      const domain = queryParam(link.query, 'domain');
      const phone = queryParam(link.query, 'phone');
      if (domain) return handle(domain);
      if (phone) return canonicalizePhone(`+${phone.replace(/^\+/, '')}`);
    }
    if (link.host === 'join') {
      const hash = queryParam(link.query, 'invite');
      if (hash) return invite(hash);
    }
    return fail('telegram_invalid', 'This tg:// link names no user, channel or invite.');
  }
  if (link.host.endsWith('.t.me') && !link.host.startsWith('www.')) return handle(link.host.slice(0, -'.t.me'.length));
  const [first, second] = link.segments;
  if (!first) return fail('telegram_invalid', 'The Telegram link names no user or channel.');
  if (first.startsWith('+')) return invite(first.slice(1));
  const lower = first.toLowerCase();
  if (lower === 'joinchat' && second) return invite(second);
  if (lower === 's' && second) return handle(second);
  return handle(first);
}

export const TELEGRAM: PlatformSpec = {
  kind: 'telegram',
  name: 'Telegram',
  isHost: (link) => link.scheme === 'tg' || HOSTS.has(link.host) || (link.host.endsWith('.t.me') && link.host.split('.').length === 3),
  fromLink,
  fromIndicator: (v) => (v.startsWith('+') ? invite(v.slice(1)) : handle(v.replace(/^@/, ''))),
  fromBare: (token) => (token.startsWith('+') ? invite(token.slice(1)) : handle(token)),
};

export function canonicalizeTelegram(raw: string): CanonResult {
  return canonicalizeOnPlatform(TELEGRAM, raw);
}
