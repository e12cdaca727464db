import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client.ts';

/** The server's problem+json answer in words, with each field's complaint on its own line. */
export function ProblemNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  let title = t('errors.server');
  let detail: string | undefined;
  let fields: { field: string; message: string }[] = [];
  if (error instanceof NetworkError) title = t('errors.network');
  else if (error instanceof ApiError) {
    if (error.status === 403) title = t('console.notAllowed.body');
    else if (error.status === 409) title = t('console.common.conflict');
    else if (error.status === 429) title = t('errors.throttled');
    else if (error.status < 500) title = t('console.common.refused');
    detail = error.problem.detail;
    fields = error.problem.errors ?? [];
  }
  return (
    <div className="notice notice--error" role="alert" data-testid="problem">
      <p>{title}</p>
      {detail && <p className="problem__detail">{detail}</p>}
      {fields.length > 0 && (
        <ul className="problem__fields">
          {fields.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The field complaints of a problem for one field (a JSON pointer prefix such as `/reasons/legalBasis`). */
export function fieldErrors(error: unknown, pointer: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).filter((e) => e.field === pointer || e.field.startsWith(`${pointer}/`)).map((e) => e.message);
}
