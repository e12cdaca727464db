import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalizeUrl, expressions, resolveUrl, resolveUrlFull } from '../../../src/domain/identifiers/url.ts';
import { anyText } from './arbitraries.ts';
import { parseIPv4, unescapeFully, unescapeOnce, safeBrowsingCanonicalize, safeBrowsingCanonicalizeFull } from '../../../src/domain/identifiers/safe-browsing.ts';

const value = (raw: string): string => {
  const r = canonicalizeUrl(raw);
  return r.ok ? r.value.value : `!${r.error.code}`;
};

// Every example of "URLs and Hashing" (Safe Browsing v4 / v5 documentation), verbatim.
const SAFE_BROWSING_DOC: [string, string][] = [
  ['http://host/%25%32%35', 'http://host/%25'],
  ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
  ['http://host/%2525252525252525', 'http://host/%25'],
  ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
  ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
  ['http://www.google.com/', 'http://www.google.com/'],
  [
    'http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/',
    'http://168.188.99.26/.secure/www.ebay.com/',
  ],
  [
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
  ],
  [
    'http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B',
    'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+',
  ],
  ['http://3279880203/blah', 'http://195.127.0.11/blah'],
  ['http://www.google.com/blah/..', 'http://www.google.com/'],
  ['www.google.com/', 'http://www.google.com/'],
  ['www.google.com', 'http://www.google.com/'],
  ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
  ['http://www.GOOgle.com/', 'http://www.google.com/'],
  ['http://www.google.com.../', 'http://www.google.com/'],
  ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
  ['http://www.google.com/q?', 'http://www.google.com/q?'],
  ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
  ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
  ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
  ['http://evil.com/foo;', 'http://evil.com/foo;'],
  ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
  // The document's input has the raw bytes 0x01 0x80; a JS string cannot hold a lone byte, so
  // the byte 0x80 is written as its escape here (U+0080 itself is two UTF-8 bytes, see below).
  ['http://\x01%80.com/', 'http://%01%80.com/'],
  ['http://notrailingslash.com', 'http://notrailingslash.com/'],
  ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'],
  ['  http://www.google.com/  ', 'http://www.google.com/'],
  ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
  ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['https://www.securesite.com/', 'https://www.securesite.com/'],
  ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
  ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
  // v5: IPv6 literals are shortened, IPv4-mapped and NAT64 addresses become IPv4.
  ['http://[2001:0db8:0000::1]/', 'http://[2001:db8::1]/'],
  ['http://[::ffff:1.2.3.4]/', 'http://1.2.3.4/'],
  ['http://[64:ff9b::1.2.3.4]/', 'http://1.2.3.4/'],
];

// From Google's reference client (github.com/google/safebrowsing, urls_test.go), where the
// documentation is silent. Its query-dropping cases are not copied: the documentation keeps queries.
const REFERENCE_CLIENT: [string, string][] = [
  ['http://\x01\x80.com/', 'http://%01%C2%80.com/'],
  ['ftp://ftp.myfiles.com/', 'ftp://ftp.myfiles.com/'],
  ['http://some%1bhost.com/%1b', 'http://some%1Bhost.com/%1B'],
  ['http://www.\u00fcmlat.com/', 'http://www.xn--mlat-zra.com/'],
  ['http://[2001:470:1:18::114]/', 'http://[2001:470:1:18::114]/'],
  ['http%3A%2F%2Fwackyurl.com:80/', 'http://wackyurl.com/'],
  ['http://W!eird<>Ho$^.com/', 'http://w!eird<>ho$^.com/'],
  ['http://i.have.way.too.many.dots.com/', 'http://i.have.way.too.many.dots.com/'],
  ['http://a.com', 'http://a.com/'],
  ['http://a.com/foo/.././bar/./../foo.html', 'http://a.com/foo.html'],
  ['http://a.com//a//b///c////', 'http://a.com/a/b/c/'],
  ['http://google.com./foo.html', 'http://google.com/foo.html'],
  ['http://google.com.:8080/foo.html', 'http://google.com/foo.html'],
  ['http://google...com/foo.html', 'http://google.com/foo.html'],
  ['http://..google.com/foo.html', 'http://google.com/foo.html'],
  ['http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html', 'http://[fedc:ba98:7654:3210:fedc:ba98:7654:3210]/index.html'],
  ['http://0x12.0x43.0x44.0x01', 'http://18.67.68.1/'],
  ['http://192.168.0.1:80/index.html', 'http://192.168.0.1/index.html'],
  ['www.google.com:8080/foo.html', 'http://www.google.com/foo.html'],
  ['www.google.com:80', 'http://www.google.com/'],
];

