import { RE2JS } from 're2js';
import { linearPatternProblem } from '../../validation/linear-regexp';
import { hclStringLiteral, readHclLiteral, type TypeConstraint } from './type-constraint';

/**
 * A variable's `validation` blocks as JSON Schema keywords, where a condition says exactly what a
 * keyword says. Translated (each alone, or several joined by `&&`):
 * - `length(var.x) >= N` (`>`, `<=`, `<`, `==`, either side): minLength/maxLength for a string,
 *   minItems/maxItems for a list, set or tuple, minProperties/maxProperties for a map;
 * - `var.x >= N` (`>`, `<=`, `<`, either side) for a number: minimum, exclusiveMinimum, maximum,
 *   exclusiveMaximum;
 * - `contains([literals], var.x)` for a string, number or bool: enum;
 * - `can(regex("P", var.x))` and `length(regexall("P", var.x)) > 0` for a string: pattern P,
 *   when P means the same to Terraform (Go's RE2 syntax), the server and the provider (RE2 after
 *   translating ECMAScript syntax) and a browser (ECMAScript);
 * - `var.x == floor(var.x)` (or `floor(var.x) == var.x`) for a number: integers only.
 * Anything else is left to Terraform, which runs every validation when it plans anyway: the
 * schema only refuses sooner what Terraform would refuse. Facts: Terraform's "Custom Conditions"
 * page and its functions `length`, `contains`, `regex`, `regexall`, `can`, `floor`.
 *
 * Note: Terraform's `length` counts a string's grapheme clusters where JSON Schema counts code
 * points; they differ only for combining sequences (`é` written as `e` + U+0301), for which the
 * schema's maxLength is the stricter.
 */

type Keywords = Record<string, unknown>;

/** The keywords the validations translate to, and those that do not translate. */
export interface TranslatedValidations {
  keywords: Keywords;
  untranslated: { condition: string; error_message: string }[];
}

