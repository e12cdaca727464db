import fc from 'fast-check';

/**
 * Random input for totality properties: ASCII-ish strings, any Unicode code point
 * (fast-check 4 replaced `fullUnicodeString` with `unit: 'binary'`), lone surrogates, and
 * Vietnamese-looking text with digits.
 */
export const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: fc.constantFrom(...'0123456789 .-+()/:@đĐạắếồữ\u00a0\ud800abcVCBstk'.split('')) }),
);
