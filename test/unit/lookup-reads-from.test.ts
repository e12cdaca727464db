import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LookupIndex } from '../../src/app/lookup-index.ts';
import { answerCanonical, lookupReadsFrom } from '../../src/app/lookups.ts';
import { canonicalize } from '../../src/domain/identifiers/index.ts';
import { anyText } from './identifiers/arbitraries.ts';

/** An index that lists nothing (so every candidate is tried) and records every name it is asked about. */
function recordingIndex(): { index: LookupIndex; asked: Set<string> } {
  const index = new LookupIndex();
  const asked = new Set<string>();
  const get = index.get.bind(index);
  const legitimateOwner = index.legitimateOwner.bind(index);
  index.get = (name) => (asked.add(name), get(name));
  index.legitimateOwner = (name) => (asked.add(name), legitimateOwner(name));
  return { index, asked };
}

const SAMPLES = [
  '0912 345 678',
  'VCB 0011004567890',
  'https://a.b.login-vcb.example.net/verify/step/2?u=1#x',
  'http://198.51.100.7:8080/pay',
  'vcb-hotro.vn',
  'https://www.facebook.com/shopquanaomau/posts/123456789012345?mibextid=abc',
  'https://www.facebook.com/groups/12345/permalink/678/',
  'https://zalo.me/0912345678',
  'hotro@vcb-hotro.vn',
  'https://t.me/scamhandle',
  'https://www.tiktok.com/@scamtok/video/1',
];

describe('lookupReadsFrom: what an answer depends on', () => {
  it('names every indicator the answer reads, in both tiers (the answer cache relies on it)', () => {
    const inputs = fc.oneof(fc.constantFrom(...SAMPLES), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.domain(), fc.emailAddress(), anyText);
    fc.assert(
      fc.property(inputs, (raw) => {
        const c = canonicalize(raw);
        if (!c.ok) return;
        const reads = new Set(lookupReadsFrom(c.value));
        for (const tier of ['public', 'partner'] as const) {
          const { index, asked } = recordingIndex();
          answerCanonical(index, raw, c.value, tier);
          for (const name of asked) expect(reads.has(name), `${raw}: reads ${name}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('includes a URL\'s expressions under both schemes and a post\'s owner, URL and domain', () => {
    const url = canonicalize('https://a.evil.example.org/phish/login.html?u=1');
    expect(url.ok && lookupReadsFrom(url.value)).toEqual(expect.arrayContaining(['url:http://evil.example.org/phish/', 'url:https://evil.example.org/', 'domain:example.org']));
    const post = canonicalize('https://www.facebook.com/shopquanaomau/posts/123456789012345');
    expect(post.ok && lookupReadsFrom(post.value)).toEqual(expect.arrayContaining(['fb:post:123456789012345', 'fb:user:shopquanaomau', 'domain:facebook.com']));
  });
});
