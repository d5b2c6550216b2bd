/**
 * Where the value of a top-level member of a JSON object lies in its text, found by one pass over
 * the characters without building the value: a state file is megabytes of resources, and what
 * Mercato reads or rewrites of it (its outputs, its serial) is small. Only for text known to be
 * valid JSON (a stored state was parsed when it was written).
 */

/** Where a member's value lies: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The index just past the string that starts at `at` (its opening quote). */
function endOfString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === QUOTE) return i + 1;
  }
  return text.length;
}

/** The index just past the value that starts at `at`. */
function endOfValue(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return endOfString(text, at);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const char = text[i];
      if (char === '"') i = endOfString(text, i) - 1;
      else if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }
  // a number, true, false or null: up to the next delimiter
  let i = at;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && !',}]'.includes(text[i])) i++;
  return i;
}

/**
 * The span of the value of each member of the top-level object, by name (the last one of a name
 * repeated, as JSON.parse reads it); empty for text that is not an object.
 */
export function topLevelMembers(text: string): Map<string, Span> {
  const members = new Map<string, Span>();
  let at = skipSpace(text, 0);
  if (text[at] !== '{') return members;
  at = skipSpace(text, at + 1);
  while (at < text.length && text[at] === '"') {
    const keyEnd = endOfString(text, at);
    const name = JSON.parse(text.slice(at, keyEnd)) as string;
    at = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    const end = endOfValue(text, at);
    members.set(name, { start: at, end });
    at = skipSpace(text, end);
    if (text[at] !== ',') break;
    at = skipSpace(text, at + 1);
  }
  return members;
}
