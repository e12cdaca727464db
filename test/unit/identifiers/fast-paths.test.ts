import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/domain/identifiers/index.ts';
import { plainHttpUrl, safeBrowsingCanonicalize, safeBrowsingCanonicalizeFull } from '../../../src/domain/identifiers/safe-browsing.ts';
import { resolvePlainUrl, resolveUrl, resolveUrlFull } from '../../../src/domain/identifiers/url.ts';

/**
 * The plain-link path (one pass over a plain http(s) link) must give exactly what the full
 * Safe Browsing algorithm, `resolveUrl` and detection give. Links are generated mostly plain,
 * with every character that makes a link not plain (or a redirector, platform, IP, IDN, port,
 * defanging) mixed in, so both sides of every test in `plainHttpUrl` are reached.
 */
const label = fc.stringMatching(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?$/);
const host = fc.oneof(
  { weight: 6, arbitrary: fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'www.facebook.com', 'facebook.com', 'm.facebook.com', 'l.facebook.com', 'lm.facebook.com', 'fb.com', 'fb.me', 'fb.watch',
      'zalo.me', 't.me', 'abc.t.me', 'tiktok.com', 'www.instagram.com', 'x.com', 'twitter.com', 'youtube.com', 'youtu.be',
      'www.google.com', 'google.com.vn', 'out.reddit.com', 'x.safelinks.protection.outlook.com', 'l.instagram.com', 'vk.com',
      'WWW.Example.COM', 'shop.com.vn', 'abc.github.io', 'gov.vn', 'xn--t-9ja.example', 'ví-dụ.vn', '1.2.3.4', '3279880203',
      '0x7f.1', 'a..b.vn', 'a.vn.', '.a.vn', '-a.vn', 'a-.vn', 'host.vn:8080', 'host.vn:', 'u@host.vn', '[::1]', 'h.vn',
      'hxa.vn', 'HXa.vn', 'x', '',
    ),
  },
);
const piece = fc.constantFrom(
  'a', 'B', 'x.y', 'profile.php', 'people', 'groups', 'posts', 'l.php', 'sharer', 'sharer.php', 'url', 'amp', 's', 'redirect',
  'away.php', 'share', 'reel', 'watch', '123456789012', 'nguoi.ban.12', 'Some-Name-100012345678901', '.', '..', '', '%2e', '%41',
  '%', '#', '#!', '\\', ' ', '\t', '@', ':', 'é', 'ạ', '(', ')', '[.]', '[', '{', '}', 'hx', 'Hx', 'hX', 'h*', 'hxxp', '~', '!',
  '$', '&', '=', '+', ',', ';', "'", '"', '<', '>', '|', '^', '`', '\u00a0', '\u200b', '．',
);
const path = fc.array(piece, { maxLength: 5 }).map((ps) => (ps.length === 0 ? '' : '/' + ps.join('/')));
const query = fc.oneof(
  fc.constant(''),
  fc.array(fc.oneof(piece, fc.constantFrom('id=100012345678901', 'u=https://evil.example/a', 'u=https%3A%2F%2Fevil.example%2Fb', 'q=https://x.example/', 'v=123456', 'fbid=1&id=2', 'story_fbid=9&id=8', 'next=https://www.facebook.com/zuck', '/./', '//')), { maxLength: 4 }).map((ps) => '?' + ps.join('&')),
);
const scheme = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('https://', 'http://') },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('HTTPS://', 'Http://', 'hxxps://', '//', 'ftp://', ' https://', 'url:', 'http:', 'http:/') },
);
const link = fc.tuple(scheme, host, path, query, fc.constantFrom('', '', '', '/', ' ', '#f')).map((parts) => parts.join(''));

/** The same link with its scheme in upper case: detection then takes the general path. */
const upperScheme = (s: string): string => s.replace(/^https?:\/\//, (m) => m.toUpperCase());

describe('plain-link fast path', () => {
  it('plainHttpUrl gives the full Safe Browsing canonical form whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(link, (s) => {
        const fast = plainHttpUrl(s);
        if (fast === null) return;
        answered++;
        expect(fast).toEqual(safeBrowsingCanonicalizeFull(s));
      }),
      { numRuns: 6000 },
    );
    // The generator must reach the fast path often, or the property checks little.
    expect(answered).toBeGreaterThan(1000);
  });

  it('safeBrowsingCanonicalize equals the full algorithm on any link', () => {
    fc.assert(
      fc.property(link, (s) => {
        expect(safeBrowsingCanonicalize(s)).toEqual(safeBrowsingCanonicalizeFull(s));
      }),
      { numRuns: 4000 },
    );
  });

  it('resolvePlainUrl gives what the general resolution gives whenever it answers', () => {
    fc.assert(
      fc.property(link, (s) => {
        const t = s.trim();
        const fast = resolvePlainUrl(t);
        if (fast === null) return;
        expect(resolveUrlFull(t)).toEqual({ ok: true, url: fast });
      }),
      { numRuns: 6000 },
    );
  });

  it('resolveUrl equals the general resolution on any link', () => {
    fc.assert(
      fc.property(link, (s) => {
        expect(resolveUrl(s)).toEqual(resolveUrlFull(s));
      }),
      { numRuns: 4000 },
    );
  });

  it('detection gives the same result for a link as for the same link with an upper-case scheme (general path)', () => {
    fc.assert(
      fc.property(link, (s) => {
        if (!/^https?:\/\//.test(s)) return;
        expect(canonicalize(s)).toEqual(canonicalize(upperScheme(s)));
      }),
      { numRuns: 6000 },
    );
  });

  it('detection gives the same result for a link or bare host as for the same text behind a zero-width space (general path)', () => {
    // Deobfuscation drops the zero-width space, so the general steps read the same text.
    fc.assert(
      fc.property(link, (s) => {
        const t = s.trim();
        // (A `kind:` prefix would be hidden from detection behind it: not comparable.)
        if (!/^[a-z]/i.test(t) || /^[a-z]{1,9}:(?!\/\/)/i.test(t)) return;
        expect(canonicalize(t)).toEqual(canonicalize(`\u200b${t}`));
      }),
      { numRuns: 6000 },
    );
  });

  it.each([
    'https://shop.example.vn/pay?id=2',
    'http://Shop.Example.VN',
    'https://a.vn?x=1',
    'https://www.facebook.com/profile.php?id=100012345678901',
    'https://www.facebook.com/page.3/posts/33',
    'https://www.facebook.com/l.php?u=https://evil.example/a',
    'https://www.google.com/url?q=https://evil.example/',
    'https://t.me/abc',
    'https://www.youtube.com/redirect?q=https://evil.example/',
    'https://hxxp.example/a',
    'https://a.example/b/../c',
    'https://a.example//c',
    'https://xn--t-9ja.example/',
    'm.facebook.com/nguoi.ban.123',
    'www.google.com',
    'shop.example.vn?x=1',
    'localhost',
    'shop-1234.vn',
    'Shop.Example.VN',
    'a-.vn',
    'x.y',
    'main.py',
    'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE',
    'a.vn?x@b.vn',
  ])('%s: same result on both paths', (s) => {
    expect(plainHttpUrl(s) ?? safeBrowsingCanonicalizeFull(s)).toEqual(safeBrowsingCanonicalizeFull(s));
    expect(resolveUrl(s)).toEqual(resolveUrlFull(s));
    expect(canonicalize(s)).toEqual(canonicalize(upperScheme(s)));
    expect(canonicalize(s)).toEqual(canonicalize(`\u200b${s}`));
  });
});
