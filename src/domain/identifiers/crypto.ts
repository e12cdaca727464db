import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { fail, ok, type CanonResult } from './types.ts';

/**
 * Cryptocurrency addresses with their checksums verified, so a typo never becomes an
 * indicator that matches nobody:
 * - `crypto:btc:<address>`: Bitcoin mainnet P2PKH (`1…`) and P2SH (`3…`) in Base58Check
 *   (kept as written: Base58 is case-sensitive), SegWit v0 in bech32 and v1+ (Taproot) in
 *   bech32m (`bc1…`, lower-cased).
 * - `crypto:eth:0x<40 hex>`: Ethereum and every EVM chain that shares its addresses (BSC,
 *   Polygon…), lower-cased; a mixed-case address must pass EIP-55 (and is displayed as written).
 * - `crypto:trx:T…`: TRON (where most USDT-TRC20 scams are paid), Base58Check with version 0x41.
 */

const base58check = createBase58check(sha256);

const BTC_P2PKH = 0x00;
const BTC_P2SH = 0x05;
const TRON_VERSION = 0x41;
const MAX_INPUT = 200;

type Chain = 'btc' | 'eth' | 'trx';

function checksumFail(chain: string): CanonResult {
  return fail('crypto_checksum', `The ${chain} address has a wrong checksum (a character is mistyped).`);
}

function base58Payload(s: string): Uint8Array | null {
  try {
    return base58check.decode(s);
  } catch {
    return null;
  }
}

function isBase58(s: string): boolean {
  return /^[1-9A-HJ-NP-Za-km-z]+$/.test(s);
}

function bitcoinBase58(s: string): CanonResult {
  if (!isBase58(s) || s.length < 26 || s.length > 35) return fail('crypto_invalid', 'Not a Bitcoin address.');
  const payload = base58Payload(s);
  if (!payload) return checksumFail('Bitcoin');
  if (payload.length !== 21 || (payload[0] !== BTC_P2PKH && payload[0] !== BTC_P2SH)) {
    return fail('crypto_invalid', 'Not a Bitcoin mainnet address.');
  }
  return ok('crypto', `btc:${s}`, s);
}

function bitcoinSegwit(s: string): CanonResult {
  if (s !== s.toLowerCase() && s !== s.toUpperCase()) {
    return fail('crypto_invalid', 'A bech32 address must not mix upper and lower case.');
  }
  const lower = s.toLowerCase();
  if (lower.length < 14 || lower.length > 90) return fail('crypto_invalid', 'Not a Bitcoin address.');
  const v0 = bech32.decodeUnsafe(lower, 90);
  const v1 = v0 ? undefined : bech32m.decodeUnsafe(lower, 90);
  const decoded = v0 || v1;
  if (!decoded) return checksumFail('Bitcoin');
  if (decoded.prefix !== 'bc') return fail('crypto_invalid', 'Not a Bitcoin mainnet address.');
  const [version, ...programWords] = decoded.words;
  if (version === undefined || version > 16) return fail('crypto_invalid', 'Unknown SegWit version.');
  // BIP 350: version 0 must use bech32, every later version bech32m.
  if ((version === 0) !== Boolean(v0)) return checksumFail('Bitcoin');
  const program = bech32.fromWordsUnsafe(programWords);
  if (!program || program.length < 2 || program.length > 40) return fail('crypto_invalid', 'Invalid SegWit program.');
  if (version === 0 && program.length !== 20 && program.length !== 32) return fail('crypto_invalid', 'Invalid SegWit v0 program length.');
  return ok('crypto', `btc:${lower}`, lower);
}

