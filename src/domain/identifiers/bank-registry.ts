import data from './banks.json' with { type: 'json' };
import { foldVietnamese } from './fold.ts';

/** One bank or payment institution reachable through NAPAS 247 / VietQR. */
export interface Bank {
  /** NAPAS / VietQR BIN, the bank's key in indicators. */
  bin: string;
  /** Short code shown in displays (`VCB`). */
  code: string;
  shortName: string;
  nameVi: string;
  nameEn: string;
  aliases: string[];
  /** Card BINs that name the same bank; mapped to `bin`. */
  altBins?: string[];
  note?: string;
}

export const BANKS: readonly Bank[] = (data as { banks: Bank[] }).banks;

/** Folded name with everything but letters and digits removed: "Ngoại Thương" → "ngoaithuong". */
export function compactKey(s: string): string {
  return foldVietnamese(s).replace(/[^a-z0-9]/g, '');
}

const byBin = new Map<string, Bank>();
/**
 * Names that are brands or codes (ASCII in the data: "VCB", "Vietcombank") identify a bank
 * even in free text. Descriptive Vietnamese names ("Ngoại thương", "Quân đội", "Xây dựng")
 * are ordinary words too, so free-text extraction accepts them only after "ngân hàng"/"NH".
 */
const strongNames = new Map<string, Bank>();
const descriptiveNames = new Map<string, Bank>();

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

for (const bank of BANKS) {
  byBin.set(bank.bin, bank);
  for (const alt of bank.altBins ?? []) byBin.set(alt, bank);
}
// Codes first, so that a code always names its own bank even when another bank lists it as an alias.
for (const bank of BANKS) strongNames.set(compactKey(bank.code), bank);
for (const bank of BANKS) {
  for (const name of [bank.shortName, ...bank.aliases]) {
    const key = compactKey(name);
    if (key.length === 0) continue;
    const target = isAscii(name) ? strongNames : descriptiveNames;
    if (!strongNames.has(key) && !target.has(key)) target.set(key, bank);
  }
  for (const full of [bank.nameVi, bank.nameEn]) {
    const key = compactKey(full);
    if (!strongNames.has(key) && !descriptiveNames.has(key)) descriptiveNames.set(key, bank);
  }
}

/**
 * Every prefix of every name key, so scanners extending a key word by word stop as soon as
 * no bank name can start that way (most words of a sentence end the search at once).
 */
const keyPrefixes = new Set<string>();
for (const key of [...strongNames.keys(), ...descriptiveNames.keys()]) {
  for (let i = 1; i <= key.length; i++) keyPrefixes.add(key.slice(0, i));
}

/**
 * The first two characters of every key (a–z, 0–9; a one-character key ends with "end"), as a
 * table: most words of a sentence are ruled out by an index instead of hashing them for the set.
 */
const KEY_ALPHABET = 37;
function keyCharIndex(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 26;
  return -1;
}
const keyStarts = new Uint8Array(KEY_ALPHABET * KEY_ALPHABET);
for (const key of keyPrefixes) {
  if (key.length > 2) continue;
  const a = keyCharIndex(key.charCodeAt(0));
  const b = key.length === 1 ? 36 : keyCharIndex(key.charCodeAt(1));
  if (a >= 0 && b >= 0) keyStarts[a * KEY_ALPHABET + b] = 1;
}

/** False when no bank name key starts with `word` (a cheap, exact screen for `isNameKeyPrefix`). */
export function mayStartNameKey(word: string): boolean {
  if (word.length === 0) return false;
  const a = keyCharIndex(word.charCodeAt(0));
  if (a < 0) return false;
  if (word.length === 1) return keyStarts[a * KEY_ALPHABET + 36] === 1;
  const b = keyCharIndex(word.charCodeAt(1));
  return b >= 0 && keyStarts[a * KEY_ALPHABET + b] === 1;
}

/** Whether some bank name key starts with `prefix`. */
export function isNameKeyPrefix(prefix: string): boolean {
  return keyPrefixes.has(prefix);
}

/** The bank for a BIN (or an alternative card BIN). */
export function bankByBin(bin: string): Bank | undefined {
  return byBin.get(bin);
}

/** The bank for a compact name key; `descriptive` also allows ordinary-word names. */
export function bankByKey(key: string, descriptive = true): Bank | undefined {
  return strongNames.get(key) ?? (descriptive ? descriptiveNames.get(key) : undefined);
}

/** Longest key length in words' worth, so scanners know how far to look ahead. */
export const MAX_NAME_KEY_LENGTH = Math.max(
  ...[...strongNames.keys(), ...descriptiveNames.keys()].map((k) => k.length),
);

/** Every name key (strong ones flagged), for scanners that build their own index. */
export function nameKeys(): Array<{ key: string; bank: Bank; strong: boolean }> {
  const out: Array<{ key: string; bank: Bank; strong: boolean }> = [];
  for (const [key, bank] of strongNames) out.push({ key, bank, strong: true });
  for (const [key, bank] of descriptiveNames) out.push({ key, bank, strong: false });
  return out;
}
