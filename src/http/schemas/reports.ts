import { Type } from 'typebox';
import { FRAUD_TYPES } from '../../domain/fraud-types.ts';
import { PAYMENT_METHODS, REPORT_LIMITS, REPORT_LOCALES } from '../../domain/reports/report-fields.ts';
import { REPORT_STATUS_ORDER } from '../../domain/reports/report-status.ts';
import { REPORT_CHANNELS } from '../../store/schema.ts';

const Words = Type.Object({ vi: Type.String(), en: Type.String() });

export const ReportBody = Type.Object(
  {
    category: Type.Enum(FRAUD_TYPES, { description: 'The form of fraud, from the taxonomy.' }),
    narrative: Type.String({ minLength: 10, maxLength: REPORT_LIMITS.narrativeMax, description: 'What happened, in the reporter\'s words. Identifiers in it are extracted.' }),
    occurredAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When it happened (ISO 8601).' })),
    amountLostVnd: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: REPORT_LIMITS.amountLostMaxVnd }), Type.Null()], { description: 'Money lost, in whole đồng.' }),
    ),
    paymentMethod: Type.Optional(Type.Union([Type.Enum(PAYMENT_METHODS), Type.Null()], { description: 'How the money was paid.' })),
    identifiers: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: REPORT_LIMITS.identifierMax }), {
        maxItems: REPORT_LIMITS.identifiersMax,
        description: 'Phone numbers, bank accounts, links, pages, e-mail addresses… as written; each is canonicalized, and a bad one is answered at /identifiers/<n>.',
      }),
    ),
    locale: Type.Optional(Type.Enum(REPORT_LOCALES, { description: 'Language of the e-mails to the reporter.' })),
    contact: Type.Optional(
      Type.Union([
        Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 200 })),
            email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
            phone: Type.Optional(Type.String({ maxLength: 32, pattern: '^[0-9+()\\-. ]*$' })),
          },
          { additionalProperties: false, description: 'The reporter\'s contact details: encrypted at rest, seen by the agency only.' },
        ),
        Type.Null(),
      ]),
    ),
    consentToContact: Type.Optional(Type.Boolean({ description: 'The reporter agrees to be contacted and told of each step by e-mail.' })),
  },
  { additionalProperties: false },
);

export const ReportReceipt = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackingCode: Type.String({ description: 'Give it to the reporter: it shows the report\'s status at /api/v1/reports/track/{code}.' }),
  trackingUrl: Type.String(),
  status: Type.Enum(REPORT_STATUS_ORDER),
  receivedAt: Type.String({ format: 'date-time' }),
  identifiers: Type.Array(Type.Object({ indicator: Type.String(), kind: Type.String(), display: Type.String(), extracted: Type.Boolean() })),
  evidence: Type.Array(Type.Object({ sha256: Type.String(), mediaType: Type.String(), size: Type.Integer() })),
  nextSteps: Words,
});

export const TrackingView = Type.Object({
  trackingCode: Type.String(),
  status: Type.Enum(REPORT_STATUS_ORDER),
  statusWords: Words,
  category: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  steps: Type.Array(
    Type.Object({ status: Type.Enum(REPORT_STATUS_ORDER), words: Words, at: Type.String({ format: 'date-time' }), outcome: Type.Union([Words, Type.Null()]) }),
  ),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ReportSummary = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  channel: Type.Enum(REPORT_CHANNELS),
  category: Type.String(),
  status: Type.Enum(REPORT_STATUS_ORDER),
  outcome: Nullable(Type.String()),
  occurredAt: Nullable(Type.String({ format: 'date-time' })),
  amountLostVnd: Nullable(Type.Integer()),
  paymentMethod: Nullable(Type.String()),
  locale: Type.String(),
  organizationId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  hasContact: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ReportDetail = Type.Intersect([
  ReportSummary,
  Type.Object({
    narrative: Type.String(),
    consentToContact: Type.Boolean(),
    contact: Type.Union(
      [Type.Object({ name: Type.Optional(Type.String()), email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()) }), Type.Null()],
      { description: 'Agency staff only; null for everyone else.' },
    ),
    identifiers: Type.Array(
      Type.Object({
        indicatorId: Type.String(),
        indicator: Type.String(),
        kind: Type.String(),
        display: Type.String(),
        verdict: Type.String(),
        rawInput: Type.String(),
        extracted: Type.Boolean(),
      }),
    ),
    evidence: Type.Array(
      Type.Object({
        sha256: Type.String(),
        mediaType: Type.String(),
        size: Type.Integer(),
        position: Type.Integer(),
        originalName: Nullable(Type.String()),
        url: Nullable(Type.String()),
      }),
    ),
  }),
]);
