import type { CampaignLanguage, CampaignStatus, CampaignText, Figures, PartnerKind, QuizItem } from '../domain/campaigns/model.ts';
import type { OrganizationKind } from '../domain/auth/roles.ts';
import type { CampaignRow } from '../store/campaigns.ts';

/** A co-branding organization as the public sees it: its name and kind, nothing else. */
export interface CampaignPartner {
  name: string;
  kind: PartnerKind;
  url?: string;
}

/** A campaign as the console edits it. */
export interface CampaignAdmin {
  id: string;
  slug: string;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
  theme: string;
  fraudTypes: string[];
  partnerOrganizationIds: string[];
  partners: CampaignPartner[];
  articleSlugs: string[];
  alertIds: string[];
  vi: CampaignText;
  en: CampaignText;
  quiz: QuizItem[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CampaignAdminWithTotals = CampaignAdmin & { totals: Figures };

const partnerKind = (kind: OrganizationKind): PartnerKind => (kind === 'agency' ? 'agency' : kind);

/** Partners in the order the campaign lists them; an organization deleted since is left out. */
export function partnersOf(row: CampaignRow, organizations: readonly { id: string; name: string; kind: OrganizationKind }[]): CampaignPartner[] {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  return row.partnerOrganizationIds.flatMap((id) => {
    const o = byId.get(id);
    return o ? [{ name: o.name, kind: partnerKind(o.kind) }] : [];
  });
}

export function campaignAdminView(row: CampaignRow, organizations: readonly { id: string; name: string; kind: OrganizationKind }[]): CampaignAdmin {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    theme: row.theme,
    fraudTypes: row.fraudTypes,
    partnerOrganizationIds: row.partnerOrganizationIds,
    partners: partnersOf(row, organizations),
    articleSlugs: row.articleSlugs,
    alertIds: row.alertIds,
    vi: row.texts.vi,
    en: row.texts.en,
    quiz: row.quiz,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The text of a campaign in a language; Vietnamese when that language's title is still empty. */
export function campaignText(row: CampaignRow, lang: CampaignLanguage): CampaignText & { lang: CampaignLanguage } {
  const t = row.texts[lang];
  if (t?.title.trim()) return { ...t, lang };
  return { ...row.texts.vi, lang: 'vi' };
}
