import { api } from './client.ts';

// The console's content editing (GET/POST/PUT /api/v1/content/…; docs/content.md).

export const CONTENT_STATUSES = ['draft', 'scheduled', 'published', 'unpublished'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const CONTENT_LANGUAGES = ['vi', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
export type ContentKind = 'article' | 'alert';

export interface ContentText {
  title: string;
  summary: string;
  bodyMarkdown?: string;
  updatedAt: string;
}

interface ContentFields {
  id: string;
  status: ContentStatus;
  publishAt: string | null;
  live: boolean;
  statusReason: string | null;
  version: number;
  updatedAt: string;
  languages: ContentLanguage[];
  translations: Partial<Record<ContentLanguage, ContentText>>;
}

export interface ConsoleArticle extends ContentFields {
  kind: 'article';
  slug: string;
  fraudType: string;
}

export interface ConsoleAlert extends ContentFields {
  kind: 'alert';
  fraudTypes: string[];
}

export type ContentItem = ConsoleArticle | ConsoleAlert;

export interface TextInput {
  title: string;
  summary: string;
  bodyMarkdown: string;
}
export type TranslationsInput = Partial<Record<ContentLanguage, TextInput>>;

export interface ContentListFilter {
  status?: ContentStatus;
  complete?: boolean;
}

function listQuery(filter: ContentListFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.complete !== undefined) params.set('complete', String(filter.complete));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const listArticles = (filter: ContentListFilter = {}, signal?: AbortSignal) =>
  api.get<{ items: ConsoleArticle[] }>(`/api/v1/content/articles${listQuery(filter)}`, { signal });
export const listAlerts = (filter: ContentListFilter = {}, signal?: AbortSignal) =>
  api.get<{ items: ConsoleAlert[] }>(`/api/v1/content/alerts${listQuery(filter)}`, { signal });

/** The editor's address part for an item: an article by its slug, an alert by its id. */
export const itemPath = (item: ContentItem) => (item.kind === 'article' ? `articles/${encodeURIComponent(item.slug)}` : `alerts/${item.id}`);

export const getContent = (kind: ContentKind, key: string) =>
  api.get<ContentItem>(`/api/v1/content/${kind}s/${encodeURIComponent(key)}`);

export const createArticle = (body: { slug: string; fraudType: string; translations: TranslationsInput }) =>
  api.post<ConsoleArticle>('/api/v1/content/articles', body, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
export const createAlert = (body: { fraudTypes: string[]; translations: TranslationsInput }) =>
  api.post<ConsoleAlert>('/api/v1/content/alerts', body, { headers: { 'Idempotency-Key': crypto.randomUUID() } });

const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } });

export const updateArticle = (slug: string, body: { version: number; fraudType: string; translations: TranslationsInput }) =>
  api.put<ConsoleArticle>(`/api/v1/content/articles/${encodeURIComponent(slug)}`, body, ifMatch(body.version));
export const updateAlert = (id: string, body: { version: number; fraudTypes: string[]; translations: TranslationsInput }) =>
  api.put<ConsoleAlert>(`/api/v1/content/alerts/${id}`, body, ifMatch(body.version));

export type PublicationRequest = { action: 'publish' } | { action: 'schedule'; publishAt: string } | { action: 'unpublish'; reason: string };

export function changePublication(kind: ContentKind, key: string, version: number, request: PublicationRequest) {
  const { action, ...rest } = request;
  return api.post<ContentItem>(`/api/v1/content/${kind}s/${encodeURIComponent(key)}/${action}`, { version, ...rest }, ifMatch(version));
}

export const previewMarkdown = (markdown: string, signal?: AbortSignal) => api.post<{ html: string }>('/api/v1/content/preview', { markdown }, { signal });
