/**
 * The closed sets of values an OpenAPI document names (`enum` in a parameter or property schema),
 * as a TypeScript module of runtime constants, and the pattern of an object id. A set is named
 * after its collection and its field: `platform` of /api/v1/offerings is OFFERING_PLATFORMS,
 * `state` of /api/v1/orders ORDER_STATES, `billing_type` inside an offering's components
 * OFFERING_BILLING_TYPES. One name with two different sets is an error: the document would have
 * to say which one a client should offer.
 */
import type { OpenAPI3 } from 'openapi-typescript';

const PREFIX = '/api/v1/';

interface Enumeration {
  values: string[];
  /** Its TypeScript type's name: OfferingPlatform. */
  typeName: string;
  /** What the document says it is: `platform` of /api/v1/offerings. */
  field: string;
  /** Where it appears: query parameter, request body, response. */
  places: Set<string>;
}

/** `offering-versions` -> `offering-version`, `categories` -> `category`. */
function singular(collection: string): string {
  return collection.endsWith('ies') ? `${collection.slice(0, -3)}y` : collection.replace(/s$/, '');
}

/** `status` -> `statuses`, `billing_type` -> `billing_types`, `visibility` -> `visibilities`. */
function plural(field: string): string {
  if (/[^aeiou]y$/.test(field)) return `${field.slice(0, -1)}ies`;
  return field.endsWith('s') ? `${field}es` : `${field}s`;
}

const words = (text: string) => text.split(/[-_]/);
const constantName = (collection: string, field: string) =>
  [...words(singular(collection)), ...words(plural(field))].join('_').toUpperCase();
const typeName = (collection: string, field: string) =>
  [...words(singular(collection)), ...words(field)].map((w) => w[0].toUpperCase() + w.slice(1)).join('');

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Calls `found` for each enum in a schema, with the name of the property (or parameter) that holds it. */
function visitSchema(schema: unknown, field: string, found: (field: string, values: unknown[]) => void): void {
  if (!isObject(schema)) return;
  if (Array.isArray(schema.enum)) found(field, schema.enum);
  if (isObject(schema.properties))
    for (const [name, property] of Object.entries(schema.properties)) visitSchema(property, name, found);
  if (schema.items) visitSchema(schema.items, field, found);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
    if (Array.isArray(schema[key])) for (const part of schema[key] as unknown[]) visitSchema(part, field, found);
  if (isObject(schema.additionalProperties)) visitSchema(schema.additionalProperties, field, found);
}

/** Every schema of an operation, with where it is: its parameters, request body and responses. */
function operationSchemas(operation: Json): { schema: unknown; field: string; where: string }[] {
  const schemas: { schema: unknown; field: string; where: string }[] = [];
  for (const parameter of (operation.parameters as Json[] | undefined) ?? [])
    schemas.push({ schema: parameter.schema, field: String(parameter.name), where: `${parameter.in} parameter` });
  const content = (holder: unknown) =>
    (isObject(holder) && isObject(holder.content) ? Object.values(holder.content) : []) as Json[];
  for (const media of content(operation.requestBody))
    schemas.push({ schema: media.schema, field: '', where: 'request body' });
  for (const response of Object.values((operation.responses as Json | undefined) ?? {}))
    for (const media of content(response)) schemas.push({ schema: media.schema, field: '', where: 'response' });
  return schemas;
}

/** The document's enumerations by constant name; throws when one name would hold two sets. */
export function enumerations(document: OpenAPI3): Map<string, Enumeration> {
  const found = new Map<string, Enumeration>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith(PREFIX)) continue;
    const collection = path.slice(PREFIX.length).split('/')[0];
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!isObject(operation)) continue;
      for (const { schema, field, where } of operationSchemas(operation)) {
        visitSchema(schema, field, (name, values) => {
          const constant = constantName(collection, name);
          const text = values.map(String);
          const known = found.get(constant);
          if (known && JSON.stringify(known.values) !== JSON.stringify(text)) {
            throw new Error(
              `${constant}: \`${name}\` of ${PREFIX}${collection} is ${JSON.stringify(known.values)} in one place and ${JSON.stringify(text)} in another (${method.toUpperCase()} ${path}, ${where})`,
            );
          }
          const entry = known ?? {
            values: text,
            typeName: typeName(collection, name),
            field: `\`${name}\` of ${PREFIX}${collection}`,
            places: new Set<string>(),
          };
          entry.places.add(where);
          found.set(constant, entry);
        });
      }
    }
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

/** The one pattern every `id` property of the document's answers has. */
export function idPattern(document: OpenAPI3): string {
  const patterns = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const id = isObject(node.properties) ? node.properties.id : undefined;
    if (isObject(id) && typeof id.pattern === 'string') patterns.add(id.pattern);
    Object.values(node).forEach(visit);
  };
  visit(document.paths);
  if (patterns.size !== 1)
    throw new Error(
      `the document's \`id\` properties have ${patterns.size} patterns, not one: ${[...patterns].join(', ')}`,
    );
  return [...patterns][0];
}

/** src/generated/constants.ts for a document. */
export function constantsModule(document: OpenAPI3): string {
  const lines = [
    '/**',
    ' * The closed sets of values of the Mercato API and the form of its ids, as runtime values.',
    ' * Generated from openapi.json by `npm run generate -w api` (scripts/constants.ts); do not edit.',
    ' */',
    '',
    `/** An object id, as every \`id\` of the API's answers is. */`,
    `export const ID_PATTERN = new RegExp(${JSON.stringify(idPattern(document))});`,
  ];
  for (const [constant, { values, typeName: type, field, places }] of enumerations(document)) {
    const list = values.map((value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ');
    lines.push(
      '',
      `/** ${field} (${[...places].sort().join(', ')}). */`,
      `export const ${constant} = [${list}] as const;`,
      `export type ${type} = (typeof ${constant})[number];`,
    );
  }
  return `${lines.join('\n')}\n`;
}
