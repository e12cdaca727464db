/**
 * Hashed features of a normalized text (normalize-text.ts) for the linear classifier:
 * character n-grams of 3 to 5 characters across word boundaries (they survive typos, missing
 * diacritics and words glued together), word unigrams and word bigrams, each hashed (FNV-1a)
 * into a fixed number of buckets. No vocabulary is stored: a new word still gets a bucket.
 *
 * The training script and the scorer use this one function, so they cannot drift apart.
 */
export const FEATURE_BITS = 16;
export const FEATURE_DIM = 1 << FEATURE_BITS;
const MASK = FEATURE_DIM - 1;
const MIN_N = 3;
const MAX_N = 5;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Sparse feature vector: bucket → value, values scaled so the vector has length 1. */
export interface Features {
  index: Int32Array;
  value: Float32Array;
  length: number;
}

let counts = new Float32Array(FEATURE_DIM);
let touched = new Int32Array(4096);

function add(bucket: number, n: number): number {
  if (counts[bucket] === 0) {
    if (n === touched.length) {
      const bigger = new Int32Array(touched.length * 2);
      bigger.set(touched);
      touched = bigger;
    }
    touched[n++] = bucket;
  }
  counts[bucket]! += 1;
  return n;
}

export function featurize(normalized: string): Features {
  let n = 0;
  const len = normalized.length;
  // Character n-grams: one FNV state per start position, extended a character at a time.
  for (let i = 0; i < len; i++) {
    let h = FNV_OFFSET;
    for (let k = 0; k < MAX_N && i + k < len; k++) {
      h = Math.imul(h ^ normalized.charCodeAt(i + k), FNV_PRIME);
      if (k + 1 >= MIN_N) n = add((h ^ (h >>> 16)) & MASK, n);
    }
  }
  // Words and word pairs, salted so they do not share buckets with the n-grams by design.
  let prev = 0;
  let h = FNV_OFFSET ^ 0x5bd1e995;
  let inWord = false;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? normalized.charCodeAt(i) : 32;
    if (c === 32) {
      if (inWord) {
        n = add((h ^ (h >>> 15)) & MASK, n);
        if (prev !== 0) {
          const pair = Math.imul(prev ^ h, FNV_PRIME) ^ 0x27d4eb2d;
          n = add((pair ^ (pair >>> 13)) & MASK, n);
        }
        prev = h;
      }
      h = FNV_OFFSET ^ 0x5bd1e995;
      inWord = false;
    } else {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
    }
  }
  const index = new Int32Array(n);
  const value = new Float32Array(n);
  let norm = 0;
  for (let j = 0; j < n; j++) {
    const b = touched[j]!;
    index[j] = b;
    // Sub-linear term frequency: a word said ten times is not ten times the evidence.
    const v = 1 + Math.log(counts[b]!);
    value[j] = v;
    norm += v * v;
    counts[b] = 0;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < n; j++) value[j]! *= scale;
  return { index, value, length: n };
}
