/**
 * Vietnamese text folded for matching: lower case, tone marks and other diacritics removed,
 * `đ` → `d`. People type bank names and keywords with or without diacritics ("Ngoại thương",
 * "ngoai thuong"), so every name lookup compares folded forms.
 */
export function foldVietnamese(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  // Precomposed letters fold one code unit at a time (the table below), which is ~10× cheaper
  // than NFD normalization; anything else (combining marks, other scripts) takes the general path.
  let out = '';
  let k = 0;
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      out += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 32 : c);
      continue;
    }
    const mapped = c < FOLD_TABLE_END ? FOLD_TABLE[c]! : 0;
    if (mapped === 0) break;
    out += String.fromCharCode(mapped);
  }
  if (k === s.length) return out;
  return foldByNormalizing(s);
}

function foldByNormalizing(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Folds one UTF-16 code unit without allocating, for scanners that keep offsets into the
 * original text. Precomposed Vietnamese letters are single code units, so the folded text has
 * the same length and indexes as the original. Returns the folded ASCII code, or the input
 * code when it is not a Latin letter with a diacritic.
 */
export function foldCharCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (c >= FOLD_TABLE_END) return c;
  const mapped = FOLD_TABLE[c]!;
  return mapped === 0 ? c : mapped;
}

/** Reused by `foldRange`: windows are short, so one small buffer serves every call. */
let buffer = new Uint16Array(256);

/**
 * `foldCharCode` over text[from, to) as one string of the same length, so a scanner can fold a
 * window once and slice words out of it at the original offsets.
 */
export function foldRange(text: string, from: number, to: number): string {
  const n = to - from;
  if (n <= 0) return '';
  if (buffer.length < n) buffer = new Uint16Array(n);
  for (let k = 0; k < n; k++) buffer[k] = foldCharCode(text.charCodeAt(from + k));
  return String.fromCharCode.apply(null, buffer.subarray(0, n) as unknown as number[]);
}

/**
 * Folded ASCII code per code unit below FOLD_TABLE_END, 0 when the unit does not fold. Latin-1
 * Supplement, Latin Extended-A/B and Latin Extended Additional hold every precomposed
 * Vietnamese letter; a typed array makes the lookup an index, not a hash.
 */
const FOLD_TABLE_END = 0x1f00;
const FOLD_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(FOLD_TABLE_END);
  const ranges: Array<[number, number]> = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const folded = foldByNormalizing(String.fromCharCode(c));
      if (folded.length === 1) {
        const code = folded.charCodeAt(0);
        if (code < 0x80) table[c] = code;
      }
    }
  }
  return table;
})();
