import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { CampaignLanguage, CampaignTheme } from '../domain/campaigns/model.ts';
import type { CampaignRow } from '../store/campaigns.ts';
import { campaignText, type CampaignPartner } from './campaign-views.ts';

/**
 * Share cards of campaigns (1200×630 PNG, the size Open Graph and chat apps show large):
 * laid out by satori into SVG, rasterized by resvg, both on the server so a shared link has
 * a picture without any third party. The font is Be Vietnam Pro, made for Vietnamese.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const require = createRequire(import.meta.url);
type Weight = 400 | 700;

/**
 * satori reads woff, not woff2, and picks the first font of a family that has the weight, even
 * when it lacks a glyph: the Latin and Vietnamese subsets are loaded as two families, listed
 * one after the other, so letters like ư, ơ, đ and ệ come from the second.
 */
function loadFonts() {
  const file = (subset: 'latin' | 'vietnamese', weight: Weight) => fs.readFileSync(require.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff`));
  return ([400, 700] as const).flatMap((weight) => [
    { name: 'BeVietnamPro', data: file('latin', weight), weight, style: 'normal' as const },
    { name: 'BeVietnamProVi', data: file('vietnamese', weight), weight, style: 'normal' as const },
  ]);
}
let fonts: ReturnType<typeof loadFonts> | null = null;

const PALETTES: Record<CampaignTheme, { background: string; accent: string; ink: string; tipBackground: string }> = {
  summer: { background: '#fff4d6', accent: '#b45309', ink: '#1f2937', tipBackground: '#ffffff' },
  tet: { background: '#fde8e8', accent: '#b91c1c', ink: '#1f2937', tipBackground: '#fffbeb' },
  school: { background: '#e0f2fe', accent: '#0369a1', ink: '#0f172a', tipBackground: '#ffffff' },
  holiday: { background: '#ecfdf5', accent: '#047857', ink: '#1f2937', tipBackground: '#ffffff' },
  general: { background: '#eef2ff', accent: '#3730a3', ink: '#111827', tipBackground: '#ffffff' },
};

const LABELS = {
  vi: {
    site: 'Canh Giác',
    tagline: 'Sàn giao dịch chống lừa đảo trực tuyến',
    partners: 'Cùng thực hiện',
    tip: 'Mẹo',
    result: (score: number, of: number) => `Tôi đã nhận diện đúng ${score}/${of} tình huống`,
    challenge: 'Bạn có nhận ra trò lừa đảo? Thử ngay!',
  },
  en: {
    site: 'Canh Giác',
    tagline: 'The online anti-fraud exchange',
    partners: 'With',
    tip: 'Tip',
    result: (score: number, of: number) => `I spotted ${score} of ${of} right`,
    challenge: 'Can you spot the scam? Take the quiz!',
  },
} as const;

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | string | (Node | string)[] } };
const el = (type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node => ({ type, props: { style, children } });

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export interface CardInput {
  theme: string;
  lang: CampaignLanguage;
  title: string;
  tip: string | null;
  partners: string[];
  /** Present on a result card. */
  result?: { score: number; of: number };
  siteHost: string;
}

function layout(input: CardInput): Node {
  const palette = PALETTES[input.theme as CampaignTheme] ?? PALETTES.general;
  const labels = LABELS[input.lang];
  const header = el('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', width: '100%' }, [
    el('div', { display: 'flex', alignItems: 'center' }, [
      el('div', { display: 'flex', width: 56, height: 56, borderRadius: 14, backgroundColor: palette.accent, color: '#ffffff', fontSize: 34, fontWeight: 700, alignItems: 'center', justifyContent: 'center', marginRight: 18 }, 'CG'),
      el('div', { display: 'flex', flexDirection: 'column' }, [
        el('div', { fontSize: 34, fontWeight: 700, color: palette.ink }, labels.site),
        el('div', { fontSize: 22, color: palette.ink, opacity: 0.75 }, labels.tagline),
      ]),
    ]),
    el('div', { fontSize: 24, color: palette.accent, fontWeight: 700 }, input.siteHost),
  ]);
  const main: Node[] = [];
  if (input.result) {
    const headline = labels.result(input.result.score, input.result.of);
    main.push(el('div', { fontSize: headline.length > 32 ? 52 : 64, fontWeight: 700, color: palette.accent, lineHeight: 1.15 }, headline));
    main.push(el('div', { fontSize: 34, fontWeight: 700, color: palette.ink, marginTop: 16, lineHeight: 1.25 }, clip(input.title, 90)));
  } else {
    main.push(el('div', { fontSize: input.title.length > 50 ? 60 : 72, fontWeight: 700, color: palette.ink, lineHeight: 1.12 }, clip(input.title, 100)));
  }
  if (input.tip) {
    main.push(
      el('div', { display: 'flex', marginTop: 28, padding: '18px 24px', backgroundColor: palette.tipBackground, borderLeft: `8px solid ${palette.accent}`, borderRadius: 12, fontSize: 28, color: palette.ink, lineHeight: 1.3 }, [
        el('span', { fontWeight: 700, marginRight: 12, color: palette.accent }, `${labels.tip}:`),
        el('span', {}, clip(input.tip, 140)),
      ]),
    );
  }
  if (input.result) main.push(el('div', { fontSize: 28, marginTop: 22, color: palette.ink, fontWeight: 700 }, labels.challenge));
  const footer = el('div', { display: 'flex', fontSize: 24, color: palette.ink, opacity: 0.85 }, input.partners.length ? `${labels.partners}: ${clip(input.partners.join(' · '), 90)}` : ' ');
  // Sizes are given to an inner box: satori adds padding and borders outside a box's width.
  return el('div', { display: 'flex', flexDirection: 'column', width: CARD_WIDTH, height: CARD_HEIGHT, backgroundColor: palette.background, fontFamily: 'BeVietnamPro, BeVietnamProVi' }, [
    el('div', { display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: CARD_WIDTH - 2 * 64, height: CARD_HEIGHT - 2 * 44 - 16, margin: '44px 64px' }, [
      header,
      el('div', { display: 'flex', flexDirection: 'column', width: '100%' }, main),
      footer,
    ]),
    el('div', { display: 'flex', width: CARD_WIDTH, height: 16, backgroundColor: palette.accent }),
  ]);
}

/** Renders one card to PNG bytes (about 50–200 ms of CPU; callers cache). */
export async function renderCard(input: CardInput): Promise<Buffer> {
  fonts ??= loadFonts();
  const svg = await satori(layout(input) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH } }).render().asPng();
}

/** The card of a campaign or of a quiz result: the campaign's first tip, its partners' names. */
export function cardInputOf(row: CampaignRow, lang: CampaignLanguage, partners: CampaignPartner[], siteHost: string, result?: { score: number; of: number }): CardInput {
  const text = campaignText(row, lang);
  return { theme: row.theme, lang: text.lang, title: text.title, tip: text.tips[0] ?? null, partners: partners.map((p) => p.name), siteHost, ...(result && { result }) };
}

export interface RenderedCard {
  png: Buffer;
  etag: string;
}

/**
 * Rendered cards kept in memory, keyed by everything that shows on them (campaign, language,
 * score, the campaign's last change). A small LRU on a Map's insertion order: no library needed
 * for twenty lines, and it bounds memory (~60 KB a card) whatever scores visitors ask for.
 */
export class CardCache {
  private readonly entries = new Map<string, Promise<RenderedCard>>();

  constructor(readonly maxEntries = 300) {}

  get(key: string, render: () => Promise<Buffer>): Promise<RenderedCard> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = render().then((png) => ({ png, etag: `"${createHash('sha256').update(png).digest('base64url').slice(0, 27)}"` }));
    this.entries.set(key, value);
    value.catch(() => this.entries.get(key) === value && this.entries.delete(key));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
