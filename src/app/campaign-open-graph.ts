import type { CampaignLanguage } from '../domain/campaigns/model.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './campaign-cards.ts';
import { findPublicCampaignRow } from './campaign-public.ts';
import { campaignText } from './campaign-views.ts';
import { checkQuizScore } from '../domain/campaigns/events.ts';
import type { Db } from '../store/connection.ts';

export type CampaignPage = 'landing' | 'quiz' | 'result';

export interface OpenGraph {
  title: string;
  description: string;
  image: string;
  url: string;
  lang: CampaignLanguage;
}

const RESULT_TITLE = {
  vi: (score: number, of: number, title: string) => `Tôi đã nhận diện đúng ${score}/${of} tình huống — ${title}`,
  en: (score: number, of: number, title: string) => `I spotted ${score} of ${of} right — ${title}`,
};

/**
 * What a shared link to a campaign page shows: the campaign's title and summary and its card,
 * or for a result page the score and the result card. Null for an unknown or unpublished
 * campaign, or a result with an impossible score (the page then has the site's own head).
 */
export async function campaignOpenGraph(
  db: Db,
  publicUrl: string,
  page: CampaignPage,
  slug: string,
  query: { lang?: unknown; score?: unknown; of?: unknown },
): Promise<OpenGraph | null> {
  const lang: CampaignLanguage = query.lang === 'en' ? 'en' : 'vi';
  let row;
  try {
    row = await findPublicCampaignRow(db, slug);
  } catch {
    return null;
  }
  const text = campaignText(row, lang);
  const base = `${publicUrl}/campaigns/${encodeURIComponent(row.slug)}`;
  const langQuery = `lang=${text.lang}`;
  if (page === 'result') {
    const score = Number(query.score);
    const of = Number(query.of);
    if (typeof query.score === 'string' && typeof query.of === 'string' && checkQuizScore(score, of).length === 0) {
      return {
        title: RESULT_TITLE[text.lang](score, of, text.title),
        description: text.tips[0] ?? text.summary,
        image: `${publicUrl}/api/v1/public/campaigns/${row.slug}/result-card.png?score=${score}&of=${of}&${langQuery}`,
        url: `${base}/result?score=${score}&of=${of}&${langQuery}`,
        lang: text.lang,
      };
    }
  }
  return {
    title: text.title,
    description: text.summary,
    image: `${publicUrl}/api/v1/public/campaigns/${row.slug}/card.png?${langQuery}`,
    url: page === 'quiz' ? `${base}/quiz?${langQuery}` : `${base}?${langQuery}`,
    lang: text.lang,
  };
}

/** The tags of an Open Graph description, for the page's head. */
export function openGraphMetas(og: OpenGraph, siteName = 'Canh Giác') {
  return [
    { property: 'og:type', content: 'website' },
    { property: 'og:site_name', content: siteName },
    { property: 'og:locale', content: og.lang === 'en' ? 'en_US' : 'vi_VN' },
    { property: 'og:title', content: og.title },
    { property: 'og:description', content: og.description },
    { property: 'og:url', content: og.url },
    { property: 'og:image', content: og.image },
    { property: 'og:image:type', content: 'image/png' },
    { property: 'og:image:width', content: String(CARD_WIDTH) },
    { property: 'og:image:height', content: String(CARD_HEIGHT) },
    { property: 'og:image:alt', content: og.title },
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: og.title },
    { name: 'twitter:description', content: og.description },
    { name: 'twitter:image', content: og.image },
  ];
}
