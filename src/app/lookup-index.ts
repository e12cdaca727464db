import { hash } from 'node:crypto';
import { FRAUD_TYPES } from '../domain/fraud-types.ts';
import { CompactIndex, keyFromHex, packMeta, type IndexedIndicator, type Key } from '../domain/indicators/compact-index.ts';
import { TLP_LEVELS, VERDICTS, type Tlp, type Verdict } from '../domain/indicators/verdicts.ts';
import type { Db } from '../store/connection.ts';
import { LookupAnswerCache } from './lookup-answer-cache.ts';
import { activeLegitimate, changeLogState, estimatedIndicatorCount, indicatorLoadPage, indicatorSplitPoints, indicatorsNamed, type IndexRow, type LegitimateRow } from '../store/lookup-source.ts';

export type Tier = 'public' | 'partner';

export interface LegitimateEntry {
  ownerName: string;
  category: string;
}

/** Big-endian 32-bit word of a digest held as a latin1 string (one char per byte). */
function digestWord(d: string, at: number): number {
  return ((d.charCodeAt(at) << 24) | (d.charCodeAt(at + 1) << 16) | (d.charCodeAt(at + 2) << 8) | d.charCodeAt(at + 3)) >>> 0;
}

/**
 * The 96-bit index key of an indicator string: sha256 of its UTF-8, as stored in the database.
 * The digest comes back as a 'binary' (latin1) string, one char per byte, not as a Buffer:
 * allocating a Buffer per call made hashing 2–3× slower, and a URL look-up hashes a dozen
 * candidates (see bench/README.md).
 */
export function keyOf(indicator: string): Key {
  const d = hash('sha256', indicator, 'binary');
  return [digestWord(d, 0), digestWord(d, 4), digestWord(d, 8)];
}

/** What each tier may see of a listing: the public confirmed TLP clear/green only; partners also suspected and disputed, up to amber. TLP red never leaves the agency. */
export function visibleTo(tier: Tier, verdict: Verdict, tlp: Tlp): boolean {
  if (tier === 'public') return verdict === 'confirmed' && (tlp === 'clear' || tlp === 'green');
  return verdict !== 'cleared' && tlp !== 'red';
}

export interface LoadStats {
  indicators: number;
  legitimate: number;
  ms: number;
  indexBytes: number;
}

/**
 * The in-memory look-up index of one server node: every indicator in a CompactIndex (24 bytes
 * a slot, keyed by sha256) and the small verified-legitimate registry in a Map with owner names.
 * The database stays the record; the follower (jobs/index-follower.ts) keeps this current.
 */
export class LookupIndex {
  private table = new CompactIndex();
  private legitimate = new Map<string, LegitimateEntry>();
  /** Registry entries held at any time on this node, so deltas say "removed" only for those. */
  private everLegitimate = new Set<string>();
  /** Written answers of recent single look-ups; dropped here as the indicators they read change. */
  readonly answers = new LookupAnswerCache();
  /** Every change with a seq up to this one is applied (set by the follower). */
  version = 0;
  /** The version when the index was loaded: snapshot deltas start no earlier (see snapshots.ts). */
  loadedVersion = 0;

  get size(): number {
    return this.table.size;
  }

  get bytes(): number {
    return this.table.bytes;
  }

