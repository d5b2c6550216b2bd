import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fieldErrorsFrom, type FieldError } from '../http/problem';

/**
 * An offering version's configuration JSON Schema is the one source of truth for its
 * `attributes`: refused here if it is not a valid schema, then used to validate every order.
 */
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });
addFormats(ajv);

const compiled = new Map<string, ValidateFunction>();

export function schemaProblems(schema: unknown, field = 'options_schema'): FieldError[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [{ field, message: 'must be a JSON Schema object' }];
  }
  if (!ajv.validateSchema(schema)) {
    return (ajv.errors ?? []).map((e) => ({ field: `${field}${e.instancePath.replace(/\//g, '.')}`, message: e.message ?? 'is not valid' }));
  }
  const type = (schema as { type?: unknown }).type;
  if (type !== undefined && type !== 'object') return [{ field: `${field}.type`, message: 'must be "object": attributes are an object' }];
  try {
    ajv.compile(schema);
  } catch (error) {
    return [{ field, message: `is not a usable JSON Schema: ${(error as Error).message}` }];
  }
  return [];
}

/** Validates a configuration against a schema; errors name the JSON path under `prefix`. */
export function validateAgainst(schema: object, value: unknown, prefix = 'attributes'): FieldError[] {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate(value) ? [] : fieldErrorsFrom(validate.errors ?? [], prefix);
}
