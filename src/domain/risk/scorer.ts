import { canonicalize, extract } from '../identifiers/index.ts';
import { MODEL, scamProbability, type LinearModel } from './classifier.ts';
import { handleReasons, hostReasons } from './lookalike.ts';
import { normalizeText } from './normalize-text.ts';
import { textReasons } from './text-signals.ts';
import type { ResolvedIndicator, RiskInput, RiskOptions, RiskReason, RiskResult, RiskVerdict } from './types.ts';

/**
 * The risk score of a message or report: the sum of the weights of its reasons, clamped to
 * 0–100 (a `score.clamp` reason takes the excess away, so the reasons always add up to the
 * score exactly), labelled `scam` from SCAM_THRESHOLD up. Weights are in docs/risk.md.
 */
export const SCAM_THRESHOLD = 50;

export const VERDICT_WEIGHTS: Record<RiskVerdict, number> = {
  confirmed: 70,
  suspected: 30,
  disputed: 10,
  cleared: 0,
  verified_legitimate: -25,
};

export const NETWORK_WEIGHT = 40;

/**
 * The classifier's points: 0 at probability CLASSIFIER_CENTER, rising linearly to CLASSIFIER_MAX
 * at 1 and falling to CLASSIFIER_MIN at 0. Chosen on the held-out templates (validation; see
 * docs/risk.md): on wordings it has not seen the classifier is rarely sure, so its centre sits
 * below 0.5, and it may not label a scam on its own (see scoreRisk).
 */
export const CLASSIFIER_CENTER = 0.3;
export const CLASSIFIER_MAX = 100;
export const CLASSIFIER_MIN = -30;

/** Scoring reads at most this much text for identifiers, and at most this many identifiers. */
export const MAX_EXTRACT_CHARS = 100_000;
export const MAX_INDICATORS = 50;

const HANDLE_KINDS = new Set(['telegram', 'tiktok', 'instagram', 'x', 'fb']);

/** The canonical indicators the scorer reads from a message (the text's and those given beside it). */
export function indicatorsOf(input: RiskInput): string[] {
  const seen = new Set<string>();
  const text = typeof input.text === 'string' ? input.text : '';
  for (const e of extract(text.length > MAX_EXTRACT_CHARS ? text.slice(0, MAX_EXTRACT_CHARS) : text)) {
    if (seen.size >= MAX_INDICATORS) break;
    seen.add(e.indicator);
  }
  for (const raw of Array.isArray(input.identifiers) ? input.identifiers : []) {
    if (seen.size >= MAX_INDICATORS) break;
    if (typeof raw !== 'string') continue;
    const c = canonicalize(raw.slice(0, 4096));
    if (c.ok) seen.add(c.value.indicator);
  }
  return [...seen];
}

/** Reasons of the same signal become one: the highest weight, the details of up to three. */
function merge(reasons: RiskReason[]): RiskReason[] {
  const bySignal = new Map<string, { weight: number; details: string[] }>();
  for (const r of reasons) {
    const m = bySignal.get(r.signal);
    if (!m) bySignal.set(r.signal, { weight: r.weight, details: [r.detail] });
    else {
      m.weight = Math.abs(r.weight) > Math.abs(m.weight) ? r.weight : m.weight;
      if (m.details.length < 3 && !m.details.includes(r.detail)) m.details.push(r.detail);
    }
  }
  return [...bySignal].map(([signal, m]) => ({ signal, weight: m.weight, detail: m.details.join(' ') }));
}

function verdictReasons(indicators: string[], resolve: NonNullable<RiskOptions['resolve']>): RiskReason[] {
  const byVerdict = new Map<RiskVerdict, { answers: ResolvedIndicator[]; indicators: string[] }>();
  for (const indicator of indicators) {
    let answer: ResolvedIndicator | undefined;
    try {
      answer = resolve(indicator);
    } catch {
      answer = undefined;
    }
    if (!answer || !(answer.verdict in VERDICT_WEIGHTS)) continue;
    const group = byVerdict.get(answer.verdict) ?? { answers: [], indicators: [] };
    group.answers.push(answer);
    group.indicators.push(indicator);
    byVerdict.set(answer.verdict, group);
  }
  const reasons: RiskReason[] = [];
  for (const [verdict, group] of byVerdict) {
    const named = group.indicators.slice(0, 3).join(', ') + (group.indicators.length > 3 ? ` and ${group.indicators.length - 3} more` : '');
    const reports = group.answers.reduce((n, a) => n + (a.reportCount ?? 0), 0);
    const owners = [...new Set(group.answers.map((a) => a.owner).filter((o): o is string => Boolean(o)))];
    const detail =
      verdict === 'verified_legitimate'
        ? `${named} ${group.indicators.length > 1 ? 'are' : 'is'} registered as belonging to ${owners.join(', ') || 'a known owner'}.`
        : `${named} ${group.indicators.length > 1 ? 'are' : 'is'} listed as ${verdict}${reports > 0 ? ` (${reports} report${reports > 1 ? 's' : ''})` : ''}.`;
    reasons.push({ signal: `identifier.${verdict}`, weight: VERDICT_WEIGHTS[verdict], detail });
  }
  return reasons;
}

