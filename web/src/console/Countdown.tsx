import { useTranslation } from 'react-i18next';
import { useNow } from './use-now.ts';

export type DeadlineState = 'overdue' | 'due-soon' | 'on-time' | 'answered';

export function deadlineState(e: { dueAt: string; dueSoonAt: string; actionedAt: string | null }, now: number): DeadlineState {
  if (e.actionedAt) return 'answered';
  if (Date.parse(e.dueAt) <= now) return 'overdue';
  if (Date.parse(e.dueSoonAt) <= now) return 'due-soon';
  return 'on-time';
}

function split(ms: number): { hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** Time left until a deadline (or how late it is), ticking each minute, with its state as a badge. */
export function Countdown({ escalation }: { escalation: { dueAt: string; dueSoonAt: string; actionedAt: string | null } }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const state = deadlineState(escalation, now);
  const left = Date.parse(escalation.dueAt) - now;
  const { hours, minutes } = split(left);
  let text: string;
  if (state === 'answered') text = t('console.deadline.answered');
  else if (state === 'overdue') text = t('console.deadline.overdueBy', { hours, minutes });
  else text = t('console.deadline.left', { hours, minutes });
  return (
    <span className={`deadline deadline--${state}`} data-deadline={state}>
      {state === 'due-soon' && <strong>{t('console.deadline.dueSoon')}: </strong>}
      {text}
    </span>
  );
}
