import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CanonResult } from '../../../src/domain/identifiers/types.ts';
import { canonicalizeTelegram } from '../../../src/domain/identifiers/telegram.ts';
import { canonicalizeZalo } from '../../../src/domain/identifiers/zalo.ts';
import { canonicalizeTiktok } from '../../../src/domain/identifiers/tiktok.ts';
import { canonicalizeInstagram } from '../../../src/domain/identifiers/instagram.ts';
import { canonicalizeX } from '../../../src/domain/identifiers/x.ts';
import { canonicalizeYoutube } from '../../../src/domain/identifiers/youtube.ts';
import { canonicalize } from '../../../src/domain/identifiers/index.ts';
import { anyText } from './arbitraries.ts';

type Canon = (raw: string) => CanonResult;
const ind = (f: Canon, raw: string): string => {
  const r = f(raw);
  return r.ok ? r.value.indicator : `!${r.error.code}`;
};

// Handles, ids and codes below are invented.
const TABLES: [string, Canon, [string, string][]][] = [
  ['telegram', canonicalizeTelegram, [
    ['https://t.me/lua_dao_bot', 'telegram:lua_dao_bot'],
    ['t.me/Lua_Dao_Bot', 'telegram:lua_dao_bot'],
    ['http://t.me/lua_dao_bot?start=abc', 'telegram:lua_dao_bot'],
    ['https://t.me/kenh_dau_tu_mau/1234', 'telegram:kenh_dau_tu_mau'],
    ['https://t.me/s/kenh_dau_tu_mau', 'telegram:kenh_dau_tu_mau'],
    ['https://telegram.me/kenh_dau_tu_mau', 'telegram:kenh_dau_tu_mau'],
    ['https://telegram.dog/kenh_dau_tu_mau', 'telegram:kenh_dau_tu_mau'],
    ['https://kenh_dau_tu_mau.t.me/', 'telegram:kenh_dau_tu_mau'],
    ['tg://resolve?domain=kenh_dau_tu_mau', 'telegram:kenh_dau_tu_mau'],
    ['tg://resolve?domain=kenh_dau_tu_mau&post=12', 'telegram:kenh_dau_tu_mau'],
    ['t[.]me/kenh_dau_tu_mau', 'telegram:kenh_dau_tu_mau'],
    ['@kenh_dau_tu_mau', 'telegram:kenh_dau_tu_mau'],
    ['kenh_dau_tu_mau', 'telegram:kenh_dau_tu_mau'],
    ['telegram:Kenh_Dau_Tu_Mau', 'telegram:kenh_dau_tu_mau'],
    ['https://t.me/+AbCdEfGhIjK12345', 'telegram:+AbCdEfGhIjK12345'],
    ['https://t.me/joinchat/AbCdEfGhIjK12345', 'telegram:+AbCdEfGhIjK12345'],
    ['tg://join?invite=AbCdEfGhIjK12345', 'telegram:+AbCdEfGhIjK12345'],
    ['telegram:+AbCdEfGhIjK12345', 'telegram:+AbCdEfGhIjK12345'],
    ['https://t.me/+84912345678', 'phone:+84912345678'],
    ['https://t.me/abc', '!telegram_invalid'],
    ['https://t.me/1abcdef', '!telegram_invalid'],
    ['https://t.me/abcdef_', '!telegram_invalid'],
    ['https://t.me/abc__def', '!telegram_invalid'],
    ['https://t.me/share/url?url=https://evil.example', '!telegram_invalid'],
    ['https://t.me/', '!telegram_invalid'],
    ['https://t.me.evil.example/kenh_dau_tu_mau', '!telegram_invalid'],
    [`@${'a'.repeat(33)}`, '!telegram_invalid'],
    ['', '!empty'],
  ]],
  ['zalo', canonicalizeZalo, [
    ['https://zalo.me/0912345678', 'phone:+84912345678'],
    ['zalo.me/0912345678', 'phone:+84912345678'],
    ['https://zalo.me/84912345678', 'phone:+84912345678'],
    ['https://zalo.me/+84912345678', 'phone:+84912345678'],
    ['zalo[.]me/0912345678', 'phone:+84912345678'],
    ['https://chat.zalo.me/0912345678', 'phone:+84912345678'],
    ['https://zalo.me/01662345678', 'phone:+84362345678'],
    ['0912 345 678', 'phone:+84912345678'],
    ['https://zalo.me/4318526419175414530', 'zalo:4318526419175414530'],
    ['https://zalo.me/s/4318526419175414530/', 'zalo:4318526419175414530'],
    ['zalo:4318526419175414530', 'zalo:4318526419175414530'],
    ['https://zalo.me/g/abcdef123', 'zalo:g:abcdef123'],
    ['zalo:g:abcdef123', 'zalo:g:abcdef123'],
    ['https://zalo.me/', '!zalo_invalid'],
    ['https://zalo.me/abc', '!zalo_invalid'],
    ['https://zalo.me.evil.example/0912345678', '!zalo_invalid'],
    ['12', '!zalo_invalid'],
  ]],
  ['tiktok', canonicalizeTiktok, [
    ['https://www.tiktok.com/@shop.mau', 'tiktok:shop.mau'],
    ['https://www.tiktok.com/@Shop.Mau?_t=8abc&_r=1', 'tiktok:shop.mau'],
    ['tiktok.com/@shop_mau_99/video/7312345678901234567', 'tiktok:shop_mau_99'],
    ['https://m.tiktok.com/@shop_mau_99/live', 'tiktok:shop_mau_99'],
    ['https://vt.tiktok.com/ZSAbC123d/', 'tiktok:share:ZSAbC123d'],
    ['https://vm.tiktok.com/ZMAbC123d/', 'tiktok:share:ZMAbC123d'],
    ['https://www.tiktok.com/t/ZTAbC123d/', 'tiktok:share:ZTAbC123d'],
    ['@shop.mau', 'tiktok:shop.mau'],
    ['tiktok:Shop.Mau', 'tiktok:shop.mau'],
    ['tiktok:share:ZSAbC123d', 'tiktok:share:ZSAbC123d'],
    ['https://www.tiktok.com/@shop.', '!tiktok_invalid'],
    ['https://www.tiktok.com/@a', '!tiktok_invalid'],
    ['https://www.tiktok.com/explore', '!tiktok_invalid'],
    [`@${'a'.repeat(25)}`, '!tiktok_invalid'],
  ]],
  ['instagram', canonicalizeInstagram, [
    ['https://www.instagram.com/shop.mau/', 'instagram:shop.mau'],
    ['https://instagram.com/Shop.Mau?igsh=MTc4MmM1YmI2Ng==', 'instagram:shop.mau'],
    ['instagr.am/shop_mau', 'instagram:shop_mau'],
    ['https://www.instagram.com/stories/shop.mau/3312345678901234567/', 'instagram:shop.mau'],
    ['https://www.instagram.com/shop.mau/p/C1AbCdEfGhI/', 'instagram:shop.mau'],
    ['https://www.instagram.com/p/C1AbCdEfGhI/?utm_source=ig_web_copy_link', 'instagram:p:C1AbCdEfGhI'],
    ['https://www.instagram.com/reel/C1AbCdEfGhI/', 'instagram:p:C1AbCdEfGhI'],
    ['https://www.instagram.com/reels/C1AbCdEfGhI/', 'instagram:p:C1AbCdEfGhI'],
    ['https://www.instagram.com/tv/C1AbCdEfGhI/', 'instagram:p:C1AbCdEfGhI'],
    ['@shop.mau', 'instagram:shop.mau'],
    ['instagram:p:C1AbCdEfGhI', 'instagram:p:C1AbCdEfGhI'],
    ['https://www.instagram.com/explore/', '!instagram_invalid'],
    ['https://www.instagram.com/accounts/login/', '!instagram_invalid'],
    ['@.shop', '!instagram_invalid'],
    ['@shop..mau', '!instagram_invalid'],
    ['@shop.', '!instagram_invalid'],
    [`@${'a'.repeat(31)}`, '!instagram_invalid'],
  ]],
  ['x', canonicalizeX, [
    ['https://x.com/ShopMau', 'x:shopmau'],
    ['https://twitter.com/shopmau', 'x:shopmau'],
    ['https://mobile.twitter.com/shopmau', 'x:shopmau'],
    ['x.com/shopmau/status/1712345678901234567?s=20', 'x:shopmau'],
    ['https://twitter.com/#!/shopmau', 'x:shopmau'],
    ['https://x.com/intent/user?screen_name=shopmau', 'x:shopmau'],
    ['https://x.com/intent/follow?user_id=123456789', 'x:id:123456789'],
    ['https://x.com/i/user/123456789', 'x:id:123456789'],
    ['https://x.com/i/web/status/1712345678901234567', 'x:status:1712345678901234567'],
    ['@shop_mau', 'x:shop_mau'],
    ['x:ShopMau', 'x:shopmau'],
    ['x:id:123456789', 'x:id:123456789'],
    ['https://x.com/home', '!x_invalid'],
    ['https://x.com/explore', '!x_invalid'],
    ['@shop.mau', '!x_invalid'],
    ['@abcdefghijklmnop', '!x_invalid'],
  ]],
  ['youtube', canonicalizeYoutube, [
    ['https://www.youtube.com/@KenhMau', 'youtube:kenhmau'],
    ['https://m.youtube.com/@kenhmau/videos', 'youtube:kenhmau'],
    ['youtube.com/@kênh-mẫu', 'youtube:kênh-mẫu'],
    ['https://www.youtube.com/%40kenhmau', 'youtube:kenhmau'],
    ['https://www.youtube.com/channel/UCAbCdEfGhIjKlMnOpQrStUv', 'youtube:channel:UCAbCdEfGhIjKlMnOpQrStUv'],
    ['https://www.youtube.com/c/KenhMau', 'youtube:c:kenhmau'],
    ['https://www.youtube.com/KenhMau', 'youtube:c:kenhmau'],
    ['https://www.youtube.com/user/KenhMau', 'youtube:user:kenhmau'],
    ['https://www.youtube.com/watch?v=AbCdEfGhI_1&t=42s', 'youtube:video:AbCdEfGhI_1'],
    ['https://youtu.be/AbCdEfGhI_1?si=xyz', 'youtube:video:AbCdEfGhI_1'],
    ['https://www.youtube.com/shorts/AbCdEfGhI_1', 'youtube:video:AbCdEfGhI_1'],
    ['https://www.youtube.com/live/AbCdEfGhI_1', 'youtube:video:AbCdEfGhI_1'],
    ['https://www.youtube.com/embed/AbCdEfGhI_1', 'youtube:video:AbCdEfGhI_1'],
    ['@KenhMau', 'youtube:kenhmau'],
    ['UCAbCdEfGhIjKlMnOpQrStUv', 'youtube:channel:UCAbCdEfGhIjKlMnOpQrStUv'],
    ['youtube:video:AbCdEfGhI_1', 'youtube:video:AbCdEfGhI_1'],
    ['https://www.youtube.com/watch?v=short', '!youtube_invalid'],
    ['https://www.youtube.com/results?search_query=x', '!youtube_invalid'],
    ['https://www.youtube.com/channel/UCshort', '!youtube_invalid'],
    ['@ab', '!youtube_invalid'],
  ]],
];

