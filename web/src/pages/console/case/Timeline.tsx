import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../../api/cases.ts';
import { eventKey } from '../../../console/labels.ts';
import { formatDateTime } from '../../../portal/format.ts';
import { useLanguage } from '../../../portal/use-language.ts';

function noteOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  for (const key of ['text', 'note', 'reason']) if (typeof p[key] === 'string') return p[key];
  return null;
}

/** The case's events, newest first. */
export function Timeline({ events, meId }: { events: CaseEvent[]; meId: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ordered = [...events].sort((a, b) => b.id - a.id);
  return (
    <section className="card" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('console.case.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {ordered.map((e) => {
          const note = noteOf(e.payload);
          const who = e.actor.type === 'user' ? (e.actor.id === meId ? t('console.queue.me') : t('console.case.actorUser')) : t('console.case.actorSystem');
          return (
            <li key={e.id} data-event={e.type}>
              <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
              <span className="timeline__event">{t(eventKey(e.type))}</span>
              <span className="timeline__actor">{who}</span>
              {note && <p className="timeline__note">{note}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
