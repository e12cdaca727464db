import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../src/domain/templates/defaults.ts';
import { audienceOf, placeholdersOf, TEMPLATE_LOCALES, TEMPLATE_PURPOSES } from '../../../src/domain/templates/purposes.ts';
import { renderMessage, renderTemplate } from '../../../src/domain/templates/render.ts';
import { checkTemplate } from '../../../src/domain/templates/template-check.ts';

const KNOWN = [{ name: 'trackingCode' }, { name: 'status' }, { name: 'outcome', optional: true }];
const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/);
/** Text with no tag in it (no "{{"). */
const plain = fc.string({ maxLength: 60 }).filter((s) => !s.includes('{{') && !s.includes('}}') && !s.endsWith('{') && !s.startsWith('}'));
const value = fc.string({ maxLength: 40 });

describe('template checking and rendering (properties)', () => {
  it('never throws: any string gives a list of problems', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => Array.isArray(checkTemplate(s, KNOWN))));
  });

  it('text without tags is accepted and renders to itself', () => {
    fc.assert(fc.property(plain, (s) => checkTemplate(s, KNOWN).length === 0 && renderTemplate(s, { trackingCode: 'x' }) === s));
  });

  it('a name outside the closed list is refused, and the problem points at it', () => {
    fc.assert(
      fc.property(plain, name, plain, (before, unknown, after) => {
        fc.pre(!KNOWN.some((k) => k.name === unknown));
        const problems = checkTemplate(`${before}{{${unknown}}}${after}`, KNOWN);
        return problems.length === 1 && problems[0]!.at === before.length && problems[0]!.message.includes(`{{${unknown}}}`);
      }),
    );
  });

  it('known placeholders are replaced by their values exactly, never read as template syntax (text channel)', () => {
    fc.assert(
      fc.property(plain, value, plain, value, (a, code, b, status) => {
        const template = `${a}{{trackingCode}}${b}{{status}}`;
        expect(checkTemplate(template, KNOWN)).toEqual([]);
        return renderTemplate(template, { trackingCode: code, status }) === `${a}${code}${b}${status}`;
      }),
    );
  });

  it('the HTML channel leaves no markup from values', () => {
    fc.assert(
      fc.property(value, (v) => {
        const html = renderTemplate('<p>{{trackingCode}}</p>', { trackingCode: v }, 'html');
        const inner = html.slice('<p>'.length, -'</p>'.length);
        return !/[<>"']/.test(inner) && inner.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!) === v;
      }),
    );
  });

  it('a subject is one line whatever the values hold', () => {
    fc.assert(fc.property(value, (v) => !/[\r\n]/.test(renderMessage({ subject: 'Re: {{trackingCode}}', body: '' }, { trackingCode: v }).subject)));
  });

  it('an optional passage shows only when its placeholder has a value', () => {
    fc.assert(
      fc.property(plain, value, (text, outcome) => {
        const rendered = renderTemplate(`A{{#outcome}}[${text}{{outcome}}]{{/outcome}}B`, { outcome });
        return rendered === (outcome ? `A[${text}${outcome}]B` : 'AB');
      }),
    );
  });
});

describe('the built-in templates', () => {
  it('every default passes its own check', () => {
    for (const purpose of TEMPLATE_PURPOSES)
      for (const locale of TEMPLATE_LOCALES) {
        const t = DEFAULT_TEMPLATES[purpose][locale];
        expect([...checkTemplate(t.subject, placeholdersOf(purpose)), ...checkTemplate(t.body, placeholdersOf(purpose))], `${purpose}/${locale}`).toEqual([]);
      }
  });

  it('the reporter defaults say what the hard-coded e-mails said', () => {
    const values = { trackingCode: 'CG-1', status: 'Đã xác minh', outcome: 'Các định danh đã được xác minh.' };
    expect(renderMessage(DEFAULT_TEMPLATES['report.verified'].vi, values)).toEqual({
      subject: 'Canh Giác: báo cáo CG-1 — Đã xác minh',
      body: 'Báo cáo CG-1 của bạn: Đã xác minh.\n\nKết quả: Các định danh đã được xác minh.\n\nCảm ơn bạn đã báo cáo. — Canh Giác',
    });
    expect(renderMessage(DEFAULT_TEMPLATES['report.closed'].en, { trackingCode: 'CG-1', status: 'Closed', outcome: '' }).body).toBe('Your report CG-1: Closed.\n\nThank you for reporting. — Canh Giác');
  });

  it('no placeholder of a platform message can carry personal data', () => {
    const allowed = new Set(['caseReference', 'platform', 'dueAt', 'fraudCategory', 'legalBasis', 'subjects', 'escalationId']);
    for (const purpose of TEMPLATE_PURPOSES.filter((p) => audienceOf(p) === 'platform')) {
      for (const p of placeholdersOf(purpose)) expect(allowed.has(p.name), `${purpose}: ${p.name}`).toBe(true);
    }
  });
});
