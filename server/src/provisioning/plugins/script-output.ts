import Ajv from 'ajv';
import { fieldErrorsFrom } from '../../http/problem';
import type { BackendReport, PullResult } from '../plugin';

/**
 * What a `script` command prints on stdout: one JSON object, checked here. A problem is said
 * with where it is (line and column, or the field) but never with the text around it: stdout
 * may hold secret outputs.
 */

const OBJECT = { type: 'object' } as const;

const REPORT_PROPERTIES = {
  backend_id: { type: 'string', maxLength: 1024, pattern: '^[^\\u0000]*$' },
  outputs: OBJECT,
  secret_outputs: OBJECT,
  state: OBJECT,
};

const ajv = new Ajv({ allErrors: true, strict: false });
const checkReport = ajv.compile({ type: 'object', additionalProperties: false, properties: REPORT_PROPERTIES });
const checkPull = ajv.compile({
  type: 'object',
  additionalProperties: false,
  properties: {
    ...REPORT_PROPERTIES,
    usage: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
    missing: { type: 'boolean' },
    reason: { type: 'string', maxLength: 1000, pattern: '^[^\\u0000]*$' },
  },
});

/** The report, or what is wrong with stdout. */
type Parsed<T> = { report: T } | { problem: string };

/** A create, update or action command's stdout: `{ backend_id, outputs, secret_outputs, state }`, each optional; empty stdout reports nothing. */
export function parseReport(stdout: Buffer): Parsed<BackendReport> {
  const parsed = parseObject(stdout);
  if ('problem' in parsed) return parsed;
  if (!checkReport(parsed.report)) return { problem: problemsOf(checkReport.errors) };
  return { report: parsed.report as BackendReport };
}

/** A pull command's stdout: a report with `usage` (numbers by component type), or `{ "missing": true, "reason": "..." }`. */
export function parsePull(stdout: Buffer): Parsed<PullResult> {
  const parsed = parseObject(stdout);
  if ('problem' in parsed) return parsed;
  if (!checkPull(parsed.report)) return { problem: problemsOf(checkPull.errors) };
  const { missing, reason, ...report } = parsed.report as BackendReport & {
    usage?: Record<string, number>;
    missing?: boolean;
    reason?: string;
  };
  if (missing) return { report: { status: 'missing', reason: reason || 'the backend no longer has the resource' } };
  return { report: { status: 'present', ...report } };
}

function problemsOf(errors: typeof checkReport.errors): string {
  return fieldErrorsFrom(errors ?? [], 'stdout')
    .map((e) => `${e.field} ${e.message}`)
    .join('; ');
}

function parseObject(stdout: Buffer): Parsed<Record<string, unknown>> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(stdout);
  } catch {
    return { problem: 'stdout is not UTF-8 text' };
  }
  if (!text.trim()) return { report: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `stdout is not JSON: ${jsonProblem(text, (error as Error).message)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      problem: `stdout must be one JSON object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    };
  return { report: value as Record<string, unknown> };
}

/** JSON.parse's message without the text it may quote, and where the error is (line and column, from 1). */
function jsonProblem(text: string, message: string): string {
  const what = message.replace(/, (?:\.\.\.)?".*is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const offset = failureOffset(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${what} at line ${line}, column ${column}`;
}

/**
 * Where JSON.parse fails in `text`: the length of its longest start that is valid JSON so far (a
 * start is if it parses, or fails only for want of more). Found by bisection: a start past the
 * error fails before its end, one before it does not.
 */
function failureOffset(text: string): number {
  let fine = 0;
  let failing = text.length;
  while (failing - fine > 1) {
    const middle = (fine + failing) >> 1;
    if (validSoFar(text.slice(0, middle))) fine = middle;
    else failing = middle;
  }
  return validSoFar(text.slice(0, failing)) ? failing : fine;
}

function validSoFar(start: string): boolean {
  try {
    JSON.parse(start);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    return message === 'Unexpected end of JSON input' || (position !== null && Number(position[1]) >= start.length);
  }
}
