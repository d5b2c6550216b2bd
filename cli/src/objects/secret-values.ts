/** What the CLI prints in place of a secret value. */
export const SECRET_MASK = '********';

/**
 * Fields whose values are secrets wherever they appear in an API answer: a resource's
 * `secret_outputs` (its consumers read them), and the write-only kinds the server never returns
 * today, so that a later answer carrying one is masked too.
 */
const SECRET_FIELDS = new Set(['secret_outputs', 'secret_options', 'secret_attributes', 'token']);

/**
 * A copy of an API answer with every secret value masked, in every output format alike; the
 * keys stay, so a reader sees which secrets are set (as `kubectl describe secret` does).
 */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskSecrets) as T;
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_FIELDS.has(key) ? maskAll(item) : maskSecrets(item)]),
  ) as T;
}

/** Every value inside masked; nothing (null, empty) stays as it is: there is nothing to hide. */
function maskAll(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (Array.isArray(value)) return value.map(maskAll);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskAll(item)]));
  return SECRET_MASK;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
