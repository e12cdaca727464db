import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { IndicatorPolicy } from '../../app/indicators.ts';
import { pushPartnerIndicators } from '../../app/partner-pushes.ts';
import { getPartnerTrust, setPartnerTrust } from '../../app/partner-trust.ts';
import { ROLES } from '../../domain/auth/roles.ts';
import type { Db } from '../../store/connection.ts';
import { IdParams, problemResponses } from '../schemas/common.ts';
import { FraudType, IdentifierKind, Tlp } from '../schemas/indicators.ts';

const TrustView = Type.Object({
  organizationId: Type.String({ format: 'uuid' }),
  maxTlp: Type.String({ enum: ['clear', 'green', 'amber'] }),
  confirmOwnSubjects: Type.Boolean(),
  bins: Type.Array(Type.String()),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});

const PushResult = Type.Object({
  index: Type.Integer(),
  ok: Type.Boolean(),
  outcome: Type.Optional(Type.String({ enum: ['listed', 'confirmed', 'contributed'] })),
  trusted: Type.Optional(Type.Boolean()),
  indicator: Type.Optional(Type.Object({ id: Type.String(), indicator: Type.String(), verdict: Type.String() })),
  error: Type.Optional(
    Type.Object({
      status: Type.Integer(),
      code: Type.String(),
      message: Type.String(),
      errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    }),
  ),
});

export const partnerPushRoutes: FastifyPluginAsyncTypebox<{ db: Db; policy: IndicatorPolicy }> = async (app, { db, policy }) => {
  app.post(
    '/api/v1/partner/indicators',
    {
      config: { access: { scopes: ['indicators:write'] }, idempotent: true },
      schema: {
        tags: ['partners'],
        summary: 'A bank, telco or platform pushes indicators it found (takedowns, mule accounts)',
        description:
          'Each item enters as suspected with the partner as its source, or as confirmed where the partner is trusted for it (a bank for accounts at its own BINs, a platform for accounts on its platform). One result per item; a bad item does not fail the others.',
        body: Type.Object(
          {
            items: Type.Array(
              Type.Object(
                {
                  identifier: Type.String({ minLength: 1, maxLength: 2048 }),
                  kind: Type.Optional(IdentifierKind),
                  fraudType: FraudType,
                  tlp: Type.Optional(Tlp),
                  reference: Type.Optional(Type.String({ maxLength: 200 })),
                  note: Type.Optional(Type.String({ maxLength: 2000 })),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 500 },
            ),
            legalBasis: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ results: Type.Array(PushResult) }), ...problemResponses },
      },
    },
    async (request) => pushPartnerIndicators(db, request.caller, request.body, policy),
  );

  app.get(
    '/api/v1/organizations/:id/sharing',
    {
      config: { access: { roles: ROLES, scopes: ['indicators:write', 'feeds:read', 'taxii:read'] } },
      schema: { tags: ['partners'], summary: "A partner's sharing level (highest TLP) and trust for its own subjects", params: IdParams, response: { 200: TrustView, ...problemResponses } },
    },
    async (request) => getPartnerTrust(db, request.caller, request.params.id),
  );

  app.put(
    '/api/v1/organizations/:id/sharing',
    {
      config: { access: { roles: ['admin', 'supervisor'] } },
      schema: {
        tags: ['partners'],
        summary: "Set a partner's sharing level and trust (audited)",
        params: IdParams,
        body: Type.Object(
          {
            maxTlp: Type.String({ enum: ['clear', 'green', 'amber'] }),
            confirmOwnSubjects: Type.Boolean(),
            bins: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{6}$' }), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: TrustView, ...problemResponses },
      },
    },
    async (request) => setPartnerTrust(db, request.caller, request.params.id, request.body as { maxTlp: 'clear' | 'green' | 'amber'; confirmOwnSubjects: boolean; bins?: string[] }),
  );
};
