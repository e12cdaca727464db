import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalizeFacebook } from '../../../src/domain/identifiers/facebook.ts';
import { canonicalize } from '../../../src/domain/identifiers/index.ts';
import { anyText } from './arbitraries.ts';

// All ids, names and codes below are invented.
const indicator = (raw: string): string => {
  const r = canonicalizeFacebook(raw);
  return r.ok ? r.value.indicator : `!${r.error.code}`;
};
const related = (raw: string): string[] => {
  const r = canonicalizeFacebook(raw);
  return r.ok ? (r.value.related ?? []).map((x) => x.indicator) : [];
};

const PROFILES: [string, string][] = [
  ['https://www.facebook.com/profile.php?id=100012345678901', 'fb:id:100012345678901'],
  ['https://m.facebook.com/profile.php?id=100012345678901&mibextid=ZbWKwL', 'fb:id:100012345678901'],
  ['facebook.com/profile.php?id=100012345678901&sk=photos', 'fb:id:100012345678901'],
  ['https://mbasic.facebook.com/profile.php?id=100012345678901&refid=17', 'fb:id:100012345678901'],
  ['https://web.facebook.com/profile.php?id=100012345678901&_rdc=1&_rdr', 'fb:id:100012345678901'],
  ['https://touch.facebook.com/profile.php?id=100012345678901', 'fb:id:100012345678901'],
  ['https://www.facebook.com/profile.php?fbclid=IwAR0abc&id=100012345678901', 'fb:id:100012345678901'],
  ['HTTPS://WWW.FACEBOOK.COM/profile.php?id=100012345678901', 'fb:id:100012345678901'],
  ['https://www.facebook.com/#!/profile.php?id=100012345678901', 'fb:id:100012345678901'],
  ['https://www.facebook.com/people/Nguyen-Van-Mau/100012345678901/', 'fb:id:100012345678901'],
  ['https://www.facebook.com/people/Nguyễn-Văn-Mẫu/100012345678901/?mibextid=LQQJ4d', 'fb:id:100012345678901'],
  ['https://www.facebook.com/p/Shop-Quan-Ao-Mau-100087654321098/', 'fb:id:100087654321098'],
  ['https://www.facebook.com/100012345678901', 'fb:id:100012345678901'],
  ['https://www.facebook.com/100012345678901/', 'fb:id:100012345678901'],
  ['https://www.facebook.com/pages/Shop-Mau/123456789012345', 'fb:id:123456789012345'],
  ['https://www.facebook.com/pages/category/Shopping---Retail/Shop-Mau-123456789012345/', 'fb:id:123456789012345'],
  ['https://www.facebook.com/marketplace/profile/100012345678901/', 'fb:id:100012345678901'],
  ['https://www.facebook.com/messages/t/100012345678901', 'fb:id:100012345678901'],
  ['https://www.facebook.com/stories/100012345678901/UzpfSTEwMDA/', 'fb:id:100012345678901'],
  ['https://www.messenger.com/t/100012345678901', 'fb:id:100012345678901'],
  ['https://m.me/100012345678901', 'fb:id:100012345678901'],
  ['100012345678901', 'fb:id:100012345678901'],
  ['fb:id:100012345678901', 'fb:id:100012345678901'],
  ['fb:100012345678901', 'fb:id:100012345678901'],
];

