/**
 * Identifier throughput on one core: canonicalization of mixed identifiers and extraction
 * from mixed Vietnamese text. Data is generated deterministically (seeded), so runs compare.
 *
 *   npx tsx bench/identifiers.bench.ts            (BENCH_RUNS=3 by default; BENCH_KINDS=1 adds a per-kind table)
 *   node --import tsx --cpu-prof bench/identifiers.bench.ts   (profile)
 */
import os from 'node:os';
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

const KIND_OF = ['phone', 'phone', 'phone', 'bank', 'bank', 'url', 'fb', 'email', 'domain', 'eth'];

/** One identifier; `kind` (0–9, see KIND_OF) picks the branch, random when absent. */
function identifier(kind = rnd(10)): string {
  switch (kind) {
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

interface Timing {
  cpu: number;
  wall: number;
}

/**
 * CPU time (user + system of this process) and wall time of one call. The machine is shared,
 * so wall time mostly measures the other processes; CPU time is the figure to compare.
 */
function time(fn: () => void): Timing {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1e6, wall };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** `canon` or `extract` to run one benchmark only (for profiling). */
const ONLY = process.env.BENCH_ONLY ?? '';
const N = 500_000;
const ids: string[] = [];
for (let i = 0; i < N; i++) ids.push(identifier());

// Warm up the JIT on a fifth of the set (every kind's code reaches its optimized tier), then
// measure the full set.
for (let i = 0; i < 100_000; i++) canonicalize(ids[i]!);
let okCount = 0;
const canon: Timing[] = [];
for (let r = 0; r < (ONLY === 'extract' ? 0 : RUNS); r++) {
  okCount = 0;
  canon.push(time(() => {
    for (const id of ids) if (canonicalize(id).ok) okCount++;
  }));
}

const parts: string[] = [];
let size = 0;
while (ONLY !== 'canon' && size < 20 * 1024 * 1024) {
  const c = textChunk();
  parts.push(c);
  size += c.length;
}
const text = parts.join('');
const bytes = Buffer.byteLength(text, 'utf8');
extract(text.slice(0, 1_000_000));
let foundCount = 0;
const extr: Timing[] = [];
for (let r = 0; r < (ONLY === 'canon' ? 0 : RUNS); r++) {
  extr.push(time(() => {
    foundCount = extract(text).length;
  }));
}

const MB = bytes / 1048576;
const idsPerSecond = (t: number): string => `${(N / t).toFixed(0)}`;
const mbPerSecond = (t: number): string => `${(MB / t).toFixed(1)}`;
const rows = [
  ['canonicalize (mixed)', `${N.toLocaleString('en')} ids`, `${idsPerSecond(median(canon.map((t) => t.cpu)))} ids/s`, `${idsPerSecond(median(canon.map((t) => t.wall)))} ids/s`, '≥ 500000 ids/s', `${okCount} valid`],
  ['extract (mixed vi text)', `${MB.toFixed(1)} MB`, `${mbPerSecond(median(extr.map((t) => t.cpu)))} MB/s`, `${mbPerSecond(median(extr.map((t) => t.wall)))} MB/s`, '≥ 20 MB/s', `${foundCount} distinct`],
];
console.log(`median of ${RUNS} runs; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('| benchmark | input | CPU-time throughput | wall-time throughput | target | note |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`runs (CPU s / wall s): canonicalize ${canon.map((t) => `${t.cpu.toFixed(2)}/${t.wall.toFixed(2)}`).join(', ')}; extract ${extr.map((t) => `${t.cpu.toFixed(2)}/${t.wall.toFixed(2)}`).join(', ')}`);

// Per kind, so a regression shows where it is: the same generator, bucketed by its kind.
if (process.env.BENCH_KINDS) {
  const buckets = new Map<string, string[]>();
  for (let i = 0; i < 200_000; i++) {
    const k = rnd(10);
    const name = KIND_OF[k]!;
    if (!buckets.has(name)) buckets.set(name, []);
    buckets.get(name)!.push(identifier(k));
  }
  for (const [name, xs] of buckets) {
    for (const x of xs) canonicalize(x);
    const t = time(() => {
      for (const x of xs) canonicalize(x);
    });
    console.log(`${name.padEnd(7)} ${(xs.length / t.cpu).toFixed(0).padStart(9)} ids/s CPU  (${xs.length} ids)`);
  }
}