const MORE: [string, string][] = [
  ['HTTPS://Example.COM/A/B', 'https://example.com/A/B'],
  ['https://user:pass@example.com:8443/x', 'https://example.com/x'],
  ['https://www.facebook.com@evil.example/login', 'https://evil.example/login'],
  ['//cdn.example.com/a.js', 'http://cdn.example.com/a.js'],
  ['example.com/a', 'http://example.com/a'],
  ['example.com.vn', 'http://example.com.vn/'],
  ['https://ví-dụ.vn/', 'https://xn--v-d-rma6749a.vn/'],
  ['https://XN--V-D-RMA6749A.VN/', 'https://xn--v-d-rma6749a.vn/'],
  ['https://shop.example/đặt-hàng', 'https://shop.example/%C4%91%E1%BA%B7t-h%C3%A0ng'],
  ['https://shop.example/%c4%91', 'https://shop.example/%C4%91'],
  ['http://example.com/a/./b/../c', 'http://example.com/a/c'],
  ['http://example.com/a/b/..', 'http://example.com/a'],
  ['http://example.com/a/b/../', 'http://example.com/a/'],
  ['http://example.com/../../x', 'http://example.com/x'],
  ['http://example.com/a?b=%2F..%2F', 'http://example.com/a?b=/../'],
  ['http://example.com/a?x=1#frag', 'http://example.com/a?x=1'],
  ['http://example.com/a b', 'http://example.com/a%20b'],
  ['http://example.com:/', 'http://example.com/'],
  ['http://0300.0250.00.01/', 'http://192.168.0.1/'],
  ['http://0xC0a80001/', 'http://192.168.0.1/'],
  ['http://030052000001/', 'http://192.168.0.1/'],
  ['http://192.168/', 'http://192.0.0.168/'],
  ['http://192.0x00A80001/', 'http://192.168.0.1/'],
  ['http://0308.0250.00.01/', 'http://0308.0250.00.01/'],
  ['http://192.168.9.com/', 'http://192.168.9.com/'],
  ['http://4294967295/', 'http://255.255.255.255/'],
  ['http://4294967296/', 'http://4294967296/'],
  ['hxxps://evil[.]example/login', 'https://evil.example/login'],
  ['hXXp://bad(.)test/a', 'http://bad.test/a'],
  ['https[:]//evil[.]example', 'https://evil.example/'],
  ['evil[dot]example/pay', 'http://evil.example/pay'],
  ['url:http://example.com/a/b', 'http://example.com/a/b'],
  ['URL: https://example.com/', 'https://example.com/'],
  // Found by the idempotence property: dots around a bracketed literal, ports behind dots.
  ['.[::1]', 'http://[::1]/'],
  ['http://a:1../', 'http://a/'],
  ['http://a.:1/', 'http://a/'],
];

