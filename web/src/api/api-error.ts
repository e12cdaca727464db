import type { Problem } from './problem.ts';

/** The server answered with a 4xx or 5xx; `problem` holds what it said. */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from a `Retry-After` header (sent with 429), when present. */
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The request never got an HTTP answer (offline, DNS, server down, aborted). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}
