import { lookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, isForbiddenAddress, parseTargetUrl } from '../domain/webhooks/target-address.ts';

/** A target the configuration does not allow: a private, loopback, link-local or metadata address. */
export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefused';
  }
}

type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemLookupAll: LookupAll = (hostname) =>
  new Promise((resolve, reject) => lookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * Checks a target URL as it is registered: its shape, and every address its host resolves to
 * now. Throws TargetRefused with a sentence for the caller. The same check runs again on the
 * address each delivery connects to (`guardedLookup`), since DNS can change in between.
 */
export async function checkTarget(raw: string, allowPrivate: boolean, lookupAll: LookupAll = systemLookupAll): Promise<URL> {
  const parsed = parseTargetUrl(raw);
  if (!parsed.ok) throw new TargetRefused(parsed.message);
  if (allowPrivate) return parsed.url;
  const host = hostOf(parsed.url);
  if (isIP(host)) {
    if (isForbiddenAddress(host)) throw new TargetRefused(`${host} is a private, loopback, link-local or reserved address.`);
    return parsed.url;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookupAll(host);
  } catch {
    throw new TargetRefused(`The host ${host} does not resolve.`);
  }
  const bad = addresses.find((a) => isForbiddenAddress(a.address));
  if (bad) throw new TargetRefused(`The host ${host} resolves to ${bad.address}, a private, loopback, link-local or reserved address.`);
  return parsed.url;
}

/**
 * A `lookup` for http.request that resolves the host and refuses forbidden addresses, so the
 * connection goes to exactly the address that was checked (no DNS rebinding between a check
 * and the connection).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, family: options.family ?? 0, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const bad = allowPrivate ? undefined : addresses.find((a) => isForbiddenAddress(a.address));
      if (bad) return callback(new TargetRefused(`${hostname} resolves to ${bad.address}, a private, loopback, link-local or reserved address.`), '', 0);
      if (addresses.length === 0) return callback(new Error(`${hostname} has no address`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
