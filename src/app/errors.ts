/**
 * Errors a use case raises on purpose. The HTTP layer turns them into problem+json with the
 * status given here; the CLI prints their message.
 */
export interface FieldError {
  /** JSON pointer to the bad field, e.g. `/email` or `/identifiers/2`. */
  field: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, errors?: FieldError[]) => new AppError(400, 'bad_request', message, errors);
export const unauthorized = (message = 'Sign in or send an API key.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'Your role does not allow this.') => new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string, errors?: FieldError[]) => new AppError(409, 'conflict', message, errors);
export const unprocessable = (message: string, errors?: FieldError[]) =>
  new AppError(422, 'unprocessable', message, errors);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'too_many_requests', message, undefined, { 'retry-after': String(retryAfterSeconds) });
