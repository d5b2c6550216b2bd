/**
 * A module's inputs as an offering version's configuration schema (registry/modules/input-schema.ts):
 * Terraform type constraints read as written (type-constraint.ts), mapped to JSON Schema, and
 * validation blocks translated where they translate exactly (input-validations.ts). Each generated
 * schema also passes the server's own checks of options schemas (validation/schema-engine.ts) and
 * validates values as Terraform would accept or refuse them.
 */
import Ajv from 'ajv';
import { checkSchema, validateValue } from '../src/validation/schema-engine';
import { inputsSchema, InputTypeError } from '../src/registry/modules/input-schema';
import type { ModuleInput } from '../src/registry/modules/module-reader';
import { parseTypeConstraint, readHclLiteral, typeText } from '../src/registry/modules/type-constraint';
import { secretPropertyPaths } from '../src/catalog/secret-properties';

/** An input as module-reader.ts gives it. */
function input(name: string, type: string | null, more: Partial<ModuleInput> = {}): ModuleInput {
  return { name, type, description: '', required: true, sensitive: false, nullable: true, validations: [], ...more };
}

/** The property a single input becomes. */
const property = (i: ModuleInput) => (inputsSchema([i]).properties as Record<string, unknown>)[i.name];

/** Whether a value passes a schema, by the server's own validator (RE2 patterns). */
function accepts(schema: object, value: unknown): boolean {
  const text = JSON.stringify(schema);
  expect(checkSchema(text, 'options_schema')).toEqual([]);
  return validateValue(text, value, 'attributes').length === 0;
}

describe('type constraints as written', () => {
  test.each([
    ['string', 'string'],
    ['number', 'number'],
    ['bool', 'bool'],
    ['any', 'any'],
    ['list(string)', 'list(string)'],
    ['set( number )', 'set(number)'],
    ['map(bool)', 'map(bool)'],
    ['list', 'list(any)'],
    ['map', 'map(any)'],
    ['list(list(map(string)))', 'list(list(map(string)))'],
    ['object({})', 'object({})'],
    ['object({ a = string, b = number })', 'object({a=string, b=number})'],
    ['object({\n  a = string\n  b = optional(number)\n})', 'object({a=string, b=optional(number)})'],
    ['tuple([string, number, bool])', 'tuple([string, number, bool])'],
    ['tuple([\n  string,\n  list(number),\n])', 'tuple([string, list(number)])'],
    ['tuple([])', 'tuple([])'],
    [
      'map(object({\n    name = string, # the name\n    size = optional(number, 3) // a comment\n    /* tags */ tags = optional(list(string), [])\n  }))',
      'map(object({name=string, size=optional(number), tags=optional(list(string))}))',
    ],
  ])('%j reads as %s', (written, printed) => {
    expect(typeText(parseTypeConstraint(written))).toBe(printed);
  });

  test('optional attributes keep their literal defaults, and expressions as written', () => {
    const type = parseTypeConstraint(
      'object({ a = optional(string, "x\\ty\\"z"), b = optional(list(number), [1, 2.5, -3e2]), c = optional(object({d = bool}), { d = true }), e = optional(string, upper("q")), f = optional(bool, false), g = optional(string, null), h = optional(string, "${var.x}") })',
    );
    expect(type.kind === 'object' && type.attributes).toEqual([
      { name: 'a', type: { kind: 'string' }, optional: true, default: 'x\ty"z' },
      { name: 'b', type: { kind: 'list', element: { kind: 'number' } }, optional: true, default: [1, 2.5, -300] },
      {
        name: 'c',
        type: { kind: 'object', attributes: [{ name: 'd', type: { kind: 'bool' }, optional: false }] },
        optional: true,
        default: { d: true },
      },
      { name: 'e', type: { kind: 'string' }, optional: true, defaultExpression: 'upper("q")' },
      { name: 'f', type: { kind: 'bool' }, optional: true, default: false },
      { name: 'g', type: { kind: 'string' }, optional: true, default: null },
      { name: 'h', type: { kind: 'string' }, optional: true, defaultExpression: '"${var.x}"' },
    ]);
  });

  test.each([
    ['strin', /"strin" is not a type/],
    ['list(string', /expected "\)" to close list/],
    ['list(string, number)', /expected "\)" to close list/],
    ['string(1)', /primitive type "string" takes no arguments/],
    ['object({a = string b = number})', /expected a comma, a newline or "}" after the attribute "a"/],
    ['object({a = string, a = number})', /attribute "a" is declared twice/],
    ['object({"a" = string})', /must be an identifier/],
    ['optional(string)', /only for an attribute of an object type/],
    ['tuple(string)', /expected "\[" to start the element types/],
    ['map(string) extra', /unexpected "extra" after the type/],
    ['', /expected a type/],
  ])('%j is refused: %s', (written, reason) => {
    expect(() => parseTypeConstraint(written)).toThrow(reason);
  });

  test('HCL literals: strings with escapes, numbers, lists and objects; templates are not literals', () => {
    expect(readHclLiteral('["a", "b\\n", 1, true, null]')).toEqual({ value: ['a', 'b\n', 1, true, null] });
    expect(readHclLiteral('{ a = 1, "b c" = { d = [] } }')).toEqual({ value: { a: 1, 'b c': { d: [] } } });
    expect(readHclLiteral('"$${not} a template"')).toEqual({ value: '${not} a template' });
    expect(readHclLiteral('"${var.x}"')).toBeUndefined();
    expect(readHclLiteral('upper("x")')).toBeUndefined();
  });
});

