import { describe, expect, it } from 'vitest';
import { BRANDS, OFFICIAL_DOMAINS } from '../../../src/domain/risk/brands.ts';
import { skeleton } from '../../../src/domain/risk/confusables.ts';
import { handleReasons, hostReasons } from '../../../src/domain/risk/lookalike.ts';

const signalsOf = (host: string): string[] => hostReasons(host).map((r) => r.signal);

describe('brand registry', () => {
  it('takes the banks from the identifiers bank registry and adds the other kinds of brand', () => {
    const categories = new Set(BRANDS.map((b) => b.category));
    for (const c of ['bank', 'ewallet', 'ecommerce', 'delivery', 'platform', 'government']) expect(categories).toContain(c);
    expect(BRANDS.find((b) => b.keys.includes('vietcombank'))?.category).toBe('bank');
    expect(OFFICIAL_DOMAINS.get('shopee.vn')?.id).toBe('shopee');
  });
});

describe('skeleton (UTS #39 confusables)', () => {
  it('maps look-alike letters of other scripts, "rn" for "m" and digits for letters to one form', () => {
    expect(skeleton('vietcοmbank')).toBe(skeleton('vietcombank')); // Greek omicron
    expect(skeleton('vietcornbank')).toBe(skeleton('vietcombank'));
    expect(skeleton('shopее')).toBe(skeleton('shopee')); // Cyrillic е
    expect(skeleton('vietcômbank')).toBe(skeleton('vietcombank'));
    expect(skeleton('vietcombank')).not.toBe(skeleton('vietinbank'));
  });
});

describe('hostReasons', () => {
  it('link.confusable_brand: a brand spelt with look-alike characters', () => {
    expect(signalsOf('vietcornbank.example')).toContain('link.confusable_brand');
    expect(signalsOf('xn--shop-8cd1a.example')).toEqual(expect.arrayContaining(['link.punycode']));
  });

  it('link.lookalike_brand: a brand one or two edits away', () => {
    expect(signalsOf('vietcombnak.example')).toContain('link.lookalike_brand');
    expect(signalsOf('lazda.example')).toContain('link.lookalike_brand');
    expect(signalsOf('mbbakn.example')).toContain('link.lookalike_brand'); // a transposition is one edit
    expect(signalsOf('techcombank-vn.example')).not.toContain('link.lookalike_brand');
  });

  it('link.brand_in_domain: a brand inside another owner\'s registrable domain', () => {
    expect(signalsOf('vietcombank-xacminh.example')).toContain('link.brand_in_domain');
    expect(signalsOf('nhanqua-shopee.test')).toContain('link.brand_in_domain');
  });

  it('link.brand_in_subdomain: a brand or its official domain in front of another domain', () => {
    expect(signalsOf('vietcombank.com.vn.secure-login.example')).toContain('link.brand_in_subdomain');
    expect(signalsOf('shopee.khuyenmai.example')).toContain('link.brand_in_subdomain');
  });

  it('link.punycode: an internationalized host', () => {
    const reasons = hostReasons('xn--vietcmbank-l7a.example');
    expect(reasons.map((r) => r.signal)).toContain('link.punycode');
  });

  it('link.suspicious_tld: cheap throw-away top-level domains', () => {
    expect(signalsOf('nhanqua.top')).toContain('link.suspicious_tld');
    expect(signalsOf('nhanqua.example')).not.toContain('link.suspicious_tld');
  });

  it('link.shortener: the destination is hidden', () => {
    expect(signalsOf('bit.ly')).toEqual(['link.shortener']);
    expect(signalsOf('tinyurl.com')).toEqual(['link.shortener']);
  });

  it('says nothing of a brand\'s own domain or of an ordinary one', () => {
    expect(signalsOf('vietcombank.com.vn')).toEqual([]);
    expect(signalsOf('portal.vietcombank.com.vn')).toEqual([]);
    expect(signalsOf('shopee.vn')).toEqual([]);
    expect(signalsOf('tiemhoa-mai.example')).toEqual([]);
    expect(signalsOf('not a host')).toEqual([]);
  });
});

describe('handleReasons', () => {
  it('handle.brand_impersonation: a brand\'s name or a look-alike in an account name', () => {
    expect(handleReasons('telegram', 'vietcombank_hotro').map((r) => r.signal)).toEqual(['handle.brand_impersonation']);
    expect(handleReasons('tiktok', 'shopeee').map((r) => r.signal)).toEqual(['handle.brand_impersonation']);
    expect(handleReasons('fb', 'cskhmomo').map((r) => r.signal)).toEqual(['handle.brand_impersonation']);
  });

  it('says nothing of an ordinary handle or of the brand\'s exact name', () => {
    expect(handleReasons('telegram', 'nguyenvana')).toEqual([]);
    expect(handleReasons('telegram', 'shopee')).toEqual([]);
  });
});
