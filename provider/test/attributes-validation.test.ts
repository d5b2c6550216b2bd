/**
 * Plan-time validation of `attributes` against an offering version's JSON Schema: messages that
 * say what is allowed, paths as users write them, and user-written patterns run in linear time.
 */
import { attributeErrors, UncheckableSchemaError } from '../src/resources/attributes-validation';
import { formatPath } from '../src/framework';

const errors = (schema: object, attributes: unknown) =>
  attributeErrors(schema, attributes).map((e) => `${formatPath(e.path)} ${e.message}`);

test('errors say what is allowed, at the path of the offending value', () => {
  const schema = {
    type: 'object',
    required: ['size'],
    additionalProperties: false,
    properties: {
      size: { enum: ['small', 'large', 3] },
      mode: { const: 'rw' },
      labels: { type: 'object', properties: { '0': { type: 'string' } } },
      pools: { type: 'array', items: { type: 'integer', minimum: 1 } },
    },
  };
  expect(errors(schema, { size: 'medium', mode: 'ro', labels: { '0': 1 }, pools: [1, 0], 'a.b': true })).toEqual([
    'attributes["a.b"] is not a known field of this offering version',
    'attributes.size must be one of "small", "large", 3',
    'attributes.mode must be "rw"',
    'attributes.labels["0"] must be string',
    'attributes.pools[1] must be >= 1',
  ]);
  expect(errors(schema, {})).toEqual(['attributes.size is required']);
});

test('patterns run in linear time: a backtracking pattern answers at once', () => {
  const schema = {
    type: 'object',
    properties: { code: { type: 'string', pattern: '^(a+)+$' } },
    patternProperties: { '^(x+x+)+y$': { type: 'number' } },
  };
  const started = Date.now();
  expect(errors(schema, { code: `${'a'.repeat(5000)}!`, [`${'x'.repeat(5000)}y`]: 'not a number' })).toEqual([
    'attributes.code must match pattern "^(a+)+$"',
    `attributes.${'x'.repeat(5000)}y must be number`,
  ]);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(errors(schema, { code: 'aaa' })).toEqual([]);
});

test('a pattern RE2 cannot run makes the schema uncheckable, naming the pattern and where it is', () => {
  const schema = {
    type: 'object',
    properties: { name: { type: 'string', pattern: '^(?!admin)' }, pet: { enum: [{ pattern: '(?=x)' }] } },
  };
  expect(() => attributeErrors(schema, {})).toThrow(UncheckableSchemaError);
  expect(() => attributeErrors(schema, {})).toThrow(
    /^`\^\(\?!admin\)` at properties\.name\.pattern: error parsing regexp: invalid or unsupported Perl syntax: `\(\?!`$/,
  );
});