const USERS: [string, string][] = [
  ['https://www.facebook.com/nguyen.van.mau.55', 'fb:user:nguyenvanmau55'],
  ['https://www.facebook.com/Nguyen.Van.Mau.55/', 'fb:user:nguyenvanmau55'],
  ['facebook.com/NguyenVanMau55?ref=bookmarks', 'fb:user:nguyenvanmau55'],
  ['m.facebook.com/nguyen.van.mau.55?mibextid=ZbWKwL', 'fb:user:nguyenvanmau55'],
  ['https://www.facebook.com/nguyen.van.mau.55/about', 'fb:user:nguyenvanmau55'],
  ['https://www.facebook.com/nguyen.van.mau.55/photos_by', 'fb:user:nguyenvanmau55'],
  ['https://www.facebook.com/shopquanaomau?__tn__=-]K-R', 'fb:user:shopquanaomau'],
  ['https://vi-vn.facebook.com/shopquanaomau/', 'fb:user:shopquanaomau'],
  ['https://business.facebook.com/shopquanaomau/', 'fb:user:shopquanaomau'],
  ['https://fb.com/shopquanaomau', 'fb:user:shopquanaomau'],
  ['https://www.fb.com/shopquanaomau', 'fb:user:shopquanaomau'],
  ['https://fb.me/shopquanaomau', 'fb:user:shopquanaomau'],
  ['https://m.me/shopquanaomau', 'fb:user:shopquanaomau'],
  ['https://www.facebook.com/pg/shopquanaomau/posts/', 'fb:user:shopquanaomau'],
  ['https://www.facebook.com:443/shopquanaomau', 'fb:user:shopquanaomau'],
  ['//www.facebook.com/shopquanaomau', 'fb:user:shopquanaomau'],
  ['www[.]facebook[.]com/shopquanaomau', 'fb:user:shopquanaomau'],
  ['nguyen.van.mau.55', 'fb:user:nguyenvanmau55'],
  ['@nguyen.van.mau.55', 'fb:user:nguyenvanmau55'],
  ['fb:user:Nguyen.Van.Mau.55', 'fb:user:nguyenvanmau55'],
  ['fb:user:nguyenvanmau55', 'fb:user:nguyenvanmau55'],
];

const GROUPS: [string, string, string[]][] = [
  ['https://www.facebook.com/groups/muabanxecu.mau/', 'fb:group:muabanxecu.mau', []],
  ['https://www.facebook.com/groups/MuaBanXeCu.Mau', 'fb:group:muabanxecu.mau', []],
  ['https://m.facebook.com/groups/123456789012345?ref=share', 'fb:group:123456789012345', []],
  ['https://www.facebook.com/groups/123456789012345/posts/987654321098765/', 'fb:group:123456789012345', ['fb:post:987654321098765']],
  ['https://www.facebook.com/groups/123456789012345/permalink/987654321098765/?mibextid=Nif5oz', 'fb:group:123456789012345', ['fb:post:987654321098765']],
  ['https://www.facebook.com/groups/vieclamonline.mau/?multi_permalinks=987654321098765&hoisted_section_header_type=recently_seen', 'fb:group:vieclamonline.mau', ['fb:post:987654321098765']],
  ['https://www.facebook.com/groups/123456789012345/user/100012345678901/', 'fb:id:100012345678901', ['fb:group:123456789012345']],
  ['https://www.facebook.com/groups/vieclamonline.mau/about', 'fb:group:vieclamonline.mau', []],
  ['https://www.facebook.com/group.php?gid=123456789012345', 'fb:group:123456789012345', []],
  ['https://www.facebook.com/login/?next=https%3A%2F%2Fwww.facebook.com%2Fgroups%2Fvieclamonline.mau%2F', 'fb:group:vieclamonline.mau', []],
  ['fb:group:VieclamOnline.Mau', 'fb:group:vieclamonline.mau', []],
];

