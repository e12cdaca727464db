/** The taxonomy of fraud types used by reports, indicators, escalations and the public pages. */
export const FRAUD_TYPES = [
  'investment',
  'job_task',
  'impersonating_authorities',
  'impersonating_bank',
  'phishing_link',
  'prize_lottery',
  'online_shopping',
  'loan',
  'romance',
  'account_takeover',
  'fake_charity',
  'other',
] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];

export function isFraudType(value: string): value is FraudType {
  return (FRAUD_TYPES as readonly string[]).includes(value);
}
