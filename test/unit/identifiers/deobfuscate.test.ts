import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deobfuscate, deobfuscateText, mayBeObfuscated, toOriginalSpan } from '../../../src/domain/identifiers/deobfuscate.ts';
import { anyText } from './arbitraries.ts';

const CASES: [string, string][] = [
  ['hxxp://evil.example/a', 'http://evil.example/a'],
  ['hxxps://evil.example/a', 'https://evil.example/a'],
  ['hXXps://evil.example', 'https://evil.example'],
  ['h**ps://evil.example', 'https://evil.example'],
  ['hxxps[:]//evil.example', 'https://evil.example'],
  ['https[://]evil.example', 'https://evil.example'],
  ['evil[.]example', 'evil.example'],
  ['evil(.)example', 'evil.example'],
  ['evil{.}example', 'evil.example'],
  ['evil[dot]example', 'evil.example'],
  ['evil(dot)example', 'evil.example'],
  ['evil [dot] example', 'evil.example'],
  ['evil [ . ] example', 'evil.example'],
  ['evil[DOT]example', 'evil.example'],
  ['t[.]me/lua_dao_bot', 't.me/lua_dao_bot'],
  ['zalo[.]me/0912345678', 'zalo.me/0912345678'],
  ['faceb00k . com', 'faceb00k.com'],
  ['faceb00k .com/abc', 'faceb00k.com/abc'],
  ['vao trang abc . vn de nhan qua', 'vao trang abc.vn de nhan qua'],
  ['example dot com', 'example.com'],
  ['example dot com dot vn', 'example.com.vn'],
  ['zalo chấm me/0912345678', 'zalo.me/0912345678'],
  ['shop cham vn', 'shop.vn'],
  ['nguoi.lua (at) mail.example', 'nguoi.lua@mail.example'],
  ['nguoi.lua[at]mail[.]example', 'nguoi.lua@mail.example'],
  ['nguoi.lua[@]mail.example', 'nguoi.lua@mail.example'],
  ['evil。example', 'evil.example'],
  ['evil．example', 'evil.example'],
  ['ev\u200bil.exa\u200dmple', 'evil.example'],
  ['face\u00adbook.com', 'facebook.com'],
  // The quick screen must let these through: spaced brackets, upper-case Vietnamese dot words,
  // tabs, and a line break before a dot word (white space for WORD_DOT too).
  ['evil ( . ) example', 'evil.example'],
  ['EVIL CHẤM VN', 'EVIL.VN'],
  ['shop\tdot\tvn', 'shop.vn'],
  ['a \ndot com', 'a.com'],
  ['nguoi.lua( at )mail.example', 'nguoi.lua@mail.example'],
  // Left alone: prose, look-alikes, brackets that are not obfuscation.
  ['Hết tiền rồi. Com ơi', 'Hết tiền rồi. Com ơi'],
  ['the end. Then we paid', 'the end. Then we paid'],
  ['I went home . Then', 'I went home . Then'],
  ['faceb00k.example', 'faceb00k.example'],
  ['(xem ảnh)', '(xem ảnh)'],
  ['mua hàng (chấm) xong', 'mua hàng (chấm) xong'],
  ['chuyển cho chị', 'chuyển cho chị'],
  ['a\u00a0.com', 'a\u00a0.com'],
  ['[1] https://example.com', '[1] https://example.com'],
  ['meet (at) noon', 'meet (at) noon'],
  ['dot com', 'dot com'],
  ['hxxp is a word', 'hxxp is a word'],
  ['matchxxps://x', 'matchxxps://x'],
  ['', ''],
];

describe('deobfuscate: table', () => {
  it.each(CASES)('%j → %j', (input, want) => expect(deobfuscateText(input)).toBe(want));
});

describe('deobfuscate: spans', () => {
  it('maps a span of the cleaned text back to the original', () => {
    const input = 'Lừa đảo tại hxxps://evil[.]example/a nhé';
    const d = deobfuscate(input);
    const found = 'https://evil.example/a';
    const start = d.text.indexOf(found);
    const span = toOriginalSpan(d, start, start + found.length);
    expect(input.slice(span.start, span.end)).toBe('hxxps://evil[.]example/a');
  });
  it('is the identity when nothing changed', () => {
    const d = deobfuscate('no links here');
    expect(d.starts).toBeNull();
    expect(toOriginalSpan(d, 3, 8)).toEqual({ start: 3, end: 8 });
  });
  it('maps a span that ends at a removed bracket', () => {
    const input = 'abc [dot] com';
    const d = deobfuscate(input);
    expect(d.text).toBe('abc.com');
    expect(toOriginalSpan(d, 0, 7)).toEqual({ start: 0, end: 13 });
    expect(toOriginalSpan(d, 4, 7)).toEqual({ start: 10, end: 13 });
    expect(toOriginalSpan(d, 7, 7)).toEqual({ start: 13, end: 13 });
  });
});

