/**
 * The shared shape of every identifier canonicalizer. Each kind has one pure function
 * `canonicalizeX(raw): CanonResult` that is total (never throws) and idempotent on its own
 * output: canonicalizing `display` or the `indicator` string again gives the same indicator.
 */
export const IDENTIFIER_KINDS = [
  'phone',
  'bank',
  'url',
  'domain',
  'fb',
  'email',
  'zalo',
  'telegram',
  'tiktok',
  'instagram',
  'x',
  'youtube',
  'crypto',
] as const;

export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Fields decoded from a VietQR (EMVCo merchant-presented) payload. */
export interface VietQrInfo {
  bin: string;
  account: string;
  amount: number | null;
  message: string | null;
  crc_valid: boolean;
}

export interface Canonical {
  kind: IdentifierKind;
  /** The part after `kind:`, e.g. `+84912345678` or `970436:0011004567890`. */
  value: string;
  /** The one canonical string: `${kind}:${value}`. */
  indicator: string;
  /** What to show a person (Unicode domains, formatted numbers, bank short name…). */
  display: string;
  /** Present when the input was a VietQR payload. */
  qr?: VietQrInfo;
  /**
   * Other indicators the input also names, most specific first: the owner of a Facebook post,
   * the registrable domain of a URL, the bank account inside a VietQR payload.
   */
  related?: Canonical[];
}

export interface IdentifierError {
  /** Stable machine code, e.g. `phone_invalid`, `qr_crc`, `url_invalid`, `empty`. */
  code: string;
  /** One sentence in English for people and logs. */
  message: string;
}

export type CanonResult = { ok: true; value: Canonical } | { ok: false; error: IdentifierError };

export function ok(kind: IdentifierKind, value: string, display: string, extra?: Partial<Canonical>): CanonResult {
  const canonical: Canonical = { kind, value, indicator: `${kind}:${value}`, display };
  // Spreading `extra` into every result cost more than the rest of a phone number's canonicalization.
  if (extra) Object.assign(canonical, extra);
  return { ok: true, value: canonical };
}

export function fail(code: string, message: string): CanonResult {
  return { ok: false, error: { code, message } };
}

/** One identifier found in free text by `extract`. `start`/`end` are UTF-16 offsets into the text. */
export interface Extracted {
  indicator: string;
  kind: IdentifierKind;
  start: number;
  end: number;
  /** The exact slice of the input text, `text.slice(start, end)`. */
  text: string;
}
