import { LIMITS } from './model.ts';

/** A campaign's address in links: lower-case words of a-z and 0-9 joined by single dashes. */
export const CAMPAIGN_SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const SLUG = new RegExp(CAMPAIGN_SLUG_PATTERN);

export type SlugResult = { ok: true; slug: string } | { ok: false; message: string };

/**
 * Reads a slug as typed in the console: surrounding spaces and upper case are forgiven, anything
 * else that is not a slug is refused with a reason. Total: never throws. Idempotent on its output.
 */
export function parseCampaignSlug(input: unknown): SlugResult {
  if (typeof input !== 'string') return { ok: false, message: 'A slug is a string.' };
  const slug = input.trim().toLowerCase();
  if (slug.length === 0) return { ok: false, message: 'The slug is empty.' };
  if (slug.length > LIMITS.slugLength) return { ok: false, message: `At most ${LIMITS.slugLength} characters.` };
  if (!SLUG.test(slug)) return { ok: false, message: 'Lower-case letters a-z, digits and single dashes between them (e.g. "tet-shopping-2027").' };
  return { ok: true, slug };
}