const CONTENT: [string, string, string[]][] = [
  ['https://www.facebook.com/shopquanaomau/posts/123456789012345', 'fb:post:123456789012345', ['fb:user:shopquanaomau']],
  ['https://www.facebook.com/shop.quan.ao.mau/posts/pfbid02Xy7AbCdEfGhJkLmNoPqRsTuVwXyZ123456789abcdl', 'fb:post:pfbid02Xy7AbCdEfGhJkLmNoPqRsTuVwXyZ123456789abcdl', ['fb:user:shopquanaomau']],
  ['https://www.facebook.com/100012345678901/posts/123456789012345/?app=fbl', 'fb:post:123456789012345', ['fb:id:100012345678901']],
  ['https://www.facebook.com/permalink.php?story_fbid=123456789012345&id=100012345678901', 'fb:post:123456789012345', ['fb:id:100012345678901']],
  ['https://m.facebook.com/story.php?story_fbid=pfbid0AbCdEfGhJkLmNoPqRsTuV&id=100012345678901&mibextid=Nif5oz', 'fb:post:pfbid0AbCdEfGhJkLmNoPqRsTuV', ['fb:id:100012345678901']],
  ['https://www.facebook.com/permalink.php?story_fbid=123456789012345', 'fb:post:123456789012345', []],
  ['https://www.facebook.com/photo.php?fbid=123456789012345&set=a.987654321&type=3', 'fb:photo:123456789012345', []],
  ['https://www.facebook.com/photo.php?fbid=123456789012345&id=100012345678901', 'fb:photo:123456789012345', ['fb:id:100012345678901']],
  ['https://www.facebook.com/photo/?fbid=123456789012345&set=pcb.987654321', 'fb:photo:123456789012345', []],
  ['https://www.facebook.com/shopquanaomau/photos/a.111222333/123456789012345/', 'fb:photo:123456789012345', ['fb:user:shopquanaomau']],
  ['https://www.facebook.com/watch/?v=123456789012345', 'fb:video:123456789012345', []],
  ['https://www.facebook.com/watch/live/?v=123456789012345&ref=watch_permalink', 'fb:video:123456789012345', []],
  ['https://www.facebook.com/video.php?v=123456789012345', 'fb:video:123456789012345', []],
  ['https://www.facebook.com/shopquanaomau/videos/123456789012345/', 'fb:video:123456789012345', ['fb:user:shopquanaomau']],
  ['https://www.facebook.com/shopquanaomau/videos/sale-soc-hom-nay/123456789012345/', 'fb:video:123456789012345', ['fb:user:shopquanaomau']],
  ['https://www.facebook.com/reel/1234567890123456', 'fb:reel:1234567890123456', []],
  ['https://m.facebook.com/reel/1234567890123456?mibextid=rS40aB7S9Ucbxw6v', 'fb:reel:1234567890123456', []],
  ['https://fb.watch/aBcD12_xY/', 'fb:watch:aBcD12_xY', []],
  ['fb.watch/aBcD12_xY', 'fb:watch:aBcD12_xY', []],
  ['https://www.facebook.com/share/p/1AbCdEfGh2/', 'fb:share:1AbCdEfGh2', []],
  ['https://www.facebook.com/share/v/1AbCdEfGh2/?mibextid=WC7FNe', 'fb:share:1AbCdEfGh2', []],
  ['https://www.facebook.com/share/r/1AbCdEfGh2/', 'fb:share:1AbCdEfGh2', []],
  ['https://www.facebook.com/share/g/1AbCdEfGh2/', 'fb:share:1AbCdEfGh2', []],
  ['https://www.facebook.com/share/19xYzAbCd/', 'fb:share:19xYzAbCd', []],
  ['https://www.facebook.com/events/123456789012345/', 'fb:event:123456789012345', []],
  ['https://www.facebook.com/marketplace/item/123456789012345/?ref=search', 'fb:item:123456789012345', []],
  ['https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fshopquanaomau&h=AT0', 'fb:user:shopquanaomau', []],
  ['fb:post:pfbid02Xy7AbCdEfGhJkLmNoPq', 'fb:post:pfbid02Xy7AbCdEfGhJkLmNoPq', []],
  ['fb:share:1AbCdEfGh2', 'fb:share:1AbCdEfGh2', []],
];