export function translateValidations(
  name: string,
  type: TypeConstraint,
  validations: { condition: string; error_message: string }[],
): TranslatedValidations {
  let keywords: Keywords = {};
  const untranslated: TranslatedValidations['untranslated'] = [];
  for (const validation of validations) {
    const atoms = splitConjunction(validation.condition);
    const translated = atoms?.map((atom) => translateAtom(name, type, atom));
    if (!translated || translated.some((k) => k === undefined)) untranslated.push(validation);
    else for (const k of translated) keywords = merge(keywords, k!);
  }
  return { keywords, untranslated };
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const STRING_LITERAL = String.raw`"(?:[^"\\]|\\.)*"`;
const COMPARISON = String.raw`>=|<=|==|>|<`;
/** Comparisons as seen from the other side: `N < x` is `x > N`. */
const FLIPPED: Record<string, string> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>', '==': '==' };

/** The condition's parts joined by a top-level `&&`, each without enclosing parentheses; undefined if it has a top-level `||` or `!`. */
function splitConjunction(condition: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < condition.length; i++) {
    const char = condition[i];
    if (char === '"') {
      const match = new RegExp(`^${STRING_LITERAL}`).exec(condition.slice(i));
      if (!match) return undefined;
      i += match[0].length - 1;
    } else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (depth === 0 && condition.startsWith('||', i)) return undefined;
    else if (depth === 0 && condition.startsWith('&&', i)) {
      parts.push(condition.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  parts.push(condition.slice(start));
  return parts.map(unwrap);
}

/** `((x))` as `x`, when the outer parentheses enclose the whole. */
function unwrap(text: string): string {
  let trimmed = text.trim();
  while (trimmed.startsWith('(') && trimmed.endsWith(')') && closes(trimmed)) trimmed = trimmed.slice(1, -1).trim();
  return trimmed;
}

function closes(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

function translateAtom(name: string, type: TypeConstraint, atom: string): Keywords | undefined {
  // A variable name holds letters, digits, `_` and `-`: nothing a regular expression reads as syntax.
  const variable = String.raw`var\.${name}`;
  return (
    lengthRule(type, atom, variable) ??
    rangeRule(type, atom, variable) ??
    enumRule(type, atom, variable) ??
    patternRule(type, atom, variable) ??
    integerRule(type, atom, variable)
  );
}

/** `left OP right` with `operand` on either side, as `operand OP number`. */
function comparison(atom: string, operand: string): { op: string; value: number } | undefined {
  const forward = new RegExp(`^${operand}\\s*(${COMPARISON})\\s*(${NUMBER})$`).exec(atom);
  if (forward) return { op: forward[1], value: Number(forward[2]) };
  const backward = new RegExp(`^(${NUMBER})\\s*(${COMPARISON})\\s*${operand}$`).exec(atom);
  if (backward) return { op: FLIPPED[backward[2]], value: Number(backward[1]) };
  return undefined;
}

/** The keywords a length bound is written with for this type. */
const LENGTH_KEYWORDS: Partial<Record<TypeConstraint['kind'], [string, string]>> = {
  string: ['minLength', 'maxLength'],
  list: ['minItems', 'maxItems'],
  set: ['minItems', 'maxItems'],
  tuple: ['minItems', 'maxItems'],
  map: ['minProperties', 'maxProperties'],
};

function lengthRule(type: TypeConstraint, atom: string, variable: string): Keywords | undefined {
  const found = comparison(atom, String.raw`length\(\s*${variable}\s*\)`);
  const names = LENGTH_KEYWORDS[type.kind];
  if (!found || !names || !Number.isInteger(found.value)) return undefined;
  const [min, max] = names;
  const { op, value } = found;
  const bounds: Keywords = {};
  if (op === '>=' || op === '==') bounds[min] = value;
  if (op === '>') bounds[min] = value + 1;
  if (op === '<=' || op === '==') bounds[max] = value;
  if (op === '<') bounds[max] = value - 1;
  // A bound below zero is either always true (no keyword) or never (left to Terraform's message).
  if ((bounds[max] as number) < 0) return undefined;
  if ((bounds[min] as number) <= 0) delete bounds[min];
  return bounds;
}

function rangeRule(type: TypeConstraint, atom: string, variable: string): Keywords | undefined {
  if (type.kind !== 'number') return undefined;
  const found = comparison(atom, variable);
  if (!found || found.op === '==') return undefined;
  const keyword = { '>=': 'minimum', '>': 'exclusiveMinimum', '<=': 'maximum', '<': 'exclusiveMaximum' }[found.op]!;
  return { [keyword]: found.value };
}

function enumRule(type: TypeConstraint, atom: string, variable: string): Keywords | undefined {
  const match = new RegExp(String.raw`^contains\(\s*(\[[\s\S]*\])\s*,\s*${variable}\s*\)$`).exec(atom);
  const jsonType = { string: 'string', number: 'number', bool: 'boolean' }[type.kind as string];
  if (!match || !jsonType) return undefined;
  const list = readHclLiteral(match[1])?.value;
  // Terraform compares after converting the list to one element type: only values of the variable's own type are sure to compare alike.
  if (!Array.isArray(list) || !list.length || !list.every((v) => typeof v === jsonType)) return undefined;
  return { enum: [...new Set(list)] };
}

function patternRule(type: TypeConstraint, atom: string, variable: string): Keywords | undefined {
  if (type.kind !== 'string') return undefined;
  const call = String.raw`regex\(\s*(${STRING_LITERAL})\s*,\s*${variable}\s*\)`;
  const match =
    new RegExp(String.raw`^can\(\s*${call}\s*\)$`).exec(atom) ??
    new RegExp(String.raw`^length\(\s*${call.replace('regex', 'regexall')}\s*\)\s*(?:>\s*0|>=\s*1|!=\s*0)$`).exec(atom);
  const pattern = match && hclStringLiteral(match[1]);
  return pattern !== undefined && pattern !== null && samePatternEverywhere(pattern) ? { pattern } : undefined;
}

/**
 * Whether a pattern Terraform runs with Go's regexp (RE2 syntax) means the same as a JSON Schema
 * pattern (ECMAScript syntax) to everything that reads the schema: the server and the provider
 * translate ECMAScript to RE2 (re2js's translateRegExp) and run RE2, so the translation must leave
 * it as it is; a browser's form runs it as an ECMAScript `u` pattern, so it must compile there.
 */
function samePatternEverywhere(pattern: string): boolean {
  if (linearPatternProblem(pattern)) return false;
  try {
    RE2JS.compile(pattern);
    new RegExp(pattern, 'u');
  } catch {
    return false;
  }
  return RE2JS.translateRegExp(pattern) === pattern;
}

function integerRule(type: TypeConstraint, atom: string, variable: string): Keywords | undefined {
  if (type.kind !== 'number') return undefined;
  const floor = String.raw`floor\(\s*${variable}\s*\)`;
  const integral = new RegExp(`^(${variable}\\s*==\\s*${floor}|${floor}\\s*==\\s*${variable})$`).test(atom);
  return integral ? { type: 'integer' } : undefined;
}

const LOWER_BOUNDS = new Set(['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum']);
const UPPER_BOUNDS = new Set(['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum']);

/** Both sets of keywords at once: the tighter bound, the common enum values, every pattern. */
function merge(into: Keywords, more: Keywords): Keywords {
  const merged: Keywords = { ...into };
  for (const [keyword, value] of Object.entries(more)) {
    const existing = merged[keyword];
    if (existing === undefined) merged[keyword] = value;
    else if (LOWER_BOUNDS.has(keyword)) merged[keyword] = Math.max(existing as number, value as number);
    else if (UPPER_BOUNDS.has(keyword)) merged[keyword] = Math.min(existing as number, value as number);
    else if (keyword === 'enum') merged.enum = (existing as unknown[]).filter((v) => (value as unknown[]).includes(v));
    else if (keyword === 'pattern' && existing !== value)
      merged.allOf = [...((merged.allOf as Keywords[]) ?? []), { pattern: value }];
  }
  return merged;
}
