import { Metadata, parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { fail, ok, type CanonResult } from './types.ts';
import { LANDLINE_2017, MOBILE_2018, oldLandlineSubscriberLength } from './phone-prefixes.ts';

/**
 * Phone numbers → `phone:<E.164>`, e.g. `phone:+84912345678`, displayed in the national
 * format for Vietnam (`0912 345 678`) and the international format elsewhere.
 *
 * Validity comes from libphonenumber's full ("max") metadata. Vietnamese mobiles, by far the
 * most common input, are checked against the same metadata pattern directly: a full
 * `parsePhoneNumber` costs ~10 µs, which alone would miss the 500,000/s target.
 */

interface NumberingPlan {
  nationalNumberPattern(): string;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

// The number types libphonenumber's `getNumberType` tries, in its order.
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

const vnPlan = (() => {
  const metadata = new Metadata();
  metadata.selectNumberingPlan('VN');
  // `numberingPlan` is public in libphonenumber's JS API but missing from its typings.
  const plan = (metadata as unknown as { numberingPlan: NumberingPlan }).numberingPlan;
  const mobile = plan.type('MOBILE')?.pattern();
  const types: { pattern: RegExp; lengths: number[] | null }[] = [];
  for (const name of NUMBER_TYPES) {
    const t = plan.type(name);
    if (t && t.pattern()) types.push({ pattern: new RegExp(`^(?:${t.pattern()})$`), lengths: t.possibleLengths() ?? null });
  }
  return { mobile: mobile ? new RegExp(`^(?:${mobile})$`) : null, general: new RegExp(`^(?:${plan.nationalNumberPattern()})$`), types };
})();

/**
 * Whether libphonenumber's Vietnamese patterns allow `nsn` (a national number without the
 * trunk 0): the same test as its `isValid` (the general pattern, then some number type's
 * lengths and pattern). When false, the ~10 µs parse is not worth running.
 */
export function vnPatternsAllow(nsn: string): boolean {
  if (!vnPlan.general.test(nsn)) return false;
  for (const t of vnPlan.types) if ((t.lengths === null || t.lengths.includes(nsn.length)) && t.pattern.test(nsn)) return true;
  return false;
}

/**
 * The result for `+84<nsn>` when libphonenumber calls it valid, else null. A number that does
 * not start with 0 reaches `isValid` unchanged (0 is the only national prefix it strips), so
 * the patterns rule it out first.
 */
function validVn(nsn: string): CanonResult | null {
  if (nsn.charCodeAt(0) !== 0x30 && !vnPatternsAllow(nsn)) return null;
  return fromParsed(parseE164(`+84${nsn}`));
}

const MAX_INPUT = 64;

/** Characters people put between digits: spaces, dots, dashes, slashes, brackets. */
function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0x28 || c === 0x29 || c === 0x2f ||
    c === 0xa0 || c === 0x09 || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 ||
    c === 0x2014 || c === 0x2212 || c === 0x202f || c === 0x3000 || c === 0x5b || c === 0x5d;
}

interface Digits {
  digits: string;
  plus: boolean;
}

/** Digits and a leading-plus flag, or null when anything but a phone number's characters appears. */
function readDigits(s: string): Digits | null {
  let digits = '';
  let plus = false;
  // Runs of ASCII digits are appended as slices, not one character at a time.
  let runStart = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      digits += s.slice(runStart, i);
      runStart = -1;
    }
    if (c >= 0xff10 && c <= 0xff19) {
      // Full-width digits come from Asian input methods and some phone keyboards.
      digits += String.fromCharCode(c - (0xff10 - 0x30));
    } else if (c === 0x2b || c === 0xff0b) {
      if (digits.length > 0 || plus) return null;
      plus = true;
    } else if (!isSeparator(c)) {
      return null;
    }
  }
  if (runStart >= 0) digits += runStart === 0 ? s : s.slice(runStart);
  return { digits, plus };
}

function stripPrefix(s: string): string {
  // Only "phone:" and "tel:" are stripped: most inputs start with a digit or "+".
  const c = s.charCodeAt(0) | 0x20;
  if (c !== 0x70 && c !== 0x74) return s;
  const lower = s.slice(0, 6).toLowerCase();
  if (lower.startsWith('phone:')) return s.slice(6).trim();
  if (lower.startsWith('tel:')) return s.slice(4).trim();
  return s;
}

