import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anyText } from './arbitraries.ts';
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { canonicalizePhone, vnPatternsAllow } from '../../../src/domain/identifiers/phone.ts';
import { LANDLINE_2017, MOBILE_2018 } from '../../../src/domain/identifiers/phone-prefixes.ts';

const same = (e164: string) => (inputs: string[]) => inputs.map((input) => [input, e164] as const);

const VALID: Array<readonly [string, string]> = [
  ...same('+84912345678')([
    '0912345678', '0912 345 678', '0912.345.678', '0912-345-678', '091 234 5678', '09 12 34 56 78',
    '+84912345678', '+84 912 345 678', '+84 91-234-5678', '+84-912-345-678', '+84.912.345.678',
    '0084912345678', '0084 912 345 678', '(84) 912 345 678', '(+84) 912 345 678', '(+84)912345678',
    '84912345678', '84 912 345 678', '+84 (0) 912 345 678', '+840912345678', '912345678', '912 345 678',
    'phone:+84912345678', 'PHONE:+84912345678', 'tel:+84912345678', 'tel:0912345678', '  0912345678  ',
    '０９１２３４５６７８', '0912\u00a0345\u00a0678', '0912–345–678', '[0912] 345 678',
  ]),
  // The 2018 conversion, all 21 prefixes.
  ...Object.entries(MOBILE_2018).map(([oldPrefix, newPrefix]) => [`0${oldPrefix}1234567`, `+84${newPrefix}1234567`] as const),
  ...Object.entries(MOBILE_2018).map(([oldPrefix, newPrefix]) => [`+84 ${oldPrefix} 765 4321`, `+84${newPrefix}7654321`] as const),
  ['0162 345 6789', '+84323456789'],
  ['01234567890', '+84834567890'],
  ['0120.555.1234', '+84705551234'],
  ['84 168 123 4567', '+84381234567'],
  // Current mobile prefixes of every operator.
  ...['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098', '081', '082', '083', '084', '085',
    '088', '091', '094', '070', '076', '077', '078', '079', '089', '090', '093', '056', '058', '092', '059', '099', '087']
    .map((p) => [`${p}7550123`, `+84${p.slice(1)}7550123`] as const),
  // Landlines, current plan.
  ['024 3823 4567', '+842438234567'],
  ['(024) 3823 4567', '+842438234567'],
  ['028 3823 4567', '+842838234567'],
  ['+84 28 3823 4567', '+842838234567'],
  ['0236 3823 456', '+842363823456'],
  ['0225 3123 456', '+842253123456'],
  ['0292 3812 345', '+842923812345'],
  // Landlines written with pre-2017 area codes (only where the old form is not valid today).
  ['04 3823 4567', '+842438234567'],
  ['(04) 3823 4567', '+842438234567'],
  ['0511 3823 456', '+842363823456'],
  ['(0511) 3823 456', '+842363823456'],
  ['0710 3812 345', '+842923812345'],
  ['0650 3812 345', '+842743812345'],
  ['0320 3812 345', '+842203812345'],
  ['055 3812 345', '+842553812345'],
  // Service numbers.
  ['1900 1234', '+8419001234'],
  ['1800 1234', '+8418001234'],
  ['1900 123 456', '+841900123456'],
  // International.
  ['+1 202 555 0143', '+12025550143'],
  ['+1 (202) 555-0143', '+12025550143'],
  ['001 202 555 0143', '+12025550143'],
  ['+44 20 7946 0958', '+442079460958'],
  ['+44 7911 123456', '+447911123456'],
  ['+86 138 0013 8000', '+8613800138000'],
  ['0086 138 0013 8000', '+8613800138000'],
  ['+855 12 345 678', '+85512345678'],
  ['+66 81 234 5678', '+66812345678'],
  ['+65 8123 4567', '+6581234567'],
  ['+82 10-1234-5678', '+821012345678'],
  ['+81 90-1234-5678', '+819012345678'],
  ['+61 412 345 678', '+61412345678'],
  ['+33 6 12 34 56 78', '+33612345678'],
  ['+49 1512 3456789', '+4915123456789'],
];

const INVALID: Array<readonly [string, string]> = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['phone:', 'empty'],
  ['abc', 'phone_invalid'],
  ['0912abc678', 'phone_invalid'],
  ['0912 345 67', 'phone_invalid'],
  ['12345', 'phone_too_short'],
  ['09123', 'phone_too_short'],
  ['0912 345 678 999 1', 'phone_too_long'],
  ['091234567890123456', 'phone_too_long'],
  ['0551234567 8', 'phone_invalid'],
  ['+84 12 345', 'phone_too_short'],
  ['+999 123 456 789', 'phone_invalid'],
  ['+1 555 0143', 'phone_invalid'],
  ['+44 20 79', 'phone_too_short'],
  ['09+12345678', 'phone_invalid'],
  ['++84912345678', 'phone_invalid'],
  ['0000000000', 'phone_invalid'],
  ['0112345678', 'phone_invalid'],
  ['x'.repeat(100), 'phone_too_long'],
];

