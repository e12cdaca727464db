import { VERDICTS, TLP_LEVELS, type Tlp, type Verdict } from './verdicts.ts';

/**
 * A compact open-addressing hash table of indicators for the look-up hot path.
 *
 * Hand-written because no library offers what it needs: 10 million entries in well under 1 GiB
 * (a `Map<string, object>` costs ~150–250 bytes an entry; this costs 24 bytes a slot) and no
 * per-entry objects for the garbage collector to walk.
 *
 * Entries are keyed by the first 96 bits of sha256(indicator): 64 bits locate and identify the
 * slot, 32 more are a check. sha256 rather than a fast non-cryptographic hash because (a) the
 * database already stores it (the loader parses hex, it hashes nothing), (b) a false "listed"
 * answer must be impossible even against someone crafting inputs — seeded fast hashes such as
 * MurmurHash3 have seed-independent multicollisions — and (c) the range look-ups and snapshots
 * use the same hash. Two distinct indicators share 96 bits with probability 2^-96 a pair.
 *
 * Entries are never removed: an indicator that disappears from the database keeps its slot
 * with the verdict code GONE, so probing needs no tombstones.
 */

/** What the index keeps about an indicator, decoded. */
export interface IndexedIndicator {
  verdict: Verdict;
  confidence: number;
  tlp: Tlp;
  reportCount: number;
  platformConfirmations: number;
  /** Bit i set: FRAUD_TYPES[i]. */
  fraudMask: number;
  /** Days since 1970-01-01 (UTC) of the last sighting or report. */
  lastSeenDay: number;
  /** A sticky bit the owner may set (kept once set): the look-up index marks "was ever public". */
  flagged?: boolean;
}

/** Verdict codes in the packed meta field; 0 is an empty slot. Bit 12 is the sticky flag. */
const FLAG = 1 << 12;
const EMPTY = 0;
const GONE = 7;
const VERDICT_CODE = new Map<Verdict, number>(VERDICTS.map((v, i) => [v, i + 1]));
const TLP_CODE = new Map<Tlp, number>(TLP_LEVELS.map((t, i) => [t, i]));

const MAX_LOAD = 0.7;
const MIN_CAPACITY = 1 << 10;

/** The three 32-bit words of a sha256 used as the key; from raw bytes or hex. */
export type Key = readonly [number, number, number];

export function keyFromHex(sha256Hex: string): Key {
  return [
    Number.parseInt(sha256Hex.slice(0, 8), 16) >>> 0,
    Number.parseInt(sha256Hex.slice(8, 16), 16) >>> 0,
    Number.parseInt(sha256Hex.slice(16, 24), 16) >>> 0,
  ];
}

export function keyFromBytes(d: Uint8Array): Key {
  return [
    ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0,
    ((d[4]! << 24) | (d[5]! << 16) | (d[6]! << 8) | d[7]!) >>> 0,
    ((d[8]! << 24) | (d[9]! << 16) | (d[10]! << 8) | d[11]!) >>> 0,
  ];
}

/** The packed meta field of an entry (see CompactIndex.meta); `flagged` sets the sticky bit. */
export function packMeta(verdict: Verdict, tlp: Tlp, confidence: number, flagged: boolean): number {
  return (flagged ? FLAG : 0) | VERDICT_CODE.get(verdict)! | (TLP_CODE.get(tlp)! << 3) | ((Math.max(0, Math.min(100, confidence)) & 0x7f) << 5);
}

function capacityFor(entries: number): number {
  let c = MIN_CAPACITY;
  while (c * MAX_LOAD < entries) c *= 2;
  return c;
}

export class CompactIndex {
  private capacity: number;
  private mask: number;
  private count = 0;
  // Key words, then the packed fields; one typed array per field keeps every slot 24 bytes.
  // All are set by allocate(), called from the constructor.
  private ka!: Uint32Array;
  private kb!: Uint32Array;
  private kc!: Uint32Array;
  /** verdict code (3 bits) | tlp (2 bits) << 3 | confidence (7 bits) << 5 */
  private meta!: Uint16Array;
  private reports!: Uint32Array;
  private platform!: Uint16Array;
  private fraud!: Uint16Array;
  private lastSeen!: Uint16Array;

  /** `expected`: how many entries to size for, so loading 10 million does not rehash. */
  constructor(expected = 0) {
    this.capacity = capacityFor(expected);
    this.mask = this.capacity - 1;
    this.allocate();
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.capacity * (4 + 4 + 4 + 2 + 4 + 2 + 2 + 2);
  }

  /** The slot holding `key`, or -1. */
  private find(a: number, b: number, c: number): number {
    let i = a & this.mask;
    for (;;) {
      if (this.meta[i] === EMPTY) return -1;
      if (this.ka[i] === a && this.kb[i] === b && this.kc[i] === c) return i;
      i = (i + 1) & this.mask;
    }
  }

