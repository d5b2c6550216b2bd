import { ApiError, messageOf } from '../api/http';

/** An API error as a person reads it: the problem's detail, then each refused field by its path. */
export function problemText(error: unknown): string {
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return [messageOf(error), ...fields.map((f) => `${f.field}: ${f.message}`)].join(' ');
}
