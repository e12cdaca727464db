import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerEscalationsCsv, escalationsExportUrl, type BulkAnswerResult, type EscalationQuery } from '../../../api/escalations.ts';
import { ProblemNotice } from '../../../console/ProblemNotice.tsx';

const MAX_BYTES = 2 * 1024 * 1024;

/**
 * CSV export of the inbox (the same filters) and import of answers: a file with the columns
 * escalation_id, action, note, reference; each row is answered on its own and the results name
 * the file's lines.
 */
export function CsvTools({ query, onImported }: { query: Omit<EscalationQuery, 'cursor' | 'limit'>; onImported: (result: BulkAnswerResult) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const hintId = useId();

  const upload = async () => {
    if (!file) return;
    setError(null);
    setTooLarge(file.size > MAX_BYTES);
    if (file.size > MAX_BYTES) return;
    setBusy(true);
    try {
      onImported(await answerEscalationsCsv(await file.text()));
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="inbox-csv">
      <h2 id="inbox-csv">{t('caseTools.inbox.csvHeading')}</h2>
      <p>
        <a className="button button--secondary" href={escalationsExportUrl(query)} download="escalations.csv" data-testid="csv-export">
          {t('caseTools.inbox.export')}
        </a>
      </p>
      <form
        className="network__controls"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="inbox-csv-file">{t('caseTools.inbox.importLabel')}</label>
          <input ref={input} id="inbox-csv-file" className="field__input" type="file" accept=".csv,text/csv" aria-describedby={hintId} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button button--primary" disabled={!file || busy}>
          {busy ? t('console.common.working') : t('caseTools.inbox.import')}
        </button>
      </form>
      <p id={hintId} className="field__hint">{t('caseTools.inbox.importHint')}</p>
      {tooLarge && <p className="field__error" role="alert">{t('caseTools.inbox.tooLarge')}</p>}
      <ProblemNotice error={error} />
    </section>
  );
}
