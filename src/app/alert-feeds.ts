import { Feed } from 'feed';
import type { Db } from '../store/connection.ts';
import type { ContentLanguage } from '../store/schema.ts';
import { listPublicAlerts } from './alerts.ts';

export const FEED_SIZE = 50;

const WORDS: Record<ContentLanguage, { title: string; description: string; rights: string }> = {
  vi: {
    title: 'Canh Giác — Cảnh báo lừa đảo',
    description: 'Cảnh báo công khai về các thủ đoạn lừa đảo trực tuyến đang diễn ra, từ Trung tâm Canh Giác.',
    rights: 'Trung tâm Canh Giác. Được phép chia sẻ lại kèm đường dẫn về nguồn.',
  },
  en: {
    title: 'Canh Giác — Scam alerts',
    description: 'Public warnings about online scams going on now, from the Canh Giác centre.',
    rights: 'Canh Giác centre. You may share these alerts with a link to the source.',
  },
};

/**
 * The public alerts as one feed (built once, written as Atom 1.0 or RSS 2.0 by the `feed`
 * library). Every link is absolute, from PUBLIC_URL; entries link to their place on the alerts page.
 */
export async function alertFeed(db: Db, lang: ContentLanguage, publicUrl: string, now = new Date()): Promise<Feed> {
  const { items } = await listPublicAlerts(db, lang, FEED_SIZE, now);
  const words = WORDS[lang];
  const page = `${publicUrl}/alerts`;
  const feed = new Feed({
    title: words.title,
    description: words.description,
    id: `${page}?lang=${lang}`,
    link: page,
    language: lang,
    copyright: words.rights,
    updated: items[0] ? new Date(items[0].publishedAt) : now,
    generator: 'Canh Giác',
    feedLinks: { atom: `${publicUrl}/alerts.atom?lang=${lang}`, rss: `${publicUrl}/alerts.rss?lang=${lang}` },
    author: { name: 'Canh Giác', link: publicUrl },
  });
  for (const alert of items) {
    feed.addItem({
      title: alert.title,
      id: `urn:uuid:${alert.id}`,
      link: `${page}#alert-${alert.id}`,
      description: alert.summary,
      content: alert.html,
      date: new Date(alert.publishedAt),
      published: new Date(alert.publishedAt),
      category: alert.fraudTypes.map((name) => ({ name, term: name })),
    });
  }
  return feed;
}
