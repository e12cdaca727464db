/**
 * Explainable risk scores for messages and reports (docs/risk.md): `scoreRisk({ text,
 * identifiers }, { resolve, networks })` → `{ score, label, reasons }`. Pure: verdicts come
 * from the caller's resolver.
 */
export { scoreRisk, SCAM_THRESHOLD, VERDICT_WEIGHTS, NETWORK_WEIGHT, CLASSIFIER_MAX, CLASSIFIER_MIN, CLASSIFIER_CENTER } from './scorer.ts';
export type { RiskInput, RiskOptions, RiskResult, RiskReason, RiskLabel, RiskVerdict, ResolvedIndicator, VerdictResolver, NetworkMembership } from './types.ts';