// Redirectors whose target is in the link.
const REDIRECTS: [string, string][] = [
  ['https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2Fa%3Fb%3D1&h=AT0abc', 'https://evil.example/a?b=1'],
  ['https://lm.facebook.com/l.php?u=http%3A%2F%2Fshop.example.vn%2F&h=AT1', 'http://shop.example.vn/'],
  ['l.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2F', 'https://evil.example/'],
  ['https://www.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2Fx', 'https://evil.example/x'],
  ['https://l.messenger.com/l.php?u=https%3A%2F%2Fevil.example%2F', 'https://evil.example/'],
  ['https://l.instagram.com/?u=https%3A%2F%2Fevil.example%2Fbio&e=AT2', 'https://evil.example/bio'],
  ['https://www.google.com/url?q=https://evil.example/a&sa=D&ust=1', 'https://evil.example/a'],
  ['https://www.google.com.vn/url?url=https%3A%2F%2Fevil.example%2F&rct=j', 'https://evil.example/'],
  ['https://google.com/url?sa=t&url=http%3A%2F%2Fevil.example%2Fp', 'http://evil.example/p'],
  ['https://www.google.com/amp/s/evil.example/news/1', 'https://evil.example/news/1'],
  ['https://www.youtube.com/redirect?event=video_description&q=https%3A%2F%2Fevil.example%2F', 'https://evil.example/'],
  ['https://vk.com/away.php?to=https%3A%2F%2Fevil.example%2F', 'https://evil.example/'],
  ['https://www.linkedin.com/safety/go?url=https%3A%2F%2Fevil.example%2F', 'https://evil.example/'],
  ['https://slack-redir.net/link?url=https%3A%2F%2Fevil.example%2F', 'https://evil.example/'],
  ['https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example%2F&data=x', 'https://evil.example/'],
  ['https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fevil.example%2Fdeal', 'https://evil.example/deal'],
  // Nested: Google → Facebook shim → target.
  [
    'https://www.google.com/url?q=https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3Dhttps%253A%252F%252Fevil.example%252Fz',
    'https://evil.example/z',
  ],
  // Not unwrapped: an empty or non-web target, and shorteners whose target is only on their server.
  ['https://l.facebook.com/l.php?u=', 'https://l.facebook.com/l.php?u='],
  ['https://l.facebook.com/l.php?u=javascript:alert(1)', 'https://l.facebook.com/l.php?u=javascript:alert(1)'],
  ['https://t.co/AbCdEf1234', 'https://t.co/AbCdEf1234'],
  ['https://bit.ly/3xYzAbc', 'https://bit.ly/3xYzAbc'],
  ['https://www.google.com/search?q=https://evil.example/', 'https://www.google.com/search?q=https://evil.example/'],
];

const INVALID: string[] = ['.[', 'http://:..',  '   ', '/blah', '#ref', '/blah#ref', '?query#ref', 'http://#ref', 'http:///blah#ref', 'http://?query#ref', 'http:///blah;param', 'mailto:someone@example.com', 'javascript:alert(1)', 'http://.../', 'http:www.google.com:8080/foo.html', 'url:'];

describe('url: Safe Browsing documentation examples', () => {
  it.each(SAFE_BROWSING_DOC)('%j → %s', (input, want) => expect(value(input)).toBe(want));
});

describe('url: reference client cases', () => {
  it.each(REFERENCE_CLIENT)('%j → %s', (input, want) => expect(value(input)).toBe(want));
});

describe('url: more canonical forms', () => {
  it.each(MORE)('%j → %s', (input, want) => expect(value(input)).toBe(want));
});

describe('url: the plain-link path gives what the full algorithm gives (table inputs)', () => {
  const inputs = [...SAFE_BROWSING_DOC, ...REFERENCE_CLIENT, ...MORE, ...REDIRECTS].flatMap(([a, b]) => [a, b]).concat(INVALID);
  it.each(inputs)('%j', (input) => {
    expect(safeBrowsingCanonicalize(input)).toEqual(safeBrowsingCanonicalizeFull(input));
    expect(resolveUrl(input)).toEqual(resolveUrlFull(input));
  });
});

describe('url: redirectors', () => {
  it.each(REDIRECTS)('%j → %s', (input, want) => expect(value(input)).toBe(want));
  it('stops at a chain longer than the bound', () => {
    let u = 'https://evil.example/';
    for (let i = 0; i < 12; i++) u = `https://l.facebook.com/l.php?u=${encodeURIComponent(u)}`;
    expect(value(u)).toBe('!url_redirect_loop');
  });
});

