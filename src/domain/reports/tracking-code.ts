/**
 * Tracking codes people type from a phone: `CG-7K4MQ-9TXA2`, ten Crockford base32 characters
 * (50 bits of randomness) after a fixed prefix. Crockford's alphabet has no I, L, O or U, and
 * its decoding rules read `i`/`l` as 1 and `o` as 0, so a misread letter still finds the report.
 * Fifty bits keep guessing hopeless (a million reports: one valid code in 10^9 guesses, and the
 * tracking route is rate-limited). Hand-written: the alphabet and the fold are a few lines, and
 * base32 libraries encode bytes, not a fixed number of random symbols.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_SYMBOLS = 10;
const PREFIX = 'CG';

/** Formats ten symbol indexes (0–31) as a tracking code. */
export function trackingCodeFromSymbols(symbols: readonly number[]): string {
  if (symbols.length !== TRACKING_SYMBOLS || symbols.some((s) => !Number.isInteger(s) || s < 0 || s > 31)) {
    throw new RangeError('A tracking code needs ten symbols from 0 to 31');
  }
  const chars = symbols.map((s) => CROCKFORD[s]).join('');
  return `${PREFIX}-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * The canonical form of what someone typed (any case, spaces or dashes anywhere, the prefix
 * optional), or null when it cannot be a tracking code.
 */
export function normalizeTrackingCode(input: string): string | null {
  let s = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (s.startsWith(PREFIX) && s.length === PREFIX.length + TRACKING_SYMBOLS) s = s.slice(PREFIX.length);
  if (s.length !== TRACKING_SYMBOLS) return null;
  s = s.replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(s)) return null;
  return `${PREFIX}-${s.slice(0, 5)}-${s.slice(5)}`;
}
