/**
 * Reports can be weapons: a competitor, an ex-partner or a mob can report a legitimate shop or
 * person. These checks look at the recent reports of one case for signs of coordinated reporting
 * and say why; they never decide anything: a flagged case is for a human to weigh (and nothing
 * is ever confirmed on report volume alone — reports only make an identifier suspected).
 */

export interface RecentReport {
  createdAt: Date;
  /** Pseudonymous source (organization, user, hashed contact or network); null when unknown. */
  sourceKey: string | null;
  narrativeHash: string | null;
  /** The source's track record, if it has one. */
  reputation: { verified: number; rejected: number } | null;
}

export type CoordinationSignal = 'burst' | 'identical_narratives' | 'same_source' | 'low_reputation_sources';

export interface CoordinationReason {
  signal: CoordinationSignal;
  count: number;
  detail: string;
}

export interface CoordinationAssessment {
  flagged: boolean;
  reasons: CoordinationReason[];
}

/** Reports within this window before now are looked at. */
export const RECENT_WINDOW_MS = 48 * 3_600_000;
/**
 * At most this many of a case's latest reports in the window, so that a case drawing thousands of
 * reports does not make every batch that joins it read them all. Far above every threshold below:
 * a signal present in the latest 200 reports is seen; its count stops at 200.
 */
export const RECENT_REPORTS_LOOKED_AT = 200;
const BURST_WINDOW_MS = 3_600_000;
const BURST_REPORTS = 8;
const IDENTICAL_NARRATIVES = 3;
const SAME_SOURCE_REPORTS = 3;
const LOW_REPUTATION_REPORTS = 2;

/**
 * How much a source's reports weigh, from its track record: (verified + 1) / (verified +
 * rejected + 2), so a new source weighs 0.5, a reliable one close to 1, one whose reports keep
 * being rejected close to 0.
 */
export function reputationWeight(reputation: { verified: number; rejected: number } | null): number {
  const v = reputation?.verified ?? 0;
  const r = reputation?.rejected ?? 0;
  return (v + 1) / (v + r + 2);
}

/** A source with at least two rejected reports and a weight under one third. */
export function isLowReputation(reputation: { verified: number; rejected: number } | null): boolean {
  return (reputation?.rejected ?? 0) >= 2 && reputationWeight(reputation) < 1 / 3;
}

/**
 * Flags a case when its recent reports share a narrative word for word (copy-pasted), come
 * repeatedly from one source, or come from sources with a record of rejected reports. A burst
 * of reports alone is not a flag (a real scam draws many genuine reports at once) but is named
 * among the reasons when the case is flagged for another reason.
 */
export function assessCoordination(reports: readonly RecentReport[], now: Date): CoordinationAssessment {
  const recent = reports.filter((r) => now.getTime() - r.createdAt.getTime() <= RECENT_WINDOW_MS);
  const reasons: CoordinationReason[] = [];

  const identical = largestGroup(recent.map((r) => r.narrativeHash));
  if (identical >= IDENTICAL_NARRATIVES) reasons.push({ signal: 'identical_narratives', count: identical, detail: `${identical} reports tell the same story word for word` });
  const sameSource = largestGroup(recent.map((r) => r.sourceKey));
  if (sameSource >= SAME_SOURCE_REPORTS) reasons.push({ signal: 'same_source', count: sameSource, detail: `${sameSource} reports come from one source` });
  const lowReputation = recent.filter((r) => isLowReputation(r.reputation)).length;
  if (lowReputation >= LOW_REPUTATION_REPORTS) {
    reasons.push({ signal: 'low_reputation_sources', count: lowReputation, detail: `${lowReputation} reports come from sources whose earlier reports were mostly rejected` });
  }
  const flagged = reasons.length > 0;
  const burst = largestBurst(recent.map((r) => r.createdAt.getTime()));
  if (flagged && burst >= BURST_REPORTS) reasons.unshift({ signal: 'burst', count: burst, detail: `${burst} reports within one hour` });
  return { flagged, reasons };
}

function largestGroup(keys: readonly (string | null)[]): number {
  const counts = new Map<string, number>();
  let most = 0;
  for (const k of keys) {
    if (k === null) continue;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > most) most = n;
  }
  return most;
}

/** The most reports inside any one-hour window (two pointers over the sorted times). */
function largestBurst(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! > BURST_WINDOW_MS) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/**
 * The narrative with case, accents (đ too), digits, punctuation and spacing folded, so that a
 * copy-pasted story with another amount or phone number still matches.
 */
export function foldNarrative(narrative: string): string {
  return narrative
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}
