/**
 * Which platform answers for an identifier, by its kind. Phone numbers, bank accounts, links
 * and domains have no platform to escalate to (they go to telcos and banks through the
 * sharing channels instead), so they map to nothing.
 */
const PLATFORM_OF_KIND: Readonly<Record<string, string>> = {
  fb: 'facebook',
  zalo: 'zalo',
  tiktok: 'tiktok',
  telegram: 'telegram',
  instagram: 'instagram',
  x: 'x',
  youtube: 'youtube',
};

export function platformOfKind(kind: string): string | null {
  return PLATFORM_OF_KIND[kind] ?? null;
}
