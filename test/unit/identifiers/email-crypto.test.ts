import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { anyText } from './arbitraries.ts';
import { canonicalizeEmail } from '../../../src/domain/identifiers/email.ts';
import { canonicalizeCrypto, eip55 } from '../../../src/domain/identifiers/crypto.ts';

const EMAILS: Array<readonly [string, string]> = [
  ['a@b.vn', 'email:a@b.vn'],
  ['A@B.VN', 'email:a@b.vn'],
  ['  Lua.Dao@Example.COM ', 'email:lua.dao@example.com'],
  ['email:lua.dao@example.com', 'email:lua.dao@example.com'],
  ['EMAIL:x@y.test', 'email:x@y.test'],
  ['mailto:x@y.test', 'email:x@y.test'],
  ['MAILTO:X@Y.TEST', 'email:x@y.test'],
  ['Hỗ Trợ <hotro@nganhang-gia.example>', 'email:hotro@nganhang-gia.example'],
  ['user+tag@example.com.vn', 'email:user+tag@example.com.vn'],
  ['first_last-1@sub.example.edu.vn', 'email:first_last-1@sub.example.edu.vn'],
  ['user@bücher.example', 'email:user@xn--bcher-kva.example'],
  ['scam@lừađảo.vn', 'email:scam@xn--lao-wqa4698ajma.vn'],
  ['user@xn--bcher-kva.example', 'email:user@xn--bcher-kva.example'],
  ['user@example。com', 'email:user@example.com'],
  ['user@example.com.', 'email:user@example.com'],
  ["o'brien@example.ie", "email:o'brien@example.ie"],
];

const BAD_EMAILS = ['', ' ', 'plain', '@example.com', 'user@', 'user@localhost', 'user@@example.com', 'a..b@example.com',
  '.a@example.com', 'a.@example.com', 'a b@example.com', 'user@-example.com', 'user@example-.com', 'user@exa_mple.com',
  'user@127.0.0.1', `${'a'.repeat(65)}@example.com`, `a@${'b'.repeat(64)}.com`, 'user@example..com', 'người@example.com'];

describe('canonicalizeEmail', () => {
  it.each(EMAILS)('%s → %s', (input, indicator) => {
    const r = canonicalizeEmail(input);
    expect(r.ok ? r.value.indicator : r.error).toBe(indicator);
  });

  it.each(BAD_EMAILS)('rejects %j', (input) => {
    const r = canonicalizeEmail(input);
    expect(r.ok ? r.value.indicator : r.error.code).toMatch(/^(empty|email_invalid)$/);
  });

  it('shows IDN domains in Unicode', () => {
    const r = canonicalizeEmail('scam@LỪAĐẢO.vn');
    expect(r.ok && r.value.display).toBe('scam@lừađảo.vn');
  });

  it('never throws and is idempotent', () => {
    const emailish = fc.tuple(fc.stringMatching(/^[a-zA-Z0-9._+-]{0,10}$/), fc.constantFrom('example.com', 'BÜCHER.example', 'x', 'a.vn', ''))
      .map(([l, d]) => `${l}@${d}`);
    fc.assert(fc.property(fc.oneof(anyText, emailish, fc.emailAddress()), (s) => {
      const r = canonicalizeEmail(s);
      if (r.ok) {
        for (const again of [r.value.indicator, r.value.display]) {
          const second = canonicalizeEmail(again);
          expect(second.ok && second.value.indicator).toBe(r.value.indicator);
        }
      }
    }), { numRuns: 2000 });
  });
});

const b58check = createBase58check(sha256);
function base58Address(version: number, seed: number): string {
  const payload = new Uint8Array(21);
  payload[0] = version;
  for (let i = 1; i < 21; i++) payload[i] = (seed * 31 + i * 17) & 0xff;
  return b58check.encode(payload);
}
function segwit(version: number, length: number, seed: number): string {
  const program = new Uint8Array(length).map((_, i) => (seed * 7 + i * 13) & 0xff);
  const words = [version, ...bech32.toWords(program)];
  return version === 0 ? bech32.encode('bc', words) : bech32m.encode('bc', words);
}

const P2PKH = base58Address(0x00, 1);
const P2SH = base58Address(0x05, 2);
const TRON = base58Address(0x41, 3);
const V0 = segwit(0, 20, 4);
const V0_SCRIPT = segwit(0, 32, 5);
const TAPROOT = segwit(1, 32, 6);

function flipLastChar(s: string): string {
  const last = s[s.length - 1]!;
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  const replacement = alphabet[(alphabet.indexOf(last) + 1) % alphabet.length]!;
  return s.slice(0, -1) + replacement;
}

