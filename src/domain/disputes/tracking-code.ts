/**
 * Dispute tracking codes: `KN-7K4MQ-9TXA2` (KN for khiếu nại), ten Crockford base32 symbols,
 * 50 bits of randomness. A prefix of their own keeps a dispute code from being taken for a
 * report's; the status route is rate-limited, so guessing is hopeless.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 10;
const PREFIX = 'KN';

/** Formats ten symbol indexes (0–31). */
export function disputeCodeFromSymbols(symbols: readonly number[]): string {
  if (symbols.length !== SYMBOLS || symbols.some((s) => !Number.isInteger(s) || s < 0 || s > 31)) throw new RangeError('A dispute code needs ten symbols from 0 to 31');
  const chars = symbols.map((s) => ALPHABET[s]).join('');
  return `${PREFIX}-${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export const DISPUTE_CODE_SYMBOLS = SYMBOLS;

/** What someone typed (any case, spaces or dashes, prefix optional, i/l/o misread) → the code, or null. */
export function normalizeDisputeCode(input: string): string | null {
  let s = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (s.startsWith(PREFIX) && s.length === PREFIX.length + SYMBOLS) s = s.slice(PREFIX.length);
  if (s.length !== SYMBOLS) return null;
  s = s.replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(s)) return null;
  return `${PREFIX}-${s.slice(0, 5)}-${s.slice(5)}`;
}
