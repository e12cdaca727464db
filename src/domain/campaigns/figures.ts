import type { CampaignEventKind, Figures } from './model.ts';

/** One stored counter row: the count of one kind of event on one day (plus scores of completions). */
export interface CounterRow {
  kind: string;
  count: number;
  scoreSum: number;
  ofSum: number;
}

const FIELD: Record<CampaignEventKind, Exclude<keyof Figures, 'averageScore'>> = {
  view: 'views',
  quiz_start: 'quizStarts',
  quiz_complete: 'quizCompletions',
  share: 'shares',
  lookup: 'lookups',
  report: 'reports',
};

export const emptyFigures = (): Figures => ({ views: 0, quizStarts: 0, quizCompletions: 0, averageScore: null, shares: 0, lookups: 0, reports: 0 });

/**
 * Adds counter rows up into figures. The average score is the share of right answers over every
 * answer of every completed quiz (a 12-question quiz weighs 12, not 1).
 */
export function sumFigures(rows: readonly CounterRow[]): Figures {
  const figures = emptyFigures();
  let score = 0;
  let of = 0;
  for (const row of rows) {
    const field = FIELD[row.kind as CampaignEventKind];
    if (!field) continue;
    figures[field] += row.count;
    score += row.scoreSum;
    of += row.ofSum;
  }
  figures.averageScore = of > 0 ? Math.round((score / of) * 1000) / 1000 : null;
  return figures;
}
