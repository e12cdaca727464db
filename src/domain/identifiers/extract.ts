import { domainToASCII } from 'node:url';
import { parse as parseDomain } from 'tldts';
import { bankByKey, isNameKeyPrefix, mayStartNameKey, type Bank } from './bank-registry.ts';
import { bankCanonical, canonicalizeBank, normalizeAccount } from './bank.ts';
import { canonicalizeCrypto } from './crypto.ts';
import { deobfuscate, toOriginalSpan } from './deobfuscate.ts';
import { canonicalizeEmail } from './email.ts';
import { foldCharCode, foldRange } from './fold.ts';
import { canonicalize } from './index.ts';
import { canonicalizePhone } from './phone.ts';
import type { CanonResult, Extracted, IdentifierKind } from './types.ts';

/**
 * Finds every identifier in free text (a victim's story, a chat log, a post) and returns its
 * canonical indicator with the span of the ORIGINAL text it came from.
 *
 * Designed for ~20 MB/s on one core: each pass looks for a cheap trigger (a digit, a `.` or
 * `@`, `0x`, `000201`) with `indexOf` or a first-character regex, and only then does real work
 * on a small window. No regex can backtrack over more than one token.
 *
 * Precision rules, because a false indicator is worse than a missed one:
 * - a digit run is a phone only when it is written like one (leading 0 and 10–11 digits,
 *   +country code, 84…, 1800/1900) and libphonenumber accepts it;
 * - a digit run is a bank account only when a bank is named next to it (VCB, Vietcombank,
 *   "ngân hàng Ngoại thương"); "stk" alone cannot say which bank;
 * - amounts ("5.000.000đ", "5tr", "500k"), dates, times, OTP codes and order numbers are
 *   skipped by their shape and the word next to them.
 */

interface Found {
  indicator: string;
  kind: IdentifierKind;
  start: number;
  end: number;
}

type Span = [number, number];

// ---------------------------------------------------------------------------------------
// Character classes (by UTF-16 code unit, precomposed Vietnamese letters are one unit)

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) n++;
  return n;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Letters of any script; Vietnamese letters fold to ASCII, others are simply "not a separator". */
function isWordChar(c: number): boolean {
  if (c < 0x80) return isDigit(c) || isAsciiLetter(c) || c === 0x5f;
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff) return false;
  return c >= 0xc0;
}

// ---------------------------------------------------------------------------------------
// Words near a position, folded, for keyword and bank-name context

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Folded words of text[from, to), in order. */
function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  let i = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (i >= end) return words;
  // Folding keeps offsets (one code unit in, one out), so the window is folded once and words
  // are sliced out of it.
  const base = i;
  const folded = foldRange(text, base, end);
  while (i < end) {
    while (i < end && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const start = i;
    while (i < end && isWordChar(text.charCodeAt(i))) i++;
    // A word cut by the window edge is not a word.
    if ((start === from && start > 0 && isWordChar(text.charCodeAt(start - 1))) || (i === to && i < text.length && isWordChar(text.charCodeAt(i)))) continue;
    words.push({ text: folded.slice(start - base, i - base), start, end: i });
  }
  return words;
}

/** Words after which an ordinary Vietnamese phrase ("Ngoại thương", "Quân đội") names a bank. */
const BANK_WORDS = new Set(['nganhang', 'nh']);

/** Whether `a + b` is one of BANK_WORDS ("ngan" + "hang"), without building the string. */
function isBankWordPair(a: string, b: string): boolean {
  for (const w of BANK_WORDS) {
    if (a.length + b.length === w.length && w.startsWith(a) && w.endsWith(b)) return true;
  }
  return false;
}

interface BankMention {
  bank: Bank;
  start: number;
  end: number;
}

