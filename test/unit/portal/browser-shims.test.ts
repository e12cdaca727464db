/// <reference path="../../../web/src/shims/punycode.d.ts" />
import { Buffer as NodeBuffer } from 'node:buffer';
import { domainToASCII as nodeDomainToASCII, domainToUnicode as nodeDomainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Buffer as ShimBuffer } from '../../../web/src/shims/node-buffer.ts';
import { domainToASCII, domainToUnicode } from '../../../web/src/shims/node-url.ts';

// The web app runs the server's identifier code with these two shims in place of Node's
// built-ins (web/vite.config.ts); they must answer as Node does for what that code passes them.
const LABEL_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789-', ...'ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ', 'ß', 'ü', 'é', '中', '文', 'Ａ'];
const label = fc.array(fc.constantFrom(...LABEL_CHARS), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const oddInput = fc.oneof(domain, fc.string({ maxLength: 20 }), domain.map((d) => d.toUpperCase()), domain.map((d) => `${d}.`));

describe('browser shims of node:url and node:buffer', () => {
  it('domainToASCII answers as Node’s (punycode, case, invalid → empty)', () => {
    fc.assert(
      fc.property(oddInput, (input) => {
        expect(domainToASCII(input)).toBe(nodeDomainToASCII(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('domainToUnicode answers as Node’s', () => {
    fc.assert(
      fc.property(oddInput, (input) => {
        expect(domainToUnicode(input)).toBe(nodeDomainToUnicode(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('known cases: Vietnamese IDN, upper case, a path or port is not a domain', () => {
    expect(domainToASCII('ngânhàng.vn')).toBe(nodeDomainToASCII('ngânhàng.vn'));
    expect(domainToASCII('EXAMPLE.com')).toBe('example.com');
    expect(domainToASCII('a.example/b')).toBe(nodeDomainToASCII('a.example/b'));
    expect(domainToASCII('a.example:80')).toBe(nodeDomainToASCII('a.example:80'));
    expect(domainToUnicode('xn--ngnhng-dva2b.vn')).toBe(nodeDomainToUnicode('xn--ngnhng-dva2b.vn'));
  });

  it('Buffer converts between UTF-8 and latin1 as Node’s does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(ShimBuffer.from(text, 'utf8').toString('latin1')).toBe(NodeBuffer.from(text, 'utf8').toString('latin1'));
        const binary = NodeBuffer.from(text, 'utf8').toString('latin1');
        expect(ShimBuffer.from(binary, 'latin1').toString('utf8')).toBe(NodeBuffer.from(binary, 'latin1').toString('utf8'));
      }),
      { numRuns: 2000 },
    );
  });
});
