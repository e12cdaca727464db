import { api } from './client.ts';

// Message templates (GET/PUT /api/v1/message-templates…, POST …/preview, POST …/reset; docs/templates.md).

export const TEMPLATE_AUDIENCES = ['reporter', 'platform', 'disputer'] as const;
export type TemplateAudience = (typeof TEMPLATE_AUDIENCES)[number];
export type TemplateLocale = 'vi' | 'en';

export interface TemplateText {
  subject: string;
  body: string;
}

export interface MessageTemplate extends TemplateText {
  purpose: string;
  audience: TemplateAudience;
  locale: TemplateLocale;
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  placeholders: { name: string; optional: boolean }[];
  defaults: TemplateText;
}

export interface TemplateVersion extends TemplateText {
  version: number;
  isDefault: boolean;
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
}

export interface MessageTemplateDetail extends MessageTemplate {
  history: TemplateVersion[];
}

const path = (purpose: string, locale: TemplateLocale) => `/api/v1/message-templates/${encodeURIComponent(purpose)}/${locale}`;

export const listTemplates = (signal?: AbortSignal) => api.get<{ items: MessageTemplate[] }>('/api/v1/message-templates', { signal });
export const getTemplate = (purpose: string, locale: TemplateLocale, signal?: AbortSignal) => api.get<MessageTemplateDetail>(path(purpose, locale), { signal });
export const saveTemplate = (purpose: string, locale: TemplateLocale, body: TemplateText & { baseVersion: number }) => api.put<MessageTemplate>(path(purpose, locale), body);
export const resetTemplate = (purpose: string, locale: TemplateLocale) => api.post<MessageTemplate>(`${path(purpose, locale)}/reset`);
export const previewTemplate = (purpose: string, locale: TemplateLocale, draft: TemplateText, signal?: AbortSignal) =>
  api.post<TemplateText & { values: Record<string, string> }>(`${path(purpose, locale)}/preview`, draft, { signal });
