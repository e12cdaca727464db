import { vietnamDate } from '../domain/campaigns/dates.ts';
import { parseCampaignEvent } from '../domain/campaigns/events.ts';
import { countCampaignEvent } from '../store/campaigns.ts';
import type { Db } from '../store/connection.ts';
import { findPublicCampaignRow } from './campaign-public.ts';
import { badRequest } from './errors.ts';

/**
 * Counts one reach event of a public campaign page. Only the day (Vietnam time), the kind and
 * for a completed quiz its score are kept: no address, cookie, user agent or time of day, so
 * the figures can be shown publicly and no visitor can be followed (docs/campaigns.md).
 */
export async function recordCampaignEvent(db: Db, slug: string, body: unknown, now = new Date()): Promise<void> {
  const parsed = parseCampaignEvent(body);
  if (!parsed.ok) throw badRequest('The event is not valid.', parsed.errors);
  const campaign = await findPublicCampaignRow(db, slug, now);
  const e = parsed.event;
  await countCampaignEvent(db, campaign.id, vietnamDate(now), e.kind, e.kind === 'quiz_complete' ? e.score : 0, e.kind === 'quiz_complete' ? e.of : 0);
}
