import data from './brands.json' with { type: 'json' };
import { BANKS, compactKey } from '../identifiers/bank-registry.ts';

/**
 * The protected-brand registry: every brand whose name scammers put in look-alike domains and
 * handles. Banks are read from the identifiers module's bank registry (one list of banks in the
 * project); brands.json adds the banks' official domains and the e-wallets, shops, delivery
 * companies, platforms, telcos and government bodies.
 */
export type BrandCategory = 'bank' | 'ewallet' | 'ecommerce' | 'delivery' | 'platform' | 'telco' | 'utility' | 'government';

export interface Brand {
  id: string;
  name: string;
  category: BrandCategory;
  /** Compact names (a–z, 0–9) looked for in domain labels and handles. */
  keys: string[];
  /** Registrable domains the brand really uses: never flagged. */
  domains: string[];
}

interface BrandData {
  bankDomains: Record<string, string[]>;
  brands: Brand[];
}

const file = data as BrandData;

/** Bank names too short or too common to tell a bank from an ordinary word in a domain. */
const MIN_BANK_KEY = 5;
const SHORT_BANK_KEYS = new Set(['bidv', 'vcb']);

function bankBrands(): Brand[] {
  const out: Brand[] = [];
  for (const bank of BANKS) {
    const keys = new Set<string>();
    for (const name of [bank.shortName, bank.code]) {
      const key = compactKey(name);
      if (/^[a-z0-9]+$/.test(key) && (key.length >= MIN_BANK_KEY || SHORT_BANK_KEYS.has(key))) keys.add(key);
    }
    // E-wallets that are also NAPAS members (MoMo, Viettel Money) are described in brands.json.
    if (file.brands.some((b) => b.keys.some((k) => keys.has(k)))) continue;
    if (keys.size === 0) continue;
    out.push({ id: `bank-${bank.bin}`, name: bank.shortName, category: 'bank', keys: [...keys], domains: file.bankDomains[bank.bin] ?? [] });
  }
  return out;
}

export const BRANDS: readonly Brand[] = [...bankBrands(), ...file.brands];

/** Every official registrable domain → its brand. */
export const OFFICIAL_DOMAINS: ReadonlyMap<string, Brand> = new Map(BRANDS.flatMap((b) => b.domains.map((d) => [d, b] as const)));

/** Every key → its brand, longest keys first (so "shopeepay" is tried before "shopee"). */
export const BRAND_KEYS: ReadonlyArray<{ key: string; brand: Brand }> = BRANDS.flatMap((brand) => brand.keys.map((key) => ({ key, brand }))).sort(
  (a, b) => b.key.length - a.key.length,
);