describe('url: invalid inputs', () => {
  it.each(INVALID)('%j is an error', (input) => expect(canonicalizeUrl(input).ok).toBe(false));
  it('bounds the length', () => expect(value(`http://example.com/${'a'.repeat(9000)}`)).toBe('!url_too_long'));
});

describe('url: indicator, display and related', () => {
  it('builds the indicator and the registrable domain', () => {
    const r = canonicalizeUrl('https://Shop.Example.com.vn/a/b?x=1#top');
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'url',
        value: 'https://shop.example.com.vn/a/b?x=1',
        indicator: 'url:https://shop.example.com.vn/a/b?x=1',
        display: 'https://shop.example.com.vn/a/b?x=1',
        related: [{ kind: 'domain', value: 'example.com.vn', indicator: 'domain:example.com.vn', display: 'example.com.vn' }],
      },
    });
  });
  it('shows an IDN host in Unicode and keeps punycode in the value', () => {
    const r = canonicalizeUrl('https://ngân-hàng.example/đăng-nhập');
    expect(r.ok && r.value.display).toBe('https://ngân-hàng.example/%C4%91%C4%83ng-nh%E1%BA%ADp');
    expect(r.ok && r.value.value).toBe('https://xn--ngn-hng-dwao.example/%C4%91%C4%83ng-nh%E1%BA%ADp');
  });
  it('has no domain for an IP host', () => {
    const r = canonicalizeUrl('http://3279880203/blah');
    expect(r.ok && r.value.related).toBeUndefined();
  });
});

describe('url: expressions', () => {
  it('matches the documentation example with a query', () => {
    expect(expressions('http://a.b.c/1/2.html?param=1').sort()).toEqual(
      ['a.b.c/1/2.html?param=1', 'a.b.c/1/2.html', 'a.b.c/', 'a.b.c/1/', 'b.c/1/2.html?param=1', 'b.c/1/2.html', 'b.c/', 'b.c/1/'].sort(),
    );
  });
  it('skips the sixth host component (documentation example)', () => {
    expect(expressions('http://a.b.c.d.e.f.g/1.html').sort()).toEqual(
      ['a.b.c.d.e.f.g/1.html', 'a.b.c.d.e.f.g/', 'c.d.e.f.g/1.html', 'c.d.e.f.g/', 'd.e.f.g/1.html', 'd.e.f.g/', 'e.f.g/1.html', 'e.f.g/', 'f.g/1.html', 'f.g/'].sort(),
    );
  });
  it('uses only the exact host for an IP address (documentation example)', () => {
    expect(expressions('http://1.2.3.4/1/').sort()).toEqual(['1.2.3.4/1/', '1.2.3.4/'].sort());
  });
  it.each<[string, string[]]>([
    ['http://a.b.c/1/2/3/4/5/', ['a.b.c/1/2/3/4/5/', 'a.b.c/1/2/3/', 'a.b.c/1/2/', 'a.b.c/1/', 'a.b.c/', 'b.c/1/2/3/4/5/', 'b.c/1/2/3/', 'b.c/1/2/', 'b.c/1/', 'b.c/']],
    ['http://a.b.c.d.e/1.html', ['a.b.c.d.e/1.html', 'a.b.c.d.e/', 'b.c.d.e/1.html', 'b.c.d.e/', 'c.d.e/1.html', 'c.d.e/', 'd.e/1.html', 'd.e/']],
    ['http://b.c/1/2/3.html?param=1/2', ['b.c/1/2/3.html?param=1/2', 'b.c/1/2/3.html', 'b.c/1/2/', 'b.c/1/', 'b.c/']],
    ['http://a.b/', ['a.b/']],
    ['http://b/', ['b/']],
    ['http://[2001:470:1:18::114]/a/b', ['[2001:470:1:18::114]/a/b', '[2001:470:1:18::114]/a/', '[2001:470:1:18::114]/']],
    ['http://a.com/a/b/c/d/e.html?123', ['a.com/a/b/c/d/e.html?123', 'a.com/a/b/c/d/e.html', 'a.com/', 'a.com/a/', 'a.com/a/b/', 'a.com/a/b/c/']],
  ])('%s', (url, want) => expect(expressions(url).sort()).toEqual([...want].sort()));
  it('is at most 5 hosts × 6 paths', () => {
    expect(expressions('http://a.b.c.d.e.f.g.h.i/1/2/3/4/5/6.html?x=1').length).toBeLessThanOrEqual(30);
  });
  it('is empty for something that is not a URL', () => expect(expressions('/only/a/path')).toEqual([]));
});

