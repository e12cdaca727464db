/**
 * Undo the "defanging" that people (and threat-intel feeds) apply to links so that they are not
 * clickable, and the tricks scammers use to slip links past filters:
 *
 *   hxxp://, hXXps://, h**p://      → http:// / https://
 *   [.] (.) {.} [dot] (dot) {dot}   → .        (spaces around the bracket are absorbed)
 *   [:] [://] [/] [@] [at] (at)     → : :// / @
 *   example dot com, ví dụ chấm vn  → example.com   (only when the last label is a real TLD)
 *   faceb00k . com, abc .vn         → faceb00k.com  (only when the last label is a real TLD)
 *   ．。｡ between letters            → .
 *   zero-width characters, soft hyphens → removed
 *
 * The word and spaced-dot forms are the only risky ones (ordinary prose contains " dot " and
 * ". "); they are applied only when what follows is a chain of labels ending in a top-level
 * domain of the public suffix list (or the reserved `example`/`test`), so "the end. Then" stays.
 * Look-alike spellings (`faceb00k`) are not touched: they are evidence, not obfuscation.
 *
 * Offsets: the result carries, for every output character, the half-open range of the input it
 * came from, so an extractor that finds an identifier in the cleaned text can report the span in
 * the original text with `toOriginalSpan`.
 */
import { parse } from 'tldts';

export interface Deobfuscated {
  /** The cleaned text. */
  text: string;
  /**
   * `starts[i]`/`ends[i]` is the range of the input that produced output character `i`.
   * Both are null when nothing changed (the mapping is the identity).
   */
  starts: Int32Array | null;
  ends: Int32Array | null;
  /** Length of the input, so a span at the very end maps back too. */
  inputLength: number;
}

function isAsciiAlpha(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

/** Zero-width characters and soft hyphens, which only hide a link from filters. */
function isZeroWidth(c: number): boolean {
  return c === 0x00ad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** Full-width and ideographic dots, read as "." between labels. */
function isWideDot(c: number): boolean {
  return c === 0xff0e || c === 0x3002 || c === 0xff61;
}

/** "dot", "cham" or "chấm" (any case) at `i`: the start of a word-dot. */
function dotWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i) | 0x20;
  if (c === 0x64) return (s.charCodeAt(i + 1) | 0x20) === 0x6f && (s.charCodeAt(i + 2) | 0x20) === 0x74;
  if (c !== 0x63 || (s.charCodeAt(i + 1) | 0x20) !== 0x68) return false;
  const v = s.charCodeAt(i + 2);
  return ((v | 0x20) === 0x61 || v === 0x1ea5 || v === 0x1ea4) && (s.charCodeAt(i + 3) | 0x20) === 0x6d;
}

/**
 * Cheap screen: most inputs (and most lines of a long text) contain none of the triggers, and
 * then the input is returned as is without building offset tables. It must accept every input
 * that `run` would change, and should reject ordinary prose: a sentence end ". ", a bracket
 * before a word ("(xem ảnh)") and Vietnamese words starting with c or d are not triggers.
 * The triggers: a zero-width character or wide dot; a space or tab before "."; white space
 * before a dot word; "h" before "x" or "*" (hxxp, h**p); a bracket, optional white space, then
 * ".", ":", "/", "@", a dot word or "at". (`\s` is exactly `isWhite`.) A regular expression
 * scans prose faster than a loop over char codes.
 */
