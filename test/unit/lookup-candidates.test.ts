import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LookupIndex, visibleTo, type Tier } from '../../src/app/lookup-index.ts';
import { answerCanonical } from '../../src/app/lookups.ts';
import { canonicalize, expressions, type Canonical } from '../../src/domain/identifiers/index.ts';
import { indicatorSha256 } from '../../src/domain/indicators/hashing.ts';
import { TLP_LEVELS, VERDICTS } from '../../src/domain/indicators/verdicts.ts';

/**
 * The documented matching order, written the plain way (a list of every candidate, duplicates
 * dropped): the look-up builds its candidates lazily and must find the same first match.
 */
function referenceCandidates(c: Canonical): { indicator: string; relation: string }[] {
  const out = [{ indicator: c.indicator, relation: 'exact' }];
  const more: { indicator: string; relation: string }[] = [];
  if (c.kind === 'url') {
    for (const e of expressions(c.value)) more.push({ indicator: `url:http://${e}`, relation: 'url_expression' }, { indicator: `url:https://${e}`, relation: 'url_expression' });
  }
  for (const r of c.related ?? []) more.push({ indicator: r.indicator, relation: r.kind === 'domain' ? 'domain' : 'related' });
  for (const m of more) if (!out.some((o) => o.indicator === m.indicator)) out.push(m);
  return out;
}

const inputs = fc.constantFrom(
  'https://shop.example.vn/a/b/c?x=1',
  'http://a.b.c.d.e.f.example.com/1/2/3/4/5.html?q',
  'https://evil.example.org/phish/login',
  'hxxps://lua-dao[.]vn/nap-tien',
  'https://192.168.1.10/x/y',
  'https://www.facebook.com/johnsmith55/posts/999',
  'https://www.facebook.com/groups/12345/posts/678',
  'https://t.me/kenh_mau',
  'https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2Fa%2Fb',
  '0912345678',
  'VCB 0011 0045 67890',
  'lua.dao@example.com',
  'shop.example.vn',
);

describe('look-up matching order', () => {
  it('answers with the first candidate listed for the tier, in the documented order', () => {
    fc.assert(
      fc.property(inputs, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...VERDICTS), fc.constantFrom(...TLP_LEVELS)), { maxLength: 8 }), fc.constantFrom<Tier>('public', 'partner'), (input, picks, tier) => {
        const r = canonicalize(input);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const candidates = referenceCandidates(r.value);
        const index = new LookupIndex();
        const listed = new Map<string, { verdict: (typeof VERDICTS)[number]; tlp: (typeof TLP_LEVELS)[number] }>();
        for (const [i, verdict, tlp] of picks) listed.set(candidates[i % candidates.length]!.indicator, { verdict, tlp });
        const names = [...listed.keys()];
        index.applyRows(
          names,
          names.map((indicator) => ({ indicator, sha256: indicatorSha256(indicator), confidence: 80, reportCount: 1, platformConfirmations: 0, fraudMask: 0, lastSeenDay: 20_000, ...listed.get(indicator)! })),
          [],
        );
        const want = candidates.find((cand) => {
          const l = listed.get(cand.indicator);
          return l !== undefined && visibleTo(tier, l.verdict, l.tlp);
        });
        const answer = answerCanonical(index, input, r.value, tier);
        if (want) {
          expect(answer.state).toBe('listed');
          expect(answer.matchedOn).toEqual(want);
        } else {
          expect(answer.state).toBe('not_listed');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
