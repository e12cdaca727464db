import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { forbidden } from '../../app/errors.ts';
import { verdictResolver, type RiskAudience } from '../../app/risk-verdicts.ts';
import { AGENCY_ROLES } from '../../domain/auth/access.ts';
import { indicatorsOf, scoreRisk } from '../../domain/risk/scorer.ts';
import type { Db } from '../../store/connection.ts';
import { confirmedNetworkMemberships } from '../../store/networks.ts';
import { problemResponses } from '../schemas/common.ts';
import { RiskScoreAnswer, RiskScoreBody } from '../schemas/risk.ts';

function audienceOf(request: FastifyRequest): RiskAudience {
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
export async function riskRoutes(plain: FastifyInstance, options: { db?: Db; publicPerMinute?: number } = {}): Promise<void> {
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
      // Membership of a network holding a confirmed identifier (not on the public check: it would tell who is linked to whom).
      const networks = options.db ? await confirmedNetworkMemberships(options.db, indicatorsOf(request.body)) : [];
      return scoreRisk(request.body, { resolve: verdictResolver(app.lookupIndex, audience), networks });
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
