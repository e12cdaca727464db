import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/app/markdown.ts';

describe('renderMarkdown', () => {
  it('renders headings, lists, emphasis and code', () => {
    expect(renderMarkdown('## Dấu hiệu\n\n- **một**\n- `a.example`')).toBe('<h2>Dấu hiệu</h2>\n<ul>\n<li><strong>một</strong></li>\n<li><code>a.example</code></li>\n</ul>\n');
  });

  it('escapes raw HTML and drops script links', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<iframe src="x"></iframe> [a](javascript:alert(1)) [b](data:text/html,<b>) ![c](vbscript:x)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;');
    expect(html).not.toMatch(/<script|<iframe|href="(javascript|data|vbscript):|src="vbscript/i);
  });

  it('marks links that leave the site noopener', () => {
    expect(renderMarkdown('[x](https://bank.example/a)')).toBe('<p><a href="https://bank.example/a" rel="noopener noreferrer nofollow">x</a></p>\n');
    expect(renderMarkdown('[x](/library/loan-scams)')).toBe('<p><a href="/library/loan-scams">x</a></p>\n');
  });

  it('never lets a tag, event handler or script URL through, whatever the source (property)', () => {
    const hostile = fc.constantFrom('<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">', '[l](javascript:alert(1))', '[l](JaVaScRiPt:alert(1))', '<svg onload=x>', '<style>', '"', "'", '`', '\n\n', '*', '[', ']', '(', ')', '<', '>', '&', ' ');
    fc.assert(
      fc.property(fc.array(fc.oneof(hostile, fc.string({ maxLength: 5 })), { maxLength: 40 }), (parts) => {
        const html = renderMarkdown(parts.join(''));
        const tags = [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)];
        for (const [, name, attrs] of tags) {
          expect(['p', 'a', 'em', 'strong', 'code', 'pre', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's']).toContain(name!.toLowerCase());
          expect(attrs).not.toMatch(/\son\w+=/i);
          expect(attrs).not.toMatch(/(href|src)="\s*(javascript|vbscript|data:text)/i);
        }
      }),
      { numRuns: 500 },
    );
  });
});
