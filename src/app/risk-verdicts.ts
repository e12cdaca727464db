import { canonicalize } from '../domain/identifiers/index.ts';
import type { ResolvedIndicator, VerdictResolver } from '../domain/risk/types.ts';
import type { LookupIndex } from './lookup-index.ts';
import { answerCanonical } from './lookups.ts';

/** Who a risk score is for, which decides what the verdicts may show. */
export type RiskAudience = 'agency' | 'partner' | 'public';

/**
 * The risk scorer's verdict resolver over a node's in-memory look-up index. The agency sees
 * every verdict (cleared and TLP red included) with report counts; partners see what a partner
 * look-up shows (with its URL-expression and domain matching); the public sees confirmed
 * listings and verified-legitimate owners only, and no report counts (no sources).
 */
export function verdictResolver(index: LookupIndex, audience: RiskAudience): VerdictResolver {
  return (indicator: string): ResolvedIndicator | undefined => {
    if (audience === 'agency') {
      const own = index.legitimateOwner(indicator);
      if (own) return { verdict: 'verified_legitimate', owner: own.ownerName };
      const e = index.get(indicator);
      if (e) return { verdict: e.verdict, reportCount: e.reportCount };
    }
    const c = canonicalize(indicator);
    if (!c.ok) return undefined;
    const answer = answerCanonical(index, indicator, c.value, audience === 'public' ? 'public' : 'partner');
    if (answer.state === 'verified_legitimate') return { verdict: 'verified_legitimate', owner: answer.owner?.name };
    if (answer.state !== 'listed' || !answer.listing) return undefined;
    return audience === 'public' ? { verdict: answer.listing.verdict } : { verdict: answer.listing.verdict, reportCount: answer.listing.reportCount };
  };
}
