import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerKey, LookupAnswerCache } from '../../src/app/lookup-answer-cache.ts';

const body = (text: string) => Buffer.from(text);

describe('LookupAnswerCache', () => {
  it('gives back the bytes kept for a key, per tier and kind', () => {
    const cache = new LookupAnswerCache();
    cache.set(answerKey('public', undefined, '0912 345 678'), body('a'), ['phone:+84912345678']);
    cache.set(answerKey('partner', undefined, '0912 345 678'), body('b'), ['phone:+84912345678']);
    expect(cache.get(answerKey('public', undefined, '0912 345 678'))?.toString()).toBe('a');
    expect(cache.get(answerKey('partner', undefined, '0912 345 678'))?.toString()).toBe('b');
    expect(cache.get(answerKey('public', 'phone', '0912 345 678'))).toBeUndefined();
  });

  it('drops exactly the answers that read a changed indicator', () => {
    const cache = new LookupAnswerCache();
    cache.set('post', body('1'), ['fb:post:1', 'fb:user:a', 'domain:facebook.com']);
    cache.set('page', body('2'), ['fb:page:b', 'domain:facebook.com']);
    cache.set('phone', body('3'), ['phone:+84912345678']);
    cache.invalidate(['fb:user:a']);
    expect(cache.get('post')).toBeUndefined();
    expect(cache.get('page')?.toString()).toBe('2');
    cache.invalidate(['domain:facebook.com', 'not:read']);
    expect(cache.get('page')).toBeUndefined();
    expect(cache.get('phone')?.toString()).toBe('3');
  });

  it('a replaced answer depends only on what the new one read', () => {
    const cache = new LookupAnswerCache();
    cache.set('q', body('old'), ['a', 'b']);
    cache.set('q', body('new'), ['c']);
    cache.invalidate(['a', 'b']);
    expect(cache.get('q')?.toString()).toBe('new');
    cache.invalidate(['c']);
    expect(cache.get('q')).toBeUndefined();
  });

  it('stays within its byte bound, keeps no links to evicted answers, and never keeps a stale one', () => {
    // A model: after any sequence of sets and invalidations, every answer still held is the last
    // one set for its key, and none of them read an indicator invalidated after it was set.
    const op = fc.oneof(
      fc.record({ set: fc.integer({ min: 0, max: 40 }), reads: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 4 }), size: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ invalidate: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const cache = new LookupAnswerCache(4_000);
        const latest = new Map<string, { text: string; reads: string[] }>();
        ops.forEach((o, step) => {
          if ('set' in o) {
            const text = `${step}:`.padEnd(o.size, 'x');
            const reads = o.reads.map((r) => `i${r}`);
            cache.set(`k${o.set}`, body(text), reads);
            latest.set(`k${o.set}`, { text, reads });
          } else {
            const names = o.invalidate.map((r) => `i${r}`);
            cache.invalidate(names);
            for (const [k, v] of latest) if (v.reads.some((r) => names.includes(r))) latest.delete(k);
          }
        });
        let bytes = 0;
        for (let k = 0; k <= 40; k++) {
          const held = cache.get(`k${k}`);
          if (held === undefined) continue;
          expect(held.toString()).toBe(latest.get(`k${k}`)?.text);
          bytes += held.length;
        }
        expect(bytes).toBeLessThanOrEqual(4_000);
        // Everything invalidated: no answer that read something is left, and no link is kept
        // (evicted and dropped answers unlinked themselves).
        cache.invalidate(Array.from({ length: 16 }, (_, i) => `i${i}`));
        for (const [k, v] of latest) if (v.reads.length > 0) expect(cache.get(k)).toBeUndefined();
        expect((cache as unknown as { readers: Map<string, unknown> }).readers.size).toBe(0);
      }),
    );
  });

  it('does not keep an answer larger than the whole cache', () => {
    const cache = new LookupAnswerCache(100);
    cache.set('big', Buffer.alloc(500), ['a']);
    expect(cache.get('big')).toBeUndefined();
    expect((cache as unknown as { readers: Map<string, unknown> }).readers.size).toBe(0);
  });
});

describe('LookupAnswerCache.admit', () => {
  it('keeps an answer from the second time its query comes, not the first', () => {
    const cache = new LookupAnswerCache();
    expect(cache.admit('q1')).toBe(false);
    expect(cache.admit('q2')).toBe(false);
    expect(cache.admit('q1')).toBe(true);
    cache.clear();
    expect(cache.admit('q2')).toBe(false);
  });

  it('forgets first sightings after many distinct queries, so its memory stays bounded', () => {
    const cache = new LookupAnswerCache();
    expect(cache.admit('early')).toBe(false);
    for (let i = 0; i < 60_000; i++) cache.admit(`q${i}`);
    expect(cache.admit('early')).toBe(false);
    expect(cache.admit('early')).toBe(true);
  });
});