  /**
   * Loads everything by keyset pagination, a page at a time, so the rows are never all held.
   * The table is sized from the planner's estimate first, so it does not rehash while loading.
   */
  async load(db: Db, pageSize = 50_000, streams = 4): Promise<LoadStats> {
    const started = performance.now();
    // The newest change before reading: the follower starts there (and re-checks just below it).
    const { maxSeq } = await changeLogState(db);
    const estimate = await estimatedIndicatorCount(db);
    const table = new CompactIndex(Math.ceil(estimate * 1.05));
    const fraudMasks = new Map<string, number>();
    const metas = new Map<number, number>();
    let n = 0;
    // Disjoint keyset ranges read at the same time (the database works on one while this
    // process parses another); each is pipelined: its next page is asked for before this one
    // is parsed. On a shared 2-core machine 1 million rows took 5.8 s with one stream, 2.9 s
    // with four; the split points come free from the planner's histogram.
    const bounds = await indicatorSplitPoints(db, streams);
    const ranges: [string | null, string | null][] = [];
    let from: string | null = null;
    for (const b of bounds) {
      ranges.push([from, b]);
      from = b;
    }
    ranges.push([from, null]);
    const readRange = async ([after, upTo]: [string | null, string | null]) => {
      let pending = indicatorLoadPage(db, after, pageSize, upTo);
      for (;;) {
        const page = await pending;
        if (page.count === pageSize) pending = indicatorLoadPage(db, page.last, pageSize, upTo);
        n += parseLoadPage(page.data, table, metas, fraudMasks);
        if (page.count < pageSize) break;
      }
    };
    await Promise.all(ranges.map(readRange));
    const legitimate = new Map<string, LegitimateEntry>();
    for (const row of await activeLegitimate(db)) legitimate.set(row.indicator, { ownerName: row.ownerName, category: row.category });
    this.table = table;
    this.legitimate = legitimate;
    this.everLegitimate = new Set(legitimate.keys());
    this.answers.clear();
    this.version = maxSeq;
    this.loadedVersion = maxSeq;
    return { indicators: n, legitimate: legitimate.size, ms: performance.now() - started, indexBytes: table.bytes };
  }

  /** Whether the entry was ever visible to the public while this node held it (GONE included). */
  everPublic(indicator: string): boolean {
    return this.table.flagged(keyOf(indicator));
  }

  wasLegitimate(indicator: string): boolean {
    return this.everLegitimate.has(indicator);
  }

  /** Re-reads the current state of the named indicators (order of changes does not matter). */
  async refresh(db: Db, indicators: readonly string[]): Promise<void> {
    for (let i = 0; i < indicators.length; i += 500) {
      const names = indicators.slice(i, i + 500);
      const [rows, legit] = await Promise.all([indicatorsNamed(db, names), activeLegitimate(db, names)]);
      this.applyRows(names, rows, legit);
    }
  }

  /** Applies freshly read rows for `names`; a name with no row is gone from the table or the registry. */
  applyRows(names: readonly string[], rows: IndexRow[], legit: LegitimateRow[]): void {
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.indicator);
      this.table.set(keyFromHex(row.sha256), entryOf(row));
    }
    const legitSeen = new Set<string>();
    for (const row of legit) {
      legitSeen.add(row.indicator);
      this.legitimate.set(row.indicator, { ownerName: row.ownerName, category: row.category });
      this.everLegitimate.add(row.indicator);
    }
    for (const name of names) {
      if (!seen.has(name)) this.table.markGone(keyOf(name));
      if (!legitSeen.has(name)) this.legitimate.delete(name);
    }
    this.answers.invalidate(names);
  }

  get(indicator: string): IndexedIndicator | undefined {
    return this.table.get(keyOf(indicator));
  }

  getByKey(key: Key): IndexedIndicator | undefined {
    return this.table.get(key);
  }

  legitimateOwner(indicator: string): LegitimateEntry | undefined {
    return this.legitimate.get(indicator);
  }

  /** Indicators of the registry, for the snapshot. */
  legitimateIndicators(): IterableIterator<string> {
    return this.legitimate.keys();
  }

  /** The first 64 bits of sha256 of every entry the public tier sees as listed, for snapshots. */
  publicListedKeys(): Uint32Array {
    return this.table.collect((e) => visibleTo('public', e.verdict, e.tlp));
  }
}

