/**
 * `npm run risk:corpus`: writes datasets/risk-corpus.jsonl, the labelled corpus of the risk
 * classifier, from the templates in risk-corpus-templates.ts and the slot fillers below.
 * Deterministic (seeded): running it again gives the same file. Every name, number and domain
 * is invented; links use the reserved .example and .test domains or a shortener with a random
 * path. How it was made and its limits: docs/risk.md.
 *
 * Each line: {"text","label","fraud_type","hard_negative","group","template"}, plus "blind": true
 * for the blind set (templates never used to train or tune; see risk-corpus-templates.ts).
 */
import { writeFileSync } from 'node:fs';
import { foldVietnamese } from '../src/domain/identifiers/fold.ts';
import { BLIND_LEGIT, BLIND_SCAM, EXTRA_LEGIT, EXTRA_SCAM, LEGIT, SCAM } from './risk-corpus-templates.ts';

export const CORPUS_SEED = 20261128;
const PER_SCAM_TEMPLATE = 24;
const PER_LEGIT_TEMPLATE = 32;

/** mulberry32: a small seeded generator, so the corpus is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reset by generateCorpus, so every call gives the same corpus. */
let random = seededRandom(CORPUS_SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Văn An', 'Thị Bích', 'Minh Khoa', 'Thu Hà', 'Quốc Bảo', 'Ngọc Lan', 'Đức Huy', 'Thanh Tâm', 'Hải Yến', 'Gia Phúc'];
const BANKS = ['Vietcombank', 'VietinBank', 'BIDV', 'Agribank', 'Techcombank', 'MB Bank', 'VPBank', 'TPBank', 'Sacombank', 'ACB', 'VCB', 'HDBank'];
const BRANDS = ['Shopee', 'Lazada', 'Tiki', 'MoMo', 'ZaloPay', 'Viettel', 'Giao Hàng Nhanh', 'Viettel Post', 'Sendo', 'TikTok Shop'];
const BRAND_KEYS = ['vietcombank', 'vietinbank', 'bidv', 'techcombank', 'mbbank', 'shopee', 'lazada', 'momo', 'zalopay', 'viettelpost', 'ghn', 'evnhcmc', 'vneid', 'dichvucong', 'tiki'];
const WORDS = ['xacminh', 'khuyenmai', 'hotro', 'nhanqua', 'tri-an', 'login', 'secure', 'cskh', 'ưu-dai', 'hoantien', 'giaohang', 'capnhat'];
const EXCHANGES = ['Alpha Trade', 'VNX Capital', 'GoldWin', 'CryptoMax', 'TradeViet Pro', 'Sàn Sao Vàng', 'FX Hưng Thịnh'];
const DISTRICTS = ['Cầu Giấy', 'Hoàn Kiếm', 'Bình Thạnh', 'Thủ Đức', 'Hải Châu', 'Ninh Kiều', 'Đống Đa', 'Gò Vấp', 'Lê Chân'];
const ITEMS = ['iPhone 15 Pro', 'xe máy cũ', 'nồi chiên không dầu', 'máy lọc không khí', 'laptop cũ', 'điện thoại Samsung', 'giày thể thao', 'áo khoác'];
const EVENTS = ['Anh Trai Say Hi', 'Sao Việt Live', 'Đêm nhạc Mùa Thu', 'Rock Hà Nội'];
const SHOPS = ['Hoa Sen', 'Mộc Trà', 'Bếp Nhà Mình', 'Sách Cũ Phố', 'Hạt Dẻ', 'Gạo Ngon', 'Cỏ May'];

function amount(): string {
  const million = between(1, 50);
  return pick([`${million}.000.000đ`, `${million} triệu`, `${million}tr`, `${million}.000.000 VNĐ`, `${million} triệu đồng`]);
}

function small(): string {
  const k = pick([50, 99, 100, 150, 200, 250, 300, 500]);
  return pick([`${k}.000đ`, `${k}k`, `${k}.000 đồng`, `${k}K`]);
}

function phone(): string {
  const n = `09${digits(8)}`;
  return pick([n, `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`, `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`]);
}

function typo(key: string): string {
  const i = between(1, key.length - 2);
  const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
  const t = pick([
    key.replace('m', 'rn'),
    key.replace('o', '0'),
    key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2),
    key.slice(0, i) + key.slice(i + 1),
    key.replace('i', 'l'),
  ]);
  return t === key ? swapped : t;
}

