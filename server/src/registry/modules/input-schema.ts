import type { ModuleInput } from './module-reader';
import { translateValidations } from './input-validations';
import { parseTypeConstraint, TypeConstraintError, type TypeConstraint } from './type-constraint';

/**
 * A module's inputs as the JSON Schema (draft-07, standing alone) of an offering version's
 * `options_schema`: one property per variable, named exactly as the module names it.
 *
 * | Terraform                      | JSON Schema                                                    |
 * |--------------------------------|----------------------------------------------------------------|
 * | `string`, `number`, `bool`     | `string`, `number`, `boolean`                                  |
 * | `any`, no `type`               | no type restriction                                            |
 * | `list(T)`                      | `array` of T                                                   |
 * | `set(T)`                       | `array` of T, `uniqueItems`                                    |
 * | `map(T)`                       | `object`, `additionalProperties`: T                            |
 * | `object({a = T})`              | `object`, `properties`, `required` (all but `optional(...)`)   |
 * | `optional(T, d)`               | the attribute's schema with `default: d`; null accepted        |
 * | `tuple([A, B])`                | `array`, `items: [A, B]`, exactly that many                    |
 *
 * At the top: a variable without a default is `required`; `default`, `description` kept;
 * `sensitive = true` is `writeOnly: true` (a secret: orders take it, answers never show it) and its
 * default is not shown; null is accepted where Terraform accepts it (`nullable`, true unless said
 * otherwise; with `nullable = false`, null stands for the default, so it is accepted only when
 * there is one); `validation` blocks become keywords where they translate exactly
 * (input-validations.ts) and are listed in the description where they do not. Unknown properties
 * are refused at every level: Terraform refuses an argument a module does not declare, and would
 * drop an attribute an object type does not declare (most likely a typo). Facts: Terraform's
 * "Input Variables" and "Type Constraints" pages.
 */

type Schema = Record<string, unknown>;

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** An input whose type constraint cannot be read: the variable's name and why. */
export class InputTypeError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`the variable "${input}" has a type constraint that cannot be read: ${reason}`);
  }
}

/** The schema of a module's inputs; throws InputTypeError naming the first variable whose type cannot be read. */
export function inputsSchema(inputs: ModuleInput[], description?: string): Schema {
  const properties: Record<string, Schema> = {};
  for (const input of inputs) properties[input.name] = inputProperty(input);
  const required = inputs.filter((i) => i.required).map((i) => i.name);
  return {
    $schema: DRAFT_07,
    type: 'object',
    ...(description ? { description } : {}),
    additionalProperties: false,
    properties,
    ...(required.length ? { required } : {}),
  };
}

function inputProperty(input: ModuleInput): Schema {
  const type = readType(input);
  let schema = typeSchema(type, input.sensitive);
  const { keywords, untranslated } = translateValidations(input.name, type, input.validations);
  const { type: integer, ...rest } = keywords;
  if (integer === 'integer') schema.type = 'integer';
  schema = { ...schema, ...rest };
  // An enum (from `contains`) decides alone: Terraform's `contains` fails on null, so null is refused anyway.
  const acceptsNull = (input.nullable || !input.required) && !('enum' in rest);
  if (acceptsNull) schema = withNull(schema);
  const notes: string[] = [];
  if (input.description) notes.push(input.description);
  if (!input.sensitive && !input.required) {
    if (isLiteral(input.default)) schema.default = input.default;
    else notes.push(`Default: \`${JSON.stringify(input.default)}\`, worked out by Terraform.`);
  }
  if (untranslated.length)
    notes.push(
      [
        'Terraform also checks, when it plans:',
        ...untranslated.map((v) => `- ${v.error_message || 'a rule'} (\`${oneLine(v.condition)}\`)`),
      ].join('\n'),
    );
  if (notes.length) schema.description = notes.join('\n\n');
  if (input.sensitive) schema.writeOnly = true;
  return schema;
}

function readType(input: ModuleInput): TypeConstraint {
  if (input.type === null) return { kind: 'any' };
  try {
    return parseTypeConstraint(input.type);
  } catch (error) {
    if (error instanceof TypeConstraintError) throw new InputTypeError(input.name, `"${input.type}": ${error.message}`);
    throw error;
  }
}

/**
 * The schema of a value of a type (null refused: only optional attributes and the top level take
 * it). `secret`: the value is a secret, so no default of it is shown, not even an attribute's.
 */
function typeSchema(type: TypeConstraint, secret = false): Schema {
  const inner = (t: TypeConstraint) => typeSchema(t, secret);
  switch (type.kind) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'bool':
      return { type: 'boolean' };
    case 'any':
      return {};
    case 'list':
      return { type: 'array', items: inner(type.element) };
    case 'set':
      return { type: 'array', uniqueItems: true, items: inner(type.element) };
    case 'map':
      return { type: 'object', additionalProperties: inner(type.element) };
    case 'tuple':
      return {
        type: 'array',
        items: type.elements.map(inner),
        minItems: type.elements.length,
        maxItems: type.elements.length,
      };
    case 'object': {
      const properties: Record<string, Schema> = {};
      for (const attribute of type.attributes) {
        let schema = inner(attribute.type);
        if (attribute.optional) {
          // Terraform fills in an omitted optional attribute, and one set to null, with its default.
          schema = withNull(schema);
          // Nothing of a secret's value is shown, its attributes' defaults included.
          if (!secret && 'default' in attribute) schema.default = attribute.default;
          else if (!secret && attribute.defaultExpression)
            schema.description = `Default: \`${attribute.defaultExpression}\`, worked out by Terraform.`;
        }
        properties[attribute.name] = schema;
      }
      const required = type.attributes.filter((a) => !a.optional).map((a) => a.name);
      return {
        type: 'object',
        additionalProperties: false,
        properties,
        ...(required.length ? { required } : {}),
      };
    }
  }
}

/** The schema also accepting null. */
function withNull(schema: Schema): Schema {
  const type = schema.type;
  if (type === undefined) return schema;
  const types = Array.isArray(type) ? type : [type];
  return types.includes('null') ? schema : { ...schema, type: [...types, 'null'] };
}

/** True for a value written literally; a default holding an expression (`${...}`, as the reader keeps one) is not. */
function isLiteral(value: unknown): boolean {
  if (typeof value === 'string') return !/\$\{/.test(value);
  if (Array.isArray(value)) return value.every(isLiteral);
  if (value && typeof value === 'object') return Object.values(value).every(isLiteral);
  return true;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
