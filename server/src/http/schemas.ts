import { UUID_PATTERN } from '../ids';
import { PAGE_QUERY_PROPERTIES } from './pagination';
import { MAX_FIELD_DEPTH } from './json-scan';

export const ID = { type: 'string', pattern: UUID_PATTERN } as const;
export const TIMESTAMP = { type: 'string', format: 'date-time' } as const;
export const NAME = { type: 'string', minLength: 1, maxLength: 200 } as const;
export const DESCRIPTION = { type: 'string', maxLength: 10000 } as const;

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/**
 * The schema helpers keep their arguments' literal types (`const` type parameters), so that the
 * route's type provider (json-schema-to-ts) infers the types of bodies, queries and parameters
 * from the very schemas that validate them and make the OpenAPI document.
 */
type Properties = Record<string, object>;

/** A list's query string: the page parameters and the list's filters. */
export function listQuery<const F extends Properties = Record<never, never>>(filters: F = {} as F) {
  return { type: 'object', additionalProperties: false, properties: { ...PAGE_QUERY_PROPERTIES, ...filters } } as const;
}

/** A request body schema: unknown fields are refused, so a typo never passes silently. */
export function body<const P extends Properties, const R extends readonly (keyof P & string)[] = []>(
  properties: P,
  required: R = [] as unknown as R,
) {
  return { type: 'object', additionalProperties: false, required, properties } as const;
}

export function object<const P extends Properties>(properties: P) {
  return { type: 'object', properties } as const;
}

/** A free-form JSON object in a request body; json-scan.ts holds it to MAX_FIELD_DEPTH levels. */
export function jsonObject(description?: string) {
  return {
    type: 'object',
    description: `${description ? `${description} ` : ''}Any JSON object nested at most ${MAX_FIELD_DEPTH} levels deep.`,
  } as const;
}
