import Mustache from 'mustache';
import type { TemplateText } from './defaults.ts';
import type { TemplateValues } from './purposes.ts';

/** Where a rendered message goes: plain-text e-mail takes values as they are, HTML escapes them. */
export type TemplateChannel = 'text' | 'html';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

function writer(): Mustache.Writer {
  const w = new Mustache.Writer();
  (w as unknown as { templateCache: undefined }).templateCache = undefined;
  return w;
}

/**
 * Fills a checked template (see checkTemplate) with values. Values are never read as template
 * syntax, so a reporter's "{{x}}" stays "{{x}}". A subject is one line: line breaks in values
 * collapse to spaces (a header cannot hold them).
 */
export function renderTemplate(template: string, values: TemplateValues, channel: TemplateChannel = 'text'): string {
  const escape = channel === 'html' ? escapeHtml : (value: string) => value;
  return writer().render(template, { ...values }, undefined, { escape: (value: unknown) => escape(String(value)) });
}

export function renderMessage(text: TemplateText, values: TemplateValues, channel: TemplateChannel = 'text'): TemplateText {
  return {
    subject: renderTemplate(text.subject, values, channel).replace(/\s+/g, ' ').trim(),
    body: renderTemplate(text.body, values, channel),
  };
}
