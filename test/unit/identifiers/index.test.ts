import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, detectKind, IDENTIFIER_KINDS, type IdentifierKind } from '../../../src/domain/identifiers/index.ts';
import { anyText } from './arbitraries.ts';

const ind = (raw: string, kind?: IdentifierKind): string => {
  const r = canonicalize(raw, kind ? { kind } : {});
  return r.ok ? r.value.indicator : `!${r.error.code}`;
};

// [input, detected kind, indicator]; every identifier is invented.
const DETECTION: [string, IdentifierKind | null, string][] = [
  ['0912 345 678', 'phone', 'phone:+84912345678'],
  ['+84 91-234-5678', 'phone', 'phone:+84912345678'],
  ['(84) 912 345 678', 'phone', 'phone:+84912345678'],
  ['0912.345.678', 'phone', 'phone:+84912345678'],
  ['tel:+84912345678', 'phone', 'phone:+84912345678'],
  ['phone:+84912345678', 'phone', 'phone:+84912345678'],
  ['VCB 0011 0045 67890', 'bank', 'bank:970436:0011004567890'],
  ['970436:0011004567890', 'bank', 'bank:970436:0011004567890'],
  ['bank:970436:0011004567890', 'bank', 'bank:970436:0011004567890'],
  ['nguoi.lua@mail.example', 'email', 'email:nguoi.lua@mail.example'],
  ['mailto:Nguoi.Lua@Mail.Example', 'email', 'email:nguoi.lua@mail.example'],
  ['0x52908400098527886E0F7030069857D2E4169EE7', 'crypto', 'crypto:eth:0x52908400098527886e0f7030069857d2e4169ee7'],
  ['https://shop.example.com.vn/a/b?x=1#top', 'url', 'url:https://shop.example.com.vn/a/b?x=1'],
  ['shop.example.com.vn/gio-hang', 'url', 'url:http://shop.example.com.vn/gio-hang'],
  ['hxxps://evil[.]example/login', 'url', 'url:https://evil.example/login'],
  ['http://3279880203/blah', 'url', 'url:http://195.127.0.11/blah'],
  ['192.0.2.10', 'url', 'url:http://192.0.2.10/'],
  ['example.com.vn', 'domain', 'domain:example.com.vn'],
  ['www.shop-mau.vn', 'domain', 'domain:shop-mau.vn'],
  ['login.evil.example', 'domain', 'domain:evil.example'],
  ['ví-dụ.vn', 'domain', 'domain:xn--v-d-rma6749a.vn'],
  ['faceb00k . com', 'domain', 'domain:faceb00k.com'],
  ['facebook.com.evil.example', 'domain', 'domain:evil.example'],
  ['https://facebook.com.evil.example/login', 'url', 'url:https://facebook.com.evil.example/login'],
  ['faceb00k.example/login', 'url', 'url:http://faceb00k.example/login'],
  ['https://www.facebook.com/profile.php?id=100012345678901', 'fb', 'fb:id:100012345678901'],
  ['facebook.com/nguyen.van.mau.55', 'fb', 'fb:user:nguyenvanmau55'],
  ['https://www.facebook.com/groups/123456789012345/posts/987654321098765/', 'fb', 'fb:group:123456789012345'],
  ['https://fb.watch/aBcD12_xY/', 'fb', 'fb:watch:aBcD12_xY'],
  ['https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fshopquanaomau', 'fb', 'fb:user:shopquanaomau'],
  ['https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2Fa', 'url', 'url:https://evil.example/a'],
  ['https://l.facebook.com/l.php?u=https%3A%2F%2Ft.me%2Fkenh_dau_tu_mau', 'telegram', 'telegram:kenh_dau_tu_mau'],
  ['https://www.facebook.com/help/123', 'fb', 'url:https://www.facebook.com/help/123'],
  ['fb:id:100012345678901', 'fb', 'fb:id:100012345678901'],
  ['zalo.me/0912345678', 'zalo', 'phone:+84912345678'],
  ['https://zalo.me/g/abcdef123', 'zalo', 'zalo:g:abcdef123'],
  ['t.me/kenh_dau_tu_mau', 'telegram', 'telegram:kenh_dau_tu_mau'],
  ['t[.]me/kenh_dau_tu_mau', 'telegram', 'telegram:kenh_dau_tu_mau'],
  ['tg://resolve?domain=kenh_dau_tu_mau', 'telegram', 'telegram:kenh_dau_tu_mau'],
  ['telegram:kenh_dau_tu_mau', 'telegram', 'telegram:kenh_dau_tu_mau'],
  ['https://www.tiktok.com/@shop.mau/video/7312345678901234567', 'tiktok', 'tiktok:shop.mau'],
  ['https://vt.tiktok.com/ZSAbC123d/', 'tiktok', 'tiktok:share:ZSAbC123d'],
  ['instagram.com/shop.mau', 'instagram', 'instagram:shop.mau'],
  ['https://twitter.com/ShopMau/status/1712345678901234567', 'x', 'x:shopmau'],
  ['x:shopmau', 'x', 'x:shopmau'],
  ['https://youtu.be/AbCdEfGhI_1', 'youtube', 'youtube:video:AbCdEfGhI_1'],
  ['https://www.youtube.com/@KenhMau', 'youtube', 'youtube:kenhmau'],
  ['https://t.co/AbCdEf1234', 'url', 'url:https://t.co/AbCdEf1234'],
  ['@kenh_dau_tu_mau', null, '!unknown_kind'],
  ['hello', null, '!unknown_kind'],
  ['report.pdf', null, '!unknown_kind'],
  ['', null, '!empty'],
  ['   ', null, '!empty'],
];

