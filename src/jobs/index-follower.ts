import type { Logger } from 'pino';
import type { LookupIndex } from '../app/lookup-index.ts';
import type { Db } from '../store/connection.ts';
import { PollingLoop } from './polling-loop.ts';
import { changeLogState, changesAfter, changesWithSeqs } from '../store/lookup-source.ts';

export interface IndexFollowerOptions {
  /** Pause between polls when there was nothing new. */
  intervalMs?: number;
  /** A gap is never given up before this age (and only once every older transaction ended). */
  gapMinAgeMs?: number;
  /** A gap older than this is given up even if an old transaction is still open (logged). */
  gapMaxAgeMs?: number;
  batchSize?: number;
  logger?: Pick<Logger, 'warn' | 'error' | 'debug'>;
}

interface Gap {
  noticedAt: number;
  /** xmax of the snapshot that first missed it: the xid of its transaction is below this. */
  xmax: bigint;
}

/**
 * Keeps a node's look-up index current by polling `index_changes`, which every write to an
 * indicator or the verified-legitimate registry appends to in the same transaction. Every node
 * reads every row (unlike the outbox), and re-reads the current state of each changed
 * indicator, so the order in which changes arrive does not matter.
 *
 * Sequence numbers are taken when a transaction inserts, but become visible when it commits:
 * seq 8 can be visible while seq 7 is still in flight. A missing seq is a gap, re-checked on each
 * poll; it is given up as rolled back only when every transaction that was running when it was
 * first missed has ended (the snapshot's xmin passed the xmax seen then) and it is at least
 * `gapMinAgeMs` old. `version` (the low-water mark) is the highest seq with no open gap below it.
 */
export class IndexFollower {
  private readonly loop: PollingLoop;
  /** The highest seq read so far (changes above a gap are applied at once). */
  private maxSeen = 0;
  private readonly gaps = new Map<number, Gap>();

  constructor(
    private readonly db: Db,
    private readonly index: LookupIndex,
    private readonly options: IndexFollowerOptions = {},
  ) {
    this.loop = new PollingLoop(() => this.pollOnce(), options.intervalMs ?? 300, (error) =>
      options.logger?.error({ err: error }, 'index follower poll failed'),
    );
  }

  /**
   * Where to start after a full load that began at `startSeq` (the newest seq before the load).
   * Sequence numbers just below it may belong to transactions that had not committed yet:
   * the recent ones not visible now are treated as gaps.
   */
  async startFrom(startSeq: number): Promise<void> {
    this.maxSeen = startSeq;
    this.index.version = startSeq;
    this.index.loadedVersion = startSeq;
    if (startSeq === 0) return;
    const recent = Math.max(1, startSeq - 1000);
    const seqs = [];
    for (let s = recent; s <= startSeq; s++) seqs.push(s);
    const present = new Set((await changesWithSeqs(this.db, seqs)).map((r) => r.seq));
    const { xmax } = await changeLogState(this.db);
    // A still-missing one is re-read when it appears; its transaction is running now or rolled back.
    for (const s of seqs) if (!present.has(s)) this.gaps.set(s, { noticedAt: Date.now(), xmax });
    this.updateVersion();
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One poll: new changes, then the open gaps. Returns how many changes it applied. */
  async pollOnce(): Promise<number> {
    const batch = this.options.batchSize ?? 5000;
    const { rows, xmax } = await changesAfter(this.db, this.maxSeen, batch);
    const now = Date.now();
    const changed = new Set<string>();
    // The follower's position moves only after the index has the changes: a failed re-read is
    // retried by the next poll instead of being skipped.
    let maxSeen = this.maxSeen;
    const newGaps: number[] = [];
    for (const row of rows) {
      for (let s = maxSeen + 1; s < row.seq; s++) newGaps.push(s);
      maxSeen = Math.max(maxSeen, row.seq);
      changed.add(row.indicator);
    }
    const filled: number[] = [];
    if (this.gaps.size > 0) {
      for (const row of await changesWithSeqs(this.db, [...this.gaps.keys()].slice(0, 1000))) {
        filled.push(row.seq);
        changed.add(row.indicator);
      }
    }
    if (changed.size > 0) await this.index.refresh(this.db, [...changed]);
    this.maxSeen = maxSeen;
    for (const s of newGaps) this.gaps.set(s, { noticedAt: now, xmax });
    for (const s of filled) this.gaps.delete(s);
    if (this.gaps.size > 0) {
      const late = new Set<string>();
      const ended = await this.expireGaps(now, late);
      if (late.size > 0) await this.index.refresh(this.db, [...late]);
      for (const seq of ended) this.gaps.delete(seq);
      for (const indicator of late) changed.add(indicator);
    }
    this.updateVersion();
    return changed.size;
  }

  /**
   * Gives up gaps whose transactions have certainly ended. They are read once more after the
   * xmin check, because one may have committed between the gap query and that check.
   */
  private async expireGaps(now: number, changed: Set<string>): Promise<number[]> {
    const minAge = this.options.gapMinAgeMs ?? 2000;
    const maxAge = this.options.gapMaxAgeMs ?? 60_000;
    let oldest = Infinity;
    for (const gap of this.gaps.values()) oldest = Math.min(oldest, gap.noticedAt);
    if (now - oldest < minAge) return [];
    const { xmin } = await changeLogState(this.db);
    const ended: number[] = [];
    for (const [seq, gap] of this.gaps) {
      const age = now - gap.noticedAt;
      if (age < minAge) continue;
      if (xmin >= gap.xmax) ended.push(seq);
      else if (age >= maxAge) {
        this.options.logger?.warn({ seq, ageMs: age }, 'index change gap given up while an old transaction is still open');
        ended.push(seq);
      }
    }
    for (const row of await changesWithSeqs(this.db, ended)) changed.add(row.indicator);
    return ended;
  }

  private updateVersion(): void {
    let low = this.maxSeen;
    for (const seq of this.gaps.keys()) low = Math.min(low, seq - 1);
    this.index.version = low;
  }

}