/** Bank names in a list of words: the longest match at each word, brands anywhere, descriptive names after "ngân hàng"/"NH". */
function bankMentions(words: Word[]): BankMention[] {
  const out: BankMention[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!mayStartNameKey(words[i]!.text)) continue;
    const afterBankWord = (i >= 2 && isBankWordPair(words[i - 2]!.text, words[i - 1]!.text)) || BANK_WORDS.has(words[i - 1]?.text ?? '');
    let key = '';
    let best: BankMention | null = null;
    let bestLen = 0;
    for (let j = i; j < Math.min(words.length, i + 8); j++) {
      const w = words[j]!;
      key += w.text;
      if (!isNameKeyPrefix(key)) break;
      const bank = bankByKey(key, afterBankWord);
      if (bank) {
        best = { bank, start: words[i]!.start, end: w.end };
        bestLen = j - i + 1;
      }
    }
    if (best) {
      out.push(best);
      i += bestLen - 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// VietQR payloads

function scanVietQr(text: string, found: Found[], consumed: Span[]): void {
  for (let at = text.indexOf('000201'); at !== -1; at = text.indexOf('000201', at + 6)) {
    // Walk the TLV fields to find where the payload ends (after tag 63).
    let i = at;
    let end = -1;
    // EMVCo payloads are at most 512 characters; the bound keeps "000201000201…" linear.
    const limit = Math.min(text.length, at + 512);
    while (i + 4 <= limit) {
      const tag = text.slice(i, i + 2);
      const len = Number(text.slice(i + 2, i + 4));
      if (!/^\d\d$/.test(tag) || !Number.isInteger(len) || !isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) break;
      if (i + 4 + len > limit) break;
      i += 4 + len;
      if (tag === '63') {
        end = i;
        break;
      }
    }
    if (end === -1) continue;
    const payload = text.slice(at, end);
    const r = canonicalizeBank(payload);
    if (r.ok) {
      found.push({ indicator: r.value.indicator, kind: 'bank', start: at, end });
      consumed.push([at, end]);
      at = end - 6;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Links, domains, emails (after undoing defanging line by line)

/** Characters that end a link token. */
function endsToken(c: number): boolean {
  return c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x28 || c === 0x29 ||
    c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x7c || c === 0x60 || c === 0x5e || c === 0x2c ||
    c === 0x3b || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200f) || c === 0x2028 || c === 0x2029 ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xff0c || c === 0x3001;
}

const TRAILING_PUNCT = /[.:!?…,;'"»›*_~-]+$/;

const tldCache = new Map<string, boolean>();
function isTld(label: string): boolean {
  let known = tldCache.get(label);
  if (known === undefined) {
    const p = parseDomain(`a.${label}`);
    known = label === 'example' || label === 'test' || (p.isIcann === true && p.publicSuffix === label);
    if (tldCache.size < 10_000) tldCache.set(label, known);
  }
  return known;
}

/** Host part of a link-ish token, or null when it cannot be a web address. */
function plausibleHost(token: string): boolean {
  let s = token;
  const scheme = s.indexOf('://');
  if (scheme !== -1) s = s.slice(scheme + 3);
  const stop = s.search(/[/?#]/);
  if (stop !== -1) s = s.slice(0, stop);
  const at = s.lastIndexOf('@');
  if (at !== -1) s = s.slice(at + 1);
  s = s.replace(/:\d*$/, '');
  const dot = s.lastIndexOf('.');
  if (dot <= 0 || dot === s.length - 1) return false;
  const tld = s.slice(dot + 1).toLowerCase();
  if (/^\d+$/.test(tld)) return scheme !== -1 && /^\d+(?:\.\d+){3}$/.test(s);
  if (/^[a-z]{2,63}$/.test(tld) || tld.startsWith('xn--')) return isTld(tld);
  if (/^[\x00-\x7f]*$/.test(tld)) return false;
  // A Unicode TLD (".việt", ".中国") is known by its punycode form.
  const ascii = domainToASCII(`a.${tld}`);
  const label = ascii.slice(ascii.lastIndexOf('.') + 1);
  return label.startsWith('xn--') && isTld(label);
}

/** Results per link token within one `extract` call: reports repeat the same links. */
type LinkMemo = Map<string, CanonResult>;
const MEMO_LIMIT = 10_000;

/** Links go through kind detection so Facebook, Zalo, Telegram… links get their own kinds. */
function canonicalizeLink(token: string, memo: LinkMemo): CanonResult {
  let r = memo.get(token);
  if (r === undefined) {
    r = canonicalize(token);
    if (memo.size < MEMO_LIMIT) memo.set(token, r);
  }
  return r;
}

function scanLinks(line: string, offset: number, map: ((s: number, e: number) => Span) | null, found: Found[], consumed: Span[], memo: LinkMemo): void {
  let searchFrom = 0;
  let lastEnd = -1;
  // Next "." and "@" are tracked separately so each is searched for once per occurrence.
  let dot = line.indexOf('.');
  let at = line.indexOf('@');
  while (searchFrom < line.length) {
    if (dot !== -1 && dot < searchFrom) dot = line.indexOf('.', Math.max(searchFrom, lastEnd));
    if (at !== -1 && at < searchFrom) at = line.indexOf('@', Math.max(searchFrom, lastEnd));
    const p = dot === -1 ? at : at === -1 ? dot : Math.min(dot, at);
    if (p === -1) break;
    searchFrom = p + 1;
    if (p < lastEnd) continue;
    // Both neighbours must belong to a token, or this is a sentence end or a lone "@".
    if (p === 0 || p === line.length - 1 || endsToken(line.charCodeAt(p - 1)) || endsToken(line.charCodeAt(p + 1))) {
      if (!(line.charCodeAt(p) === 0x40 && p + 1 < line.length && !endsToken(line.charCodeAt(p + 1)))) continue;
    }
    let s = p;
    while (s > 0 && !endsToken(line.charCodeAt(s - 1))) s--;
    let e = p + 1;
    while (e < line.length && !endsToken(line.charCodeAt(e))) e++;
    lastEnd = e;
    let token = line.slice(s, e);
    const trailing = TRAILING_PUNCT.exec(token);
    if (trailing) {
      token = token.slice(0, token.length - trailing[0].length);
      e -= trailing[0].length;
    }
    // "web:abc.com", "tại:abc.com": drop a word glued on with a colon unless it is a scheme.
    const scheme = token.indexOf('://');
    if (scheme > 0) {
      let k = scheme;
      while (k > 0 && isAsciiLetter(token.charCodeAt(k - 1))) k--;
      s += k;
      token = token.slice(k);
    } else {
      const colon = token.indexOf(':');
      const firstDot = token.indexOf('.');
      if (colon !== -1 && firstDot !== -1 && colon < firstDot && !/^(?:mailto|tel|bitcoin|ethereum|tron):/i.test(token)) {
        s += colon + 1;
        token = token.slice(colon + 1);
      }
    }
    // Leading punctuation such as "…abc.com" or "*abc.com".
    while (token.length > 0 && !isWordChar(token.charCodeAt(0)) && token[0] !== '@') {
      s++;
      token = token.slice(1);
    }
    if (token.length < 4) continue;

    let r: CanonResult | null = null;
    const atIndex = token.indexOf('@');
    if (atIndex > 0 && !token.includes('/') && token.indexOf('.', atIndex) !== -1) {
      r = canonicalizeEmail(token);
    } else if (atIndex === 0 || (atIndex > 0 && !token.includes('/'))) {
      continue;
    } else if (!/^[\d.]+$/.test(token) && plausibleHost(token)) {
      r = canonicalizeLink(token, memo);
    }
    if (!r || !r.ok) continue;
    const [start, end] = map ? map(s, e) : [s, e];
    found.push({ indicator: r.value.indicator, kind: r.value.kind, start: offset + start, end: offset + end });
    consumed.push([offset + start, offset + end]);
  }
}

function scanAllLinks(text: string, found: Found[], consumed: Span[]): void {
  // Deobfuscation rewrites text and needs an offset map; its own cheap screen rules out the
  // lines that need none, and those are scanned as they are.
  const memo: LinkMemo = new Map();
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const d = deobfuscate(line);
    if (d.starts) {
      scanLinks(d.text, lineStart, (s, e) => {
        const span = toOriginalSpan(d, s, e);
        return [span.start, span.end];
      }, found, consumed, memo);
    } else if (line.indexOf('.') !== -1 || line.indexOf('@') !== -1) {
      scanLinks(line, lineStart, null, found, consumed, memo);
    }
    lineStart = lineEnd + 1;
  }
}

// ---------------------------------------------------------------------------------------
// Crypto addresses

const CRYPTO = /(?<![A-Za-z0-9])(?:0x[0-9a-fA-F]{40}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|T[1-9A-HJ-NP-Za-km-z]{33}|bc1[02-9ac-hj-np-z]{8,87}|BC1[02-9AC-HJ-NP-Z]{8,87})(?![A-Za-z0-9])/g;

function scanCrypto(text: string, found: Found[], consumed: Span[]): void {
  CRYPTO.lastIndex = 0;
  for (let m = CRYPTO.exec(text); m; m = CRYPTO.exec(text)) {
    // Digit-only runs are numbers, not Base58 addresses.
    if (/^\d+$/.test(m[0])) continue;
    const r = canonicalizeCrypto(m[0]);
    if (!r.ok) continue;
    found.push({ indicator: r.value.indicator, kind: 'crypto', start: m.index, end: m.index + m[0].length });
    consumed.push([m.index, m.index + m[0].length]);
  }
}

// ---------------------------------------------------------------------------------------
// Digit runs: phones and bank accounts

/**
 * A digit run with single separators between groups: "0912 345 678", "+84 91-234-5678",
 * "(028) 3823 4567". Every repetition must consume a separator, so the pattern is linear.
 */
const DIGIT_RUN = /(?:\+|\(\+?)?\d+(?:(?:[ .\-\u00a0]|\) ?|[ ]?\()\d+)*/g;

/** Words that mean the number next to them is money, a quantity, or a time. */
const UNIT_WORDS = new Set([
  'd', 'dong', 'vnd', 'k', 'tr', 'trieu', 'ty', 'ti', 'nghin', 'usd', 'usdt', 'lan', 'h', 'phut', 'giay', 'nguoi', 'tuoi',
  'km', 'kg', 'cm', 'mm', 'g', 'gb', 'cai', 'chiec', 'sp', 'lit', 'm2',
]);
// Not units although they can be: "ngàn" folds like "ngân (hàng)", "năm" like "Nam (Á Bank)",
// "ngày" like "ngay" (now); numbers that long are never followed by them as quantities anyway.
/** "so" (number) and "ma" (code) are followed by the noun that says what it is. */
const NUMBER_OF = new Set(['dien', 'dt', 'sdt', 'tai', 'tk', 'stk', 'hotline', 'zalo', 'lien']);

function precededByCodeWord(words: Word[]): boolean {
  // words are the folded words just before the run, nearest last.
  const last = words[words.length - 1]?.text;
  const before = words[words.length - 2]?.text;
  if (last === undefined) return false;
  if (last === 'otp' || last === 'code' || last === 'mvd' || last === 'order' || last === 'bill' || last === 'pin' || last === 'cvv') return true;
  if ((before === 'ma' || before === 'so') && last !== undefined && !NUMBER_OF.has(last) && (last === 'don' || last === 'hang' || last === 'xac' || last === 'nhan' || last === 'otp' || last === 'giao' || last === 'dich' || last === 'van')) return true;
  if (last === 'ma' || (before === 'don' && last === 'hang') || (before === 'xac' && last === 'nhan') || (before === 'giao' && last === 'dich')) return true;
  return false;
}

function followedByUnit(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0)) i++;
  const c = text.charCodeAt(i);
  if (c === 0x25 || c === 0x24 || c === 0x20ab) return true; // % $ ₫
  let w = '';
  while (i < text.length && isWordChar(text.charCodeAt(i)) && w.length < 8) {
    w += String.fromCharCode(foldCharCode(text.charCodeAt(i)));
    i++;
  }
  return w.length > 0 && UNIT_WORDS.has(w) && !(i < text.length && isWordChar(text.charCodeAt(i)));
}

interface Run {
  start: number;
  end: number;
  raw: string;
  digits: string;
  groups: string[];
  separators: string[];
}

function splitRun(start: number, raw: string): Run[] {
  // Groups and separators; a space between two long groups separates two numbers.
  const runs: Run[] = [];
  const re = /\d+/g;
  let cur: Run | null = null;
  let prevEnd = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const sep = raw.slice(prevEnd, m.index);
    const g = m[0];
    if (cur && sep.trim() === '' && sep.length > 0 && cur.groups[cur.groups.length - 1]!.length >= 7 && g.length >= 7) {
      runs.push(cur);
      cur = null;
    }
    if (!cur) {
      const lead: string = runs.length === 0 ? raw.slice(0, m.index) : '';
      cur = { start: start + m.index - lead.length, end: 0, raw: '', digits: '', groups: [], separators: [] };
      if (lead) cur.raw = lead;
    } else {
      cur.separators.push(sep);
      cur.raw += sep;
    }
    cur.groups.push(g);
    cur.digits += g;
    cur.raw += g;
    cur.end = start + m.index + g.length;
    prevEnd = m.index + g.length;
  }
  if (cur) runs.push(cur);
  return runs;
}

function looksLikeDate(run: Run): boolean {
  const g = run.groups;
  if (g.length !== 3) return false;
  if (!run.separators.every((s) => s === '.' || s === '-' || s === '/')) return false;
  const [a, b, c] = g as [string, string, string];
  if (a.length <= 2 && b.length <= 2 && (c.length === 2 || c.length === 4)) return true;
  return a.length === 4 && b.length <= 2 && c.length <= 2;
}

/** "0.5", "3,14159": a one-digit integer part before a decimal point. */
function looksLikeDecimal(run: Run): boolean {
  return run.groups[0]!.length === 1 && (run.separators[0] === '.' || run.separators[0] === ',');
}

function looksLikeAmount(run: Run): boolean {
  // "5.000.000", "12,500,000": thousands groups without a leading zero.
  if (run.digits.startsWith('0') || run.groups.length < 2) return false;
  if (!run.separators.every((s) => s === '.' || s === ',')) return false;
  return run.groups[0]!.length <= 3 && run.groups.slice(1).every((x) => x.length === 3);
}

function phoneShaped(run: Run): boolean {
  const d = run.digits;
  if (run.raw.startsWith('+') || run.raw.startsWith('(+')) return d.length >= 8 && d.length <= 15;
  if (d.startsWith('0084')) return d.length >= 12 && d.length <= 14;
  if (d.startsWith('84')) return d.length === 11 || d.length === 12;
  if (d.startsWith('1800') || d.startsWith('1900')) return d.length >= 8 && d.length <= 10;
  if (d.startsWith('0') && d[1] !== '0') return d.length === 10 || d.length === 11;
  return false;
}

/** Single spaces inside a number are fine ("09 12 34 56 78"), lone digits are not ("1 2 3 4 5 6"). */
function plausibleGrouping(run: Run): boolean {
  for (let k = 1; k < run.groups.length; k++) {
    if (run.groups[k]!.length === 1 && run.separators[k - 1] !== '-') return false;
  }
  return true;
}

const CONTEXT = 80;

function scanDigits(text: string, found: Found[], consumed: Span[]): void {
  consumed.sort((a, b) => a[0] - b[0]);
  const runs: Run[] = [];
  DIGIT_RUN.lastIndex = 0;
  let ci = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (ci < consumed.length && consumed[ci]![1] <= start) ci++;
    if (ci < consumed.length && consumed[ci]![0] < end) continue;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
    const after = end < text.length ? text.charCodeAt(end) : 0x20;
    // Part of a word or a longer code ("abc123456", "5tr", "10h30", "#123456", "1.234,5").
    if (isWordChar(before) || before === 0x23 || before === 0x2f || before === 0x40) continue;
    if (isWordChar(after) || after === 0x40 || after === 0x2f || after === 0x3a || after === 0x2c && isDigit(text.charCodeAt(end + 1))) continue;
    if ((before === 0x2e || before === 0x2c) && start > 1 && isDigit(text.charCodeAt(start - 2))) continue;
    if ((after === 0x2e || after === 0x2c) && isDigit(text.charCodeAt(end + 1))) continue;
    if (countDigits(m[0]) < 6) continue;
    for (const run of splitRun(start, m[0])) if (run.digits.length >= 6) runs.push(run);
  }

  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    if (run.digits.length > 19 && !phoneShaped(run)) continue;
    if (!plausibleGrouping(run) || looksLikeDate(run) || looksLikeDecimal(run) || looksLikeAmount(run) || followedByUnit(text, run.end)) continue;

    const prevEnd = k > 0 ? runs[k - 1]!.end : 0;
    const nextStart = k + 1 < runs.length ? runs[k + 1]!.start : text.length;
    const wordsBefore = wordsIn(text, Math.max(prevEnd, run.start - CONTEXT), run.start);
    if (precededByCodeWord(wordsBefore)) continue;
    const wordsAfter = wordsIn(text, run.end, Math.min(nextStart, run.end + CONTEXT));

    // The nearest bank named on either side, unless it sits closer to the neighbouring number.
    let bank: Bank | null = null;
    let distance = Infinity;
    for (const mention of bankMentions(wordsBefore)) {
      const d = run.start - mention.end;
      const other = k > 0 ? mention.start - runs[k - 1]!.end : Infinity;
      if (d < distance && d <= other) {
        bank = mention.bank;
        distance = d;
      }
    }
    for (const mention of bankMentions(wordsAfter)) {
      const d = mention.start - run.end;
      const other = k + 1 < runs.length ? runs[k + 1]!.start - mention.end : Infinity;
      if (d < distance && d < other) {
        bank = mention.bank;
        distance = d;
      }
    }

    if (bank && !run.raw.startsWith('+') && run.digits.length <= 19) {
      const account = normalizeAccount(run.digits, false);
      if (account.ok) {
        const r = bankCanonical(bank, account.account);
        if (r.ok) found.push({ indicator: r.value.indicator, kind: 'bank', start: run.start, end: run.end });
        continue;
      }
    }
    if (phoneShaped(run)) {
      const r = canonicalizePhone(run.raw);
      if (r.ok) found.push({ indicator: r.value.indicator, kind: 'phone', start: run.start, end: run.end });
    }
  }
}

// ---------------------------------------------------------------------------------------

/** Every identifier in `text`, deduplicated by indicator (first occurrence), in text order. */
export function extract(text: string): Extracted[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const found: Found[] = [];
  const consumed: Span[] = [];
  try {
    scanVietQr(text, found, consumed);
    scanAllLinks(text, found, consumed);
    scanCrypto(text, found, consumed);
    scanDigits(text, found, consumed);
  } catch {
    // A scanner bug must not lose what the others found; extraction is best effort by nature.
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const seen = new Set<string>();
  const out: Extracted[] = [];
  for (const f of found) {
    if (seen.has(f.indicator)) continue;
    if (f.start < 0 || f.end > text.length || f.start >= f.end) continue;
    seen.add(f.indicator);
    out.push({ indicator: f.indicator, kind: f.kind, start: f.start, end: f.end, text: text.slice(f.start, f.end) });
  }
  return out;
}
