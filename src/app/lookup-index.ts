import { hash } from 'node:crypto';
import { CompactIndex, keyFromBytes, keyFromHex, type IndexedIndicator, type Key } from '../domain/indicators/compact-index.ts';
import type { Tlp, Verdict } from '../domain/indicators/verdicts.ts';
import type { Db } from '../store/connection.ts';
import { activeLegitimate, changeLogState, estimatedIndicatorCount, indicatorPage, indicatorsNamed, type IndexRow, type LegitimateRow } from '../store/lookup-source.ts';

export type Tier = 'public' | 'partner';

export interface LegitimateEntry {
  ownerName: string;
  category: string;
}

/** The 96-bit index key of an indicator string: sha256, as stored in the database. */
export function keyOf(indicator: string): Key {
  return keyFromBytes(hash('sha256', indicator, 'buffer'));
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
  async load(db: Db, pageSize = 20_000): Promise<LoadStats> {
    const started = performance.now();
    // The newest change before reading: the follower starts there (and re-checks just below it).
    const { maxSeq } = await changeLogState(db);
    const estimate = await estimatedIndicatorCount(db);
    const table = new CompactIndex(Math.ceil(estimate * 1.05));
    let after: string | null = null;
    let n = 0;
    for (;;) {
      const page = await indicatorPage(db, after, pageSize);
      for (const row of page) table.set(keyFromHex(row.sha256), entryOf(row));
      n += page.length;
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.indicator;
    }
    const legitimate = new Map<string, LegitimateEntry>();
    for (const row of await activeLegitimate(db)) legitimate.set(row.indicator, { ownerName: row.ownerName, category: row.category });
    this.table = table;
    this.legitimate = legitimate;
    this.everLegitimate = new Set(legitimate.keys());
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