function linkReasons(indicators: string[]): RiskReason[] {
  const reasons: RiskReason[] = [];
  for (const indicator of indicators) {
    const colon = indicator.indexOf(':');
    const kind = indicator.slice(0, colon);
    const value = indicator.slice(colon + 1);
    if (kind === 'url') {
      const host = /^[a-z]+:\/\/([^/:?#]+)/.exec(value)?.[1];
      if (host) reasons.push(...hostReasons(host));
    } else if (kind === 'domain') {
      reasons.push(...hostReasons(value));
    } else if (HANDLE_KINDS.has(kind)) {
      // fb:user:name, fb:id:123 (numbers say nothing), telegram:name, tiktok:name…
      const handle = kind === 'fb' ? (value.startsWith('user:') ? value.slice(5) : '') : value;
      if (handle) reasons.push(...handleReasons(kind, handle));
    }
  }
  return reasons;
}

function classifierPoints(p: number): number {
  return p >= CLASSIFIER_CENTER
    ? Math.round((CLASSIFIER_MAX * (p - CLASSIFIER_CENTER)) / (1 - CLASSIFIER_CENTER))
    : Math.round((-CLASSIFIER_MIN * (p - CLASSIFIER_CENTER)) / CLASSIFIER_CENTER);
}

/** Scores one message. Pure and total: any input gives a result. */
export function scoreRisk(input: RiskInput, options: RiskOptions = {}, model: LinearModel = MODEL): RiskResult {
  const text = typeof input?.text === 'string' ? input.text : '';
  const indicators = indicatorsOf({ text, identifiers: input?.identifiers });
  const reasons: RiskReason[] = [];
  if (options.resolve) reasons.push(...verdictReasons(indicators, options.resolve));
  if (options.networks?.length) {
    const inMessage = options.networks.filter((n) => indicators.includes(n.indicator));
    const networks = inMessage.length > 0 ? inMessage : options.networks;
    const n = networks[0]!;
    reasons.push({
      signal: 'network.confirmed',
      weight: NETWORK_WEIGHT,
      detail: `${n.indicator} belongs to a confirmed scam network (${n.size} identifiers, ${Math.round(n.confirmedShare * 100)}% confirmed)${networks.length > 1 ? ` and ${networks.length - 1} more` : ''}.`,
    });
  }
  reasons.push(...merge(linkReasons(indicators)));
  const normalized = normalizeText(text);
  reasons.push(...textReasons(normalized));
  const p = scamProbability(model, normalized);
  let points = classifierPoints(p);
  // The classifier alone never labels a message a scam: a citizen and an analyst must see at
  // least one concrete reason (a phrase, a link, a listed identifier) behind the label.
  const corroborated = reasons.some((r) => r.weight > 0);
  const capped = !corroborated && points >= SCAM_THRESHOLD;
  if (capped) points = SCAM_THRESHOLD - 1;
  if (points !== 0) {
    reasons.push({
      signal: 'text.classifier',
      weight: points,
      detail:
        `The text classifier rates this message ${p >= CLASSIFIER_CENTER ? 'like' : 'unlike'} the scam messages it was trained on (probability ${p.toFixed(2)})` +
        (capped ? '; with no other signal its points stop just below the scam label.' : '.'),
    });
  }
  let sum = 0;
  for (const r of reasons) sum += r.weight;
  if (sum > 100) reasons.push({ signal: 'score.clamp', weight: 100 - sum, detail: `The reasons add up to ${sum}; the score stops at 100.` });
  else if (sum < 0) reasons.push({ signal: 'score.clamp', weight: -sum, detail: `The reasons add up to ${sum}; the score starts at 0.` });
  const score = Math.min(100, Math.max(0, sum));
  return { score, label: score >= SCAM_THRESHOLD ? 'scam' : 'legit', reasons };
}
