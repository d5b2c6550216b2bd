/**
 * JSON values written as HCL native syntax expressions that mean exactly what the same value
 * means in Terraform's JSON configuration syntax (https://developer.hashicorp.com/terraform/language/syntax/json):
 * there every string is a template, so `"${var.a}"` is a reference and `"$${"` a literal `${`;
 * objects are object constructors, arrays tuple constructors.
 *
 * The text never contains `${` other than inside an expression the value itself carried: a
 * string made of a single interpolation is written as that expression, a string mixing text and
 * interpolations as `format(...)`, and a literal `${` as `\u0024{`.
 */

/** A part of a template: literal text, or the source of an interpolated expression. */
type TemplatePart = { literal: string } | { expression: string };

/** The HCL expression of a JSON value (as a resolved cdktf token structure is). */
export function renderHclExpression(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be written in HCL or JSON`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return renderTemplate(value);
  if (Array.isArray(value)) return value.length ? `[\n${value.map(renderHclExpression).join(',\n')}\n]` : '[]';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.length) return '{}';
    return `{\n${entries.map(([key, item]) => `${renderKey(key)} = ${renderHclExpression(item)}`).join('\n')}\n}`;
  }
  throw new Error(`a ${typeof value} cannot be written in HCL`);
}

/** An object key: a JSON property name is a template too; a computed key is parenthesized. */
function renderKey(key: string): string {
  const rendered = renderTemplate(key);
  return rendered.startsWith('"') ? rendered : `(${rendered})`;
}

/** A JSON string (a template) as HCL: a quoted literal, the one expression it interpolates, or `format(...)`. */
function renderTemplate(text: string): string {
  const parts = parseTemplate(text);
  const expressions = parts.filter((part): part is { expression: string } => 'expression' in part);
  if (!expressions.length) return quoted(parts.map((part) => (part as { literal: string }).literal).join(''));
  if (parts.length === 1)
    return isTraversal(expressions[0].expression) ? expressions[0].expression : `(${expressions[0].expression})`;
  const spec = parts.map((part) => ('literal' in part ? part.literal.replace(/%/g, '%%') : '%s')).join('');
  return `format(${quoted(spec)}, ${expressions.map((e) => e.expression).join(', ')})`;
}

/** `var.a`, `data.x.y.plans["small"].id`: safe without parentheses. */
function isTraversal(expression: string): boolean {
  return /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\.\d+|\[(\d+|"[^"\\$%]*")\])*$/.test(expression);
}

/** An HCL quoted string whose value is `text` exactly: escapes, and no template sequence left. */
function quoted(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\$\{/g, '\\u0024{')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/**
 * A Terraform JSON string split into literal text and `${...}` interpolations (`$${` and `%%{`
 * are escapes). Template directives (`%{if}`, `%{for}`) and strip markers (`${~`) have no
 * equivalent outside a template, so they are refused with the string named.
 */
function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i) || text.startsWith('%%{', i)) {
      literal += text.slice(i + 1, i + 3);
      i += 3;
    } else if (text.startsWith('${', i)) {
      const end = interpolationEnd(text, i + 2);
      const expression = text.slice(i + 2, end);
      if (expression.startsWith('~') || expression.endsWith('~'))
        throw new Error(
          `cannot write the template ${JSON.stringify(text)} in HCL outside a template: it uses a strip marker (~)`,
        );
      if (literal) parts.push({ literal });
      literal = '';
      parts.push({ expression: expression.trim() });
      i = end + 1;
    } else if (text.startsWith('%{', i)) {
      throw new Error(
        `cannot write the template ${JSON.stringify(text)} in HCL outside a template: it uses a directive (%{...}); synthesize JSON instead`,
      );
    } else {
      literal += text[i];
      i += 1;
    }
  }
  if (literal || !parts.length) parts.push({ literal });
  return parts;
}

/** Index of the `}` closing an interpolation whose expression starts at `start`, past nested braces and strings. */
function interpolationEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = quotedStringEnd(text, i + 1) - 1;
    else if (c === '{') depth += 1;
    else if (c === '}') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  throw new Error(`the template ${JSON.stringify(text)} has an unterminated \${`);
}

/** Index just past the `"` closing a quoted string (itself a template) that starts at `start`. */
function quotedStringEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
    else if (text.startsWith('$${', i)) i += 2;
    else if (text.startsWith('${', i)) i = interpolationEnd(text, i + 2);
  }
  throw new Error(`the template ${JSON.stringify(text)} has an unterminated string`);
}
