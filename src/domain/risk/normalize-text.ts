import { foldVietnamese } from '../identifiers/fold.ts';

/**
 * Text folded for the scam-phrase rules and the classifier: lower case, no diacritics
 * ("chuyển khoản" → "chuyen khoan"), common Vietnamese teencode written out ("ck" → "chuyen
 * khoan", "k"/"ko" → "khong", "dc" → "duoc"), digits used as letters turned back into letters
 * ("0tp" → "otp", "th4nh" → "thanh"), and words separated by exactly one space, with one space
 * at each end so rules can match whole words with " word ".
 *
 * Only the first MAX_TEXT_CHARS characters are read: scam messages are short, and a huge
 * paste must not make scoring slow.
 */
export const MAX_TEXT_CHARS = 8_000;

/** Whole-token teencode and abbreviations → the words they stand for (all folded). */
const TEENCODE: ReadonlyMap<string, string> = new Map([
  ['ck', 'chuyen khoan'],
  ['chuyenkhoan', 'chuyen khoan'],
  ['stk', 'so tai khoan'],
  ['tk', 'tai khoan'],
  ['tkhoan', 'tai khoan'],
  ['ib', 'inbox'],
  ['ibx', 'inbox'],
  ['k', 'khong'],
  ['ko', 'khong'],
  ['kh', 'khong'],
  ['khg', 'khong'],
  ['kg', 'khong'],
  ['hok', 'khong'],
  ['hem', 'khong'],
  ['dc', 'duoc'],
  ['dk', 'duoc'],
  ['j', 'gi'],
  ['ji', 'gi'],
  ['nv', 'nhiem vu'],
  ['hh', 'hoa hong'],
  ['ctv', 'cong tac vien'],
  ['sdt', 'so dien thoai'],
  ['dt', 'dien thoai'],
  ['mk', 'mat khau'],
  ['tr', 'trieu'],
  ['lh', 'lien he'],
  ['vs', 'voi'],
  ['ms', 'moi'],
  ['r', 'roi'],
  ['oy', 'roi'],
  ['lm', 'lam'],
  ['cty', 'cong ty'],
  ['nh', 'ngan hang'],
  ['gd', 'giao dich'],
  ['gdich', 'giao dich'],
  ['fai', 'phai'],
  ['wa', 'qua'],
  ['z', 'vay'],
  ['zui', 'vui'],
  ['bit', 'biet'],
  ['nhiu', 'nhieu'],
  ['ad', 'admin'],
  ['add', 'admin'],
  ['ntn', 'nhu the nao'],
  ['bh', 'bao gio'],
  ['trc', 'truoc'],
  ['tcong', 'thanh cong'],
  ['xn', 'xac nhan'],
  ['gap', 'gap'],
  ['zalo', 'zalo'],
  ['vnd', 'dong'],
  ['vnđ', 'dong'],
]);

/** Digits and symbols people put in place of letters. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

function isLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isDigitOrSymbol(ch: string): boolean {
  return ch in LEET;
}

/** "th4nh" → "thanh", "0tp" → "otp"; "24h", "500k", "5tr" (amounts and times) are kept. */
function unLeet(token: string): string {
  let letters = 0;
  let others = 0;
  for (let i = 0; i < token.length; i++) {
    if (isLetter(token.charCodeAt(i))) letters++;
    else others++;
  }
  if (others === 0 || letters < 2) return token;
  // A number followed by a unit is an amount, a time or a date, not a disguised word.
  if (/^[0-9.,]+(?:k|tr|ty|h|m|d|p|km|gb|mb|usd|usdt|vnd|trieu|nghin|ngan|ngay|phut|gio|thang|nam|lan|xu)$/.test(token)) return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    const prevLetter = i > 0 && isLetter(token.charCodeAt(i - 1));
    const nextLetter = i + 1 < token.length && isLetter(token.charCodeAt(i + 1));
    out += isDigitOrSymbol(ch) && (prevLetter || nextLetter) ? LEET[ch]! : ch;
  }
  return out;
}

const TOKEN = /[a-z0-9@$%]+/g;

/** The normalized form described above: " word word … ". */
export function normalizeText(text: string): string {
  const folded = foldVietnamese(text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);
  let out = ' ';
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    const token = unLeet(m[0]);
    out += (TEENCODE.get(token) ?? token) + ' ';
  }
  return out;
}
