import { createHmac } from 'node:crypto';
import type { Db } from '../store/connection.ts';
import { changeLogState, indicatorsChangedBetween, publicRange } from '../store/lookup-source.ts';
import { AppError } from './errors.ts';
import { piiCipher } from './pii-crypto.ts';
import { keyOf, visibleTo, type LookupIndex } from './lookup-index.ts';

/**
 * Privacy-preserving look-ups (docs/lookups.md): a range of hash suffixes, and a compact hashed
 * snapshot with deltas for offline matching. Only what the public tier may see is in either:
 * confirmed indicators with TLP clear or green, and the verified-legitimate registry.
 */

/**
 * The key of the decoys: derived from the configured PII key, so every node pads a range with
 * the same decoys (with a key per node, comparing two nodes' answers would single out the real
 * entries) and repeating a call reveals nothing new.
 */
function decoyKeyOf(): Buffer {
  return piiCipher().derive('canhgiac range-lookup decoys v1');
}
const MIN_BUCKET = 64;

export interface RangeAnswer {
  prefix: string;
  /** `<59 hex suffix>:L` (listed) or `:V` (verified legitimate), sorted, padded to a power of two ≥ 64. */
  entries: string[];
}

/**
 * Served from the database by the indexed `range_prefix`, not from the index: the index keeps
 * only 96 bits of each hash (to stay small) and a range answer needs the whole suffix; a range
 * holds ~10 entries at 10 million indicators, one indexed select.
 */
export async function rangeLookup(db: Db, prefixHex: string): Promise<RangeAnswer> {
  const prefix = prefixHex.toLowerCase();
  const rows = await publicRange(db, Number.parseInt(prefix, 16));
  const entries = rows.map((r) => `${r.sha256.slice(5)}:${r.state === 'listed' ? 'L' : 'V'}`);
  let size = MIN_BUCKET;
  while (size < entries.length) size *= 2;
  const decoyKey = decoyKeyOf();
  for (let i = 0; entries.length < size; i++) {
    const d = createHmac('sha256', decoyKey).update(`${prefix}:${i}`).digest();
    entries.push(`${d.toString('hex').slice(0, 59)}:${d[31]! & 1 ? 'L' : 'V'}`);
  }
  entries.sort();
  return { prefix, entries };
}

export const SNAPSHOT_HASH_BYTES = 8;
/** More changes than this since a client's version: it should download the full snapshot. */
export const MAX_DELTA_CHANGES = 100_000;

export interface Snapshot {
  version: number;
  hashBytes: number;
  listed: { count: number; hashes: string };
  legitimate: { count: number; hashes: string };
}

function truncated(key: readonly [number, number, ...number[]]): Buffer {
  const b = Buffer.alloc(SNAPSHOT_HASH_BYTES);
  b.writeUInt32BE(key[0], 0);
  b.writeUInt32BE(key[1], 4);
  return b;
}

const cache = new WeakMap<LookupIndex, { version: number; at: number; snapshot: Snapshot }>();

/**
 * The first 8 bytes of sha256 of each public-tier listed indicator (base64, unordered) and of
 * each verified-legitimate one, built from the node's index and cached while its version stands
 * (at most a minute). The version is the index's low-water mark: every change up to it is in.
 */
export function snapshot(index: LookupIndex): Snapshot {
  const now = Date.now();
  const cached = cache.get(index);
  if (cached && cached.version === index.version && now - cached.at < 60_000) return cached.snapshot;
  const version = index.version;
  const words = index.publicListedKeys();
  const listed = Buffer.alloc(words.length * 4);
  for (let i = 0; i < words.length; i++) listed.writeUInt32BE(words[i]!, i * 4);
  const legit: Buffer[] = [];
  for (const indicator of index.legitimateIndicators()) legit.push(truncated(keyOf(indicator)));
  const result: Snapshot = {
    version,
    hashBytes: SNAPSHOT_HASH_BYTES,
    listed: { count: words.length / 2, hashes: listed.toString('base64') },
    legitimate: { count: legit.length, hashes: Buffer.concat(legit).toString('base64') },
  };
  cache.set(index, { version, at: now, snapshot: result });
  return result;
}

export interface SnapshotDelta {
  since: number;
  version: number;
  hashBytes: number;
  /** Hex of truncated hashes: put `added` in the set, take `removed` out (in this order). */
  listed: { added: string[]; removed: string[] };
  legitimate: { added: string[]; removed: string[] };
}

export const goneSnapshot = (message: string) => new AppError(410, 'snapshot_too_old', message);

/**
 * What changed since a client's version, judged by the current state in the index of every
 * indicator named in the change log after it. "Removed" lists only hashes that were public on
 * this node at some point (a sticky bit), so a delta never tells the public that a non-public
 * indicator exists; deltas therefore start no earlier than the version the node loaded at.
 */
export async function snapshotDelta(db: Db, index: LookupIndex, since: number): Promise<SnapshotDelta> {
  const version = index.version;
  const empty = { since, version: Math.max(since, version), hashBytes: SNAPSHOT_HASH_BYTES, listed: { added: [], removed: [] }, legitimate: { added: [], removed: [] } };
  if (since >= version) return empty;
  const log = await changeLogState(db);
  if (since < index.loadedVersion || (log.minSeq > 0 && since < log.minSeq - 1)) {
    throw goneSnapshot('This version is too old for a delta: download the full snapshot (GET /api/v1/snapshot).');
  }
  const changed = await indicatorsChangedBetween(db, since, version, MAX_DELTA_CHANGES);
  if (changed.length > MAX_DELTA_CHANGES) throw goneSnapshot('Too much changed since this version: download the full snapshot (GET /api/v1/snapshot).');
  const out: SnapshotDelta = { since, version, hashBytes: SNAPSHOT_HASH_BYTES, listed: { added: [], removed: [] }, legitimate: { added: [], removed: [] } };
  for (const indicator of changed) {
    const key = keyOf(indicator);
    const hex = truncated(key).toString('hex');
    const e = index.getByKey(key);
    if (e && visibleTo('public', e.verdict, e.tlp)) out.listed.added.push(hex);
    else if (index.everPublic(indicator)) out.listed.removed.push(hex);
    if (index.legitimateOwner(indicator)) out.legitimate.added.push(hex);
    else if (index.wasLegitimate(indicator)) out.legitimate.removed.push(hex);
  }
  return out;
}
