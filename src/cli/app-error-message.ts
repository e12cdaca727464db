import { AppError } from '../app/errors.ts';
import { CliError } from './cli-error.ts';

/** Turns a use case's AppError into a one-line CLI error naming the bad fields. */
export function asCliError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const fields = error.errors?.map((e) => `${e.field.replace(/^\//, '')}: ${e.message}`).join('; ');
  return new CliError(fields ? `${error.message} (${fields})` : error.message);
}
