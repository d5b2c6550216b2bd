import { INEXACT_NUMBER_MESSAGE, isExactNumber } from './exact-numbers';
import type { FieldError } from './problem';
import { printable, textProblem } from './request-text';

/**
 * Reads a request body's JSON text once, in a loop (no recursion, so no depth can overflow a
 * stack), and finds what the API refuses in it, with the path of each place:
 * - nesting: the body as a whole at most 64 levels; each of its fields (`attributes`,
 *   `options_schema`, `plugin_options`...) at most 32 levels counted within the field;
 * - numbers that a double does not keep exactly (see exact-numbers.ts; only the text has them);
 * - text (strings and object keys) holding U+0000 or an unpaired surrogate, which in JSON text
 *   can only be written as a \u escape.
 */

const MAX_BODY_DEPTH = 64;
export const MAX_FIELD_DEPTH = 32;
/** Enough to say what is wrong; a body with thousands of bad numbers gets the first ones. */
const MAX_ERRORS = 20;

export interface JsonScan {
  /** Set when the body nests deeper than MAX_BODY_DEPTH: the scan stopped there. */
  tooDeep?: FieldError;
  errors: FieldError[];
}

interface Frame {
  array: boolean;
  /** The key being read in an object; the index of the item in an array. */
  key: string;
  index: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
/** A \u escape that could be U+0000 or a surrogate: without one, no text needs decoding. */
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

function pathOf(frames: Frame[], count: number): string {
  let path = '';
  for (let i = 0; i < count; i++) {
    const frame = frames[i];
    path += frame.array ? `[${frame.index}]` : path ? `.${printable(frame.key)}` : printable(frame.key);
  }
  return path || '(root)';
}

/** Index of the quote that closes the string opened at `open`. */
function stringEnd(text: string, open: number): number {
  for (let from = open + 1; ;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** The text of the string literal from `open` to `close` (its quotes). */
function stringAt(text: string, open: number, close: number): string {
  const raw = text.slice(open + 1, close);
  return raw.includes('\\') ? (JSON.parse(text.slice(open, close + 1)) as string) : raw;
}

const isNumberChar = (c: number) => (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

/** Scans valid JSON text (parse it first). */
export function scanJsonBody(text: string): JsonScan {
  const errors: FieldError[] = [];
  const frames: Frame[] = [];
  const suspectText = SUSPECT_ESCAPE.test(text);
  let expectKey = false;
  let deepField: string | undefined;
  const report = (field: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ field, message });
  };

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      // { or [
      frames.push({ array: c === 91, key: '', index: 0 });
      expectKey = c === 123;
      if (frames.length > MAX_BODY_DEPTH) {
        return {
          errors,
          tooDeep: {
            field: pathOf(frames, frames.length - 1),
            message: `the request body nests deeper than ${MAX_BODY_DEPTH} levels`,
          },
        };
      }
      if (frames.length - 1 > MAX_FIELD_DEPTH && deepField !== pathOf(frames, 1)) {
        deepField = pathOf(frames, 1);
        report(
          pathOf(frames, frames.length - 1),
          `nests deeper than ${MAX_FIELD_DEPTH} levels, the most a JSON value in a field may`,
        );
      }
    } else if (c === 125 || c === 93) {
      // } or ]
      frames.pop();
      expectKey = false;
    } else if (c === 44) {
      // ,
      const top = frames[frames.length - 1];
      if (top.array) top.index++;
      expectKey = !top.array;
    } else if (c === 58) {
      // :
      expectKey = false;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const top = frames[frames.length - 1];
        top.key = stringAt(text, i, end);
        const problem = suspectText ? textProblem(top.key) : undefined;
        if (problem) report(pathOf(frames, frames.length), `the name ${problem}`);
      } else if (suspectText) {
        const problem = textProblem(stringAt(text, i, end));
        if (problem) report(pathOf(frames, frames.length), problem);
      }
      i = end;
    } else if ((c >= 48 && c <= 57) || c === 45) {
      let end = i + 1;
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
      const token = text.slice(i, end);
      if (!isExactNumber(token)) report(pathOf(frames, frames.length), INEXACT_NUMBER_MESSAGE);
      i = end - 1;
    }
  }
  return { errors };
}
