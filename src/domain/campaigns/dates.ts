/** Calendar dates of campaigns (`YYYY-MM-DD`) and the Vietnamese day that counters are kept per. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Vietnam has no daylight saving time: UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** True for a real calendar date written `YYYY-MM-DD` (no 2027-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The date in Vietnam at an instant: the day a reach event is counted on. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A campaign is active from its first to its last day, both included (ISO dates compare as strings). */
export function isActiveOn(campaign: { startsOn: string; endsOn: string }, today: string): boolean {
  return campaign.startsOn <= today && today <= campaign.endsOn;
}

/** Every date from `from` to `to`, both included (at most `max`, to bound a figures answer). */
export function datesBetween(from: string, to: string, max = 400): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); out.length < max; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (d > to) break;
    out.push(d);
  }
  return out;
}
