import { useEffect } from 'react';
import { campaignsApi } from '../../api/campaigns.ts';

const STORAGE_PREFIX = 'canhgiac.campaign-viewed.';

/**
 * Counts one landing view per campaign per visit: a mark in sessionStorage (this tab only, no
 * cookie, nothing that identifies the visitor) keeps reloads and back-and-forth from counting again.
 */
export function useViewEvent(slug: string | null): void {
  useEffect(() => {
    if (!slug) return;
    const key = `${STORAGE_PREFIX}${slug}`;
    try {
      if (window.sessionStorage.getItem(key) !== null) return;
      window.sessionStorage.setItem(key, '1');
    } catch {
      // without storage every load counts; still no identifier is sent
    }
    void campaignsApi.event(slug, 'view');
  }, [slug]);
}
