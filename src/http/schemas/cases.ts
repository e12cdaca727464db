import { Type } from 'typebox';
import { CASE_EVENTS, CASE_STATES } from '../../domain/cases/state-machine.ts';
import { Indicator, Verdict } from './indicators.ts';

export const CaseState = Type.Enum(CASE_STATES);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CaseSummary = Type.Object({
  id: Type.String(),
  reference: Type.String({ description: 'Human reference, e.g. CG-2026-000123.' }),
  status: CaseState,
  priority: Type.Integer({ minimum: 1, maximum: 5, description: '1 is the most urgent.' }),
  riskScore: Type.Integer({ minimum: 0, maximum: 100, description: 'The highest risk score of its reports at intake (docs/risk.md).' }),
  coordination: Nullable(
    Type.Object(
      {
        reasons: Type.Array(Type.Object({ signal: Type.Enum(['burst', 'identical_narratives', 'same_source', 'low_reputation_sources'] as const), count: Type.Integer(), detail: Type.String() })),
        flaggedAt: Type.String({ format: 'date-time' }),
      },
      { description: 'Set when its reports look coordinated (copy-pasted narratives, one source, sources with rejected reports): for a human to weigh before verifying.' },
    ),
  ),
  category: Type.String(),
  assigneeUserId: Nullable(Type.String()),
  mergedIntoCaseId: Nullable(Type.String()),
  reportCount: Type.Integer(),
  amountLostVnd: Type.Number(),
  lastEventSeq: Type.Number(),
  allowedEvents: Type.Array(Type.Enum(CASE_EVENTS), { description: 'The events the case accepts in its current state.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const CaseEventView = Type.Object({
  id: Type.Number(),
  type: Type.Enum(CASE_EVENTS),
  actor: Type.Object({ type: Type.String(), id: Nullable(Type.String()), organizationId: Nullable(Type.String()) }),
  payload: Type.Unknown(),
  at: Type.String({ format: 'date-time' }),
});

export const CaseDetail = Type.Intersect([
  CaseSummary,
  Type.Object({
    reports: Type.Array(
      Type.Object({
        id: Type.String(),
        trackingCode: Type.String(),
        channel: Type.String(),
        category: Type.String(),
        narrative: Type.String(),
        occurredAt: Nullable(Type.String()),
        amountLostVnd: Nullable(Type.Number()),
        paymentMethod: Nullable(Type.String()),
        status: Type.String(),
        outcome: Nullable(Type.String()),
        createdAt: Type.String({ format: 'date-time' }),
      }),
    ),
    indicators: Type.Array(Indicator),
    escalations: Type.Array(Type.Object({ id: Type.String(), platform: Type.String(), status: Type.String(), dueAt: Type.String(), action: Nullable(Type.String()) })),
    events: Type.Array(CaseEventView),
  }),
]);

export const DecisionResult = Type.Object({
  case: CaseSummary,
  indicators: Type.Array(
    Type.Object({ indicatorId: Type.String(), indicator: Type.String(), from: Verdict, to: Verdict, skipped: Nullable(Type.String()) }),
  ),
});

export const Words = Type.Object({ vi: Type.String({ minLength: 1, maxLength: 1000 }), en: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