function scamLink(): string {
  const key = pick(BRAND_KEYS);
  const tld = pick(['example', 'test']);
  const word = pick(WORDS);
  return pick([
    `https://${key}-${word}.${tld}`,
    `http://${key}.vn.${word}.${tld}/login`,
    `https://${typo(key)}.${tld}/xac-thuc`,
    `${word}-${key}.${tld}`,
    `https://bit.ly/${Math.floor(random() * 36 ** 6).toString(36)}`,
    `https://${word}${between(1, 99)}.${tld}/${key}`,
  ]);
}

const SLOTS: Record<string, () => string> = {
  name: () => `${pick(FAMILY)} ${pick(GIVEN)}`,
  amount,
  small,
  percent: () => String(pick([2, 3, 5, 8, 10, 15, 20, 30, 40, 50])),
  phone,
  stk: () => digits(between(10, 13)),
  bank: () => pick(BANKS),
  brand: () => pick(BRANDS),
  exchange: () => pick(EXCHANGES),
  scamlink: scamLink,
  legitdomain: () => `${pick(['congty-hoasen', 'moctra', 'giaoduc-sao', 'phanmem-viet'])}.${pick(['example', 'test'])}`,
  tghandle: () => `t.me/${pick(['hotro', 'dautu', 'nhiemvu', 'cskh', 'vip'])}_${pick(['loinhuan', 'online', 'team', 'vn', 'pro'])}${between(1, 999)}`,
  fbhandle: () => `fb.com/${pick(['shopthanhly', 'hangxachtay', 'giare'])}.${pick(['sg', 'hn', 'online'])}${between(1, 99)}`,
  district: () => pick(DISTRICTS),
  item: () => pick(ITEMS),
  event: () => pick(EVENTS),
  shop: () => pick(SHOPS),
  plate: () => `${between(11, 99)}A-${digits(3)}.${digits(2)}`,
  order: () => `${pick(['SPX', 'GHN', 'VN', 'LZD', 'DH'])}${digits(9)}`,
  code: () => digits(6),
  date: () => `${between(1, 28)}/${between(1, 12)}`,
  time: () => `${between(6, 22)}:${String(between(0, 59)).padStart(2, '0')}`,
  month: () => String(between(1, 12)),
  masked: () => `xxx${digits(4)}`,
};

function fill(template: string): string {
  return template
    .replace(/\[([^\]]+)\]/g, (_m, options: string) => pick(options.split('|')))
    .replace(/\{(\w+)\}/g, (m, slot: string) => (SLOTS[slot] ? SLOTS[slot]() : m));
}

/** Common ways people write Vietnamese in chats, applied at random: teencode and abbreviations. */
const TEENCODE: Array<[RegExp, string[]]> = [
  [/chuyển khoản/gi, ['ck', 'CK', 'chuyển khoản']],
  [/số tài khoản/gi, ['stk', 'STK']],
  [/tài khoản/gi, ['tk', 'tài khoản']],
  [/\bkhông\b/gi, ['k', 'ko', 'kh', 'không']],
  [/\bđược\b/gi, ['đc', 'dc', 'được']],
  [/\binbox\b/gi, ['ib', 'inbox']],
  [/nhiệm vụ/gi, ['nv', 'nhiệm vụ']],
  [/\bOTP\b/g, ['otp', '0TP', 'OTP']],
  [/liên hệ/gi, ['lh', 'liên hệ']],
  [/\btriệu\b/gi, ['tr', 'triệu']],
];

function teencode(text: string): string {
  let out = text;
  for (const [pattern, options] of TEENCODE) out = out.replace(pattern, () => pick(options));
  return out;
}

