import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/app/front-matter.ts';

describe('parseFrontMatter', () => {
  it('splits fields and body', () => {
    expect(parseFrontMatter('---\ntitle: >-\n  A: b\nfraudType: loan\n---\n\nBody *text*.\n')).toEqual({ ok: true, data: { title: 'A: b', fraudType: 'loan' }, body: 'Body *text*.\n' });
  });

  it('accepts Windows line ends and a byte-order mark', () => {
    expect(parseFrontMatter('\uFEFF---\r\ntitle: x\r\n---\r\nBody\r\n')).toEqual({ ok: true, data: { title: 'x' }, body: 'Body\n' });
  });

  it('refuses a missing opening or closing line, bad YAML and a non-mapping', () => {
    expect(parseFrontMatter('title: x\n---\nBody')).toMatchObject({ ok: false, error: expect.stringMatching(/start/) });
    expect(parseFrontMatter('---\ntitle: x\nBody')).toMatchObject({ ok: false, error: expect.stringMatching(/closing/) });
    expect(parseFrontMatter('---\ntitle: a: b\n---\n')).toMatchObject({ ok: false, error: expect.stringMatching(/YAML/) });
    expect(parseFrontMatter('---\n- a\n- b\n---\n')).toMatchObject({ ok: false, error: expect.stringMatching(/mapping/) });
    expect(parseFrontMatter('---\n---\n')).toMatchObject({ ok: false });
  });

  it('is total: any text gives a result, never a throw (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 100 }), (body, head) => {
        for (const text of [body, `---\n${head}\n---\n${body}`, `---\n${body}`]) {
          const result = parseFrontMatter(text);
          expect(typeof result.ok).toBe('boolean');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives back the fields and body it was written with (property)', () => {
    const field = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 });
    const body = fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => s.replace(/\r/g, '').replace(/^[\n\uFEFF]+/, ''))
      .filter((s) => !/^---[ \t]*$/m.test(s));
    fc.assert(
      fc.property(fc.record({ title: field, summary: field, fraudType: fc.constantFrom('loan', 'romance') }), body, (data, text) => {
        const result = parseFrontMatter(`---\n${stringify(data)}---\n${text}`);
        expect(result).toEqual({ ok: true, data, body: text });
      }),
      { numRuns: 300 },
    );
  });
});
