import { FRAUD_TYPES, type FraudType } from '../domain/fraud-types.ts';
import { canonicalize, expressions, type Canonical, type IdentifierKind } from '../domain/identifiers/index.ts';
import { adviceFor, type Advice, type LookupState } from '../domain/indicators/advice.ts';
import type { IndexedIndicator } from '../domain/indicators/compact-index.ts';
import type { Tlp, Verdict } from '../domain/indicators/verdicts.ts';
import { visibleTo, type LookupIndex, type Tier } from './lookup-index.ts';

/** How the matched indicator relates to what was asked. */
export type MatchRelation = 'exact' | 'url_expression' | 'related' | 'domain';

export interface LookupAnswer {
  query: string;
  indicator: string;
  kind: IdentifierKind;
  display: string;
  state: LookupState;
  matchedOn: { indicator: string; relation: MatchRelation } | null;
  listing?: {
    verdict: Verdict;
    confidence: number;
    reportCount: number;
    platformConfirmations: number;
    fraudTypes: FraudType[];
    /** The day (UTC) of the last report or sighting. */
    lastSeenOn: string;
    tlp: Tlp;
  };
  owner?: { name: string; category: string };
  advice: Advice;
}

export type LookupOutcome = { ok: true; answer: LookupAnswer } | { ok: false; error: { code: string; message: string } };

interface Candidate {
  indicator: string;
  relation: MatchRelation;
}

/**
 * What to try for one canonical identifier, most specific first: itself; for a URL, its Safe
 * Browsing host-suffix/path-prefix expressions under both schemes (listing `http://x/a/` covers
 * `https://x/a/b`, as Safe Browsing does; probing two keys costs less memory than a second
 * index of expressions); then what it also names (a post's group or owner, a link's URL, a
 * registrable domain).
 */
function candidatesOf(c: Canonical): Candidate[] {
  const out: Candidate[] = [{ indicator: c.indicator, relation: 'exact' }];
  const seen = new Set([c.indicator]);
  const push = (indicator: string, relation: MatchRelation) => {
    if (seen.has(indicator)) return;
    seen.add(indicator);
    out.push({ indicator, relation });
  };
  if (c.kind === 'url') {
    for (const e of expressions(c.value)) {
      push(`url:http://${e}`, 'url_expression');
      push(`url:https://${e}`, 'url_expression');
    }
  }
  for (const r of c.related ?? []) push(r.indicator, r.kind === 'domain' ? 'domain' : 'related');
  return out;
}

const DAY_MS = 86_400_000;

function fraudTypesOf(mask: number): FraudType[] {
  const out: FraudType[] = [];
  for (let i = 0; i < FRAUD_TYPES.length; i++) if (mask & (1 << i)) out.push(FRAUD_TYPES[i]!);
  return out;
}

function listingOf(e: IndexedIndicator): NonNullable<LookupAnswer['listing']> {
  return {
    verdict: e.verdict,
    confidence: e.confidence,
    reportCount: e.reportCount,
    platformConfirmations: e.platformConfirmations,
    fraudTypes: fraudTypesOf(e.fraudMask),
    lastSeenOn: new Date(e.lastSeenDay * DAY_MS).toISOString().slice(0, 10),
    tlp: e.tlp,
  };
}

/** The host of a canonical URL is its registrable domain itself (or www. of it). */
function urlOnDomainItself(c: Canonical, domain: string): boolean {
  const m = /^[a-z]+:\/\/([^/:?#]+)/.exec(c.value);
  return m !== null && (m[1] === domain || m[1] === `www.${domain}`);
}

/**
 * Answers a look-up from the node's index, in one of three states. Order: the identifier itself
 * registered as verified legitimate; then the most specific candidate listed for the caller's
 * tier; then, for a URL on a registered domain's own host, verified legitimate; else not listed
 * (never "safe"). Legitimacy is not inherited through `related`, so a scam page on a platform
 * whose domain is registered is never called legitimate.
 */
export function answerCanonical(index: LookupIndex, query: string, c: Canonical, tier: Tier): LookupAnswer {
  const base = { query, indicator: c.indicator, kind: c.kind, display: c.display };
  const own = index.legitimateOwner(c.indicator);
  if (own) {
    return {
      ...base,
      state: 'verified_legitimate',
      matchedOn: { indicator: c.indicator, relation: 'exact' },
      owner: { name: own.ownerName, category: own.category },
      advice: adviceFor(tier, 'verified_legitimate', undefined, own.ownerName),
    };
  }
  for (const candidate of candidatesOf(c)) {
    const e = index.get(candidate.indicator);
    if (e && visibleTo(tier, e.verdict, e.tlp)) {
      return {
        ...base,
        state: 'listed',
        matchedOn: candidate,
        listing: listingOf(e),
        advice: adviceFor(tier, 'listed', { verdict: e.verdict, confidence: e.confidence }),
      };
    }
  }
  if (c.kind === 'url') {
    for (const r of c.related ?? []) {
      if (r.kind !== 'domain' || !urlOnDomainItself(c, r.value)) continue;
      const owner = index.legitimateOwner(r.indicator);
      if (owner) {
        return {
          ...base,
          state: 'verified_legitimate',
          matchedOn: { indicator: r.indicator, relation: 'domain' },
          owner: { name: owner.ownerName, category: owner.category },
          advice: adviceFor(tier, 'verified_legitimate', undefined, owner.ownerName),
        };
      }
    }
  }
  return { ...base, state: 'not_listed', matchedOn: null, advice: adviceFor(tier, 'not_listed') };
}

/** Canonicalizes (detecting the kind unless given) and answers. */
export function lookup(index: LookupIndex, query: string, tier: Tier, kind?: IdentifierKind): LookupOutcome {
  const c = canonicalize(query, kind ? { kind } : {});
  if (!c.ok) return { ok: false, error: c.error };
  return { ok: true, answer: answerCanonical(index, query, c.value, tier) };
}
