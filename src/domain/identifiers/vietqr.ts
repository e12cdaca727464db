import type { IdentifierError, VietQrInfo } from './types.ts';

/**
 * VietQR: the NAPAS profile of the EMVCo merchant-presented QR payload. Only decoding lives
 * here; turning the decoded bank and account into an indicator is `bank.ts`'s job.
 *
 * The payload is a flat list of TLV fields (2-digit tag, 2-digit decimal length, value).
 * Tag 38 holds the NAPAS consumer account: sub-tag 00 the GUID `A000000727`, sub-tag 01 a
 * nested TLV with 00 = BIN and 01 = account or card number, sub-tag 02 the service code
 * (`QRIBFTTA` to an account, `QRIBFTTC` to a card). Tag 54 is the amount, tag 62 the
 * additional data (sub-tag 08: purpose of transaction, i.e. the transfer message) and tag 63
 * the CRC-16/CCITT-FALSE over everything before its value.
 *
 * No library parses VietQR (the EMVCo ones on npm are unmaintained or bound to other
 * national profiles), and the format is a few dozen lines, so it is written here.
 */

export const NAPAS_GUID = 'A000000727';

export interface VietQrDecoded extends VietQrInfo {
  /** `QRIBFTTA` (to an account) or `QRIBFTTC` (to a card), when present. */
  service: string | null;
  /** Tag 01: `11` static (reusable), `12` dynamic (one payment). */
  initiation: string | null;
  merchantName: string | null;
}

export type VietQrResult = { ok: true; info: VietQrDecoded } | { ok: false; error: IdentifierError };

/** Cheap test used by auto-detection and the extractor before a full decode. */
export function looksLikeVietQr(s: string): boolean {
  return s.startsWith('000201') && s.toUpperCase().includes(NAPAS_GUID);
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of UTF-8 bytes. */
export function crc16CcittFalse(s: string): number {
  let crc = 0xffff;
  let i = 0;
  // Payloads are nearly always ASCII, whose UTF-8 bytes are the code units: no encoder needed.
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) break;
    crc = crcStep(crc, c);
  }
  if (i === s.length) return crc;
  for (const byte of new TextEncoder().encode(s.slice(i))) crc = crcStep(crc, byte);
  return crc;
}

/** The bit-by-bit CRC step (polynomial 0x1021, MSB first) for one byte; `crcStep` reads it from a table. */
function crcStepBitwise(crcIn: number, byte: number): number {
  let crc = crcIn ^ (byte << 8);
  for (let bit = 0; bit < 8; bit++) {
    crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** `crcStepBitwise(x << 8, 0)` for every high byte x: one lookup per byte instead of eight shifts. */
const CRC_TABLE = (() => {
  const table = new Uint16Array(256);
  for (let x = 0; x < 256; x++) table[x] = crcStepBitwise(x << 8, 0);
  return table;
})();

function crcStep(crc: number, byte: number): number {
  return ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >> 8) ^ byte) & 0xff]!;
}

export function crcHex(s: string): string {
  return crc16CcittFalse(s).toString(16).toUpperCase().padStart(4, '0');
}

interface Field {
  tag: string;
  value: string;
  /** Offset of the tag in the parsed string. */
  at: number;
}

/** Parses a TLV list; null when the lengths do not add up. */
function parseTlv(s: string): Field[] | null {
  const fields: Field[] = [];
  let i = 0;
  while (i < s.length) {
    if (i + 4 > s.length) return null;
    const tag = s.slice(i, i + 2);
    const lenText = s.slice(i + 2, i + 4);
    if (!/^\d\d$/.test(tag) || !/^\d\d$/.test(lenText)) return null;
    const len = Number(lenText);
    if (i + 4 + len > s.length) return null;
    fields.push({ tag, value: s.slice(i + 4, i + 4 + len), at: i });
    i += 4 + len;
  }
  return fields;
}

function field(fields: Field[], tag: string): string | null {
  for (const f of fields) if (f.tag === tag) return f.value;
  return null;
}

function error(code: string, message: string): VietQrResult {
  return { ok: false, error: { code, message } };
}

/** Decodes a VietQR payload. A CRC mismatch is reported in `crc_valid`, not as an error. */
export function decodeVietQr(raw: string): VietQrResult {
  if (typeof raw !== 'string') return error('qr_invalid', 'No QR payload given.');
  const payload = raw.trim();
  if (!payload.startsWith('000201')) return error('qr_invalid', 'Not an EMVCo QR payload (it must start with 000201).');
  const fields = parseTlv(payload);
  if (!fields) return error('qr_invalid', 'The QR payload is truncated or its field lengths are wrong.');

  const crcField = fields.find((f) => f.tag === '63');
  if (!crcField || crcField.value.length !== 4) return error('qr_invalid', 'The QR payload has no CRC field (tag 63).');
  if (crcField !== fields[fields.length - 1]) return error('qr_invalid', 'The CRC field (tag 63) must be the last field.');
  const crcValid = crcHex(payload.slice(0, crcField.at + 4)) === crcField.value.toUpperCase();

  const merchantAccount = field(fields, '38');
  if (merchantAccount === null) return error('qr_not_vietqr', 'The QR payload has no NAPAS account field (tag 38).');
  const accountFields = parseTlv(merchantAccount);
  if (!accountFields) return error('qr_invalid', 'The NAPAS account field (tag 38) is malformed.');
  if (field(accountFields, '00')?.toUpperCase() !== NAPAS_GUID) {
    return error('qr_not_vietqr', `The QR payload is not a VietQR transfer (tag 38 GUID is not ${NAPAS_GUID}).`);
  }
  const beneficiary = field(accountFields, '01');
  const beneficiaryFields = beneficiary === null ? null : parseTlv(beneficiary);
  const bin = beneficiaryFields ? field(beneficiaryFields, '00') : null;
  const account = beneficiaryFields ? field(beneficiaryFields, '01') : null;
  if (!bin || !/^\d{6}$/.test(bin)) return error('qr_invalid', 'The VietQR payload has no 6-digit bank BIN.');
  if (!account) return error('qr_invalid', 'The VietQR payload has no account number.');

  let amount: number | null = null;
  const amountText = field(fields, '54');
  if (amountText !== null) {
    if (!/^\d{1,13}(?:\.\d{1,2})?$/.test(amountText)) return error('qr_invalid', 'The amount (tag 54) is not a number.');
    amount = Number(amountText);
  }

  let message: string | null = null;
  const additional = field(fields, '62');
  if (additional !== null) {
    const additionalFields = parseTlv(additional);
    message = additionalFields ? field(additionalFields, '08') : null;
  }

  return {
    ok: true,
    info: {
      bin,
      account,
      amount,
      message,
      crc_valid: crcValid,
      service: field(accountFields, '02'),
      initiation: field(fields, '01'),
      merchantName: field(fields, '59'),
    },
  };
}

function tlv(tag: string, value: string): string {
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** Builds a VietQR transfer payload: used to show a QR for a known account and in tests. */
export function buildVietQrPayload(input: { bin: string; account: string; amount?: number | null; message?: string | null }): string {
  const beneficiary = tlv('00', input.bin) + tlv('01', input.account);
  const napas = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  const dynamic = input.amount != null;
  let body = tlv('00', '01') + tlv('01', dynamic ? '12' : '11') + tlv('38', napas) + tlv('53', '704');
  if (dynamic) body += tlv('54', String(input.amount));
  body += tlv('58', 'VN');
  if (input.message) body += tlv('62', tlv('08', input.message));
  const head = `${body}6304`;
  return head + crcHex(head);
}
