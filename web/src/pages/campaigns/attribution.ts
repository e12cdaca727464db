import { campaignsApi } from '../../api/campaigns.ts';

// Which campaign page sent a visitor to the check or report page, kept for this tab only
// (sessionStorage: closing the tab forgets it; nothing identifies the visitor). After a
// successful look-up or report, one count goes to that campaign.

const STORAGE_KEY = 'canhgiac.campaign-attribution';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function rememberCampaign(slug: string): void {
  try {
    if (SLUG.test(slug)) window.sessionStorage.setItem(STORAGE_KEY, slug);
  } catch {
    // storage unavailable (private mode): the count is lost, the page works the same
  }
}

export function attributedCampaign(): string | null {
  try {
    const slug = window.sessionStorage.getItem(STORAGE_KEY);
    return slug !== null && SLUG.test(slug) ? slug : null;
  } catch {
    return null;
  }
}

export function forgetCampaign(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept
  }
}

/** A look-up answered: counted for the campaign that sent the visitor (kept for further look-ups). */
export function countLookup(): void {
  const slug = attributedCampaign();
  if (slug) void campaignsApi.event(slug, 'lookup');
}

/** A report received: counted once, then the attribution is forgotten. */
export function countReport(): void {
  const slug = attributedCampaign();
  if (!slug) return;
  forgetCampaign();
  void campaignsApi.event(slug, 'report');
}
