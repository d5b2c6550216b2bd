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

export function listQuery(filters: Record<string, object> = {}) {
  return { type: 'object', additionalProperties: false, properties: { ...PAGE_QUERY_PROPERTIES, ...filters } };
}

/** A request body schema: unknown fields are refused, so a typo never passes silently. */
export function body(properties: Record<string, object>, required: string[] = []) {
  return { type: 'object', additionalProperties: false, required, properties };
}

export function object(properties: Record<string, object>) {
  return { type: 'object', properties };
}

/** A free-form JSON object in a request body; json-scan.ts holds it to MAX_FIELD_DEPTH levels. */
export function jsonObject(description?: string) {
  return { type: 'object', description: `${description ? `${description} ` : ''}Any JSON object nested at most ${MAX_FIELD_DEPTH} levels deep.` };
}
