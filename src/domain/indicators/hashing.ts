import { createHash } from 'node:crypto';

/** sha256 of the canonical `kind:value` string, lower-case hex: the key of range look-ups and snapshots. */
export function indicatorSha256(indicator: string): string {
  return createHash('sha256').update(indicator, 'utf8').digest('hex');
}

/** The range a hash falls in: its first 5 hex digits (20 bits, about a million ranges). */
export function rangePrefixOf(sha256Hex: string): number {
  return Number.parseInt(sha256Hex.slice(0, 5), 16);
}
