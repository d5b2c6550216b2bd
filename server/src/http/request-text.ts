import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, type FieldError } from './problem';

/**
 * One rule for text on both databases: text may not hold U+0000 (PostgreSQL cannot store it in
 * text; SQLite can) nor an unpaired UTF-16 surrogate (not a character: each database would store
 * something else than was sent, so an answer and a later read would disagree). Refused wherever
 * text comes in, naming the field: request bodies (strings and object keys at any depth, see
 * json-body.ts), query strings and path parameters (here).
 */

const TEXT_RULE = 'text may not contain U+0000 or unpaired UTF-16 surrogates';

/** ES2024's String.prototype.isWellFormed, which Node 20 has and lib ES2022 does not declare. */
const isWellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Why `text` is refused, or undefined when it is fine. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return `contains U+0000 (NUL); ${TEXT_RULE}`;
  if (!isWellFormed(text)) return `contains an unpaired UTF-16 surrogate; ${TEXT_RULE}`;
  return undefined;
}

/** `text` with NULs and unpaired surrogates written as \uXXXX escapes, to name a field safely. */
export function printable(text: string): string {
  if (textProblem(text) === undefined) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const paired =
      (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) ||
      (unit >= 0xdc00 && unit <= 0xdfff && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800);
    out +=
      unit === 0 || (unit >= 0xd800 && unit <= 0xdfff && !paired)
        ? `\\u${unit.toString(16).padStart(4, '0')}`
        : text[i];
  }
  return out;
}

function problemsIn(values: unknown, part: 'params' | 'querystring'): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries((values ?? {}) as Record<string, unknown>)) {
    const field = `${part}.${printable(name)}`;
    const nameProblem = textProblem(name);
    if (nameProblem) errors.push({ field, message: `the name ${nameProblem}` });
    for (const text of Array.isArray(value) ? value : [value]) {
      const problem = typeof text === 'string' ? textProblem(text) : undefined;
      if (problem) errors.push({ field, message: problem });
    }
  }
  return errors;
}

/** The query string's parser keeps a %-sequence that is not UTF-8 as literal text: refused instead. */
function encodingProblems(url: string): FieldError[] {
  const query = url.indexOf('?');
  if (query < 0 || url.indexOf('%', query) < 0) return [];
  try {
    decodeURIComponent(url.slice(query + 1));
    return [];
  } catch {
    return [{ field: 'querystring', message: 'is not percent-encoded UTF-8' }];
  }
}

async function checkRequestText(request: FastifyRequest) {
  const errors = [
    ...encodingProblems(request.url),
    ...problemsIn(request.params, 'params'),
    ...problemsIn(request.query, 'querystring'),
  ];
  if (errors.length) throw badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** Refuses path parameters and query strings that break the text rule, before anything reads them. */
export const requestText = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', checkRequestText);
});
