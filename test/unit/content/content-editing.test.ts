import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticleFiles } from '../../../src/app/content-files.ts';
import { checkSlug, displayedStatus, parseVersionTag, publicationChange, SLUG_MAX_LENGTH, versionTag } from '../../../src/app/content-publication.ts';

const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
const validSlug = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join('-')).filter((s) => s.length >= 3 && s.length <= SLUG_MAX_LENGTH);

describe('the slug rule', () => {
  it('accepts every hyphen-joined lower-case word list of the right length', () => {
    fc.assert(fc.property(validSlug, (slug) => checkSlug(slug).length === 0));
  });

  it('whatever it accepts is its own URL encoding, lower case, with no empty word', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), validSlug, validSlug.map((s) => `${s}-`), validSlug.map((s) => s.replace('-', '--'))), (s) => {
        if (checkSlug(s).length > 0) return true;
        return encodeURIComponent(s) === s && s === s.toLowerCase() && s.split('-').every((part) => part.length > 0) && s.length <= SLUG_MAX_LENGTH;
      }),
    );
  });

  it('refuses diacritics, capitals, spaces and stray hyphens with a field error on /slug', () => {
    for (const s of ['lừa-đảo', 'Fake', 'a b c', '-abc', 'abc-', 'a--b', 'ab', 'x'.repeat(SLUG_MAX_LENGTH + 1)]) expect(checkSlug(s)).toEqual([expect.objectContaining({ field: '/slug' })]);
  });

  it('accepts every slug of the repository library', () => {
    for (const file of readArticleFiles()) expect(checkSlug(file.key), file.key).toEqual([]);
  });
});

describe('version tags (If-Match)', () => {
  it('reads back what versionTag writes, weak or bare', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (v) => parseVersionTag(versionTag(v)) === v && parseVersionTag(`W/${versionTag(v)}`) === v && parseVersionTag(String(v)) === v),
    );
  });

  it('never throws and gives null for anything else', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const v = parseVersionTag(s);
      return v === null || (Number.isInteger(v) && v >= 0);
    }));
    expect(parseVersionTag(undefined)).toBeNull();
    expect(parseVersionTag('*')).toBeNull();
    expect(parseVersionTag('"abc"')).toBeNull();
  });
});

describe('publication', () => {
  const now = new Date('2026-11-28T03:00:00Z');
  it('shows a scheduled item whose time has come as published', () => {
    expect(displayedStatus('scheduled', new Date('2026-11-28T02:59:59Z'), now)).toBe('published');
    expect(displayedStatus('scheduled', new Date('2026-11-28T03:00:01Z'), now)).toBe('scheduled');
  });

  it('needs both languages to publish or schedule, and a reason to unpublish', () => {
    expect(() => publicationChange({ status: 'draft', publishAt: null }, ['vi'], { action: 'publish' }, now)).toThrow(expect.objectContaining({ status: 422 }));
    expect(publicationChange({ status: 'draft', publishAt: null }, ['vi', 'en'], { action: 'publish' }, now)).toEqual({ status: 'published', publishAt: now, statusReason: null });
    expect(() => publicationChange({ status: 'published', publishAt: now }, ['vi', 'en'], { action: 'unpublish', reason: ' ' }, now)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => publicationChange({ status: 'draft', publishAt: null }, ['vi', 'en'], { action: 'unpublish', reason: 'x' }, now)).toThrow(expect.objectContaining({ status: 409 }));
  });
});
