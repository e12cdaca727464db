/**
 * Vietnam's mobile networks and the prefixes of their numbers under the current (2018) plan,
 * as data: the first two digits of the national significant number, after `+84` or the trunk
 * `0`. A telco organization names its network; events about numbers with its prefixes are
 * routed to it. Numbers ported to another network keep their original prefix (mobile number
 * portability since 2019), so routing by prefix reaches the network that issued the number.
 */
export const MOBILE_NETWORKS = {
  viettel: { name: 'Viettel', prefixes: ['32', '33', '34', '35', '36', '37', '38', '39', '86', '96', '97', '98'] },
  vinaphone: { name: 'VinaPhone', prefixes: ['81', '82', '83', '84', '85', '88', '91', '94'] },
  mobifone: { name: 'MobiFone', prefixes: ['70', '76', '77', '78', '79', '89', '90', '93'] },
  vietnamobile: { name: 'Vietnamobile', prefixes: ['52', '56', '58', '92'] },
  gmobile: { name: 'Gmobile', prefixes: ['59', '99'] },
  itelecom: { name: 'Itelecom', prefixes: ['87'] },
  reddi: { name: 'Reddi', prefixes: ['55'] },
} as const satisfies Record<string, { name: string; prefixes: readonly string[] }>;

export type MobileNetwork = keyof typeof MOBILE_NETWORKS;
export const MOBILE_NETWORK_IDS = Object.keys(MOBILE_NETWORKS) as MobileNetwork[];

const NETWORK_BY_PREFIX: ReadonlyMap<string, MobileNetwork> = new Map(
  MOBILE_NETWORK_IDS.flatMap((id) => MOBILE_NETWORKS[id].prefixes.map((p): [string, MobileNetwork] => [p, id])),
);

export function isMobileNetwork(value: string): value is MobileNetwork {
  return Object.hasOwn(MOBILE_NETWORKS, value);
}

/**
 * The network of a canonical phone number (`+84912345678`), or null for a landline, a foreign
 * number or an unknown prefix. Only 10-digit Vietnamese mobile numbers (9 after `+84`) match.
 */
export function networkOfPhone(e164: string): MobileNetwork | null {
  const m = /^\+84(\d{9})$/.exec(e164);
  if (!m) return null;
  return NETWORK_BY_PREFIX.get(m[1]!.slice(0, 2)) ?? null;
}
