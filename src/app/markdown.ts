import MarkdownIt from 'markdown-it';

/**
 * Markdown → HTML for articles and alerts, on the server. Raw HTML in the source is escaped, not
 * passed through (`html: false`), and markdown-it refuses `javascript:`, `vbscript:`, `file:` and
 * non-image `data:` links, so text written in the console can never put script in a public page.
 */
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

// Links in public content leave the site without handing over the opener or the referring page.
const defaultLinkOpen = renderer.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (/^https?:\/\//i.test(href)) token.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return renderer.render(source);
}