describe('canonicalizePhone', () => {
  it.each(VALID)('%s → %s', (input, e164) => {
    const r = canonicalizePhone(input);
    expect(r.ok ? r.value.indicator : r.error).toBe(`phone:${e164}`);
  });

  it.each(INVALID)('%s is rejected with %s', (input, code) => {
    const r = canonicalizePhone(input);
    expect(r.ok ? r.value.indicator : r.error.code).toBe(code);
  });

  it('displays Vietnamese numbers in the national format and others internationally', () => {
    const display = (s: string) => {
      const r = canonicalizePhone(s);
      return r.ok ? r.value.display : r.error.code;
    };
    expect(display('+84912345678')).toBe('0912 345 678');
    expect(display('0162 345 6789')).toBe('0323 456 789');
    expect(display('02438234567')).toBe('024 3823 4567');
    expect(display('+12025550143')).toBe('+1 202 555 0143');
  });

  it('keeps every entry of both renumbering tables', () => {
    expect(Object.keys(MOBILE_2018)).toHaveLength(21);
    expect(Object.keys(LANDLINE_2017)).toHaveLength(59);
    expect(new Set(Object.values(LANDLINE_2017)).size).toBe(59);
  });

  it('maps every old landline code to a valid new landline', () => {
    for (const [oldCode, newCode] of Object.entries(LANDLINE_2017)) {
      const subscriber = oldCode === '4' || oldCode === '8' ? '38234567' : '3812345';
      const r = canonicalizePhone(`+84${newCode}${subscriber}`);
      expect(r.ok, `${oldCode} → ${newCode}`).toBe(true);
    }
  });

  it('is idempotent on valid inputs (indicator and display)', () => {
    for (const [input] of VALID) {
      const first = canonicalizePhone(input);
      if (!first.ok) continue;
      for (const again of [first.value.indicator, first.value.display, first.value.value]) {
        const second = canonicalizePhone(again);
        expect(second.ok && second.value.indicator, again).toBe(first.value.indicator);
      }
    }
  });

  it('never throws and is idempotent on random input', () => {
    const digitsLike = fc.stringMatching(/^[+(]?[0-9 .()-]{0,20}$/);
    fc.assert(
      fc.property(fc.oneof(anyText, digitsLike), (s) => {
        const r = canonicalizePhone(s);
        if (r.ok) {
          const again = canonicalizePhone(r.value.indicator);
          expect(again.ok && again.value.indicator).toBe(r.value.indicator);
          const fromDisplay = canonicalizePhone(r.value.display);
          expect(fromDisplay.ok && fromDisplay.value.indicator).toBe(r.value.indicator);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('survives non-string input', () => {
    expect(canonicalizePhone(undefined as unknown as string).ok).toBe(false);
  });
});

describe('canonicalizePhone: the pattern screen before libphonenumber', () => {
  const vnValid = (nsn: string): boolean => parsePhoneNumberFromString(`+84${nsn}`)?.isValid() === true;

  it('relies on 0 being the only Vietnamese national prefix libphonenumber strips', () => {
    const metadata = new Metadata();
    metadata.selectNumberingPlan('VN');
    expect((metadata as unknown as { nationalPrefixForParsing(): string }).nationalPrefixForParsing()).toBe('0');
  });

  it('never rules out a number libphonenumber calls valid (random national numbers)', () => {
    const nsn = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^[0-9]{0,11}$/)).map(([d, rest]) => `${d}${rest}`);
    fc.assert(
      fc.property(nsn, (n) => {
        if (!vnPatternsAllow(n)) expect(vnValid(n)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never rules out a number libphonenumber calls valid (every 3-digit prefix, every length)', () => {
    for (let p = 100; p <= 999; p++) {
      for (let len = 7; len <= 11; len++) {
        for (const fill of ['0', '5', '9']) {
          const n = `${p}`.padEnd(len, fill);
          if (!vnPatternsAllow(n)) expect(vnValid(n), n).toBe(false);
        }
      }
    }
  });

  it('agrees exactly with libphonenumber on numbers it allows or not (spot checks)', () => {
    for (const [n, valid] of [['912345678', true], ['800000185', false], ['2438123456', true], ['1900123456', true], ['890123456', false], ['896123456', true]] as const) {
      expect(vnPatternsAllow(n)).toBe(valid);
      expect(vnValid(n)).toBe(valid);
    }
  });
});
