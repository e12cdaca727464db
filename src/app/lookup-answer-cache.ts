import { LRUCache } from 'lru-cache';

/** Queries longer than this are answered but not kept (a cache of long, one-off URLs wastes memory). */
export const CACHEABLE_QUERY_LENGTH = 512;
/** How many first sightings are remembered before the memory of them starts again. */
const SEEN_ONCE_LIMIT = 50_000;

interface CachedAnswer {
  body: Buffer;
  /** Every indicator the answer was read from: a change to any of them drops the answer. */
  readsFrom: readonly string[];
}

/**
 * The written answers of recent single look-ups on this node, by tier, kind and the query as
 * typed. A scam number that goes viral is checked over and over: its answer is then sent as
 * the bytes written the first time, skipping canonicalization, hashing and serialization.
 *
 * Never staler than the index: each answer lists the indicators it consulted (the identifier,
 * its URL expressions, its related identifiers; `lookupReadsFrom`), and the index drops every
 * answer that read a name it applies a change to (`LookupIndex.applyRows`), or all of them
 * when it reloads. Bounded by bytes (LRU). An answer is kept only when its query comes a second
 * time (`admit`): most queries are asked once, and keeping each would only churn the cache
 * (measured: ~10 % fewer computed answers a second on a stream of distinct numbers).
 */
export class LookupAnswerCache {
  private readonly answers: LRUCache<string, CachedAnswer>;
  /** Indicator → keys of the answers that read it. */
  private readonly readers = new Map<string, Set<string>>();
  /** Keys asked about once, recently: the next time, their answer is kept. */
  private seenOnce = new Set<string>();

  constructor(maxBytes = 16 * 1024 * 1024) {
    this.answers = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      sizeCalculation: (value, key) => value.body.length + key.length * 2 + 64,
      dispose: (value, key) => this.unlink(key, value.readsFrom),
    });
  }

  get size(): number {
    return this.answers.size;
  }

  get(key: string): Buffer | undefined {
    return this.answers.get(key)?.body;
  }

  /** Whether to keep the answer to a query not held: yes when it was asked once already. */
  admit(key: string): boolean {
    if (this.seenOnce.has(key)) return true;
    if (this.seenOnce.size >= SEEN_ONCE_LIMIT) this.seenOnce = new Set();
    this.seenOnce.add(key);
    return false;
  }

  set(key: string, body: Buffer, readsFrom: readonly string[]): void {
    // Replacing a key disposes of the old answer (and its links) first.
    this.answers.set(key, { body, readsFrom });
    if (!this.answers.has(key)) return; // larger than the whole cache: not kept
    for (const name of readsFrom) {
      let keys = this.readers.get(name);
      if (!keys) this.readers.set(name, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Drops every answer that read one of these indicators. */
  invalidate(names: Iterable<string>): void {
    for (const name of names) {
      const keys = this.readers.get(name);
      if (!keys) continue;
      for (const key of [...keys]) this.answers.delete(key);
    }
  }

  clear(): void {
    this.answers.clear();
    this.readers.clear();
    this.seenOnce = new Set();
  }

  private unlink(key: string, readsFrom: readonly string[]): void {
    for (const name of readsFrom) {
      const keys = this.readers.get(name);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.readers.delete(name);
    }
  }
}

/** The cache key of a single look-up: the tier, the kind asked for (if any) and the query as typed. */
export function answerKey(tier: string, kind: string | undefined, query: string): string {
  return `${tier}\u0000${kind ?? ''}\u0000${query}`;
}
