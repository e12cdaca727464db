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

export type LookupOutcome = { ok: true; answer: LookupAnswer; canonical: Canonical } | { ok: false; error: { code: string; message: string } };

const URL_PREFIXES = ['url:http://', 'url:https://'] as const;

/**
 * What to try for one canonical identifier, most specific first: itself; for a URL, its Safe
 * Browsing host-suffix/path-prefix expressions under both schemes (listing `http://x/a/` covers
 * `https://x/a/b`, as Safe Browsing does; probing two keys costs less memory than a second
 * index of expressions); then what it also names (a post's group or owner, a link's URL, a
 * registrable domain). Each candidate is tried as it is made, and the search stops at the
 * first one listed for the tier: a URL has a dozen candidates, each a sha256 (see
 * bench/README.md), so no list of objects is built for them.
 */
function firstListed(index: LookupIndex, c: Canonical, tier: Tier): { entry: IndexedIndicator; matchedOn: NonNullable<LookupAnswer['matchedOn']> } | null {
  const exact = index.get(c.indicator);
  if (exact && visibleTo(tier, exact.verdict, exact.tlp)) return { entry: exact, matchedOn: { indicator: c.indicator, relation: 'exact' } };
  if (c.kind === 'url') {
    for (const e of expressions(c.value)) {
      for (const prefix of URL_PREFIXES) {
        const candidate = prefix + e;
        if (candidate === c.indicator) continue;
        const entry = index.get(candidate);
        if (entry && visibleTo(tier, entry.verdict, entry.tlp)) return { entry, matchedOn: { indicator: candidate, relation: 'url_expression' } };
      }
    }
  }
  const related = c.related;
  if (related) {
    for (let i = 0; i < related.length; i++) {
      const r = related[i]!;
      // Tried already: the identifier itself, a URL expression, or an earlier related entry.
      if (r.indicator === c.indicator || (c.kind === 'url' && r.kind === 'url' && isExpressionCandidate(c.value, r.indicator))) continue;
      if (related.findIndex((x) => x.indicator === r.indicator) < i) continue;
      const entry = index.get(r.indicator);
      if (entry && visibleTo(tier, entry.verdict, entry.tlp)) return { entry, matchedOn: { indicator: r.indicator, relation: r.kind === 'domain' ? 'domain' : 'related' } };
    }
  }
  return null;
}

/**
 * Every indicator `answerCanonical` may consult for `c` (in the table or the verified-legitimate
 * registry): the identifier, its URL expressions under both schemes, what it also names. An
 * answer kept by the answer cache is dropped when any of them changes, so this must stay a
 * superset of what is read (property-tested in test/unit/lookup-reads-from.test.ts).
 */
export function lookupReadsFrom(c: Canonical): string[] {
  const names = [c.indicator];
  if (c.kind === 'url') for (const e of expressions(c.value)) for (const prefix of URL_PREFIXES) names.push(prefix + e);
  for (const r of c.related ?? []) names.push(r.indicator);
  return names;
}

/** Whether `indicator` is one of the URL expression candidates of `url` (a URL's related `url:` entry, if it ever has one). */
function isExpressionCandidate(url: string, indicator: string): boolean {
  for (const e of expressions(url)) for (const prefix of URL_PREFIXES) if (indicator === prefix + e) return true;
  return false;
}

const DAY_MS = 86_400_000;

const dayTexts = new Map<number, string>();

/** `YYYY-MM-DD` of a day number, memoised (a few hundred distinct days are ever asked for). */
function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayTexts.size < 100_000) dayTexts.set(day, text);
  }
  return text;
}

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
    lastSeenOn: dayText(e.lastSeenDay),
    tlp: e.tlp,
  };
}

/** The host of a canonical URL is its registrable domain itself (or www. of it). */
function urlOnDomainItself(c: Canonical, domain: string): boolean {
  const m = /^[a-z]+:\/\/([^/:?#]+)/.exec(c.value);
  return m !== null && (m[1] === domain || m[1] === `www.${domain}`);
}

// Advice depends only on (tier, verdict, confidence) here: built once each, shared (never mutated).
const NOT_LISTED: Record<Tier, Advice> = { public: adviceFor('public', 'not_listed'), partner: adviceFor('partner', 'not_listed') };
const listedAdvices = new Map<string, Advice>();

function listedAdvice(tier: Tier, verdict: Verdict, confidence: number): Advice {
  const key = `${tier}${verdict}${confidence}`;
  let advice = listedAdvices.get(key);
  if (advice === undefined) listedAdvices.set(key, (advice = adviceFor(tier, 'listed', { verdict, confidence })));
  return advice;
}

function legitimateAnswer(
  query: string,
  c: Canonical,
  owner: { ownerName: string; category: string },
  matchedOn: LookupAnswer['matchedOn'],
  tier: Tier,
): LookupAnswer {
  return {
    query,
    indicator: c.indicator,
    kind: c.kind,
    display: c.display,
    state: 'verified_legitimate',
    matchedOn,
    owner: { name: owner.ownerName, category: owner.category },
    advice: adviceFor(tier, 'verified_legitimate', undefined, owner.ownerName),
  };
}

/**
 * Answers a look-up from the node's index, in one of three states. Order: the identifier itself
 * registered as verified legitimate; then the most specific candidate listed for the caller's
 * tier; then, for a URL on a registered domain's own host, verified legitimate; else not listed
 * (never "safe"). Legitimacy is not inherited through `related`, so a scam page on a platform
 * whose domain is registered is never called legitimate.
 */
export function answerCanonical(index: LookupIndex, query: string, c: Canonical, tier: Tier): LookupAnswer {
  const own = index.legitimateOwner(c.indicator);
  if (own) {
    return legitimateAnswer(query, c, own, { indicator: c.indicator, relation: 'exact' }, tier);
  }
  const hit = firstListed(index, c, tier);
  if (hit) {
    const e = hit.entry;
    return {
      query,
      indicator: c.indicator,
      kind: c.kind,
      display: c.display,
      state: 'listed',
      matchedOn: hit.matchedOn,
      listing: listingOf(e),
      advice: listedAdvice(tier, e.verdict, e.confidence),
    };
  }
  if (c.kind === 'url') {
    for (const r of c.related ?? []) {
      if (r.kind !== 'domain' || !urlOnDomainItself(c, r.value)) continue;
      const owner = index.legitimateOwner(r.indicator);
      if (owner) {
        return legitimateAnswer(query, c, owner, { indicator: r.indicator, relation: 'domain' }, tier);
      }
    }
  }
  return { query, indicator: c.indicator, kind: c.kind, display: c.display, state: 'not_listed', matchedOn: null, advice: NOT_LISTED[tier] };
}

/** Canonicalizes (detecting the kind unless given) and answers. */
export function lookup(index: LookupIndex, query: string, tier: Tier, kind?: IdentifierKind): LookupOutcome {
  const c = canonicalize(query, kind ? { kind } : {});
  if (!c.ok) return { ok: false, error: c.error };
  return { ok: true, answer: answerCanonical(index, query, c.value, tier), canonical: c.value };
}