/** EIP-55 mixed-case checksum of a lower-case hex address (without 0x). */
export function eip55(lowerHex: string): string {
  const hash = keccak_256(new TextEncoder().encode(lowerHex));
  let out = '';
  for (let i = 0; i < lowerHex.length; i++) {
    const c = lowerHex[i]!;
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    out += c >= 'a' && c <= 'f' && nibble >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

function ethereum(s: string): CanonResult {
  const hex = s.slice(2);
  if (!/^[0-9a-fA-F]{40}$/.test(hex)) return fail('crypto_invalid', 'An Ethereum address is 0x followed by 40 hexadecimal digits.');
  const lower = hex.toLowerCase();
  // All-lower and all-upper addresses carry no checksum (EIP-55); mixed case must match it.
  // Keccak costs ~40 µs here, so it runs only to verify a mixed-case address, which is then
  // shown as written; other addresses are shown in lower case.
  if (hex !== lower && hex !== hex.toUpperCase()) {
    if (hex !== eip55(lower)) return checksumFail('Ethereum');
    return ok('crypto', `eth:0x${lower}`, `0x${hex}`);
  }
  return ok('crypto', `eth:0x${lower}`, `0x${lower}`);
}

function tron(s: string): CanonResult {
  if (!isBase58(s) || s.length !== 34) return fail('crypto_invalid', 'A TRON address is T followed by 33 Base58 characters.');
  const payload = base58Payload(s);
  if (!payload) return checksumFail('TRON');
  if (payload.length !== 21 || payload[0] !== TRON_VERSION) return fail('crypto_invalid', 'Not a TRON address.');
  return ok('crypto', `trx:${s}`, s);
}

/** The chain an address belongs to by its shape, before any checksum is computed. */
export function cryptoChainOf(s: string): Chain | null {
  if (/^0[xX][0-9a-fA-F]{40}$/.test(s)) return 'eth';
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(s)) return 'trx';
  if (/^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(s)) return 'btc';
  if (/^bc1[02-9ac-hj-np-z]{8,87}$/i.test(s)) return 'btc';
  return null;
}

/** Removes `crypto:<chain>:` and payment-URI wrappers (BIP 21, EIP-681, `tron:`). */
function unwrap(s: string): { address: string; chain: Chain | null } {
  let chain: Chain | null = null;
  // Every wrapper has a colon; a bare address has none.
  if (s.indexOf(':') < 0) return { address: s.trim(), chain };
  const lower = s.slice(0, 12).toLowerCase();
  if (lower.startsWith('crypto:')) {
    const rest = s.slice(7);
    const colon = rest.indexOf(':');
    const name = colon > 0 ? rest.slice(0, colon).toLowerCase() : '';
    if (name === 'btc' || name === 'eth' || name === 'trx') {
      chain = name;
      s = rest.slice(colon + 1);
    } else {
      s = rest;
    }
  } else {
    const uri = /^(bitcoin|ethereum|tron):(?:\/\/)?/i.exec(s);
    if (uri) {
      const scheme = uri[1]!.toLowerCase();
      chain = scheme === 'bitcoin' ? 'btc' : scheme === 'ethereum' ? 'eth' : 'trx';
      s = s.slice(uri[0].length);
      // EIP-681 puts "pay-", a chain id after "@" and a function after "/"; BIP 21 a query.
      s = s.replace(/^pay-/i, '').split(/[?@/#]/)[0] ?? '';
    }
  }
  return { address: s.trim(), chain };
}

export function canonicalizeCrypto(raw: string): CanonResult {
  if (typeof raw !== 'string') return fail('empty', 'No address given.');
  const trimmed = raw.trim();
  if (trimmed.length === 0) return fail('empty', 'No address given.');
  if (trimmed.length > MAX_INPUT) return fail('crypto_invalid', 'The input is too long to be a cryptocurrency address.');
  const { address, chain: declared } = unwrap(trimmed);
  const chain = cryptoChainOf(address);
  if (!chain) return fail('crypto_invalid', 'Not a Bitcoin, Ethereum or TRON address.');
  if (declared && declared !== chain) return fail('crypto_invalid', `The address is not a ${declared} address.`);
  try {
    if (chain === 'eth') return ethereum(address);
    if (chain === 'trx') return tron(address);
    return /^bc1/i.test(address) ? bitcoinSegwit(address) : bitcoinBase58(address);
  } catch {
    return fail('crypto_invalid', 'Not a valid cryptocurrency address.');
  }
}