describe('inputs as a JSON Schema', () => {
  test('the whole schema: draft-07, one property per input, required ones without defaults, nothing else accepted', () => {
    const schema = inputsSchema(
      [
        input('name', 'string', { description: 'What to call it' }),
        input('replicas', 'number', { required: false, default: 2, nullable: false }),
        input('labels', 'map(string)', { required: false, default: {} }),
      ],
      'Inputs of acme/network/aws 1.0.0',
    );
    expect(schema).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      description: 'Inputs of acme/network/aws 1.0.0',
      additionalProperties: false,
      properties: {
        name: { type: ['string', 'null'], description: 'What to call it' },
        replicas: { type: ['number', 'null'], default: 2 },
        labels: { type: ['object', 'null'], additionalProperties: { type: 'string' }, default: {} },
      },
      required: ['name'],
    });
    expect(accepts(schema, { name: 'a' })).toBe(true);
    expect(accepts(schema, {})).toBe(false);
    expect(accepts(schema, { name: 'a', nme: 'typo' })).toBe(false);
    expect(accepts(schema, { name: 'a', labels: { x: 1 } })).toBe(false);
  });

  test.each<[string, string | null, unknown[], unknown[]]>([
    ['string', 'string', ['x', ''], [1, true, []]],
    ['number', 'number', [1, 2.5, -3], ['1', false]],
    ['bool', 'bool', [true, false], ['true', 0]],
    ['any', 'any', ['x', 1, [1], { a: 1 }], []],
    ['no type', null, ['x', 1, { a: [1] }], []],
    ['list(number)', 'list(number)', [[], [1, 2, 2]], [[1, 'x'], { a: 1 }, 'x']],
    ['set(string)', 'set(string)', [[], ['a', 'b']], [['a', 'a'], [1]]],
    ['map(number)', 'map(number)', [{}, { a: 1 }], [{ a: 'x' }, [1]]],
    ['tuple([string, number])', 'tuple([string, number])', [['a', 1]], [['a'], ['a', 1, 2], [1, 'a']]],
    [
      'object with optional attributes',
      'object({ name = string, size = optional(number, 3), tags = optional(list(string)) })',
      [{ name: 'a' }, { name: 'a', size: 1, tags: ['x'] }, { name: 'a', size: null }],
      [{}, { name: 'a', colour: 'red' }, { name: 'a', size: 'big' }, { name: null }],
    ],
    [
      'map of objects',
      'map(object({ cidr = string, public = optional(bool, false) }))',
      [{ a: { cidr: '10.0.0.0/24' } }, {}],
      [{ a: {} }, { a: { cidr: '10.0.0.0/24', public: 'yes' } }],
    ],
    [
      'list of tuples of sets',
      'list(tuple([set(number), map(any)]))',
      [[[[1, 2], { a: 'x', b: 1 }]]],
      [[[[1, 1], {}]], [[[1]]]],
    ],
  ])('%s: accepted and refused values', (_name, type, good, bad) => {
    const schema = inputsSchema([input('value', type, { nullable: false })]);
    for (const value of good) expect([value, accepts(schema, { value })]).toEqual([value, true]);
    for (const value of bad) expect([value, accepts(schema, { value })]).toEqual([value, false]);
  });

  test('the mapping of each type, nested, with optional defaults', () => {
    expect(
      property(
        input(
          'pools',
          'map(object({\n  size = optional(number, 3)\n  zones = set(string)\n  disk = tuple([string, number])\n  note = optional(string, format("%s", "x"))\n}))',
          { nullable: false },
        ),
      ),
    ).toEqual({
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          size: { type: ['number', 'null'], default: 3 },
          zones: { type: 'array', uniqueItems: true, items: { type: 'string' } },
          disk: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], minItems: 2, maxItems: 2 },
          note: { type: ['string', 'null'], description: 'Default: `format("%s", "x")`, worked out by Terraform.' },
        },
        required: ['zones', 'disk'],
      },
    });
  });

  test('nullable: null is accepted unless nullable = false, where it stands for the default if there is one', () => {
    const schema = inputsSchema([
      input('a', 'string'),
      input('b', 'string', { nullable: false }),
      input('c', 'string', { nullable: false, required: false, default: 'x' }),
    ]);
    expect(accepts(schema, { a: null, b: 'x', c: null })).toBe(true);
    expect(accepts(schema, { a: 'x', b: null })).toBe(false);
  });

  test('a sensitive input is writeOnly (a secret), and no default of it is shown', () => {
    const schema = inputsSchema([
      input('password', 'string', { sensitive: true, required: false, default: 'hunter2' }),
      input('credentials', 'object({ user = string, key = optional(string, "k-123") })', {
        sensitive: true,
        required: false,
        default: { user: 'root', key: 'k-456' },
      }),
      input('name', 'string'),
    ]);
    expect(secretPropertyPaths(schema)).toEqual([['password'], ['credentials']]);
    expect(JSON.stringify(schema)).not.toMatch(/hunter2|k-123|k-456|root/);
    expect(schema.properties).toMatchObject({ password: { type: ['string', 'null'], writeOnly: true } });
  });

  test('a default that is an expression is described, not kept', () => {
    expect(property(input('region', 'string', { required: false, default: '${upper("x")}' }))).toEqual({
      type: ['string', 'null'],
      description: 'Default: `"${upper(\\"x\\")}"`, worked out by Terraform.',
    });
  });

  test('a type that cannot be read is an error naming the input', () => {
    expect(() => inputsSchema([input('ok', 'string'), input('size', 'map(strng)')])).toThrow(InputTypeError);
    expect(() => inputsSchema([input('size', 'map(strng)')])).toThrow(
      'the variable "size" has a type constraint that cannot be read: "map(strng)": "strng" is not a type',
    );
  });
});

