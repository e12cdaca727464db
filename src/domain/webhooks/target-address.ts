import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never be sent to (server-side request forgery): this host, private
 * networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * reserved and documentation ranges, and IPv4-mapped IPv6 (which would smuggle any of those).
 */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv6');
}

/** True for an address a webhook must not reach; anything that is not an IP address is refused too. */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return true;
  if (family === 4) return FORBIDDEN.check(bare, 'ipv4');
  // IPv4-mapped (::ffff:a.b.c.d, in any spelling): refused whole. Not in the block list, which
  // would then match every IPv4 address against it.
  if (new URL(`http://[${bare}]/`).hostname.toLowerCase().startsWith('[::ffff:')) return true;
  return FORBIDDEN.check(bare, 'ipv6');
}

export type TargetUrlProblem = { ok: true; url: URL } | { ok: false; message: string };

/** The URL's shape: http(s), no credentials in it, a host, at most 2,000 characters. */
export function parseTargetUrl(raw: string): TargetUrlProblem {
  if (raw.length > 2000) return { ok: false, message: 'The URL is longer than 2,000 characters.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'Not a valid URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'Only https:// (or http://) URLs can receive webhooks.' };
  if (url.username || url.password) return { ok: false, message: 'Put no user name or password in the URL; verify the signature instead.' };
  if (!url.hostname) return { ok: false, message: 'The URL names no host.' };
  return { ok: true, url };
}

/** The host part as DNS or an address literal wants it (`[::1]` → `::1`). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}