describe('deobfuscate: properties', () => {
  const obf = fc
    .array(fc.constantFrom('a', 'evil', ' ', '.', ' . ', '[.]', '(dot)', ' dot ', ' chấm ', 'com', 'vn', 'hxxp', 's', '://', '[:]', '\u200b', '。', '(', ')', '[', ']', 'at', '@'), { maxLength: 14 })
    .map((a) => a.join(''));
  const inputs = fc.oneof(anyText, obf);

  it('never throws and keeps offsets consistent', () => {
    fc.assert(fc.property(inputs, (s) => {
      const d = deobfuscate(s);
      if (d.starts && d.ends) {
        expect(d.starts.length).toBe(d.text.length);
        for (let i = 0; i < d.text.length; i++) {
          expect(d.starts[i]!).toBeLessThan(d.ends[i]!);
          if (i > 0) expect(d.starts[i]!).toBeGreaterThanOrEqual(d.starts[i - 1]!);
        }
      }
      expect(deobfuscateText(s)).toBe(d.text);
    }), { numRuns: 3000 });
  });

  it('maps every output character back into the input', () => {
    fc.assert(fc.property(inputs, fc.nat(), fc.nat(), (s, a, b) => {
      const d = deobfuscate(s);
      const start = Math.min(a, b) % (d.text.length + 1);
      const end = Math.max(a, b) % (d.text.length + 1);
      const span = toOriginalSpan(d, Math.min(start, end), Math.max(start, end));
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(s.length);
      expect(span.start).toBeLessThanOrEqual(span.end);
    }), { numRuns: 2000 });
  });
});

/**
 * The screen as it was first written, char code by char code (the one `run` was proven
 * against): the regular expression that replaced it must accept exactly the same inputs.
 */
function referenceScreen(s: string): boolean {
  const isWhite = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 ||
    c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
  const isZeroWidth = (c: number) => c === 0x00ad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
  const isWideDot = (c: number) => c === 0xff0e || c === 0x3002 || c === 0xff61;
  const dotWordAt = (i: number): boolean => {
    const c = s.charCodeAt(i) | 0x20;
    if (c === 0x64) return (s.charCodeAt(i + 1) | 0x20) === 0x6f && (s.charCodeAt(i + 2) | 0x20) === 0x74;
    if (c !== 0x63 || (s.charCodeAt(i + 1) | 0x20) !== 0x68) return false;
    const v = s.charCodeAt(i + 2);
    return ((v | 0x20) === 0x61 || v === 0x1ea5 || v === 0x1ea4) && (s.charCodeAt(i + 3) | 0x20) === 0x6d;
  };
  const bracketTrigger = (i: number): boolean => {
    let j = i + 1;
    while (j < s.length && isWhite(s.charCodeAt(j))) j++;
    const n = s.charCodeAt(j);
    if (n === 0x2e || n === 0x3a || n === 0x2f || n === 0x40 || dotWordAt(j)) return true;
    return (n | 0x20) === 0x61 && (s.charCodeAt(j + 1) | 0x20) === 0x74;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x7b) {
      if (c > 0x7f && (isZeroWidth(c) || isWideDot(c) || (isWhite(c) && dotWordAt(i + 1)))) return true;
      if (c === 0x7b && bracketTrigger(i)) return true;
    } else if (c <= 0x20) {
      if ((c === 0x20 || c === 0x09) && s.charCodeAt(i + 1) === 0x2e) return true;
      if (isWhite(c) && dotWordAt(i + 1)) return true;
    } else if (c === 0x68 || c === 0x48) {
      const n = s.charCodeAt(i + 1);
      if (n === 0x78 || n === 0x58 || n === 0x2a) return true;
    } else if ((c === 0x5b || c === 0x28) && bracketTrigger(i)) {
      return true;
    }
  }
  return false;
}

describe('deobfuscate: the screen', () => {
  const triggery = fc
    .array(fc.constantFrom('a', 'B', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u00ad', '\u200b', '\u2060', '．', '。', '｡', '.', ':', '/', '@', '[', '(', '{', ']', ')', '}', 'h', 'H', 'x', 'X', '*', 'd', 'D', 'o', 'O', 't', 'T', 'c', 'C', 'm', 'M', 'A', 'ấ', 'Ấ', 'ạ', 'đ', '1'), { maxLength: 14 })
    .map((a) => a.join(''));

  it('accepts exactly what the char-code screen accepted', () => {
    fc.assert(
      fc.property(fc.oneof(triggery, anyText), (s) => {
        expect(mayBeObfuscated(s)).toBe(referenceScreen(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves alone whatever it rejects', () => {
    fc.assert(
      fc.property(fc.oneof(triggery, anyText), (s) => {
        if (!mayBeObfuscated(s)) expect(deobfuscate(s)).toEqual({ text: s, starts: null, ends: null, inputLength: s.length });
      }),
      { numRuns: 5000 },
    );
  });
});