const CRYPTO: Array<readonly [string, string]> = [
  // EIP-55 test vectors from the EIP.
  ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  ['0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', 'crypto:eth:0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359'],
  ['0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', 'crypto:eth:0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb'],
  ['0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb', 'crypto:eth:0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb'],
  ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 'crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  ['0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED', 'crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  ['0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 'crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  ['crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 'crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  ['ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  ['ethereum:pay-0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@56/transfer?value=1', 'crypto:eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  // BIP 173 / BIP 350 test vectors.
  ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'crypto:btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'crypto:btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
  ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'crypto:btc:bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'],
  // Generated from invented key hashes.
  [P2PKH, `crypto:btc:${P2PKH}`],
  [P2SH, `crypto:btc:${P2SH}`],
  [`bitcoin:${P2PKH}?amount=0.05&label=x`, `crypto:btc:${P2PKH}`],
  [`crypto:btc:${P2SH}`, `crypto:btc:${P2SH}`],
  [V0, `crypto:btc:${V0}`],
  [V0_SCRIPT, `crypto:btc:${V0_SCRIPT}`],
  [TAPROOT, `crypto:btc:${TAPROOT}`],
  [TAPROOT.toUpperCase(), `crypto:btc:${TAPROOT}`],
  [TRON, `crypto:trx:${TRON}`],
  [`tron:${TRON}`, `crypto:trx:${TRON}`],
  [`crypto:trx:${TRON}`, `crypto:trx:${TRON}`],
  [`  ${TRON}  `, `crypto:trx:${TRON}`],
];

const BAD_CRYPTO: Array<readonly [string, string]> = [
  ['', 'empty'],
  ['hello', 'crypto_invalid'],
  ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'crypto_checksum'],
  ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', 'crypto_invalid'],
  ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd', 'crypto_invalid'],
  ['0xZZaeb6053f3e94c9b9a09f33669435e7ef1beaed', 'crypto_invalid'],
  [flipLastChar(P2PKH), 'crypto_checksum'],
  [flipLastChar(TRON), 'crypto_checksum'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'crypto_checksum'],
  ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7KV8F3T4', 'crypto_invalid'],
  ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', 'crypto_invalid'],
  [segwit(0, 20, 4).replace(/^bc1q/, 'bc1p'), 'crypto_checksum'],
  [bech32m.encode('bc', [0, ...bech32.toWords(new Uint8Array(20))]), 'crypto_checksum'],
  [bech32.encode('bc', [1, ...bech32.toWords(new Uint8Array(32))]), 'crypto_checksum'],
  [base58Address(0x6f, 1), 'crypto_invalid'],
  [`crypto:btc:${TRON}`, 'crypto_invalid'],
  [`crypto:trx:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed`, 'crypto_invalid'],
  ['T' + '1'.repeat(33), 'crypto_checksum'],
];

describe('canonicalizeCrypto', () => {
  it.each(CRYPTO)('%s → %s', (input, indicator) => {
    const r = canonicalizeCrypto(input);
    expect(r.ok ? r.value.indicator : r.error).toBe(indicator);
  });

  it.each(BAD_CRYPTO)('rejects %s with %s', (input, code) => {
    const r = canonicalizeCrypto(input);
    expect(r.ok ? r.value.indicator : r.error.code).toBe(code);
  });

  it('displays a checksummed Ethereum address as written and others in lower case', () => {
    const r = canonicalizeCrypto('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
    expect(r.ok && r.value.display).toBe('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
    const upper = canonicalizeCrypto('0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED');
    expect(upper.ok && upper.value.display).toBe('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed');
    expect(eip55('fb6916095ca1df60bb79ce92ce3ea74c37c5d359')).toBe('fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359');
  });

  it('is idempotent on every valid case and on random Ethereum addresses', () => {
    for (const [input] of CRYPTO) {
      const r = canonicalizeCrypto(input);
      if (!r.ok) continue;
      for (const again of [r.value.indicator, r.value.display]) {
        const second = canonicalizeCrypto(again);
        expect(second.ok && second.value.indicator).toBe(r.value.indicator);
      }
    }
    fc.assert(fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
      const hex = Buffer.from(bytes).toString('hex');
      const r = canonicalizeCrypto(`0x${eip55(hex)}`);
      expect(r.ok && r.value.indicator).toBe(`crypto:eth:0x${hex}`);
    }), { numRuns: 200 });
  });

  it('never throws on random input', () => {
    const addressy = fc.oneof(
      fc.stringMatching(/^0x[0-9a-fA-F]{38,42}$/),
      fc.stringMatching(/^[13T][1-9A-HJ-NP-Za-km-z]{24,35}$/),
      fc.stringMatching(/^bc1[02-9ac-hj-np-z]{6,70}$/),
    );
    fc.assert(fc.property(fc.oneof(anyText, addressy), (s) => {
      const r = canonicalizeCrypto(s);
      if (r.ok) {
        const again = canonicalizeCrypto(r.value.indicator);
        expect(again.ok && again.value.indicator).toBe(r.value.indicator);
      }
    }), { numRuns: 2000 });
  });
});
