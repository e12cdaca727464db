import { createHash, createHmac } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { foldNarrative } from '../domain/reports/coordination.ts';
import type { Caller } from './caller.ts';
import { piiCipher, type PiiCipher } from './pii-crypto.ts';

const keys = new WeakMap<PiiCipher, Buffer>();

function sourceHmac(value: string): string {
  const cipher = piiCipher();
  let key = keys.get(cipher);
  if (!key) keys.set(cipher, (key = cipher.derive('report-source-key')));
  return createHmac('sha256', key).update(value).digest('hex').slice(0, 32);
}

/**
 * Who a report came from, pseudonymously, for reputation and coordinated-reporting checks:
 * the organization for partners and platforms (their reputation is the organization's), the
 * user for agency staff, and for the public a keyed hash (HMAC with a key derived from the PII
 * key) of the e-mail or phone they left, or else of the network they wrote from (IPv4 /24,
 * IPv6 /48). The hash cannot be turned back into the address or the contact without the key.
 */
export function sourceKeyOf(caller: Caller, contact: { email?: string; phone?: string } | null, ip: string | null): string | null {
  const a = caller.actor;
  if (a.type === 'api_key') return `org:${a.organizationId}`;
  if (a.type === 'user') return a.organizationKind === 'agency' ? `user:${a.userId}` : `org:${a.organizationId}`;
  if (a.type === 'system') return null;
  const email = contact?.email?.trim().toLowerCase();
  if (email) return `contact:${sourceHmac(`email:${email}`)}`;
  const phone = contact?.phone?.replace(/\D+/g, '');
  if (phone) return `contact:${sourceHmac(`phone:${phone}`)}`;
  const prefix = ip && !isProxyLikeAddress(ip) ? networkPrefix(ip) : null;
  return prefix ? `net:${sourceHmac(prefix)}` : null;
}

/**
 * Loopback and private addresses: a public report "from" one of these came through a reverse
 * proxy that TRUST_PROXY does not name, so every report would share it. No source then, rather
 * than flagging every case as reported "from one source".
 */
const PROXY_LIKE = new BlockList();
for (const [net, prefix] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) PROXY_LIKE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) PROXY_LIKE.addSubnet(net, prefix, 'ipv6');

export function isProxyLikeAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1]! : ip;
  const family = isIP(address);
  return family === 4 ? PROXY_LIKE.check(address, 'ipv4') : family === 6 ? PROXY_LIKE.check(address, 'ipv6') : false;
}

/** IPv4 /24 or IPv6 /48 (IPv4-mapped IPv6 addresses as IPv4); null for anything else. */
export function networkPrefix(ip: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1]! : ip;
  const version = isIP(address);
  if (version === 4) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (version !== 6) return null;
  // Expand "::" so the first three groups are the real first three groups.
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 3).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/48`;
}

/** A hash of the folded narrative (see foldNarrative): equal for copy-pasted stories. */
export function narrativeHashOf(narrative: string): string {
  return createHash('sha256').update(foldNarrative(narrative)).digest('hex').slice(0, 32);
}