describe('validation blocks', () => {
  const validated = (type: string, ...conditions: string[]) =>
    property(
      input('x', type, {
        nullable: false,
        validations: conditions.map((condition, i) => ({ condition, error_message: `rule ${i}` })),
      }),
    );

  test.each<[string, string, string, object]>([
    ['length of a string', 'string', 'length(var.x) >= 3', { minLength: 3 }],
    ['length above', 'string', 'length(var.x) > 2', { minLength: 3 }],
    ['length at most', 'string', 'length(var.x) <= 63', { maxLength: 63 }],
    ['length below, written backwards', 'string', '64 > length(var.x)', { maxLength: 63 }],
    ['exact length', 'string', 'length(var.x) == 2', { minLength: 2, maxLength: 2 }],
    ['length of a list', 'list(string)', 'length(var.x) > 0', { minItems: 1 }],
    ['length of a set', 'set(number)', 'length(var.x) <= 3', { maxItems: 3 }],
    ['length of a map', 'map(string)', 'length(var.x) < 10', { maxProperties: 9 }],
    ['a range', 'number', 'var.x >= 1 && var.x <= 10', { minimum: 1, maximum: 10 }],
    ['an exclusive range', 'number', '(var.x > 0) && (var.x < 1.5)', { exclusiveMinimum: 0, exclusiveMaximum: 1.5 }],
    ['a bound written backwards', 'number', '0 <= var.x', { minimum: 0 }],
    ['integers', 'number', 'var.x == floor(var.x)', { type: 'integer' }],
    ['one of strings', 'string', 'contains(["small", "large"], var.x)', { enum: ['small', 'large'] }],
    ['one of numbers', 'number', 'contains([1, 2, 4], var.x)', { enum: [1, 2, 4] }],
    ['a pattern', 'string', 'can(regex("^[a-z][a-z0-9-]*$", var.x))', { pattern: '^[a-z][a-z0-9-]*$' }],
    ['a pattern with escapes', 'string', 'can(regex("^\\\\d+\\\\.\\\\d+$", var.x))', { pattern: '^\\d+\\.\\d+$' }],
    ['regexall', 'string', 'length(regexall("^v[0-9]", var.x)) > 0', { pattern: '^v[0-9]' }],
  ])('%s: %s `%s`', (_name, type, condition, keywords) => {
    const schema = validated(type, condition) as Record<string, unknown>;
    expect(schema).toMatchObject(keywords);
    expect(schema.description).toBeUndefined();
  });

  test('several validations narrow together; two patterns both apply', () => {
    expect(
      validated(
        'string',
        'length(var.x) >= 2',
        'length(var.x) >= 4 && length(var.x) <= 10',
        'can(regex("^a", var.x))',
        'can(regex("z$", var.x))',
      ),
    ).toEqual({ type: 'string', minLength: 4, maxLength: 10, pattern: '^a', allOf: [{ pattern: 'z$' }] });
    expect(validated('string', 'contains(["a", "b", "c"], var.x)', 'contains(["b", "c", "d"], var.x)')).toEqual({
      type: 'string',
      enum: ['b', 'c'],
    });
  });

  test.each<[string, string, string]>([
    ['an alternative', 'string', 'var.x == "" || length(var.x) > 3'],
    ['a function the schema has no word for', 'string', 'startswith(var.x, "a")'],
    ['a for expression', 'list(string)', 'alltrue([for v in var.x : length(v) < 5])'],
    ['length of any', 'any', 'length(var.x) > 0'],
    ['a range on a string', 'string', 'var.x >= 1'],
    ['mixed values', 'string', 'contains(["a", 1], var.x)'],
    ['another variable', 'number', 'var.y >= 1'],
    ['a lookahead', 'string', 'can(regex("^(?=a)", var.x))'],
    ['Go-only syntax', 'string', 'can(regex("(?i)^abc$", var.x))'],
    ['\\A anchor', 'string', 'can(regex("\\\\Aabc", var.x))'],
    ['a template in the pattern', 'string', 'can(regex("^${var.prefix}", var.x))'],
    ['half translatable', 'number', 'var.x >= 1 && var.x % 2 == 0'],
  ])('%s is left to Terraform and named in the description: %s `%s`', (_name, type, condition) => {
    const schema = validated(type, condition) as Record<string, unknown>;
    expect(schema.description).toBe(
      `Terraform also checks, when it plans:\n- rule 0 (\`${condition.replace(/\s+/g, ' ')}\`)`,
    );
    const { description: _description, ...rest } = schema;
    expect(rest).toEqual(validated(type));
  });

  test('translated rules refuse what Terraform refuses', () => {
    const schema = inputsSchema([
      input('name', 'string', {
        validations: [{ condition: 'can(regex("^[a-z]+$", var.name)) && length(var.name) <= 5', error_message: '' }],
      }),
      input('size', 'number', {
        validations: [
          { condition: 'var.size >= 1 && var.size <= 8 && floor(var.size) == var.size', error_message: '' },
        ],
      }),
    ]);
    expect(accepts(schema, { name: 'abc', size: 8 })).toBe(true);
    expect(accepts(schema, { name: 'abc1', size: 1 })).toBe(false);
    expect(accepts(schema, { name: 'abcdef', size: 1 })).toBe(false);
    expect(accepts(schema, { name: 'abc', size: 9 })).toBe(false);
    expect(accepts(schema, { name: 'abc', size: 1.5 })).toBe(false);
  });

  test('every generated schema compiles for a plain ajv too (the provider and constructs read it so)', () => {
    const schema = inputsSchema([
      input('a', 'map(object({ b = optional(tuple([string, set(number)]), ["x", [1]]) }))'),
      input('c', 'string', { validations: [{ condition: 'can(regex("^[a-z]+$", var.c))', error_message: '' }] }),
    ]);
    expect(() => new Ajv({ strict: false }).compile(schema)).not.toThrow();
  });
});
