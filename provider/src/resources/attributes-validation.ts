import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types';
import { keyStep, type PathStep } from '../framework';
import type { MercatoClient } from '../client/mercato-client';

interface VersionRecord {
  version: string;
  status: string;
  options_schema: object;
  /** The properties the schema makes secret, by path (servers before it gave none). */
  secret_attribute_paths?: string[];
  deprecation_message: string;
  replacement_version: string;
}

/** Versions by offering, per configured client: a launch of the provider, or one attachment in debug mode. */
const versionsByClient = new WeakMap<MercatoClient, Map<string, Promise<VersionRecord[]>>>();
const validators = new Map<string, ValidateFunction>();

/**
 * The versions of an offering, fetched once per configured client (a plan asks for many
 * resources): once per provider launch, as Terraform configures each launch anew, so one command
 * never sees the versions of an earlier one, even when the provider outlives it (debug mode).
 */
export function offeringVersions(client: MercatoClient, offeringId: string): Promise<VersionRecord[]> {
  let byOffering = versionsByClient.get(client);
  if (!byOffering) versionsByClient.set(client, (byOffering = new Map()));
  let versions = byOffering.get(offeringId);
  if (!versions) {
    versions = client.listAll<VersionRecord>('/offering-versions', { offering_id: offeringId });
    byOffering.set(offeringId, versions);
  }
  return versions;
}

export interface SchemaError {
  /** From `attributes`, e.g. ['attributes', 'node_pools', 1, 'replicas']. */
  path: PathStep[];
  message: string;
}

/** A version schema the provider cannot check attributes against: a pattern that cannot run in linear time. */
export class UncheckableSchemaError extends Error {}

/**
 * Validates attributes against a version's JSON Schema, as the server does. Patterns run in a
 * linear-time engine (RE2), so no schema can make a plan hang; a pattern RE2 cannot run (a
 * lookahead, a backreference) throws UncheckableSchemaError naming it.
 */
export function attributeErrors(schema: object, attributes: unknown): SchemaError[] {
  const validate = validatorFor(schema);
  if (validate(attributes)) return [];
  return (validate.errors ?? []).map((error) => describeError(error, attributes));
}

/** Each pattern of the schema RE2 cannot run, as "`<pattern>` at <schema path>: <why>". */
export function uncheckablePatterns(schema: unknown): string[] {
  return unsupportedPatterns(schema, []);
}

function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    const unsupported = uncheckablePatterns(schema);
    if (unsupported.length) throw new UncheckableSchemaError(unsupported.join('; '));
    // ajv (and RE2) are loaded only when a plan validates attributes.
    const Ajv = require('ajv').default as typeof import('ajv').default;
    // Formats are left to the server, which checks them when the order is placed.
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateFormats: false,
      code: { regExp: linearTimeRegExp() },
    });
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * ajv's `code.regExp` engine backed by re2js: `pattern` and `patternProperties` match in time
 * linear in the input. re2js is loaded on the first pattern, so schemas without any skip it.
 */
function linearTimeRegExp(): RegExpEngine {
  const engine = (pattern: string, flags: string) => {
    const { RE2JS } = re2js();
    const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return { test: (text: string) => compiled.test(text), toString: () => `/${pattern}/${flags}` };
  };
  return Object.assign(engine, { code: 'require("re2js").RE2JS' });
}

function re2js(): typeof import('re2js') {
  return require('re2js') as typeof import('re2js');
}

/** Keywords whose values are data, not schemas: a `pattern` key inside them is not a pattern. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

function unsupportedPatterns(schema: unknown, at: string[]): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (DATA_KEYWORDS.has(key)) continue;
    const patterns =
      key === 'pattern' && typeof value === 'string'
        ? [value]
        : key === 'patternProperties' && value && typeof value === 'object'
          ? Object.keys(value)
          : [];
    for (const pattern of patterns) {
      const why = re2Problem(pattern);
      if (why) found.push(`\`${pattern}\` at ${[...at, key].join('.')}: ${why}`);
    }
    found.push(...unsupportedPatterns(value, [...at, key]));
  }
  return found;
}

function re2Problem(pattern: string): string | undefined {
  const { RE2JS } = re2js();
  try {
    RE2JS.compile(RE2JS.translateRegExp(pattern));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function describeError(error: ErrorObject, attributes: unknown): SchemaError {
  const path = instancePath(error.instancePath, attributes);
  switch (error.keyword) {
    case 'required':
      return { path: [...path, keyStep(error.params.missingProperty as string)], message: 'is required' };
    case 'additionalProperties':
      return {
        path: [...path, keyStep(error.params.additionalProperty as string)],
        message: 'is not a known field of this offering version',
      };
    case 'enum':
      return {
        path,
        message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { path, message: `must be ${JSON.stringify(error.params.allowedValue)}` };
    default:
      return { path, message: error.message ?? error.keyword };
  }
}

/** A JSON pointer into the attributes as path steps: a segment is a list index only where the value is a list. */
function instancePath(pointer: string, attributes: unknown): PathStep[] {
  const path: PathStep[] = ['attributes'];
  let value = attributes;
  for (const segment of pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (Array.isArray(value)) {
      path.push(Number(segment));
      value = value[Number(segment)];
    } else {
      path.push(keyStep(segment));
      value = (value as Record<string, unknown> | undefined)?.[segment];
    }
  }
  return path;
}
