/**
 * Risk-scoring throughput on one core: `scoreRisk()` (identifier extraction, look-alike link
 * signals, phrase rules, the n-gram classifier) over the messages of the risk corpus, with a
 * verdict resolver backed by a Map (as the HTTP route's index look-up is, in memory).
 *
 *   npx tsx bench/risk.bench.ts              (BENCH_RUNS=3 by default; BENCH_MESSAGES=20000)
 *   node --import tsx --cpu-prof bench/risk.bench.ts   (profile)
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { scoreRisk } from '../src/domain/risk/scorer.ts';
import type { ResolvedIndicator } from '../src/domain/risk/types.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);

const corpus = readFileSync(new URL('../datasets/risk-corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
// The corpus repeated to MESSAGES messages; every fifth message gets a suffix so the memos of
// host names and skeletons do not see only repeats.
const messages: string[] = [];
for (let i = 0; messages.length < MESSAGES; i++) messages.push(corpus[i % corpus.length]! + (i % 5 === 0 ? ` #${i}` : ''));
const bytes = messages.reduce((n, m) => n + Buffer.byteLength(m), 0);

const listed = new Map<string, ResolvedIndicator>();
const resolve = (indicator: string) => listed.get(indicator);

function run(): { cpuMs: number; wallMs: number; scams: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  let scams = 0;
  for (const text of messages) if (scoreRisk({ text }, { resolve }).label === 'scam') scams++;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall, scams };
}

// Warm-up (JIT), then the measured runs.
for (let i = 0; i < 2_000; i++) scoreRisk({ text: messages[i % messages.length]! }, { resolve });
const results = Array.from({ length: RUNS }, run).sort((a, b) => a.cpuMs - b.cpuMs);
const median = results[Math.floor(results.length / 2)]!;
const perSecond = (ms: number) => Math.round((messages.length / ms) * 1000);

process.stdout.write(
  [
    `machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} vCPUs, load average ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}`,
    `risk scoring: ${messages.length} messages (${(bytes / 1e6).toFixed(1)} MB, mean ${Math.round(bytes / messages.length)} bytes), ${median.scams} labelled scam`,
    `median of ${RUNS}: ${perSecond(median.cpuMs).toLocaleString('en')} messages/s CPU time, ${perSecond(median.wallMs).toLocaleString('en')} messages/s wall (target ≥ 5,000/s on one core)`,
  ].join('\n') + '\n',
);
