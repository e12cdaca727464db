import { Type } from 'typebox';
import { PLATFORM_ACTIONS } from '../../domain/escalations/platform-actions.ts';
import { FraudType, IdentifierKind } from './indicators.ts';

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const EscalationStatus = Type.Enum(['open', 'acknowledged', 'actioned']);
export const PlatformAction = Type.Enum(PLATFORM_ACTIONS);

export const RedactionBox = Type.Object(
  {
    x: Type.Integer({ minimum: 0, maximum: 100_000 }),
    y: Type.Integer({ minimum: 0, maximum: 100_000 }),
    width: Type.Integer({ minimum: 1, maximum: 100_000 }),
    height: Type.Integer({ minimum: 1, maximum: 100_000 }),
  },
  { additionalProperties: false, description: 'A rectangle to black out, in pixels of the stored image (origin top left).' },
);

export const EscalateBody = Type.Object(
  {
    subjects: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100, description: 'Indicator ids of the case to escalate; each goes to the platform that owns its kind.' }),
    fraudCategory: FraudType,
    legalBasis: Type.String({ minLength: 3, maxLength: 500, description: 'The law or decree the request rests on.' }),
    message: Type.Optional(Type.String({ maxLength: 4000, description: 'What the platform should know; never reporters\' personal data.' })),
    evidence: Type.Optional(
      Type.Array(
        Type.Object(
          { sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), redactions: Type.Optional(Type.Array(RedactionBox, { maxItems: 50 })) },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'Evidence files of the case the platforms may see; images with boxes are shared as blacked-out copies only.' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const EscalationSummary = Type.Object({
  id: Type.String(),
  caseReference: Type.String(),
  platform: Type.String(),
  status: EscalationStatus,
  fraudCategory: Type.String(),
  legalBasis: Type.String(),
  message: NullableString,
  dueAt: DateTime,
  dueSoonAt: DateTime,
  overdue: Type.Boolean(),
  breachedAt: NullableDateTime,
  acknowledgedAt: NullableDateTime,
  actionedAt: NullableDateTime,
  action: Type.Union([PlatformAction, Type.Null()]),
  platformNote: NullableString,
  platformReference: NullableString,
  createdAt: DateTime,
  subjects: Type.Array(Type.Object({ indicatorId: Type.String(), indicator: Type.String(), kind: Type.String(), display: Type.String(), verdict: Type.String() })),
  caseId: Type.Optional(Type.String({ description: 'Agency only.' })),
});

export const EscalationDetail = Type.Intersect([
  EscalationSummary,
  Type.Object({
    evidence: Type.Array(
      Type.Object({
        sha256: Type.String(),
        mediaType: Type.String(),
        size: Type.Integer(),
        redacted: Type.Boolean(),
        url: Type.String(),
        sourceSha256: Type.Optional(Type.String({ description: 'Agency only.' })),
        redactions: Type.Optional(Type.Unknown({ description: 'Agency only.' })),
      }),
    ),
  }),
]);

const answerFields = {
  action: PlatformAction,
  note: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
  reference: Type.Optional(Type.Union([Type.String({ maxLength: 200, description: 'The platform\'s own reference for its action.' }), Type.Null()])),
};

export const AnswerBody = Type.Object(answerFields, { additionalProperties: false });

export const BulkAnswerItem = Type.Object({ escalationId: Type.String({ maxLength: 64 }), ...answerFields }, { additionalProperties: false });

const ItemError = Type.Object({
  status: Type.Integer(),
  code: Type.String(),
  message: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

export const BulkAnswerResult = Type.Object({
  answered: Type.Integer(),
  failed: Type.Integer(),
  results: Type.Array(
    Type.Object({
      index: Type.Integer({ description: 'Position in the JSON array (from 0), or the line of the CSV file (the header is line 1).' }),
      escalationId: NullableString,
      ok: Type.Boolean(),
      escalation: Type.Optional(EscalationSummary),
      error: Type.Optional(ItemError),
    }),
  ),
});

export const EnforcementBody = Type.Object(
  {
    legalBasis: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })),
    items: Type.Array(
      Type.Object(
        {
          identifier: Type.String({ minLength: 1, maxLength: 2000, description: 'The removed account, page, group or link, as text.' }),
          kind: Type.Optional(IdentifierKind),
          fraudType: FraudType,
          reference: Type.String({ minLength: 1, maxLength: 200, description: 'Your own id of the enforcement action; pushing it again changes nothing.' }),
          removedAt: Type.Optional(DateTime),
          note: Type.Optional(Type.String({ maxLength: 2000 })),
          related: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), {
              maxItems: 20,
              description:
                'Other identifiers your record names with this account (the phone number or bank account it asked victims to pay, its admin\'s account…): they are linked to it in a network, and those not yet known are listed as suspected, naming your record.',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const EnforcementResult = Type.Object({
  results: Type.Array(
    Type.Object({
      index: Type.Integer(),
      reference: Type.String(),
      ok: Type.Boolean(),
      outcome: Type.Optional(Type.Enum(['created', 'duplicate'])),
      indicator: Type.Optional(Type.Object({ id: Type.String(), indicator: Type.String(), verdict: Type.String(), platformConfirmations: Type.Integer() })),
      error: Type.Optional(ItemError),
    }),
  ),
});

export const DeadlinePolicy = Type.Object({
  platform: Type.String(),
  hours: Type.Integer(),
  dueSoonHours: Type.Integer(),
  configured: Type.Boolean({ description: 'false: the default (24 h, reminder 4 h before) applies.' }),
});

const Figure = {
  count: Type.Integer(),
  answered: Type.Integer(),
  onTime: Type.Integer(),
  onTimeRate: Type.Union([Type.Number(), Type.Null()]),
  breaches: Type.Integer(),
  medianHoursToAcknowledge: Type.Union([Type.Number(), Type.Null()]),
  medianHoursToAct: Type.Union([Type.Number(), Type.Null()]),
  mitigationLatency: Type.Object({ subjects: Type.Integer(), medianHours: Type.Union([Type.Number(), Type.Null()]) }),
};

export const EscalationFigures = Type.Object({
  from: DateTime,
  to: DateTime,
  total: Type.Object(Figure),
  platforms: Type.Array(Type.Object({ platform: Type.String(), ...Figure, byFraudType: Type.Array(Type.Object({ fraudType: Type.String(), ...Figure })) })),
  byLegalBasis: Type.Array(Type.Object({ legalBasis: Type.String(), count: Type.Integer() })),
});