/** Hex digit value of a char code (input is lower-case hex from the database). */
function hexValue(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

function hexWord(data: string, at: number): number {
  let v = 0;
  for (let i = at; i < at + 8; i++) v = v * 16 + hexValue(data.charCodeAt(i));
  return v;
}

/**
 * Puts the records of one load page (see store/lookup-source.ts) in the table; returns how many.
 * Reads char codes instead of slicing and parsing, so 10 million records allocate only the
 * fraud-type text of each (decoded once per distinct value through `fraudMasks`); the few
 * distinct (verdict, tlp, confidence) triples are packed once each through `metas`.
 */
function parseLoadPage(data: string, table: CompactIndex, metas: Map<number, number>, fraudMasks: Map<string, number>): number {
  let n = 0;
  let pos = 0;
  const end = data.length;
  const COMMA = 44;
  const SEMI = 59;
  while (pos < end) {
    const a = hexWord(data, pos);
    const b = hexWord(data, pos + 8);
    const c = hexWord(data, pos + 16);
    let i = pos + 25;
    // verdict: suspected | confirmed | cleared | disputed — told apart by the first two letters.
    const v0 = data.charCodeAt(i);
    const verdictCode = v0 === 115 ? 0 : v0 === 100 ? 3 : data.charCodeAt(i + 1) === 111 ? 1 : 2;
    while (data.charCodeAt(i) !== COMMA) i++;
    i++;
    // tlp: clear | green | amber | red
    const t0 = data.charCodeAt(i);
    const tlpCode = t0 === 99 ? 0 : t0 === 103 ? 1 : t0 === 97 ? 2 : 3;
    while (data.charCodeAt(i) !== COMMA) i++;
    i++;
    let confidence = 0;
    for (let ch = data.charCodeAt(i); ch !== COMMA; ch = data.charCodeAt(++i)) confidence = confidence * 10 + ch - 48;
    i++;
    let reports = 0;
    for (let ch = data.charCodeAt(i); ch !== COMMA; ch = data.charCodeAt(++i)) reports = reports * 10 + ch - 48;
    i++;
    let platform = 0;
    for (let ch = data.charCodeAt(i); ch !== COMMA; ch = data.charCodeAt(++i)) platform = platform * 10 + ch - 48;
    i++;
    let day = 0;
    let negative = false;
    for (let ch = data.charCodeAt(i); ch !== COMMA; ch = data.charCodeAt(++i)) {
      if (ch === 45) negative = true;
      else day = day * 10 + ch - 48;
    }
    i++;
    let stop = i;
    while (stop < end && data.charCodeAt(stop) !== SEMI) stop++;
    const metaKey = verdictCode | (tlpCode << 2) | (confidence << 4);
    let meta = metas.get(metaKey);
    if (meta === undefined) {
      const verdict = VERDICTS[verdictCode]!;
      const tlp = TLP_LEVELS[tlpCode]!;
      meta = packMeta(verdict, tlp, confidence, visibleTo('public', verdict, tlp));
      metas.set(metaKey, meta);
    }
    // '{}' is by far the most common value for fresh listings: skip the slice for it.
    let fraud = 0;
    if (stop - i > 2) {
      const fraudText = data.slice(i, stop);
      const known = fraudMasks.get(fraudText);
      if (known === undefined) fraudMasks.set(fraudText, (fraud = fraudMaskOf(fraudText)));
      else fraud = known;
    }
    table.setPacked(a, b, c, meta, reports, platform, fraud, negative ? 0 : day);
    n++;
    pos = stop + 1;
  }
  return n;
}

/** `{investment,"job_task"}` → bitmask over FRAUD_TYPES (unknown names are ignored). */
function fraudMaskOf(text: string): number {
  let mask = 0;
  for (const name of text.replace(/[{}"]/g, '').split(',')) {
    const i = (FRAUD_TYPES as readonly string[]).indexOf(name);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

function entryOf(row: IndexRow): IndexedIndicator {
  return {
    // Sticky: a snapshot delta must say "removed" for anything a client's snapshot may hold.
    flagged: visibleTo('public', row.verdict, row.tlp),
    verdict: row.verdict,
    tlp: row.tlp,
    confidence: row.confidence,
    reportCount: row.reportCount,
    platformConfirmations: row.platformConfirmations,
    fraudMask: row.fraudMask,
    lastSeenDay: row.lastSeenDay,
  };
}
