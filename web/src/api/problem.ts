/** One field-level complaint inside a problem document. */
export interface ProblemFieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document, as the server sends it with `application/problem+json`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldErrors(value: unknown): ProblemFieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const errors: ProblemFieldError[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item['field'] === 'string' && typeof item['message'] === 'string') {
      errors.push({ field: item['field'], message: item['message'] });
    }
  }
  return errors;
}

/**
 * Reads a problem document from an untrusted body. Anything missing is filled from the
 * HTTP status, so callers can always branch on `status` even when a proxy answered.
 */
export function parseProblem(body: unknown, status: number, statusText: string): Problem {
  if (!isRecord(body)) return { type: 'about:blank', title: statusText || `HTTP ${status}`, status };
  const problem: Problem = {
    type: typeof body['type'] === 'string' ? body['type'] : 'about:blank',
    title: typeof body['title'] === 'string' ? body['title'] : statusText || `HTTP ${status}`,
    status: typeof body['status'] === 'number' ? body['status'] : status,
  };
  if (typeof body['detail'] === 'string') problem.detail = body['detail'];
  const errors = toFieldErrors(body['errors']);
  if (errors) problem.errors = errors;
  return problem;
}
