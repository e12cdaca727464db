import { Type } from 'typebox';

/** Bodies and answers of the risk-score routes (src/http/routes/risk.ts). */

export const MAX_RISK_TEXT = 20_000;
export const MAX_RISK_IDENTIFIERS = 50;

export const RiskScoreBody = Type.Object(
  {
    text: Type.String({ maxLength: MAX_RISK_TEXT, description: 'The message, post or report narrative, as received.' }),
    identifiers: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 4096 }), {
        maxItems: MAX_RISK_IDENTIFIERS,
        description: 'Identifiers given beside the text (phone numbers, accounts, links), raw or canonical.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RiskReason = Type.Object({
  signal: Type.String({ description: 'Stable code of the signal (e.g. `text.otp_request`, `identifier.confirmed`, `link.lookalike_brand`); docs/risk.md lists them.' }),
  weight: Type.Integer({ description: 'Points this reason adds (negative: takes away). The weights add up to the score.' }),
  detail: Type.String({ description: 'One or two sentences in English; translate by `signal`.' }),
});

export const RiskScoreAnswer = Type.Object({
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  label: Type.Unsafe<'scam' | 'legit'>({ type: 'string', enum: ['scam', 'legit'] }),
  reasons: Type.Array(RiskReason),
});
