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

// Cheap screen: most inputs (and most of a long text) contain none of these, and then the
// input is returned as is without building offset tables.
function mayBeObfuscated(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5b || c === 0x28 || c === 0x7b) return true;
    if (c === 0x20 || c === 0x09 || c === 0xa0) {
      const n = s.charCodeAt(i + 1) | 0x20;
      if (s.charCodeAt(i - 1) === 0x2e || n === 0x2e || n === 0x64 || n === 0x63) return true;
    } else if (c === 0x68 || c === 0x48) {
      const n = s.charCodeAt(i + 1);
      if (n === 0x78 || n === 0x58 || n === 0x2a) return true;
    } else if (c > 0x7f && (ZERO_WIDTH.has(c) || WIDE_DOTS.has(c))) {
      return true;
    }
  }
  return false;
}

const BRACKETED = /[[({]\s*(\.|dot|chấm|cham|:\/\/|:|\/|@|at)\s*[\])}]/iy;
const HXXP = /h(?:xx|\*\*)p(s?)(?=\s*(?::|[[({]\s*:))/iy;
// After a label: optional spaces, then a dot word or a spaced dot, then the label chain.
const WORD_DOT = /\s+(?:dot|chấm|cham)\s+/iy;
const SPACED_DOT = /[ \t]*\.[ \t]*/y;
const BRACKET_DOT = /\s*[[({]\s*(?:\.|dot|chấm|cham)\s*[\])}]\s*/iy;
const LABEL = /[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?/uy;
const LABEL_CHAR = /[\p{L}\p{N}]/u;
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const WIDE_DOTS = new Set([0xff0e, 0x3002, 0xff61]);
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

/**
 * Output pieces in an array, not a growing string: reading the last character of a string built
 * by `+=` flattens it every time, which made long inputs quadratic.
 */
class Builder {
  pieces: string[] = [];
  starts: number[] = [];
  ends: number[] = [];
  constructor(private readonly track: boolean) {}
  emit(s: string, from: number, to: number): void {
    this.pieces.push(s);
    if (!this.track) return;
    for (let k = 0; k < s.length; k++) {
      this.starts.push(from);
      this.ends.push(to);
    }
  }
  /** Remove trailing spaces already emitted, so "a [.] b" becomes "a.b". Spaces are emitted one per piece. */
  dropTrailingSpaces(): void {
    for (;;) {
      const last = this.pieces[this.pieces.length - 1];
      if (last !== ' ' && last !== '\t') return;
      this.pieces.pop();
      if (this.track) {
        this.starts.pop();
        this.ends.pop();
      }
    }
  }
  lastIsLabelChar(): boolean {
    const last = this.pieces[this.pieces.length - 1];
    return last !== undefined && LABEL_CHAR.test(last[last.length - 1]!);
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
  const b = new Builder(track);
  let changed = false;
  let i = 0;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    if (ZERO_WIDTH.has(c)) {
      changed = true;
      i++;
      continue;
    }
    if (WIDE_DOTS.has(c) && b.lastIsLabelChar() && LABEL_CHAR.test(input[i + 1] ?? '')) {
      b.emit('.', i, i + 1);
      changed = true;
      i++;
      continue;
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
        if (!wordy || ((b.lastIsLabelChar() || /[ \t]/.test(input[i - 1] ?? '')) && labelChainEndsInTld(input, after))) {
          if (out !== '://' && out !== ':' && out !== '/') b.dropTrailingSpaces();
          b.emit(out, i, end);
          i = end;
          if (out === '.' || out === '@') while (input[i] === ' ' || input[i] === '\t') i++;
          changed = true;
          continue;
        }
      }
    }
    if ((c === 0x68 || c === 0x48) && !LABEL_CHAR.test(input[i - 1] ?? '')) {
      const m = matchAt(HXXP, input, i);
      if (m) {
        const end = i + m[0].length;
        b.emit(m[1] ? 'https' : 'http', i, end);
        i = end;
        changed = true;
        continue;
      }
    }
    if ((c === 0x20 || c === 0x09 || c === 0x2e || c === 0xa0) && b.lastIsLabelChar()) {
      // "a . com" and "a .com", never "a. com": that is how sentences end.
      const sep = c === 0x2e ? null : matchAt(SPACED_DOT, input, i);
      if (sep && labelChainEndsInTld(input, i + sep[0].length)) {
        b.emit('.', i, i + sep[0].length);
        i += sep[0].length;
        changed = true;
        continue;
      }
      const word = matchAt(WORD_DOT, input, i);
      if (word && labelChainEndsInTld(input, i + word[0].length)) {
        b.emit('.', i, i + word[0].length);
        i += word[0].length;
        changed = true;
        continue;
      }
    }
    b.emit(input[i]!, i, i + 1);
    i++;
  }
  if (!changed) return { text: input, starts: null, ends: null, inputLength: input.length };
  const text = b.text();
  if (!track) return { text, starts: null, ends: null, inputLength: input.length };
  return { text, starts: Int32Array.from(b.starts), ends: Int32Array.from(b.ends), inputLength: input.length };
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

/** The input with obfuscations undone, for canonicalizers that need no offsets. */
export function deobfuscateText(input: string): string {
  return run(input, false).text;
}
