import { Type } from 'typebox';
import { IDENTIFIER_KINDS } from '../../domain/identifiers/types.ts';
import { FRAUD_TYPES } from '../../domain/fraud-types.ts';
import { EVIDENCE_KINDS, SOURCE_TYPES } from '../../domain/indicators/statement-of-reasons.ts';
import { TLP_LEVELS, VERDICTS } from '../../domain/indicators/verdicts.ts';

export const Verdict = Type.Enum(VERDICTS);
export const Tlp = Type.Enum(TLP_LEVELS);
export const FraudType = Type.Enum(FRAUD_TYPES);
export const IdentifierKind = Type.Enum(IDENTIFIER_KINDS);

export const ReasonsInput = Type.Object(
  {
    ground: FraudType,
    legalBasis: Type.String({ minLength: 3, maxLength: 500, description: 'The law, decree or policy the decision rests on.' }),
    evidence: Type.Array(Type.Enum(EVIDENCE_KINDS), { minItems: 1, maxItems: EVIDENCE_KINDS.length }),
    sourceType: Type.Enum(SOURCE_TYPES),
    endsAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    explanation: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
  },
  { additionalProperties: false, description: 'The statement of reasons every verdict change carries.' },
);

export const Indicator = Type.Object({
  id: Type.String(),
  indicator: Type.String({ description: 'The canonical kind:value string.' }),
  kind: Type.String(),
  display: Type.String(),
  verdict: Verdict,
  confidence: Type.Integer({ minimum: 0, maximum: 100 }),
  tlp: Tlp,
  reportCount: Type.Integer(),
  platformConfirmations: Type.Integer(),
  fraudTypes: Type.Array(Type.String()),
  firstSeenAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  reviewAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  networkId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});

const SightingCount = Type.Object({ count: Type.Integer(), organizations: Type.Integer() });

export const IndicatorDetail = Type.Intersect([
  Indicator,
  Type.Object({
    history: Type.Array(
      Type.Object({
        at: Type.String({ format: 'date-time' }),
        from: Type.Union([Verdict, Type.Null()]),
        to: Verdict,
        confidence: Type.Integer(),
        reasons: Type.Object({
          ground: Type.String(),
          legalBasis: Type.String(),
          evidence: Type.Array(Type.String()),
          sourceType: Type.String(),
          endsAt: Type.Union([Type.String(), Type.Null()]),
          explanation: Type.Union([Type.String(), Type.Null()]),
          automated: Type.Boolean(),
          decidedBy: Type.Unknown(),
        }),
      }),
    ),
    sources: Type.Array(
      Type.Object({
        sourceType: Type.String(),
        organization: Type.Union([Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
        reports: Type.Integer(),
        confirmations: Type.Integer(),
        firstAt: Type.String(),
        lastAt: Type.String(),
      }),
    ),
    sightings: Type.Object({ seen: SightingCount, false_positive: SightingCount, gone: SightingCount }),
  }),
]);
