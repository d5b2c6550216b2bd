/**
 * What the Mercato API keeps of a JSON value. It holds numbers as IEEE-754 doubles, so a number
 * is accepted only when a double keeps it exactly: an integer within ±9007199254740991 however it
 * is written (1e3 is fine, 1e20 is not), or a decimal whose text a double gives back (0.1, 1e-7;
 * any decimal of at most 15 significant digits). JSON-valued fields nest at most 32 levels
 * (`{"a":1}` is one level, `{"a":[1]}` two). The server refuses anything else with 422; the
 * provider checks the same rules at plan time so no request is sent that must fail.
 */
import { formatPath, isDecimalNumber, keyStep, type PathStep } from '../framework';

export const MAX_JSON_DEPTH = 32;

const NUMBER_RULE = `a number must be an integer within ±${Number.MAX_SAFE_INTEGER} or a decimal of at most 15 significant digits`;

export interface ValueProblem {
  kind: 'number' | 'depth';
  path: PathStep[];
  /** Starts with the path, e.g. `limits.big: 9007199254740993 cannot be kept exactly: ...`. */
  message: string;
}

/** Why the API cannot keep this number exactly (without the path), or undefined when it can. */
export function numberProblem(value: unknown): string | undefined {
  const exact =
    (typeof value === 'number' &&
      Number.isFinite(value) &&
      (!Number.isInteger(value) || Number.isSafeInteger(value))) ||
    (typeof value === 'bigint' &&
      value >= BigInt(-Number.MAX_SAFE_INTEGER) &&
      value <= BigInt(Number.MAX_SAFE_INTEGER));
  if (exact || !(typeof value === 'number' || typeof value === 'bigint' || isDecimalNumber(value))) return undefined;
  return `${numberText(value)} cannot be kept exactly: ${NUMBER_RULE}`;
}

/** A number as written back: a double in its shortest form (below 1e21 integers are written in full), the others exactly. */
function numberText(value: number | bigint | { text: string }): string {
  return typeof value === 'object' ? value.text : String(value);
}

/**
 * Every number the API cannot keep, and each place the value nests deeper than `maxDepth`
 * levels, under `path` (the field, e.g. ['attributes']). Unknown values ("known after apply") pass.
 */
export function jsonValueProblems(value: unknown, path: PathStep[], maxDepth = MAX_JSON_DEPTH): ValueProblem[] {
  const problems: ValueProblem[] = [];
  visit(value, path, 0, maxDepth, problems);
  return problems;
}

/**
 * The request body as JSON text; throws when it holds a number the API cannot keep (a bigint
 * would otherwise fail inside axios as "Do not know how to serialize a BigInt"). Plan-time
 * checks catch these first; this is the guard for any path they miss.
 */
export function jsonBody(body: unknown, request: string): string {
  const problems = jsonValueProblems(body, [], Infinity);
  if (problems.length)
    throw new Error(`${request} was not sent: ${problems.map((p) => p.message.replace(/^: /, '')).join('; ')}`);
  return JSON.stringify(body);
}

function visit(value: unknown, path: PathStep[], depth: number, maxDepth: number, problems: ValueProblem[]): void {
  const number = numberProblem(value);
  if (number) {
    problems.push({ kind: 'number', path, message: `${formatPath(path)}: ${number}` });
    return;
  }
  const children = Array.isArray(value)
    ? value.map((item, i) => [i, item] as const)
    : isObject(value)
      ? Object.entries(value).map(([key, item]) => [keyStep(key), item] as const)
      : undefined;
  if (!children) return;
  if (depth === maxDepth) {
    problems.push({
      kind: 'depth',
      path,
      message: `${formatPath(path)}: nests deeper than ${maxDepth} levels, the limit for a JSON value in Mercato`,
    });
    return;
  }
  for (const [step, item] of children) visit(item, [...path, step], depth + 1, maxDepth, problems);
}

/** A map or object: not a leaf such as an unknown value or a DecimalNumber (both classes). */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}
