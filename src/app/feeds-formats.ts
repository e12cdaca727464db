import type { SharedRow } from '../store/feeds.ts';

/**
 * The text formats of the feeds, one function per format: JSON Lines and CSV (every kind,
 * additions and removals), and blocker lists for domains (hosts file, Adblock-style filter
 * list, DNS RPZ zone), which are always whole lists: a blocker reloads them.
 */
export const FEED_FORMATS = ['jsonl', 'csv', 'hosts', 'adblock', 'rpz', 'stix'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const MEDIA_TYPES: Record<FeedFormat, string> = {
  jsonl: 'application/jsonl; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  hosts: 'text/plain; charset=utf-8',
  adblock: 'text/plain; charset=utf-8',
  rpz: 'text/dns; charset=utf-8',
  stix: 'application/stix+json;version=2.1',
};

/** Blocker lists hold only what a DNS or browser blocker can act on. */
export const BLOCKLIST_KINDS: Partial<Record<FeedFormat, string[]>> = {
  hosts: ['domain'],
  adblock: ['domain', 'url'],
  rpz: ['domain'],
};

export function actionOf(r: SharedRow): 'add' | 'remove' {
  return r.verdict === 'cleared' ? 'remove' : 'add';
}

export function jsonLine(r: SharedRow): string {
  return `${JSON.stringify({
    action: actionOf(r),
    id: r.id,
    indicator: r.indicator,
    kind: r.kind,
    display: r.display,
    verdict: r.verdict,
    confidence: r.confidence,
    tlp: r.tlp,
    fraudTypes: r.fraudTypes,
    reportCount: r.reportCount,
    platformConfirmations: r.platformConfirmations,
    firstSeenAt: r.firstSeenAt.toISOString(),
    updatedAt: r.addedAt,
    expiresAt: r.expiresAt?.toISOString() ?? null,
  })}\n`;
}

export const CSV_COLUMNS = ['action', 'id', 'indicator', 'kind', 'display', 'verdict', 'confidence', 'tlp', 'fraud_types', 'first_seen_at', 'updated_at', 'expires_at'] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(r: SharedRow): string {
  const cells = [actionOf(r), r.id, r.indicator, r.kind, r.display, r.verdict, String(r.confidence), r.tlp, r.fraudTypes.join(';'), r.firstSeenAt.toISOString(), r.addedAt, r.expiresAt?.toISOString() ?? ''];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The host of a domain or URL indicator, for blocker lists (ASCII, punycode). */
export function hostOf(r: SharedRow): string | null {
  const value = r.indicator.slice(r.indicator.indexOf(':') + 1);
  if (r.kind === 'domain') return value;
  if (r.kind === 'url') {
    try {
      return new URL(value).hostname;
    } catch {
      return null;
    }
  }
  return null;
}

const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function isBlockableHost(host: string): boolean {
  return host.length <= 253 && HOST.test(host) && !/^\d+\.\d+\.\d+\.\d+$/.test(host);
}

export function hostsHeader(generatedAt: string): string {
  return `# Canh Giác — fraud domains (hosts file). Generated ${generatedAt}.\n# Point each at 0.0.0.0 to block it.\n`;
}

export function hostsLine(r: SharedRow): string {
  const host = hostOf(r);
  return r.kind === 'domain' && host && isBlockableHost(host) ? `0.0.0.0 ${host}\n` : '';
}

export function adblockHeader(generatedAt: string): string {
  return `[Adblock Plus 2.0]\n! Title: Canh Giác — fraud domains and links\n! Last modified: ${generatedAt}\n! Expires: 1 hours\n`;
}

export function adblockLine(r: SharedRow): string {
  const host = hostOf(r);
  if (!host || !isBlockableHost(host)) return '';
  if (r.kind === 'domain') return `||${host}^\n`;
  // A URL blocks that address only; the filter syntax's special characters are not in canonical URLs' hosts.
  const url = r.indicator.slice(4);
  return /[\s|^*]/.test(url) ? '' : `|${url}|\n`;
}

/**
 * A DNS Response Policy Zone: `name CNAME .` answers NXDOMAIN for the domain and its
 * subdomains. The serial is the time of the latest change, in seconds.
 */
export function rpzHeader(zone: string, serial: number, generatedAt: string): string {
  return [
    `; Canh Giác — fraud domains as a DNS RPZ zone. Generated ${generatedAt}.`,
    '$TTL 300',
    `@ IN SOA localhost. hostmaster.${zone}. ( ${serial} 3600 600 86400 300 )`,
    '@ IN NS localhost.',
    '',
  ].join('\n');
}

export function rpzLine(r: SharedRow): string {
  const host = hostOf(r);
  return r.kind === 'domain' && host && isBlockableHost(host) ? `${host} CNAME .\n*.${host} CNAME .\n` : '';
}
