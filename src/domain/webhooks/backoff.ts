export interface BackoffPolicy {
  /** The delay after the first failure. */
  baseMs: number;
  /** No delay is longer than this. */
  maxMs: number;
}

/**
 * Exponential backoff with jitter: after the n-th failed attempt (n ≥ 1) wait between half and
 * all of min(max, base · 2^(n-1)), so receivers that failed together do not retry together.
 * `random` is in [0, 1).
 */
export function retryDelayMs(policy: BackoffPolicy, failedAttempts: number, random: number = Math.random()): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