const NOT_FACEBOOK: [string, string][] = [
  ['https://facebook.com.evil.example/profile.php?id=100012345678901', '!fb_not_facebook'],
  ['https://faceb00k.example/shopquanaomau', '!fb_not_facebook'],
  ['https://www.facebook.com@evil.example/shopquanaomau', '!fb_not_facebook'],
  ['https://facebook-login.example/shopquanaomau', '!fb_not_facebook'],
  ['https://evilfacebook.com/shopquanaomau', '!fb_not_facebook'],
  ['https://developers.facebook.com/docs', '!fb_not_facebook'],
  ['faceb00k.example', '!fb_not_facebook'],
  ['https://www.facebook.com/login/', '!fb_not_subject'],
  ['https://www.facebook.com/help/123456', '!fb_not_subject'],
  ['https://www.facebook.com/watch/', '!fb_not_subject'],
  ['https://www.facebook.com/marketplace/', '!fb_not_subject'],
  ['https://www.facebook.com/hashtag/lua_dao', '!fb_not_subject'],
  ['https://www.facebook.com/', '!fb_not_subject'],
  ['https://www.facebook.com/groups/feed/', '!fb_not_subject'],
  ['https://www.facebook.com/settings', '!fb_not_subject'],
  ['https://www.facebook.com/some-page-name', '!fb_invalid'],
  ['https://www.facebook.com/profile.php', '!fb_invalid'],
  ['https://www.facebook.com/profile.php?id=abc', '!fb_invalid'],
  ['fb:id:abc', '!fb_invalid'],
  ['fb:nonsense:1', '!fb_invalid'],
  ['', '!empty'],
  ['nguyễn văn mẫu', '!fb_invalid'],
];

describe('fb: profiles by id', () => {
  it.each(PROFILES)('%s → %s', (input, want) => expect(indicator(input)).toBe(want));
});
describe('fb: usernames', () => {
  it.each(USERS)('%s → %s', (input, want) => expect(indicator(input)).toBe(want));
});
describe('fb: groups', () => {
  it.each(GROUPS)('%s → %s', (input, want, rel) => {
    expect(indicator(input)).toBe(want);
    expect(related(input)).toEqual(rel);
  });
});
describe('fb: posts, photos, videos, reels, share links', () => {
  it.each(CONTENT)('%s → %s', (input, want, rel) => {
    expect(indicator(input)).toBe(want);
    expect(related(input)).toEqual(rel);
  });
});
describe('fb: look-alikes and pages that are not subjects', () => {
  it.each(NOT_FACEBOOK)('%s → %s', (input, want) => expect(indicator(input)).toBe(want));
});

describe('fb: display links lead back to the same indicator', () => {
  const all = [...PROFILES, ...USERS, ...GROUPS.map(([a, b]) => [a, b]), ...CONTENT.map(([a, b]) => [a, b])] as [string, string][];
  it.each(all)('%s', (input) => {
    const r = canonicalizeFacebook(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(indicator(r.value.display)).toBe(r.value.indicator);
    expect(indicator(r.value.indicator)).toBe(r.value.indicator);
  });
});

describe('fb: detection gives the same result on the plain-link path and the general path (table inputs)', () => {
  // An upper-case scheme is not a plain link, so the general path reads it.
  const links = [...PROFILES, ...USERS, ...GROUPS, ...CONTENT, ...NOT_FACEBOOK].map((c) => c[0]).filter((s) => /^https?:\/\//.test(s));
  it.each(links)('%s', (input) => {
    expect(canonicalize(input)).toEqual(canonicalize(input.replace(/^https?:\/\//, (m) => m.toUpperCase())));
  });
});

describe('fb: properties', () => {
  const fbish = fc
    .array(fc.constantFrom('https://', 'www.', 'm.', 'facebook.com', 'fb.watch', '/', 'groups', 'posts', 'profile.php', '?id=', '&', 'story_fbid=', 'pfbid0AbCdEfGhJkLm', '100012345678901', '123', 'John.Smith', 'share', 'p', 'photo', 'fbid=', 'watch', 'v=', 'reel', 'login', 'next=', '%2F', '#!', '.', '@', 'evil.example'), { maxLength: 12 })
    .map((a) => a.join(''));
  const inputs = fc.oneof(anyText, fc.webUrl(), fbish);
  it('never throws', () => {
    fc.assert(fc.property(inputs, (s) => void canonicalizeFacebook(s)), { numRuns: 3000 });
  });
  it('is idempotent on the indicator and the display', () => {
    fc.assert(fc.property(inputs, (s) => {
      const r = canonicalizeFacebook(s);
      if (!r.ok) return;
      expect(indicator(r.value.indicator)).toBe(r.value.indicator);
      expect(indicator(r.value.display)).toBe(r.value.indicator);
    }), { numRuns: 3000 });
  });
});