function stripDiacritics(text: string): string {
  // Keeps case: fold each word and restore its first letter's case.
  return text.replace(/\p{L}+/gu, (w) => {
    const f = foldVietnamese(w);
    return w[0] === w[0]!.toUpperCase() && w[0] !== w[0]!.toLowerCase() ? f[0]!.toUpperCase() + f.slice(1) : f;
  });
}

function vary(text: string): string {
  let out = text;
  if (random() < 0.3) out = teencode(out);
  if (random() < 0.35) out = stripDiacritics(out);
  if (random() < 0.1) out = out.toLowerCase();
  if (random() < 0.15) out = out.replace(/[.!]?$/, pick(['!!!', ' 🔥', ' ạ', ' nha', '...']));
  return out;
}

export interface CorpusLine {
  text: string;
  label: 'scam' | 'legit';
  fraud_type: string | null;
  hard_negative: boolean;
  group: string;
  template: string;
  blind?: true;
}

export function generateCorpus(): CorpusLine[] {
  random = seededRandom(CORPUS_SEED);
  const lines: CorpusLine[] = [];
  const seen = new Set<string>();
  const emit = (line: CorpusLine) => {
    if (seen.has(line.text)) return;
    seen.add(line.text);
    lines.push(line);
  };
  for (const g of SCAM) {
    g.templates.forEach((t, i) => {
      for (let k = 0; k < PER_SCAM_TEMPLATE; k++) {
        emit({ text: vary(fill(t)), label: 'scam', fraud_type: g.group, hard_negative: false, group: g.group, template: `${g.group}-${i + 1}` });
      }
    });
  }
  for (const g of LEGIT) {
    g.templates.forEach((t, i) => {
      for (let k = 0; k < PER_LEGIT_TEMPLATE; k++) {
        emit({ text: vary(fill(t)), label: 'legit', fraud_type: null, hard_negative: g.hard, group: g.group, template: `${g.group}-${i + 1}` });
      }
    });
  }
  for (const g of EXTRA_SCAM) {
    g.templates.forEach((t, i) => {
      for (let k = 0; k < PER_SCAM_TEMPLATE; k++) {
        emit({ text: vary(fill(t)), label: 'scam', fraud_type: g.group, hard_negative: false, group: g.group, template: `${g.group}-x${i + 1}` });
      }
    });
  }
  for (const g of EXTRA_LEGIT) {
    g.templates.forEach((t, i) => {
      for (let k = 0; k < PER_LEGIT_TEMPLATE; k++) {
        emit({ text: vary(fill(t)), label: 'legit', fraud_type: null, hard_negative: g.hard, group: g.group, template: `${g.group}-x${i + 1}` });
      }
    });
  }
  // The blind set comes last, so adding it leaves the generated messages above unchanged.
  const BLIND_PER_TEMPLATE = 20;
  for (const g of BLIND_SCAM) {
    g.templates.forEach((t, i) => {
      for (let k = 0; k < BLIND_PER_TEMPLATE; k++) {
        emit({ text: vary(fill(t)), label: 'scam', fraud_type: g.group, hard_negative: false, group: g.group, template: `blind-${g.group}-${i + 1}`, blind: true });
      }
    });
  }
  for (const g of BLIND_LEGIT) {
    g.templates.forEach((t, i) => {
      for (let k = 0; k < BLIND_PER_TEMPLATE; k++) {
        emit({ text: vary(fill(t)), label: 'legit', fraud_type: null, hard_negative: g.hard, group: g.group, template: `blind-${g.group}-${i + 1}`, blind: true });
      }
    });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = generateCorpus();
  writeFileSync(new URL('../datasets/risk-corpus.jsonl', import.meta.url), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const scams = lines.filter((l) => l.label === 'scam').length;
  process.stdout.write(`datasets/risk-corpus.jsonl: ${lines.length} messages (${scams} scam, ${lines.length - scams} legitimate, ${lines.filter((l) => l.hard_negative).length} hard negatives, ${lines.filter((l) => l.blind).length} in the blind set)\n`);
}
