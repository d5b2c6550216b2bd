import { sentence, type ValidateContext } from '../framework';
import { ApiError } from '../client/api-error';

/**
 * Reports a refused request at the attributes the server named, so Terraform points at the
 * line in the configuration; other failures are rethrown for the framework to report.
 */
export async function reportingFieldErrors<T>(
  ctx: ValidateContext,
  summary: string,
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ApiError) || !error.fieldErrors.length) throw error;
    for (const { field, message } of error.fieldErrors)
      ctx.error(summary, sentence(`${field}: ${message}`), attributePath(field));
    return undefined;
  }
}

/** Server field names are the HCL attribute names; inside a JSON-text attribute we can only point at the attribute. */
function attributePath(field: string): string {
  const [top] = field.split(/[.[]/);
  return top === 'attributes' || top === 'limits' || top === 'prices' ? field : top;
}
