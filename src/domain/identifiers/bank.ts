import { bankByBin, bankByKey, compactKey, isNameKeyPrefix, type Bank } from './bank-registry.ts';
import { foldVietnamese } from './fold.ts';
import { fail, ok, type CanonResult, type VietQrInfo } from './types.ts';
import { decodeVietQr, looksLikeVietQr } from './vietqr.ts';

/**
 * Bank accounts → `bank:<BIN>:<account>`, displayed as `VCB 0011004567890`.
 *
 * Accounts: separators (spaces, dots, dashes, underscores) are removed and leading zeros kept
 * (they are part of the number). In free forms ("VCB 0011 0045 67890") an account is 6–19
 * digits: 6 is the shortest Vietnamese account in use (ACB, old Sacombank) and 19 the longest
 * PAN a NAPAS card can have, which VietQR also carries. Letters are allowed only in the explicit
 * `BIN:account` / `bank:` form and in VietQR payloads, because payment gateways issue
 * alphanumeric virtual accounts through VietQR; they are upper-cased there.
 */

const MIN_ACCOUNT = 6;
const MAX_ACCOUNT = 19;
const MAX_INPUT = 300;

type AccountResult = { ok: true; account: string } | { ok: false; code: string; message: string };

/** Strips separators and checks length and alphabet. */
export function normalizeAccount(raw: string, allowLetters: boolean): AccountResult {
  let account = '';
  let digits = 0;
  // Runs of digits are appended as slices, not one character at a time.
  let run = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (run < 0) run = i;
      digits++;
      continue;
    }
    if (run >= 0) {
      account += raw.slice(run, i);
      run = -1;
    }
    if (c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f || c === 0xa0 || c === 0x09) {
      continue;
    } else if (allowLetters && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) {
      account += raw[i]!.toUpperCase();
    } else {
      return { ok: false, code: 'bank_account_invalid', message: allowLetters
        ? 'An account number may contain only letters, digits and separators.'
        : 'An account number may contain only digits and separators.' };
    }
  }
  if (run >= 0) account += run === 0 ? raw : raw.slice(run);
  if (account.length < MIN_ACCOUNT || account.length > MAX_ACCOUNT) {
    return { ok: false, code: 'bank_account_invalid', message: `An account number has ${MIN_ACCOUNT} to ${MAX_ACCOUNT} characters.` };
  }
  if (digits === 0) return { ok: false, code: 'bank_account_invalid', message: 'An account number must contain digits.' };
  return { ok: true, account };
}

/** The canonical result for a known bank and an already-normalized account. */
export function bankCanonical(bank: Bank, account: string, qr?: VietQrInfo): CanonResult {
  // Alphanumeric (virtual) accounts are only read in the explicit form, so they are shown in it.
  const display = /^\d+$/.test(account) ? `${bank.code} ${account}` : `${bank.code}/${account}`;
  return ok('bank', `${bank.bin}:${account}`, display, qr ? { qr } : undefined);
}

/** The bank named by a BIN, a code or a name, in any case and with or without diacritics. */
export function resolveBank(ref: string): Bank | undefined {
  const trimmed = ref.trim();
  if (/^\d{6}$/.test(trimmed)) return bankByBin(trimmed);
  return bankByKey(compactKey(trimmed)) ?? findBankInWords(trimmed).bank;
}

/** The runs of [a-z0-9] in a folded phrase (what `split(/[^a-z0-9]+/)` keeps). */
function asciiWords(folded: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0;
    const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/**
 * Finds bank names in a phrase by the longest run of words whose letters form a known name,
 * so "Ngân hàng TMCP Ngoại thương" and "VCB Neo" resolve to one bank each.
 */
function findBankInWords(phrase: string): { bank: Bank | undefined; conflict: boolean } {
  const words = asciiWords(foldVietnamese(phrase));
  let found: Bank | undefined;
  let conflict = false;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    let key = '';
    const keys: string[] = [];
    // No name starts with a longer key once the key is not a prefix of some name.
    for (let j = i; j < Math.min(words.length, i + 10); j++) {
      key += words[j];
      if (!isNameKeyPrefix(key)) break;
      keys.push(key);
    }
    for (let k = keys.length - 1; k >= 0; k--) {
      const bank = bankByKey(keys[k]!);
      if (bank) {
        if (found && found !== bank) conflict = true;
        found ??= bank;
        matched = k + 1;
        break;
      }
    }
    i += matched === 0 ? 1 : matched;
  }
  return { bank: found, conflict };
}

