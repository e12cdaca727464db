import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuizScore, parseCampaignEvent } from '../../../src/domain/campaigns/events.ts';
import { CAMPAIGN_EVENT_KINDS } from '../../../src/domain/campaigns/model.ts';

const anyJson = fc.jsonValue();
const kind = fc.constantFrom(...CAMPAIGN_EVENT_KINDS);

describe('parseCampaignEvent', () => {
  it('is total: any JSON value gives a result, never a throw', () => {
    fc.assert(fc.property(anyJson, (body) => {
      const result = parseCampaignEvent(body);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    }));
  });

  it('accepts exactly the valid events and keeps nothing but kind, score and of', () => {
    fc.assert(
      fc.property(kind, fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }), fc.boolean(), (k, score, of, withScore) => {
        const body = withScore ? { kind: k, score, of } : { kind: k };
        const result = parseCampaignEvent(body);
        const valid = k === 'quiz_complete' ? withScore && of >= 1 && of <= 50 && score >= 0 && score <= of : !withScore;
        expect(result.ok).toBe(valid);
        if (result.ok) expect(Object.keys(result.event).sort()).toEqual(k === 'quiz_complete' ? ['kind', 'of', 'score'] : ['kind']);
      }),
    );
  });

  it('refuses unknown properties, so nothing about the visitor can be sent along', () => {
    fc.assert(
      fc.property(kind, fc.string({ minLength: 1 }).filter((k) => !['kind', 'score', 'of', '__proto__'].includes(k)), fc.jsonValue(), (k, extra, value) => {
        const result = parseCampaignEvent({ kind: k, score: 1, of: 2, [extra]: value });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.some((e) => e.field === `/${extra}`)).toBe(true);
      }),
    );
  });

  it('points at the field that is wrong', () => {
    expect(parseCampaignEvent({ kind: 'quiz_complete', score: 5, of: 4 })).toEqual({ ok: false, errors: [{ field: '/score', message: 'Not more than "of".' }] });
    expect(parseCampaignEvent({ kind: 'click' })).toMatchObject({ ok: false, errors: [{ field: '/kind' }] });
    expect(parseCampaignEvent([])).toMatchObject({ ok: false, errors: [{ field: '/' }] });
  });
});

describe('checkQuizScore', () => {
  it('accepts 0 ≤ score ≤ of, 1 ≤ of ≤ 50, integers only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -3, max: 55 }), fc.double({ noNaN: true, min: -3, max: 55 })), fc.oneof(fc.integer({ min: -3, max: 55 }), fc.double({ noNaN: true, min: -3, max: 55 })), (score, of) => {
        const valid = Number.isInteger(score) && Number.isInteger(of) && of >= 1 && of <= 50 && score >= 0 && score <= of;
        expect(checkQuizScore(score, of).length === 0).toBe(valid);
      }),
    );
  });
});
