import { ApiError, messageOf } from '../api/http';

/** What went wrong, for the form and for each field the server's problem+json names. */
export interface FormErrors {
  message: string;
  fields: Record<string, string>;
}

export function formErrors(error: unknown): FormErrors {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError)
    for (const e of error.problem.errors ?? []) fields[e.field] = `${e.field}: ${e.message}`;
  return { message: messageOf(error), fields };
}