  private slotFor(a: number, b: number, c: number): number {
    let i = a & this.mask;
    for (;;) {
      if (this.meta[i] === EMPTY) return i;
      if (this.ka[i] === a && this.kb[i] === b && this.kc[i] === c) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Adds or replaces an entry. */
  set(key: Key, entry: IndexedIndicator): void {
    this.setPacked(key[0], key[1], key[2], packMeta(entry.verdict, entry.tlp, entry.confidence, entry.flagged ?? false), entry.reportCount, entry.platformConfirmations, entry.fraudMask, entry.lastSeenDay);
  }

  /** The same without any object per entry: the bulk loader's path (10 million calls). */
  setPacked(a: number, b: number, c: number, meta: number, reportCount: number, platformConfirmations: number, fraudMask: number, lastSeenDay: number): void {
    if (this.count + 1 > this.capacity * MAX_LOAD) this.grow();
    const i = this.slotFor(a, b, c);
    if (this.meta[i] === EMPTY) {
      this.count++;
      this.ka[i] = a;
      this.kb[i] = b;
      this.kc[i] = c;
    }
    this.meta[i] = (this.meta[i]! & FLAG) | meta;
    this.reports[i] = Math.min(reportCount, 0xffffffff);
    this.platform[i] = Math.min(platformConfirmations, 0xffff);
    this.fraud[i] = fraudMask & 0xffff;
    this.lastSeen[i] = Math.max(0, Math.min(lastSeenDay, 0xffff));
  }

  /** Marks an entry as no longer in the database (it keeps its slot). */
  markGone(key: Key): void {
    const i = this.find(key[0], key[1], key[2]);
    if (i >= 0) this.meta[i] = (this.meta[i]! & FLAG) | GONE;
  }

  /** The sticky flag of an entry, even one marked gone. */
  flagged(key: Key): boolean {
    const i = this.find(key[0], key[1], key[2]);
    return i >= 0 && (this.meta[i]! & FLAG) !== 0;
  }

  get(key: Key): IndexedIndicator | undefined {
    const i = this.find(key[0], key[1], key[2]);
    if (i < 0) return undefined;
    const m = this.meta[i]!;
    const code = m & 7;
    if (code === GONE) return undefined;
    return {
      verdict: VERDICTS[code - 1]!,
      tlp: TLP_LEVELS[(m >> 3) & 3]!,
      confidence: (m >> 5) & 0x7f,
      reportCount: this.reports[i]!,
      platformConfirmations: this.platform[i]!,
      fraudMask: this.fraud[i]!,
      lastSeenDay: this.lastSeen[i]!,
      flagged: (m & FLAG) !== 0,
    };
  }

  /**
   * The first 64 key bits (two words an entry) of every entry whose verdict and TLP pass
   * `keep`, for compact hashed snapshots.
   */
  collect(keep: (e: { verdict: Verdict; tlp: Tlp }) => boolean): Uint32Array {
    // Decide once per (verdict, tlp) code instead of once per slot.
    const allowed = new Uint8Array(256);
    for (let code = 1; code <= VERDICTS.length; code++) {
      for (let t = 0; t < TLP_LEVELS.length; t++) allowed[code | (t << 3)] = keep({ verdict: VERDICTS[code - 1]!, tlp: TLP_LEVELS[t]! }) ? 1 : 0;
    }
    let n = 0;
    for (let i = 0; i < this.capacity; i++) if (allowed[this.meta[i]! & 0x1f] === 1) n++;
    const out = new Uint32Array(n * 2);
    let j = 0;
    for (let i = 0; i < this.capacity; i++) {
      if (allowed[this.meta[i]! & 0x1f] !== 1) continue;
      out[j++] = this.ka[i]!;
      out[j++] = this.kb[i]!;
    }
    return out;
  }

  /** Fresh, empty arrays for `capacity` slots. */
  private allocate(): void {
    this.ka = new Uint32Array(this.capacity);
    this.kb = new Uint32Array(this.capacity);
    this.kc = new Uint32Array(this.capacity);
    this.meta = new Uint16Array(this.capacity);
    this.reports = new Uint32Array(this.capacity);
    this.platform = new Uint16Array(this.capacity);
    this.fraud = new Uint16Array(this.capacity);
    this.lastSeen = new Uint16Array(this.capacity);
  }

  private grow(): void {
    const old = { ka: this.ka, kb: this.kb, kc: this.kc, meta: this.meta, reports: this.reports, platform: this.platform, fraud: this.fraud, lastSeen: this.lastSeen };
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.mask = this.capacity - 1;
    this.allocate();
    for (let j = 0; j < oldCapacity; j++) {
      if (old.meta[j] === EMPTY) continue;
      const i = this.slotFor(old.ka[j]!, old.kb[j]!, old.kc[j]!);
      this.ka[i] = old.ka[j]!;
      this.kb[i] = old.kb[j]!;
      this.kc[i] = old.kc[j]!;
      this.meta[i] = old.meta[j]!;
      this.reports[i] = old.reports[j]!;
      this.platform[i] = old.platform[j]!;
      this.fraud[i] = old.fraud[j]!;
      this.lastSeen[i] = old.lastSeen[j]!;
    }
  }
}