for (const [name, canon, table] of TABLES) {
  describe(`${name}: table`, () => {
    it.each(table)('%s → %s', (input, want) => expect(ind(canon, input)).toBe(want));
  });

  describe(`${name}: detection gives the same result on the plain-link path and the general path`, () => {
    // An upper-case scheme is not a plain link, so the general path reads it.
    const links = table.map((c) => c[0]).filter((s) => /^https?:\/\//.test(s));
    it.each(links)('%s', (input) => {
      expect(canonicalize(input)).toEqual(canonicalize(input.replace(/^https?:\/\//, (m) => m.toUpperCase())));
    });
  });

  describe(`${name}: properties`, () => {
    const links = fc
      .array(fc.constantFrom('https://', 't.me/', 'zalo.me/', 'tiktok.com/', 'instagram.com/', 'x.com/', 'youtube.com/', 'youtu.be/', '@', '+', 'g/', 's/', 'i/', 'channel/', 'UC', 'abc', 'Shop', '.', '_', '0912345678', '84', '123456789', '?', 'v=', '#!', ':', 'share:', 'p:'), { maxLength: 10 })
      .map((a) => a.join(''));
    const inputs = fc.oneof(anyText, fc.webUrl(), links);
    it('never throws', () => {
      fc.assert(fc.property(inputs, (s) => void canon(s)), { numRuns: 1500 });
    });
    it('is idempotent on the indicator and the display', () => {
      fc.assert(fc.property(inputs, (s) => {
        const r = canon(s);
        if (!r.ok || r.value.kind !== name) return;
        expect(ind(canon, r.value.indicator)).toBe(r.value.indicator);
        expect(ind(canon, r.value.display)).toBe(r.value.indicator);
      }), { numRuns: 1500 });
    });
    it('table results round-trip', () => {
      for (const [input] of table) {
        const r = canon(input);
        if (!r.ok || r.value.kind !== name) continue;
        expect(ind(canon, r.value.indicator)).toBe(r.value.indicator);
        expect(ind(canon, r.value.display)).toBe(r.value.indicator);
      }
    });
  });
}
