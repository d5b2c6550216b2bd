import { ApiError } from '@mercato/api';
import { CliError } from '../cli-error';

/**
 * For `.catch()` of a write: the server's refusal in the terms of the command line. Each field it
 * names becomes the option or argument that set it (`attributes.size` of an order is
 * `--attributes size`, `plan_id` is `--plan`); other errors pass unchanged.
 */
export function inOptionTerms(optionOfField: Record<string, string>): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof ApiError) || !error.fieldErrors.length) throw error;
    const problems = error.fieldErrors.map(({ field, message }) => `${optionOf(field, optionOfField)}: ${message}`);
    throw new CliError(`${error.problem.title || 'refused'} (${error.status}): ${problems.join('; ')}`);
  };
}

/** `attributes.db.port` -> `--attributes db.port`; a field no option sets stays as it is. */
function optionOf(field: string, optionOfField: Record<string, string>): string {
  const [head] = field.split(/[.[]/);
  const option = optionOfField[head];
  if (!option) return field;
  const rest = field.slice(head.length).replace(/^\./, '');
  return rest ? `${option} ${rest}` : option;
}
