/**
 * The shapes of the risk scorer: what it reads, what it asks the caller, what it answers.
 * The scorer is pure: verdicts of identifiers and network membership come from the
 * caller through functions and data, never from I/O here.
 */

/** What a verdict resolver can say of one canonical indicator (`phone:+84…`, `url:https://…`). */
export type RiskVerdict = 'confirmed' | 'suspected' | 'disputed' | 'cleared' | 'verified_legitimate';

export interface ResolvedIndicator {
  verdict: RiskVerdict;
  /** Reports behind the listing; left out for callers that must not see sources (the public). */
  reportCount?: number;
  /** Owner of a verified-legitimate identifier ("Vietcombank hotline"). */
  owner?: string;
}

/** Answers for one indicator, or undefined when the caller knows nothing about it (or may not see it). */
export type VerdictResolver = (indicator: string) => ResolvedIndicator | undefined;

/**
 * Membership of a network holding a confirmed identifier, passed in by the caller (networks are
 * kept by src/app/network-linking.ts; the risk route looks them up for the agency and partners):
 * an indicator of the message in such a network adds the `network.confirmed` reason.
 */
export interface NetworkMembership {
  networkId: string;
  /** The indicator of this message that is in the network. */
  indicator: string;
  /** Indicators in the network. */
  size: number;
  /** Share of the network's indicators that are confirmed, 0–1. */
  confirmedShare: number;
}

export interface RiskInput {
  text: string;
  /** Identifiers given beside the text (a report's fields), raw or canonical; added to those found in the text. */
  identifiers?: readonly string[];
}

export interface RiskOptions {
  resolve?: VerdictResolver;
  /** Confirmed networks that indicators of this message belong to (see NetworkMembership). */
  networks?: readonly NetworkMembership[];
}

/** One reason: a stable code the web app translates, its points, and an English sentence. */
export interface RiskReason {
  signal: string;
  weight: number;
  detail: string;
}

export type RiskLabel = 'scam' | 'legit';

export interface RiskResult {
  /** 0–100; exactly the sum of the reasons' weights. */
  score: number;
  label: RiskLabel;
  reasons: RiskReason[];
}