describe('url: IPv4 spellings (reference client)', () => {
  it.each<[string, string | null]>([
    ['123.123.0.0.1', null],
    ['255.0.0.1', '255.0.0.1'],
    ['12.0x12.01234', '12.18.2.156'],
    ['276.2.3', '20.2.0.3'],
    ['012.034.01.055', '10.28.1.45'],
    ['0x12.0x43.0x44.0x01', '18.67.68.1'],
    ['167838211', '10.1.2.3'],
    ['3279880203', '195.127.0.11'],
    ['4294967295', '255.255.255.255'],
    ['10.192.95.89 xy', '10.192.95.89'],
    ['1.2.3.00x0', null],
    ['example.com', null],
    ['08.1.2.3', null],
  ])('%s → %s', (host, want) => expect(parseIPv4(host)).toBe(want));
});

// URL-shaped strings built from the characters that matter to canonicalization.
const urlish = fc
  .array(fc.constantFrom('http://', 'https://', 'hxxp://', 'ví.vn', 'a', 'B', '.', '..', '/', '//', '%', '%25', '%2e', '%2F', '%3F', '%23', '?', '#', '@', ':', ':80', '[.]', ' ', '\t', '0x7f', '1', '255', 'xn--', 'đ', '\u00a0', 'l.facebook.com/l.php?u=', 'google.com/url?q='), { maxLength: 16 })
  .map((a) => a.join(''));

describe('url: properties', () => {
  const inputs = fc.oneof(anyText, fc.webUrl(), fc.webUrl({ withQueryParameters: true, withFragments: true }), urlish);

  it('never throws', () => {
    fc.assert(fc.property(inputs, (s) => {
      canonicalizeUrl(s);
      expressions(s);
    }), { numRuns: 4000 });
  });

  it('is idempotent on the indicator and the display', () => {
    fc.assert(fc.property(inputs, (s) => {
      const r = canonicalizeUrl(s);
      if (!r.ok) return;
      const again = canonicalizeUrl(r.value.indicator);
      const fromDisplay = canonicalizeUrl(r.value.display);
      expect(again.ok && again.value.indicator).toBe(r.value.indicator);
      expect(fromDisplay.ok && fromDisplay.value.indicator).toBe(r.value.indicator);
    }), { numRuns: 4000 });
  });

  it('expressions contain the canonical URL itself', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (s) => {
      const r = safeBrowsingCanonicalize(s);
      if (!r) return;
      expect(expressions(r.url)).toContain(r.url.slice(r.scheme.length + 3));
    }), { numRuns: 1000 });
  });

  it('unescapes to the same fixed point as repeated passes', () => {
    const escapes = fc.array(fc.constantFrom('%', '2', '5', '3', 'A', 'f', 'x', '%25', '%32', '%35', '%%'), { maxLength: 24 }).map((a) => a.join(''));
    fc.assert(fc.property(escapes, (s) => {
      let slow = s;
      for (let i = 0; i < 100; i++) {
        const next = unescapeOnce(slow);
        if (next === slow) break;
        slow = next;
      }
      expect(unescapeFully(s)).toBe(slow);
    }), { numRuns: 3000 });
  });
});