function fromQr(raw: string): CanonResult {
  const decoded = decodeVietQr(raw);
  if (!decoded.ok) return decoded;
  const info = decoded.info;
  if (!info.crc_valid) return fail('qr_crc', 'The VietQR payload is damaged or altered: its CRC does not match.');
  const bank = bankByBin(info.bin);
  if (!bank) return fail('bank_unknown', `The VietQR payload names an unknown bank BIN ${info.bin}.`);
  const account = normalizeAccount(info.account, true);
  if (!account.ok) return fail(account.code, account.message);
  const qr: VietQrInfo = { bin: bank.bin, account: account.account, amount: info.amount, message: info.message, crc_valid: info.crc_valid };
  return bankCanonical(bank, account.account, qr);
}

/** `BIN:account`, `BIN/account`, `name:account`, `name/account`. */
const EXPLICIT = /^([^:/]{1,80}?)\s*[:/]\s*(.*)$/s;
/*
 * A run of digits with separators inside, e.g. `0011 0045 67890`, `0011-004-567890`: what
 * /\d(?:[\d.\-_ ]*\d)?/g matches, scanned by hand in canonicalizeBank.
 */

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The separators DIGIT_RUN allows inside an account: space, ".", "-", "_". */
function isSeparatorCode(c: number): boolean {
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

export function canonicalizeBank(raw: string): CanonResult {
  if (typeof raw !== 'string') return fail('empty', 'No bank account given.');
  let s = raw.trim();
  if (s.length === 0) return fail('empty', 'No bank account given.');
  if (looksLikeVietQr(s)) return fromQr(s);
  if (s.length > MAX_INPUT) return fail('bank_account_invalid', 'The input is too long to be a bank account.');
  if (s.charCodeAt(4) === 0x3a && s.slice(0, 5).toLowerCase() === 'bank:') s = s.slice(5).trim();

  const explicit = s.indexOf(':') >= 0 || s.indexOf('/') >= 0 ? EXPLICIT.exec(s) : null;
  let explicitError: CanonResult | null = null;
  if (explicit) {
    const ref = explicit[1]!.trim();
    const bank = resolveBank(ref);
    if (bank) {
      const account = normalizeAccount(explicit[2]!, true);
      if (account.ok) return bankCanonical(bank, account.account);
      explicitError = fail(account.code, account.message);
      // One token after the separator is meant as the account: report why it is wrong. Words
      // after it ("VCB: 0011004567890 chủ TK Nguyễn Văn A") get the free-form reading instead.
      if (!/\s/.test(explicit[2]!.trim().replace(/(?<=[0-9A-Za-z])[ .\-_](?=[0-9A-Za-z])/g, ''))) return explicitError;
    } else if (/^\d{6}$/.test(ref)) {
      return fail('bank_unknown', `No bank is known with BIN ${ref}.`);
    }
  }

  // Free form: the longest digit run is the account, the rest must name a bank.
  let bestStart = -1;
  let bestEnd = -1;
  let bestDigits = 0;
  // The runs DIGIT_RUN matches, found by hand: this is the hot path of every free-form account.
  for (let i = 0; i < s.length; i++) {
    if (!isDigitCode(s.charCodeAt(i))) continue;
    let end = i + 1;
    let digits = 1;
    for (let j = i + 1; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (isDigitCode(c)) {
        digits++;
        end = j + 1;
      } else if (!isSeparatorCode(c)) {
        break;
      }
    }
    if (digits > bestDigits) {
      bestStart = i;
      bestEnd = end;
      bestDigits = digits;
    }
    i = end - 1;
  }
  if (bestStart < 0) return explicitError ?? fail('bank_account_invalid', 'No account number found.');
  let accountText = s.slice(bestStart, bestEnd);
  let rest = s.slice(0, bestStart) + ' ' + s.slice(bestEnd);

  // "970436 0011004567890": a BIN and an account separated by a space form one digit run.
  // Only a run with a separator right after six digits can start with a BIN.
  const leadingBin = isSeparatorCode(accountText.charCodeAt(6)) ? /^(\d{6})[ .\-_]+(\d[\d .\-_]*)$/.exec(accountText) : null;
  if (leadingBin && bankByBin(leadingBin[1]!)) {
    rest = `${rest} ${leadingBin[1]}`;
    accountText = leadingBin[2]!;
  }

  const bin = countDigits(rest) >= 6 ? /(?:^|\D)(\d{6})(?:\D|$)/.exec(rest) : null;
  const found = bin ? { bank: bankByBin(bin[1]!), conflict: false } : findBankInWords(rest);
  if (!found.bank) {
    return fail('bank_unknown', bin ? `No bank is known with BIN ${bin[1]}.` : 'The input names no known bank; give its name, short name or BIN.');
  }
  if (found.conflict) return fail('bank_unknown', 'The input names more than one bank.');
  const account = normalizeAccount(accountText, false);
  return account.ok ? bankCanonical(found.bank, account.account) : fail(account.code, account.message);
}
