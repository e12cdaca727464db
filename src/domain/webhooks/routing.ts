import type { OrganizationKind } from '../auth/roles.ts';
import { platformOfKind } from '../escalations/platforms.ts';
import type { Tlp } from '../indicators/verdicts.ts';
import { networkOfPhone } from '../telcos/networks.ts';

/**
 * Who an event concerns: the banks of the BINs of its bank accounts, the networks of its phone
 * numbers, the platforms of its accounts, and organizations named outright (the platform an
 * escalation is addressed to).
 */
export interface Concerns {
  bins: string[];
  networks: string[];
  platforms: string[];
  organizationIds: string[];
}

/** Reads the concerns off canonical indicator strings (`bank:970436:001…`, `phone:+8491…`, `fb:…`). */
export function concernsOf(indicators: readonly string[], organizationIds: readonly string[] = []): Concerns {
  const bins = new Set<string>();
  const networks = new Set<string>();
  const platforms = new Set<string>();
  for (const indicator of indicators) {
    const colon = indicator.indexOf(':');
    if (colon < 0) continue;
    const kind = indicator.slice(0, colon);
    const value = indicator.slice(colon + 1);
    if (kind === 'bank') {
      const bin = /^(\d{6}):/.exec(value)?.[1];
      if (bin) bins.add(bin);
    } else if (kind === 'phone') {
      const network = networkOfPhone(value);
      if (network) networks.add(network);
    } else {
      const platform = platformOfKind(kind);
      if (platform) platforms.add(platform);
    }
  }
  return { bins: [...bins], networks: [...networks], platforms: [...platforms], organizationIds: [...new Set(organizationIds)] };
}

/** What routing needs to know about a subscriber's organization and subscription. */
export interface Recipient {
  organizationId: string;
  kind: OrganizationKind;
  platform: string | null;
  network: string | null;
  bins: readonly string[];
  /** The highest TLP shared with the organization, when the agency set one. */
  maxTlp: Tlp | null;
  routing: 'concerned' | 'all';
}

export function isConcerned(recipient: Recipient, concerns: Concerns): boolean {
  if (concerns.organizationIds.includes(recipient.organizationId)) return true;
  if (recipient.kind === 'bank' && recipient.bins.some((b) => concerns.bins.includes(b))) return true;
  if (recipient.kind === 'telco' && recipient.network !== null && concerns.networks.includes(recipient.network)) return true;
  if (recipient.kind === 'platform' && recipient.platform !== null && concerns.platforms.includes(recipient.platform)) return true;
  return false;
}

const TLP_RANK: Record<Tlp, number> = { clear: 0, green: 1, amber: 2, red: 3 };

/**
 * Whether a subscription gets an event it asked for (its type filter already matched):
 * - the agency gets everything;
 * - escalations go only to the organizations they name (the platform that must act);
 * - indicators: TLP:RED never leaves the agency; TLP:AMBER only to whom it concerns; green and
 *   clear to whom it concerns and to `all` subscriptions; never above the organization's cap.
 */
export function receives(recipient: Recipient, event: { family: 'indicator' | 'escalation'; tlp: Tlp | null; concerns: Concerns }): boolean {
  if (recipient.kind === 'agency') return true;
  const concerned = isConcerned(recipient, event.concerns);
  if (event.family === 'escalation') return concerned;
  const tlp = event.tlp ?? 'amber';
  if (recipient.maxTlp && TLP_RANK[tlp] > TLP_RANK[recipient.maxTlp]) return false;
  if (tlp === 'red') return false;
  if (tlp === 'amber') return concerned;
  return concerned || recipient.routing === 'all';
}
