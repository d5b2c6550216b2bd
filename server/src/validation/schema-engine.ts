import Ajv, { type ValidateFunction } from 'ajv';
import { fieldErrorsFrom, type FieldError } from '../http/problem';
import { addLinearFormats } from './linear-formats';
import { linearRegExpEngine } from './linear-regexp';
import { schemaRuleProblems } from './schema-rules';

/**
 * Checks and runs the JSON Schemas users write (offering versions' `options_schema`) and the
 * plugins' options schemas. It runs inside a worker thread (see `schema-pool.ts`), so it is
 * synchronous and keeps its compiled validators to itself.
 */

const ajv = addLinearFormats(
  new Ajv({ allErrors: true, strict: false, useDefaults: false, code: { regExp: linearRegExpEngine } }),
);

/** Compiled validators by schema text, least recently used first. */
const compiled = new Map<string, ValidateFunction>();
const CACHED_VALIDATORS = 1000;

function validatorFor(schemaText: string): ValidateFunction {
  let validate = compiled.get(schemaText);
  if (validate) {
    compiled.delete(schemaText);
  } else {
    const schema = JSON.parse(schemaText) as object;
    validate = ajv.compile(schema);
    // ajv also keeps every schema it compiled, by object: ours is never asked for again.
    ajv.removeSchema(schema);
    if (compiled.size >= CACHED_VALIDATORS) compiled.delete(compiled.keys().next().value!);
  }
  compiled.set(schemaText, validate);
  return validate;
}

/**
 * Field errors under `field` when `schemaText` cannot serve as a configuration schema: not a
 * draft-07 schema, not an object schema, naming or referencing something outside itself, a
 * pattern RE2 cannot run, or one ajv cannot compile.
 */
export function checkSchema(schemaText: string, field: string): FieldError[] {
  const schema = JSON.parse(schemaText) as unknown;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [{ field, message: 'must be a JSON Schema object' }];
  }
  // First: a `$schema` naming another draft would send the meta-schema check looking for it.
  const ruleProblems = schemaRuleProblems(schema, field);
  if (ruleProblems.length) return ruleProblems;
  if (!ajv.validateSchema(schema)) {
    return (ajv.errors ?? []).map((e) => ({
      field: `${field}${e.instancePath.replace(/\//g, '.')}`,
      message: e.message ?? 'is not valid',
    }));
  }
  const type = (schema as { type?: unknown }).type;
  if (type !== undefined && type !== 'object')
    return [{ field: `${field}.type`, message: 'must be "object": attributes are an object' }];
  try {
    validatorFor(schemaText);
  } catch (error) {
    return [{ field, message: `is not a usable JSON Schema: ${(error as Error).message}` }];
  }
  return [];
}

/**
 * Field errors under `prefix` (`attributes.node_pools[0].replicas`) where `value` breaks the
 * schema. A schema saved before today's rules that no longer compiles is reported at `prefix`.
 */
export function validateValue(schemaText: string, value: unknown, prefix: string): FieldError[] {
  let validate: ValidateFunction;
  try {
    validate = validatorFor(schemaText);
  } catch (error) {
    return [
      {
        field: prefix,
        message: `cannot be checked: the schema is not usable (${(error as Error).message}); its provider must change it`,
      },
    ];
  }
  return validate(value) ? [] : fieldErrorsFrom(validate.errors ?? [], prefix);
}
