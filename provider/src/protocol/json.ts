/**
 * JSON that keeps numbers exact. Terraform stores state as JSON and writes numbers like
 * 12345678901234567890 literally; JSON.parse would round them and cause false diffs.
 * Integers beyond 2^53 become bigint, decimals a double cannot give back a DecimalNumber;
 * everything else is what JSON.parse would give.
 */
import { DecimalNumber, doubleKeepsDecimal, isDecimalNumber } from './decimal-number';

export function parseJson(text: string): unknown {
  // JSON.parse gives the same value whenever no number could lose precision (16 or more digits,
  // a decimal point allowed among them, or a three-digit exponent) and no number is an integer
  // minus zero (which numberFromText reads as 0): much faster, and that is every state Terraform
  // stores for us unless it holds such numbers.
  if (!MAY_LOSE_PRECISION.test(text) && !MINUS_ZERO.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // invalid JSON: the parser below reports it
    }
  }
  const parser = { text, pos: 0 };
  const value = parseValue(parser);
  skipWhitespace(parser);
  if (parser.pos !== text.length) fail(parser, 'unexpected trailing characters');
  return value;
}

interface Parser {
  text: string;
  pos: number;
}

function fail(p: Parser, message: string): never {
  throw new SyntaxError(`JSON: ${message} at position ${p.pos}`);
}

function skipWhitespace(p: Parser): void {
  while (p.pos < p.text.length && ' \t\n\r'.includes(p.text[p.pos])) p.pos++;
}

const MAY_LOSE_PRECISION = /\d(?:\.?\d){15}|[eE][+-]?\d{3}/;
const MINUS_ZERO = /(?:^|[:,[])\s*-0(?![.\deE])/;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in a string (RFC 8259, section 7)
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

function parseValue(p: Parser): unknown {
  skipWhitespace(p);
  const ch = p.text[p.pos];
  if (ch === '{') return parseObject(p);
  if (ch === '[') return parseArray(p);
  if (ch === '"') return parseString(p);
  for (const [word, value] of [
    ['true', true],
    ['false', false],
    ['null', null],
  ] as const) {
    if (p.text.startsWith(word, p.pos)) {
      p.pos += word.length;
      return value;
    }
  }
  NUMBER.lastIndex = p.pos;
  const match = NUMBER.exec(p.text);
  if (!match) fail(p, 'unexpected character');
  p.pos += match[0].length;
  return numberFromText(match[0]);
}

/**
 * Decimal text to a JS value: integers beyond 2^53 as bigint, decimals a double cannot give back
 * as DecimalNumber (see decimal-number.ts), the rest as number.
 */
export function numberFromText(text: string): number | bigint | DecimalNumber {
  if (/^-?\d+$/.test(text)) {
    const big = BigInt(text);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  return doubleKeepsDecimal(text) ? Number(text) : new DecimalNumber(text);
}

function parseString(p: Parser): string {
  STRING.lastIndex = p.pos;
  const match = STRING.exec(p.text);
  if (!match) fail(p, 'invalid string');
  p.pos += match[0].length;
  return JSON.parse(match[0]) as string;
}

function parseArray(p: Parser): unknown[] {
  p.pos++;
  const items: unknown[] = [];
  skipWhitespace(p);
  if (p.text[p.pos] === ']') {
    p.pos++;
    return items;
  }
  for (;;) {
    items.push(parseValue(p));
    skipWhitespace(p);
    const ch = p.text[p.pos++];
    if (ch === ']') return items;
    if (ch !== ',') fail(p, 'expected , or ]');
  }
}

function parseObject(p: Parser): Record<string, unknown> {
  p.pos++;
  const entries: [string, unknown][] = [];
  skipWhitespace(p);
  if (p.text[p.pos] === '}') {
    p.pos++;
    return {};
  }
  for (;;) {
    skipWhitespace(p);
    if (p.text[p.pos] !== '"') fail(p, 'expected a key');
    const key = parseString(p);
    skipWhitespace(p);
    if (p.text[p.pos++] !== ':') fail(p, 'expected :');
    entries.push([key, parseValue(p)]);
    skipWhitespace(p);
    const ch = p.text[p.pos++];
    if (ch === '}') return Object.fromEntries(entries);
    if (ch !== ',') fail(p, 'expected , or }');
  }
}

/** JSON.stringify that writes bigint and DecimalNumber as plain JSON numbers. */
export function stringifyJson(value: unknown, indent = 0, depth = 0): string {
  if (typeof value === 'bigint') return value.toString();
  if (isDecimalNumber(value)) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
  const pad = indent ? '\n' + ' '.repeat(indent * (depth + 1)) : '';
  const end = indent ? '\n' + ' '.repeat(indent * depth) : '';
  const sep = indent ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + value.map((item) => pad + stringifyJson(item ?? null, indent, depth + 1)).join(',') + end + ']';
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return '{}';
  return (
    '{' +
    entries.map(([key, item]) => pad + JSON.stringify(key) + sep + stringifyJson(item, indent, depth + 1)).join(',') +
    end +
    '}'
  );
}
