import type Ajv from 'ajv';
import type { Format } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats, type FormatName } from 'ajv-formats/dist/formats';
import { compileLinear } from './linear-regexp';

/**
 * ajv-formats' formats, checked in time linear in the text: each one that is a regular
 * expression RE2 can compile runs on RE2. What stays on JavaScript's engine is linear there too:
 * - `duration` and `hostname` use lookahead (RE2 has none): every repetition in them is followed
 *   by a character it cannot match, or is bounded ({0,61}, and the length lookahead), so a failed
 *   match never retries a split of the same text;
 * - `date`, `time`, `date-time`, `iso-time`, `iso-date-time`, `uri`, `byte` and `regex` are
 *   functions over anchored expressions of the same unambiguous kind (`regex` only compiles);
 * - `url` (deprecated in ajv-formats) was a regular expression that takes quadratic time on
 *   `http://::::…`; it is the WHATWG URL parser here (see `isWebUrl`).
 * `server/test/options-schema-safety.test.ts` times every format on adversarial texts.
 */

const WEB_URL_SHAPE = compileLinear('^(?:https?|ftp)://\\S+$', 'i');

/** An absolute http, https or ftp URL with a host, as the WHATWG URL standard parses it. */
function isWebUrl(text: string): boolean {
  if (!WEB_URL_SHAPE.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

function linearized(format: Format): Format {
  if (!(format instanceof RegExp)) return format;
  try {
    const compiled = compileLinear(format.source, format.flags);
    return (text: string) => compiled.test(text);
  } catch {
    return format; // lookahead: see above for why these stay linear
  }
}

/** Adds ajv-formats (formats and the formatMinimum-style keywords), every format linear. */
export function addLinearFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  for (const [name, format] of Object.entries(fullFormats) as Array<[FormatName, Format]>) {
    ajv.addFormat(name, name === 'url' ? isWebUrl : linearized(format));
  }
  return ajv;
}