describe('index: detection and canonicalization', () => {
  it.each(DETECTION)('%j → %s → %s', (input, kind, want) => {
    expect(detectKind(input)).toBe(kind);
    expect(ind(input)).toBe(want);
  });
});

describe('index: the plain-link path gives what the general path gives (table inputs)', () => {
  // An upper-case scheme is not a plain link, so the general path reads it.
  const links = DETECTION.map((c) => c[0]).filter((s) => /^https?:\/\//.test(s));
  it.each(links)('%s', (input) => {
    expect(canonicalize(input)).toEqual(canonicalize(input.replace(/^https?:\/\//, (m) => m.toUpperCase())));
  });
});

describe('index: forced kinds', () => {
  it.each<[string, IdentifierKind, string]>([
    ['@kenh_dau_tu_mau', 'telegram', 'telegram:kenh_dau_tu_mau'],
    ['@shop.mau', 'tiktok', 'tiktok:shop.mau'],
    ['@shop.mau', 'instagram', 'instagram:shop.mau'],
    ['@shop_mau', 'x', 'x:shop_mau'],
    ['@KenhMau', 'youtube', 'youtube:kenhmau'],
    ['nguyen.van.mau.55', 'fb', 'fb:user:nguyenvanmau55'],
    ['100012345678901', 'fb', 'fb:id:100012345678901'],
    ['0912345678', 'zalo', 'phone:+84912345678'],
    ['example.com.vn', 'url', 'url:http://example.com.vn/'],
    ['https://shop.example.com.vn/a', 'domain', 'domain:example.com.vn'],
    ['https://www.facebook.com/shopquanaomau', 'url', 'url:https://www.facebook.com/shopquanaomau'],
    ['https://www.facebook.com/shopquanaomau', 'domain', 'domain:facebook.com'],
    ['https://www.facebook.com/shopquanaomau', 'telegram', '!telegram_invalid'],
    ['0912345678', 'email', '!email_invalid'],
  ])('%j as %s → %s', (input, kind, want) => expect(ind(input, kind)).toBe(want));
});

describe('index: related indicators of platform links', () => {
  it('puts the owner first, then the url and the domain', () => {
    const r = canonicalize('https://www.facebook.com/shopquanaomau/posts/123456789012345?mibextid=abc');
    expect(r.ok && r.value.indicator).toBe('fb:post:123456789012345');
    expect(r.ok && r.value.related?.map((x) => x.indicator)).toEqual([
      'fb:user:shopquanaomau',
      'url:https://www.facebook.com/shopquanaomau/posts/123456789012345?mibextid=abc',
      'domain:facebook.com',
    ]);
  });
  it('links a Zalo phone number to its link', () => {
    const r = canonicalize('https://zalo.me/0912345678');
    expect(r.ok && r.value.related?.map((x) => x.indicator)).toEqual(['url:https://zalo.me/0912345678', 'domain:zalo.me']);
  });
});

describe('index: properties over every kind', () => {
  const samples = fc.constantFrom(...DETECTION.map(([input]) => input));
  const inputs = fc.oneof(anyText, fc.webUrl(), fc.emailAddress(), fc.domain(), samples);

  it('never throws, auto-detected or forced', () => {
    fc.assert(fc.property(inputs, fc.constantFrom(undefined, ...IDENTIFIER_KINDS), (s, kind) => {
      canonicalize(s, kind ? { kind } : {});
      detectKind(s);
    }), { numRuns: 4000 });
  });

  it('is idempotent: the indicator and the display canonicalize to the same indicator', () => {
    fc.assert(fc.property(inputs, (s) => {
      const r = canonicalize(s);
      if (!r.ok) return;
      expect(ind(r.value.indicator)).toBe(r.value.indicator);
      expect(ind(r.value.display, r.value.kind)).toBe(r.value.indicator);
    }), { numRuns: 4000 });
  });

  it('related indicators are canonical too', () => {
    fc.assert(fc.property(inputs, (s) => {
      const r = canonicalize(s);
      if (!r.ok) return;
      for (const rel of r.value.related ?? []) expect(ind(rel.indicator)).toBe(rel.indicator);
    }), { numRuns: 2000 });
  });
});
