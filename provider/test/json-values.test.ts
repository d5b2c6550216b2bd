/**
 * What the Mercato API keeps of a JSON value (client/json-values.ts): numbers a double holds
 * exactly, at most 32 levels of nesting; and the client, which never sends a body breaking the
 * number rule, nor calls such a body "cannot reach the server".
 */
import { jsonBody, jsonValueProblems, numberProblem } from '../src/client/json-values';
import { MercatoClient } from '../src/client/mercato-client';
import { UnreachableError } from '../src/client/api-error';
import { DecimalNumber, UNKNOWN } from '../src/protocol';

const RULE =
  'cannot be kept exactly: a number must be an integer within ±9007199254740991 or a decimal of at most 15 significant digits';

test('integers within ±(2^53 - 1) and decimals a double gives back pass; the rest is named with the rule', () => {
  for (const value of [
    0,
    -0,
    1e3,
    9007199254740991,
    -9007199254740991,
    0.1,
    1e-7,
    123456789.123,
    0.123456789012345,
    1.5e-300,
    12n,
  ])
    expect(numberProblem(value)).toBeUndefined();
  expect(numberProblem(9007199254740992)).toBe(`9007199254740992 ${RULE}`);
  expect(numberProblem(1e20)).toBe(`100000000000000000000 ${RULE}`);
  expect(numberProblem(1.5e300)).toBe(`1.5e+300 ${RULE}`); // integral, however it is written
  expect(numberProblem(9007199254740993n)).toBe(`9007199254740993 ${RULE}`);
  expect(numberProblem(new DecimalNumber('0.10000000000000000001'))).toBe(`0.10000000000000000001 ${RULE}`);
  expect(numberProblem('9007199254740993')).toBeUndefined(); // a string is not a number
});

test('every problem of a value comes with its path; unknown values pass', () => {
  const value = {
    a: [1, 2n ** 60n],
    'b.c': { d: new DecimalNumber('1.00000000000000000001') },
    ok: 0.1,
    later: UNKNOWN,
    inside: [UNKNOWN],
  };
  expect(jsonValueProblems(value, ['attributes']).map((p) => [p.kind, p.message])).toEqual([
    ['number', `attributes.a[1]: 1152921504606846976 ${RULE}`],
    ['number', `attributes["b.c"].d: 1.00000000000000000001 ${RULE}`],
  ]);
});

test('32 levels of nesting pass; the 33rd is named where it starts', () => {
  const nest = (levels: number): unknown => (levels === 0 ? 1 : { a: nest(levels - 1) });
  expect(jsonValueProblems(nest(32), ['attributes'])).toEqual([]);
  expect(jsonValueProblems({ a: [[1]] }, ['x'], 2).map((p) => p.message)).toEqual([
    'x.a[0]: nests deeper than 2 levels, the limit for a JSON value in Mercato',
  ]);
  const [problem] = jsonValueProblems(nest(33), ['attributes']);
  expect(problem).toEqual({
    kind: 'depth',
    path: ['attributes', ...Array(32).fill('a')],
    message: `attributes${'.a'.repeat(32)}: nests deeper than 32 levels, the limit for a JSON value in Mercato`,
  });
});

test('a request body with a number the API would round is refused before it is sent, with a clear error', async () => {
  expect(jsonBody({ limits: { cpu: 0.1 } }, 'POST /orders')).toBe('{"limits":{"cpu":0.1}}');
  expect(() => jsonBody({ limits: { big: 9007199254740993n } }, 'POST /orders')).toThrow(
    `POST /orders was not sent: limits.big: 9007199254740993 ${RULE}`,
  );
  // Nothing listens on port 9: had the request been sent, this would be "cannot reach".
  const client = new MercatoClient({ endpoint: 'http://127.0.0.1:9', token: 't', attempts: 1 });
  const error = await client.create('/orders', { attributes: { n: 10n ** 20n } }).catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(UnreachableError);
  expect((error as Error).message).toBe(`POST /orders was not sent: attributes.n: 100000000000000000000 ${RULE}`);
  expect(await client.get('/users/me').catch((e: unknown) => e)).toBeInstanceOf(UnreachableError);
});
