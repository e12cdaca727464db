/**
 * An indicator's verdict and the changes allowed between verdicts. `null` is "not in the
 * database yet". Keeping a verdict while changing confidence is an update, not a change.
 */
export const VERDICTS = ['suspected', 'confirmed', 'cleared', 'disputed'] as const;
export type Verdict = (typeof VERDICTS)[number];

const ALLOWED: Record<Verdict | 'new', readonly Verdict[]> = {
  new: ['suspected', 'confirmed'],
  suspected: ['confirmed', 'cleared', 'disputed'],
  confirmed: ['cleared', 'disputed'],
  // A dispute ends with the listing upheld (confirmed again) or cleared.
  disputed: ['confirmed', 'cleared'],
  // A cleared identifier comes back with new reports or new evidence.
  cleared: ['suspected', 'confirmed'],
};

export function canChangeVerdict(from: Verdict | null, to: Verdict): boolean {
  return ALLOWED[from ?? 'new'].includes(to);
}

export function allowedVerdictChanges(from: Verdict | null): readonly Verdict[] {
  return ALLOWED[from ?? 'new'];
}

/** Verdicts under which an identifier counts as listed (for partners; the public sees confirmed only). */
export const LISTED_VERDICTS: readonly Verdict[] = ['suspected', 'confirmed', 'disputed'];

export const TLP_LEVELS = ['clear', 'green', 'amber', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];
