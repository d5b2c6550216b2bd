import type { FieldError } from '../http/problem';

/**
 * Which properties of `attributes` an offering version's JSON Schema makes secret: those marked
 * `writeOnly: true` (JSON Schema's own word for "sent, never returned") or `format: "password"`,
 * at any depth reached through `properties` from the top. A secret's whole value is secret,
 * objects included. Orders accept them, plugins get them, and no answer, event or log shows them
 * (orders/secret-attributes.ts).
 *
 * A mark anywhere else (inside `items`, `additionalProperties`, `allOf`, `$defs`...) names no
 * fixed path, so nothing could keep the value out of what the API returns: such a schema is
 * refused (`misplacedSecretMarks`) rather than accepted with a secret that would show.
 */

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when a property's schema marks its value secret. */
const marksSecret = (schema: unknown): boolean =>
  isObject(schema) && (schema.writeOnly === true || schema.format === 'password');

/** Each secret property's path from the top of `attributes`, as the list of its property names. */
export function secretPropertyPaths(schema: unknown): string[][] {
  const paths: string[][] = [];
  const visit = (node: unknown, path: string[]) => {
    if (!isObject(node) || !isObject(node.properties)) return;
    for (const [name, property] of Object.entries(node.properties)) {
      if (marksSecret(property)) paths.push([...path, name]);
      else visit(property, [...path, name]);
    }
  };
  visit(schema, []);
  return paths;
}

/** Keywords whose values are data (examples, defaults, constants), not schemas: never looked into. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);
/** Keywords whose values map names (or patterns) to schemas. */
const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);

/** Secret marks that are not on a property reached through `properties`, each as a field error. */
export function misplacedSecretMarks(schema: unknown, field = 'options_schema'): FieldError[] {
  const errors: FieldError[] = [];
  /** `property`: the node is a property reached through `properties` from the top; `reachable`: the node itself is reached so. */
  const visit = (node: unknown, at: string, property: boolean, reachable: boolean) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${at}[${i}]`, false, false));
    if (!isObject(node)) return;
    if (marksSecret(node) && !property) {
      errors.push({
        field: at,
        message:
          'marks a secret (writeOnly or format "password") that has no fixed path in attributes: mark only properties reached through "properties" from the top, so that their values can be kept out of every answer',
      });
      return;
    }
    for (const [keyword, value] of Object.entries(node)) {
      if (DATA_KEYWORDS.has(keyword)) continue;
      if (SCHEMA_MAPS.has(keyword) && isObject(value)) {
        const named = keyword === 'properties' && reachable;
        for (const [name, item] of Object.entries(value)) visit(item, `${at}.${keyword}.${name}`, named, named);
      } else visit(value, `${at}.${keyword}`, false, false);
    }
  };
  visit(schema, field, false, true);
  return errors;
}
