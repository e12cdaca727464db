/**
 * Identifier throughput on one core: canonicalization of mixed identifiers and extraction
 * from mixed Vietnamese text. Data is generated deterministically (seeded), so runs compare.
 *
 *   npx tsx bench/identifiers.bench.ts
 */
import { canonicalize } from '../src/domain/identifiers/index.ts';
import { extract } from '../src/domain/identifiers/extract.ts';
import { buildVietQrPayload } from '../src/domain/identifiers/vietqr.ts';

let seed = 0x12345678;
function rnd(n: number): number {
  // xorshift32: deterministic and fast.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}
function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rnd(10));
  return s;
}
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;

const MOBILE = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '088', '089', '056', '058'];
const BANKS = ['VCB', 'Vietcombank', 'MB', 'Techcombank', 'BIDV', 'ACB', 'VPBank', 'TPBank', 'Agribank', 'Sacombank', 'ngân hàng Ngoại thương'];
const WORDS = 'tôi bị lừa mất tiền khi mua hàng trên mạng người bán yêu cầu chuyển khoản trước rồi chặn liên lạc hãy cảnh giác với các trang giả mạo ngân hàng và nhân viên tự xưng công an'.split(' ');

function identifier(): string {
  switch (rnd(10)) {
    case 0:
    case 1:
    case 2: {
      const n = pick(MOBILE) + digits(7);
      return pick([n, `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`, `+84 ${n.slice(1, 3)}-${n.slice(3, 6)}-${n.slice(6)}`, `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`]);
    }
    case 3:
    case 4:
      return `${pick(BANKS)} ${digits(4)} ${digits(4)} ${digits(5)}`;
    case 5:
      return pick([`https://lua-dao-${digits(3)}.example/nhan-qua?id=${digits(4)}`, `hxxps://qua-tang${digits(2)}[.]example/a/b`, `www.shop${digits(3)}.com.vn`]);
    case 6:
      return pick([`https://www.facebook.com/profile.php?id=1000${digits(11)}`, `m.facebook.com/nguoi.ban.${digits(3)}`, `https://facebook.com/groups/${digits(15)}`]);
    case 7:
      return `lua.dao.${digits(4)}@example.com`;
    case 8:
      return `shop-${digits(4)}.vn`;
    default:
      return `0x${digits(40).replace(/[0-9]/g, (d) => 'abcdef0123456789'[Number(d)]!)}`;
  }
}

function textChunk(): string {
  let s = '';
  for (let i = 0; i < 40; i++) s += `${pick(WORDS)} `;
  switch (rnd(6)) {
    case 0: return `${s}liên hệ ${pick(MOBILE)}${digits(7)}. `;
    case 1: return `${s}stk ${digits(4)} ${digits(4)} ${digits(5)} ${pick(BANKS)}, ${digits(1)}.${digits(3)}.000đ. `;
    case 2: return `${s}vào lua-dao${digits(2)}[.]example/login hoặc facebook.com/groups/${digits(15)}. `;
    case 3: return `${s}quét mã ${buildVietQrPayload({ bin: '970436', account: digits(13), amount: 50000, message: 'coc' })} nhé.\n`;
    case 4: return `${s}mã OTP ${digits(6)} ngày 12/05/2024 lúc 10:30.\n`;
    default: return `${s}\n`;
  }
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const N = 500_000;
const ids: string[] = [];
for (let i = 0; i < N; i++) ids.push(identifier());

// Warm up the JIT on a slice, then measure the full set.
for (let i = 0; i < 20_000; i++) canonicalize(ids[i]!);
let okCount = 0;
const canonSeconds = time(() => {
  for (const id of ids) if (canonicalize(id).ok) okCount++;
});

const parts: string[] = [];
let size = 0;
while (size < 20 * 1024 * 1024) {
  const c = textChunk();
  parts.push(c);
  size += c.length;
}
const text = parts.join('');
const bytes = Buffer.byteLength(text, 'utf8');
extract(text.slice(0, 1_000_000));
let foundCount = 0;
const extractSeconds = time(() => {
  foundCount = extract(text).length;
});

const rows = [
  ['canonicalize (mixed)', `${N.toLocaleString('en')} ids`, `${(N / canonSeconds).toFixed(0)} ids/s`, '≥ 500000 ids/s', `${okCount} valid`],
  ['extract (mixed vi text)', `${(bytes / 1048576).toFixed(1)} MB`, `${(bytes / 1048576 / extractSeconds).toFixed(1)} MB/s`, '≥ 20 MB/s', `${foundCount} distinct`],
];
console.log('| benchmark | input | throughput | target | note |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
