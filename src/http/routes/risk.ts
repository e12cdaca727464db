import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { forbidden } from '../../app/errors.ts';
import type { LookupIndex } from '../../app/lookup-index.ts';
import { answerCanonical } from '../../app/lookups.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { canonicalize } from '../../domain/identifiers/index.ts';
import { scoreRisk } from '../../domain/risk/scorer.ts';
import type { ResolvedIndicator, VerdictResolver } from '../../domain/risk/types.ts';
import { problemResponses } from '../schemas/common.ts';
import { RiskScoreAnswer, RiskScoreBody } from '../schemas/risk.ts';

/** Who is asking, for what the verdicts may show: everything, partners' view, or the public's. */
type Audience = 'agency' | 'partner' | 'public';

/**
 * Verdicts of the node's in-memory look-up index, as the audience may see them. The agency sees
 * every verdict (cleared and TLP red included) with report counts; partners see what a partner
 * look-up shows; the public sees confirmed listings and verified-legitimate owners only, and no
 * report counts (no sources).
 */
export function verdictResolver(index: LookupIndex, audience: Audience): VerdictResolver {
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

function audienceOf(request: FastifyRequest): Audience {
  const actor = request.caller.actor;
  if (actor.type === 'user') return 'agency';
  if (actor.type === 'api_key') {
    if (!actor.scopes.includes('lookup')) throw forbidden('This API key does not have the scope for this call.');
    return 'partner';
  }
  return 'public';
}

/**
 * Risk scores of messages (docs/risk.md): the console's and partners' endpoint, and the public
 * check page's. Registered after the look-up routes, whose index it reads.
 */
export async function riskRoutes(plain: FastifyInstance, options: { publicPerMinute?: number } = {}): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/risk/score',
    {
      config: { access: { roles: AGENCY_ROLES, scopes: ['lookup'] } },
      schema: {
        tags: ['risk'],
        summary: 'Risk-score a message: score 0–100, label and the reasons behind it',
        description:
          'For the agency (every verdict, with report counts) and partners with scope `lookup` (the partner look-up view). The reasons\' weights add up to the score; `scam` from 50 up.',
        body: RiskScoreBody,
        response: { 200: RiskScoreAnswer, ...problemResponses },
      },
    },
    async (request, reply) => {
      const audience = audienceOf(request);
      reply.header('cache-control', 'no-store');
      return scoreRisk(request.body, { resolve: verdictResolver(app.lookupIndex, audience) });
    },
  );

  app.post(
    '/api/v1/risk/check',
    {
      config: { access: { public: true }, rateLimit: { max: options.publicPerMinute ?? 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['risk'],
        summary: 'Check a pasted message (public check page): score, label and reasons',
        description:
          'Anyone, rate-limited. Only confirmed listings and verified-legitimate owners count among the verdicts, and no report counts are shown. The same answer for every caller.',
        body: RiskScoreBody,
        response: { 200: RiskScoreAnswer, ...problemResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return scoreRisk(request.body, { resolve: verdictResolver(app.lookupIndex, 'public') });
    },
  );
}
