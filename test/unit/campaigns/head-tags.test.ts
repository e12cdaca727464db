import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, withHeadTags } from '../../../src/http/plugins/web-app.ts';

const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
const INDEX = '<!doctype html><html><head><meta charset="UTF-8" /><title>Canh Giác</title></head><body><div id="root"></div></body></html>';

describe('escapeHtml', () => {
  it('leaves no markup character and reads back as the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(unescape(escaped)).toBe(text);
      }),
    );
  });
});

describe('withHeadTags', () => {
  it('puts every tag and the title into the head, whatever the text, and keeps the rest of the page', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (content, title) => {
        const html = withHeadTags(INDEX, [{ property: 'og:title', content }, { name: 'twitter:card', content: 'summary_large_image' }], title);
        const head = html.slice(0, html.indexOf('</head>'));
        expect(head).toContain(`<meta property="og:title" content="${escapeHtml(content)}" />`);
        expect(head).toContain('<meta name="twitter:card" content="summary_large_image" />');
        expect(head).toContain(`<title>${escapeHtml(title)}</title>`);
        expect(html.endsWith('</head><body><div id="root"></div></body></html>')).toBe(true);
        expect(html.match(/<\/head>/g)).toHaveLength(1);
      }),
    );
  });

  it('changes nothing without tags or title', () => {
    expect(withHeadTags(INDEX, [])).toBe(INDEX);
  });
});
