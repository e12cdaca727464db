import { CAMPAIGN_EVENT_KINDS, LIMITS, type CampaignEventKind } from './model.ts';

export type CampaignEvent = { kind: Exclude<CampaignEventKind, 'quiz_complete'> } | { kind: 'quiz_complete'; score: number; of: number };

export interface EventFieldError {
  field: string;
  message: string;
}

export type EventResult = { ok: true; event: CampaignEvent } | { ok: false; errors: EventFieldError[] };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.maxQuizLength;

/**
 * Reads the body a campaign page posts for one reach event. Total: any JSON value gives a result.
 * Only the kind, and for a completed quiz the score and the number of questions, are kept; a
 * score on another kind is refused rather than dropped, so a client bug shows.
 */
export function parseCampaignEvent(body: unknown): EventResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, errors: [{ field: '/', message: 'A JSON object is expected.' }] };
  const b = body as Record<string, unknown>;
  const errors: EventFieldError[] = [];
  for (const key of Object.keys(b)) if (!['kind', 'score', 'of'].includes(key)) errors.push({ field: `/${key}`, message: `unknown property "${key}"` });
  const kind = b.kind;
  if (typeof kind !== 'string' || !(CAMPAIGN_EVENT_KINDS as readonly string[]).includes(kind)) {
    errors.push({ field: '/kind', message: `One of ${CAMPAIGN_EVENT_KINDS.join(', ')}.` });
    return { ok: false, errors };
  }
  if (kind === 'quiz_complete') {
    if (!isCount(b.of) || b.of < 1) errors.push({ field: '/of', message: `The number of questions answered, 1 to ${LIMITS.maxQuizLength}.` });
    if (!isCount(b.score)) errors.push({ field: '/score', message: `The number of right answers, 0 to ${LIMITS.maxQuizLength}.` });
    else if (isCount(b.of) && b.score > b.of) errors.push({ field: '/score', message: 'Not more than "of".' });
    if (errors.length) return { ok: false, errors };
    return { ok: true, event: { kind, score: b.score as number, of: b.of as number } };
  }
  if (b.score !== undefined) errors.push({ field: '/score', message: 'Only for kind "quiz_complete".' });
  if (b.of !== undefined) errors.push({ field: '/of', message: 'Only for kind "quiz_complete".' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, event: { kind: kind as Exclude<CampaignEventKind, 'quiz_complete'> } };
}

/** A quiz result as shown on a result card: `score` right of `of` questions, 1 ≤ of ≤ 50. */
export function checkQuizScore(score: number, of: number): EventFieldError[] {
  const errors: EventFieldError[] = [];
  if (!isCount(of) || of < 1) errors.push({ field: 'querystring:/of', message: `1 to ${LIMITS.maxQuizLength}.` });
  if (!isCount(score)) errors.push({ field: 'querystring:/score', message: `0 to ${LIMITS.maxQuizLength}.` });
  else if (isCount(of) && score > of) errors.push({ field: 'querystring:/score', message: 'Not more than "of".' });
  return errors;
}
