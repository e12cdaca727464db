/** The most quiz items a result may claim; a campaign has a dozen or so. */
export const MAX_QUIZ_ITEMS = 100;

export interface QuizResult {
  score: number;
  of: number;
}

function wholeNumber(value: string | null): number | null {
  if (value === null || !/^\d{1,3}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/**
 * Reads `?score=&of=` of a shared result link. Anyone can edit a link, so anything that is not
 * a whole score between 0 and `of` (1–100) is no result at all, and the page only invites to play.
 */
export function parseQuizResult(score: string | null, of: string | null): QuizResult | null {
  const s = wholeNumber(score);
  const o = wholeNumber(of);
  if (s === null || o === null || o < 1 || o > MAX_QUIZ_ITEMS || s > o) return null;
  return { score: s, of: o };
}