const TRIGGER = /[\u00ad\u200b-\u200d\u2060\ufeff\uff0e\u3002\uff61]|[ \t]\.|\s(?:[dD][oO][tT]|[cC][hH][aA\u1ea5\u1ea4][mM])|[hH][xX*]|[[({]\s*(?:[.:/@]|[dD][oO][tT]|[cC][hH][aA\u1ea5\u1ea4][mM]|[aA][tT])/;

export function mayBeObfuscated(s: string): boolean {
  return TRIGGER.test(s);
}

/**
 * Every position where `run` may rewrite something, a superset of what it acts on: zero-width
 * characters and wide dots, brackets, "h" before "x" or "*", and a space, tab or no-break space
 * before white space and "." or a dot word. `run` jumps from one to the next: what lies between
 * is copied unchanged.
 */
const CANDIDATE = /[\u00ad\u200b-\u200d\u2060\ufeff\uff0e\u3002\uff61]|[[({]|[hH](?=[xX*])|[ \t\u00a0](?=\s*(?:\.|[dD][oO][tT]|[cC][hH][aA\u1ea5\u1ea4][mM]))/g;

/** The white space of `\s` that people put around dot words and brackets. */
function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 ||
    c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
    c === 0x3000 || c === 0xfeff;
}

const BRACKETED = /[[({]\s*(\.|dot|chấm|cham|:\/\/|:|\/|@|at)\s*[\])}]/iy;
const HXXP = /h(?:xx|\*\*)p(s?)(?=\s*(?::|[[({]\s*:))/iy;
// After a label: optional spaces, then a dot word or a spaced dot, then the label chain.
const WORD_DOT = /\s+(?:dot|chấm|cham)\s+/iy;
const SPACED_DOT = /[ \t]*\.[ \t]*/y;
const BRACKET_DOT = /\s*[[({]\s*(?:\.|dot|chấm|cham)\s*[\])}]\s*/iy;
const LABEL = /[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?/uy;
const LABEL_CHAR = /[\p{L}\p{N}]/u;
const RESERVED_TLDS = new Set(['example', 'test']);

const tldCache = new Map<string, boolean>();

function isTld(label: string): boolean {
  const l = label.toLowerCase();
  let known = tldCache.get(l);
  if (known === undefined) {
    const p = parse(`a.${l}`);
    known = RESERVED_TLDS.has(l) || (p.isIcann === true && p.publicSuffix === l);
    if (tldCache.size < 4096) tldCache.set(l, known);
  }
  return known;
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * From `at` (just after a separator), read labels joined by `.`, spaced dots or dot words; true
 * when the last one is a top-level domain. Bounded to a few labels, so it stays linear.
 */
function labelChainEndsInTld(text: string, at: number): boolean {
  let pos = at;
  for (let n = 0; n < 6; n++) {
    const label = matchAt(LABEL, text, pos);
    if (!label) return false;
    pos += label[0].length;
    const sep = matchAt(BRACKET_DOT, text, pos) ?? matchAt(SPACED_DOT, text, pos) ?? matchAt(WORD_DOT, text, pos);
    const next = sep && sep[0].length > 0 ? matchAt(LABEL, text, pos + sep[0].length) : null;
    if (!sep || sep[0].length === 0 || !next) return isTld(label[0]);
    pos += sep[0].length;
  }
  return false;
}

/** Whether s[i] can be part of a host label (false outside the string). */
function isLabelChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || isAsciiAlpha(c);
  return LABEL_CHAR.test(s[i]!);
}

/**
 * Output pieces in an array, not a growing string: reading the last character of a string built
 * by `+=` flattens it every time, which made long inputs quadratic. Unchanged stretches of the
 * input are copied as one slice (`copy`), so the cost is per change, not per character.
 */
class Builder {
  pieces: string[] = [];
  /**
   * Offsets per output character, preallocated: every rewrite is at most as long as what it
   * replaces ("[.]" → ".", "hxxps" → "https"), so the output never outgrows the input.
   */
  starts: Int32Array;
  ends: Int32Array;
  /** Output characters so far (only counted when tracking offsets). */
  n = 0;
  /** input[copied, i) is unchanged text not yet handed over as a piece. */
  copied = 0;
  constructor(
    private readonly input: string,
    private readonly track: boolean,
  ) {
    // One backing store for both (allocating one is most of the cost for a short line).
    const n = track ? input.length : 0;
    const buffer = new ArrayBuffer(n * 8);
    this.starts = new Int32Array(buffer, 0, n);
    this.ends = new Int32Array(buffer, n * 4, n);
  }
  /** Hand over the unchanged text before `i`. */
  flush(i: number): void {
    this.copy(this.copied, i);
    this.copied = i;
  }
  /** The next piece starts at input position `i` (what lies between was dropped or replaced). */
  skipTo(i: number): void {
    this.copied = i;
  }
  /** Whether the last output character before input position `i` is a label character. */
  lastIsLabelCharAt(i: number): boolean {
    if (this.copied < i) return isLabelChar(this.input, i - 1);
    const last = this.pieces[this.pieces.length - 1];
    return last !== undefined && isLabelChar(last, last.length - 1);
  }
  /** Copy input[from, to) unchanged. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.pieces.push(this.input.slice(from, to));
    if (!this.track) return;
    for (let k = from; k < to; k++) {
      this.starts[this.n] = k;
      this.ends[this.n++] = k + 1;
    }
  }
  emit(s: string, from: number, to: number): void {
    this.pieces.push(s);
    if (!this.track) return;
    for (let k = 0; k < s.length; k++) {
      this.starts[this.n] = from;
      this.ends[this.n++] = to;
    }
  }
  /** Remove trailing spaces and tabs already emitted, so "a [.] b" becomes "a.b". */
  dropTrailingSpaces(): void {
    for (;;) {
      const last = this.pieces[this.pieces.length - 1];
      if (last === undefined) return;
      let n = last.length;
      while (n > 0 && (last.charCodeAt(n - 1) === 0x20 || last.charCodeAt(n - 1) === 0x09)) n--;
      if (n === last.length) return;
      if (this.track) this.n -= last.length - n;
      if (n > 0) {
        this.pieces[this.pieces.length - 1] = last.slice(0, n);
        return;
      }
      this.pieces.pop();
    }
  }
  text(): string {
    return this.pieces.join('');
  }
}

export function deobfuscate(input: string): Deobfuscated {
  return run(input, true);
}

function run(input: string, track: boolean): Deobfuscated {
  if (!mayBeObfuscated(input)) return { text: input, starts: null, ends: null, inputLength: input.length };
  const b = new Builder(input, track);
  let changed = false;
  let i = 0;
  while (i < input.length) {
    // Straight to the next position where something may be rewritten.
    CANDIDATE.lastIndex = i;
    const next = CANDIDATE.exec(input);
    if (next === null) {
      i = input.length;
      break;
    }
    i = next.index;
    const c = input.charCodeAt(i);
    if (c > 0x7f) {
      if (isZeroWidth(c)) {
        b.flush(i);
        changed = true;
        i++;
        b.skipTo(i);
        continue;
      }
      if (isWideDot(c) && b.lastIsLabelCharAt(i) && isLabelChar(input, i + 1)) {
        b.flush(i);
        b.emit('.', i, i + 1);
        changed = true;
        i++;
        b.skipTo(i);
        continue;
      }
    }
    if (c === 0x5b || c === 0x28 || c === 0x7b) {
      const m = matchAt(BRACKETED, input, i);
      if (m) {
        const token = m[1]!.toLowerCase();
        const out = token === 'dot' || token === 'chấm' || token === 'cham' ? '.' : token === 'at' ? '@' : token;
        const end = i + m[0].length;
        // "(at)" and "(dot)" are words in prose too ("meet (at) noon"): read them only after a
        // label and before a chain of labels that ends in a top-level domain.
        const wordy = token === 'at' || token === 'dot' || token === 'chấm' || token === 'cham';
        let after = end;
        while (input[after] === ' ' || input[after] === '\t') after++;
        if (!wordy || ((b.lastIsLabelCharAt(i) || /[ \t]/.test(input[i - 1] ?? '')) && labelChainEndsInTld(input, after))) {
          b.flush(i);
          if (out !== '://' && out !== ':' && out !== '/') b.dropTrailingSpaces();
          b.emit(out, i, end);
          i = end;
          if (out === '.' || out === '@') while (input[i] === ' ' || input[i] === '\t') i++;
          b.skipTo(i);
          changed = true;
          continue;
        }
      }
    }
    if ((c === 0x68 || c === 0x48) && !isLabelChar(input, i - 1)) {
      const m = matchAt(HXXP, input, i);
      if (m) {
        b.flush(i);
        const end = i + m[0].length;
        b.emit(m[1] ? 'https' : 'http', i, end);
        i = end;
        b.skipTo(i);
        changed = true;
        continue;
      }
    }
    if ((c === 0x20 || c === 0x09 || c === 0xa0) && dotAfterSpaces(input, i) && b.lastIsLabelCharAt(i)) {
      // "a . com" and "a .com", never "a. com": that is how sentences end.
      const sep = matchAt(SPACED_DOT, input, i);
      if (sep && labelChainEndsInTld(input, i + sep[0].length)) {
        b.flush(i);
        b.emit('.', i, i + sep[0].length);
        i += sep[0].length;
        b.skipTo(i);
        changed = true;
        continue;
      }
      const word = matchAt(WORD_DOT, input, i);
      if (word && labelChainEndsInTld(input, i + word[0].length)) {
        b.flush(i);
        b.emit('.', i, i + word[0].length);
        i += word[0].length;
        b.skipTo(i);
        changed = true;
        continue;
      }
    }
    i++;
  }
  if (!changed) return { text: input, starts: null, ends: null, inputLength: input.length };
  b.flush(i);
  const text = b.text();
  if (!track) return { text, starts: null, ends: null, inputLength: input.length };
  return { text, starts: b.starts.subarray(0, b.n), ends: b.ends.subarray(0, b.n), inputLength: input.length };
}

/**
 * Whether a spaced dot or a dot word may start at the white space at `i`: the first character
 * after the white space is "." or starts "dot"/"cham"/"chấm". Most spaces in prose are neither,
 * and this spares them both regular expressions.
 */
function dotAfterSpaces(s: string, i: number): boolean {
  let j = i;
  while (j < s.length && isWhite(s.charCodeAt(j))) j++;
  return s.charCodeAt(j) === 0x2e || dotWordAt(s, j);
}

/**
 * Map a half-open span of the cleaned text back to the input. An empty span maps to the
 * position where the next output character came from.
 */
export function toOriginalSpan(d: Deobfuscated, start: number, end: number): { start: number; end: number } {
  if (!d.starts || !d.ends) return { start, end };
  const n = d.starts.length;
  const s = Math.max(0, Math.min(start, n));
  const e = Math.max(s, Math.min(end, n));
  const from = s < n ? d.starts[s]! : d.inputLength;
  const to = e > s ? d.ends[e - 1]! : from;
  return { start: from, end: to };
}

/**
 * The last (short) input found free of obfuscation. Detection deobfuscates an input and the
 * canonicalizer it picks does it again: the second time this answers without a scan.
 */
let lastClean = '';

/** The input with obfuscations undone, for canonicalizers that need no offsets. */
export function deobfuscateText(input: string): string {
  if (input === lastClean) return input;
  if (!mayBeObfuscated(input)) {
    if (input.length <= 2048) lastClean = input;
    return input;
  }
  return run(input, false).text;
}
