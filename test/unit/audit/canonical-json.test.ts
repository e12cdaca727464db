import fc from 'fast-check';
import canonicalizeModule from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/audit/chain.ts';

// The RFC 8785 implementation the chain hashed with before (CommonJS: the default import is the function).
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

// Any string of UTF-16 code units, lone surrogates and control characters included.
const anyText = fc.string({ unit: 'binary' });
const anyKeyText = fc.oneof(anyText, fc.constantFrom('a', 'b', 'A', 'é', '\u{1F600}', '10', '2', ''));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    anyText,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(anyKeyText, tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('canonical JSON of the audit chain', () => {
  it('is the text of the RFC 8785 implementation for every JSON value (records written before still verify)', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('of a value as given is the text of what jsonb keeps of it (Dates, undefined, non-finite numbers)', () => {
    const loose = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        jsonValue,
        fc.date({ noInvalidDate: true }),
        fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(anyKeyText, tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(anyKeyText, loose, { maxKeys: 6 }), (record) => {
        expect(canonicalJson(record)).toBe(canonicalize(JSON.parse(JSON.stringify(record))));
      }),
      { numRuns: 1000 },
    );
  });

  it('sorts keys by UTF-16 code units and writes numbers as JavaScript does (RFC 8785 §3.2.2–3.2.3)', () => {
    expect(canonicalJson({ b: 1, a: [1e21, 0.1, -0, 1e-7], '\u{1F600}': 'x', é: 'y', A: true })).toBe('{"A":true,"a":[1e+21,0.1,0,1e-7],"b":1,"é":"y","😀":"x"}');
  });
});