/** Vietnamese national significant number (no trunk 0) from a VN-looking digit string, or null. */
function vnNsn(d: Digits): string | null | 'foreign' {
  const { digits, plus } = d;
  if (plus) {
    if (!digits.startsWith('84')) return 'foreign';
    return stripTrunk(digits.slice(2));
  }
  if (digits.startsWith('00')) {
    if (!digits.startsWith('0084')) return 'foreign';
    return stripTrunk(digits.slice(4));
  }
  if (digits.startsWith('0')) return digits.slice(1);
  // Country code without "+": 84 + a 9-digit mobile or a 10-digit landline / old mobile.
  if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) return digits.slice(2);
  // People often drop the trunk 0 ("912 345 678"), and service numbers have none (1900 xxxx).
  if (digits.length >= 8 && digits.length <= 10) return digits;
  return null;
}

/** "+84 (0) 912…" is a common mistake: the trunk 0 after the country code is ignored. */
function stripTrunk(nsn: string): string {
  return nsn.startsWith('0') ? nsn.slice(1) : nsn;
}

function vnMobileDisplay(nsn: string): string {
  return `0${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`;
}

function fromParsed(p: PhoneNumber | undefined): CanonResult | null {
  if (!p || !p.isValid()) return null;
  const display = p.countryCallingCode === '84' ? p.formatNational() : p.formatInternational();
  return ok('phone', p.number, display);
}

function parseE164(e164: string): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(e164);
  } catch {
    return undefined;
  }
}

function canonicalizeVn(nsn: string): CanonResult {
  if (nsn.length < 7) return fail('phone_too_short', 'The number has too few digits for a Vietnamese phone number.');
  if (nsn.length > 10) return fail('phone_too_long', 'The number has too many digits for a Vietnamese phone number.');

  // 11-digit mobiles (10-digit NSN starting 1xx) were renumbered in 2018.
  if (nsn.length === 10) {
    const renumbered = MOBILE_2018[nsn.slice(0, 3)];
    if (renumbered !== undefined) nsn = renumbered + nsn.slice(3);
  }

  if (nsn.length === 9 && vnPlan.mobile?.test(nsn)) {
    return ok('phone', `+84${nsn}`, vnMobileDisplay(nsn));
  }

  const current = validVn(nsn);
  if (current) return current;

  // Only a number that is invalid today is read under the pre-2017 landline plan: many old
  // area codes are mobile prefixes now, and the current reading must win.
  for (const len of [3, 2, 1]) {
    const oldCode = nsn.slice(0, len);
    const newCode = LANDLINE_2017[oldCode];
    if (newCode === undefined) continue;
    const subscriber = nsn.slice(len);
    if (subscriber.length !== oldLandlineSubscriberLength(oldCode)) continue;
    const renamed = validVn(`${newCode}${subscriber}`);
    if (renamed) return renamed;
  }
  return fail('phone_invalid', 'Not a valid Vietnamese phone number.');
}

export function canonicalizePhone(raw: string): CanonResult {
  if (typeof raw !== 'string') return fail('empty', 'No phone number given.');
  const s = stripPrefix(raw.trim());
  if (s.length === 0) return fail('empty', 'No phone number given.');
  if (s.length > MAX_INPUT) return fail('phone_too_long', 'The input is too long to be a phone number.');
  const d = readDigits(s);
  if (!d) return fail('phone_invalid', 'A phone number may only contain digits, a leading +, spaces, dots, dashes and brackets.');
  if (d.digits.length === 0) return fail('phone_invalid', 'The input contains no digits.');
  const nsn = vnNsn(d);
  if (nsn === 'foreign') {
    const digits = d.digits.startsWith('00') && !d.plus ? d.digits.slice(2) : d.digits;
    if (digits.length < 7) return fail('phone_too_short', 'The international number has too few digits.');
    if (digits.length > 15) return fail('phone_too_long', 'An international number has at most 15 digits.');
    const parsed = parseE164(`+${digits}`);
    if (!parsed) return fail('phone_invalid', 'Unknown country calling code.');
    return fromParsed(parsed) ?? fail('phone_invalid', 'Not a valid phone number for its country.');
  }
  if (nsn === null) {
    return d.digits.length < 8
      ? fail('phone_too_short', 'The number has too few digits for a phone number.')
      : fail('phone_too_long', 'The number has too many digits for a Vietnamese phone number; add + and the country code for a foreign one.');
  }
  return canonicalizeVn(nsn);
}
