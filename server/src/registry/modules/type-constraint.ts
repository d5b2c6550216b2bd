/**
 * Terraform type constraints (a variable's `type`) read from the text a module writes:
 * `string`, `number`, `bool`, `any`, `list(T)`, `set(T)`, `map(T)`, `object({a = T, b =
 * optional(T, default)})`, `tuple([T, ...])`, nested, with any whitespace, newlines and comments.
 * The bare `list`, `map` and `set` of Terraform 0.11 are `list(any)`, `map(any)` and `set(any)`,
 * as Terraform still reads them. Facts: Terraform's "Type Constraints" page, and HCL's type
 * expressions (object attribute names are identifiers; entries end with a comma or a newline).
 */

export type TypeConstraint =
  | { kind: 'string' | 'number' | 'bool' | 'any' }
  | { kind: 'list' | 'set' | 'map'; element: TypeConstraint }
  | { kind: 'object'; attributes: ObjectAttribute[] }
  | { kind: 'tuple'; elements: TypeConstraint[] };

export interface ObjectAttribute {
  name: string;
  type: TypeConstraint;
  /** Written `optional(T)` or `optional(T, default)`: a caller may leave it out. */
  optional: boolean;
  /** The default of `optional(T, default)` when it is a literal value (JSON). */
  default?: unknown;
  /** The default as written when it is an expression rather than a literal (`upper("x")`). */
  defaultExpression?: string;
}

/** A type constraint Terraform would not read, with the column (1-based) where reading stopped. */
export class TypeConstraintError extends Error {
  constructor(
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${reason} (at column ${column})`);
  }
}

const PRIMITIVES = new Set(['string', 'number', 'bool', 'any']);
const COLLECTIONS = new Set(['list', 'set', 'map']);

/** Reads a type constraint as written; throws TypeConstraintError for one Terraform would refuse. */
export function parseTypeConstraint(text: string): TypeConstraint {
  const reader = new Reader(text);
  const type = reader.type();
  reader.skipSpace(true);
  if (!reader.atEnd()) reader.fail(`unexpected "${reader.rest().slice(0, 20)}" after the type`);
  return type;
}

/** The type written the way Terraform prints it, for messages: `map(object({name=string}))`. */
export function typeText(type: TypeConstraint): string {
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${type.kind}(${typeText(type.element)})`;
    case 'object':
      return `object({${type.attributes
        .map((a) => `${a.name}=${a.optional ? `optional(${typeText(a.type)})` : typeText(a.type)}`)
        .join(', ')}})`;
    case 'tuple':
      return `tuple([${type.elements.map(typeText).join(', ')}])`;
    default:
      return type.kind;
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*/;
const NUMBER = /^-?(?:\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/** A recursive-descent reader over the text; `at` is the offset of the next character. */
class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  rest(): string {
    return this.text.slice(this.at);
  }

  fail(reason: string): never {
    throw new TypeConstraintError(this.at + 1, reason);
  }

  /** Skips blanks and comments (`#`, `//`, `/* *\/`); newlines too unless `newlines` is false. */
  skipSpace(newlines: boolean): void {
    for (;;) {
      const rest = this.rest();
      const blank = (newlines ? /^[ \t\r\n]+/ : /^[ \t]+/).exec(rest);
      if (blank) {
        this.at += blank[0].length;
        continue;
      }
      const line = /^(#|\/\/)[^\n]*/.exec(rest);
      if (line) {
        this.at += line[0].length;
        continue;
      }
      if (rest.startsWith('/*')) {
        const end = rest.indexOf('*/', 2);
        if (end < 0) this.fail('a comment is not closed');
        this.at += end + 2;
        continue;
      }
      return;
    }
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }

  private expect(char: string, what: string): void {
    this.skipSpace(true);
    if (this.peek() !== char) this.fail(`expected "${char}" ${what}`);
    this.at++;
  }

  private identifier(what: string): string {
    const match = IDENTIFIER.exec(this.rest());
    if (!match) this.fail(`expected ${what}`);
    this.at += match[0].length;
    return match[0];
  }

  type(): TypeConstraint {
    this.skipSpace(true);
    const start = this.at;
    const keyword = this.identifier('a type (string, number, bool, any, list, set, map, object or tuple)');
    // Not past a newline: in an object type it may end the attribute.
    this.skipSpace(false);
    const called = this.peek() === '(';
    if (PRIMITIVES.has(keyword)) {
      if (called) this.fail(`the primitive type "${keyword}" takes no arguments`);
      return { kind: keyword as 'string' };
    }
    if (COLLECTIONS.has(keyword)) {
      if (!called) return { kind: keyword as 'list', element: { kind: 'any' } };
      this.at++;
      const element = this.type();
      this.expect(')', `to close ${keyword}(...): ${keyword} takes one element type`);
      return { kind: keyword as 'list', element };
    }
    if (keyword === 'object') {
      this.expect('(', 'after object: object({name = type, ...})');
      const attributes = this.attributes();
      this.expect(')', 'to close object(...)');
      return { kind: 'object', attributes };
    }
    if (keyword === 'tuple') {
      this.expect('(', 'after tuple: tuple([type, ...])');
      const elements = this.elements();
      this.expect(')', 'to close tuple(...)');
      return { kind: 'tuple', elements };
    }
    if (keyword === 'optional') {
      this.at = start;
      this.fail('optional(...) is allowed only for an attribute of an object type');
    }
    this.at = start;
    this.fail(`"${keyword}" is not a type: one of string, number, bool, any, list, set, map, object, tuple`);
  }

  /** `{name = type, other = optional(type, default)}`: entries end with a comma or a newline. */
  private attributes(): ObjectAttribute[] {
    this.expect('{', 'to start the attributes of object({...})');
    const attributes: ObjectAttribute[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === '}') {
        this.at++;
        return attributes;
      }
      const name = this.attributeName();
      if (attributes.some((a) => a.name === name)) this.fail(`the attribute "${name}" is declared twice`);
      this.skipSpace(false);
      if (this.peek() !== '=' && this.peek() !== ':') this.fail(`expected "=" after the attribute name "${name}"`);
      this.at++;
      attributes.push(this.attribute(name));
      this.skipSpace(false);
      const next = this.peek();
      if (next === ',' || next === '\n' || next === '\r') this.at++;
      else if (next !== '}') this.fail(`expected a comma, a newline or "}" after the attribute "${name}"`);
    }
  }

  private attributeName(): string {
    if (this.peek() === '"') {
      // HCL's type expressions take attribute names as identifiers only.
      this.fail('an object attribute name must be an identifier, not a quoted string');
    }
    return this.identifier('an attribute name or "}"');
  }

  private attribute(name: string): ObjectAttribute {
    this.skipSpace(true);
    const start = this.at;
    const match = /^optional\s*\(/.exec(this.rest());
    if (!match) {
      this.at = start;
      return { name, type: this.type(), optional: false };
    }
    this.at += match[0].length;
    const type = this.type();
    this.skipSpace(true);
    const attribute: ObjectAttribute = { name, type, optional: true };
    if (this.peek() === ',') {
      this.at++;
      this.skipSpace(true);
      const begin = this.at;
      const literal = this.tryLiteral();
      this.skipSpace(true);
      if (literal.ok && this.peek() === ')') attribute.default = literal.value;
      else {
        this.at = begin;
        this.skipExpression();
        attribute.defaultExpression = this.text.slice(begin, this.at).trim();
        if (!attribute.defaultExpression) this.fail(`expected the default of the attribute "${name}"`);
      }
    }
    this.expect(')', `to close optional(...): optional(type) or optional(type, default)`);
    return attribute;
  }

  /** `[type, ...]`; newlines are blanks inside brackets. */
  private elements(): TypeConstraint[] {
    this.expect('[', 'to start the element types of tuple([...])');
    const elements: TypeConstraint[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === ']') {
        this.at++;
        return elements;
      }
      elements.push(this.type());
      this.skipSpace(true);
      if (this.peek() === ',') this.at++;
      else if (this.peek() !== ']') this.fail('expected a comma or "]" in tuple([...])');
    }
  }

  /** A literal value (string without templates, number, bool, null, list, object), or not ok. */
  literalValue(): { ok: true; value: unknown } | { ok: false } {
    return this.tryLiteral();
  }

  private tryLiteral(): { ok: true; value: unknown } | { ok: false } {
    const start = this.at;
    try {
      return { ok: true, value: this.literal() };
    } catch (error) {
      if (!(error instanceof NotLiteral)) throw error;
      this.at = start;
      return { ok: false };
    }
  }

  private literal(): unknown {
    this.skipSpace(true);
    const rest = this.rest();
    if (rest.startsWith('"')) return this.stringLiteral();
    const number = NUMBER.exec(rest);
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    const word = IDENTIFIER.exec(rest)?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.at += word.length;
      return word === 'true' ? true : word === 'false' ? false : null;
    }
    if (rest.startsWith('[')) return this.listLiteral();
    if (rest.startsWith('{')) return this.objectLiteral();
    throw new NotLiteral();
  }

  private listLiteral(): unknown[] {
    this.at++;
    const items: unknown[] = [];
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === ']') {
        this.at++;
        return items;
      }
      items.push(this.literal());
      this.skipSpace(true);
      if (this.peek() === ',') this.at++;
      else if (this.peek() !== ']') throw new NotLiteral();
    }
  }

  private objectLiteral(): Record<string, unknown> {
    this.at++;
    const value: Record<string, unknown> = {};
    for (;;) {
      this.skipSpace(true);
      if (this.peek() === '}') {
        this.at++;
        return value;
      }
      const key = this.peek() === '"' ? this.stringLiteral() : this.bareKey();
      this.skipSpace(false);
      if (this.peek() !== '=' && this.peek() !== ':') throw new NotLiteral();
      this.at++;
      value[key] = this.literal();
      this.skipSpace(false);
      const next = this.peek();
      if (next === ',' || next === '\n' || next === '\r') this.at++;
      else if (next !== '}') throw new NotLiteral();
    }
  }

  private bareKey(): string {
    const key = IDENTIFIER.exec(this.rest())?.[0];
    if (key === undefined) throw new NotLiteral();
    this.at += key.length;
    return key;
  }

  /** A quoted string with HCL's escapes; a template (`${`, `%{`) is not a literal. */
  private stringLiteral(): string {
    const match = /^"((?:[^"\\\n]|\\.)*)"/.exec(this.rest());
    if (!match) throw new NotLiteral();
    const body = match[1];
    if (/(^|[^$])\$\{|(^|[^%])%\{/.test(body)) throw new NotLiteral();
    this.at += match[0].length;
    return unescapeHclString(body);
  }

  /** Moves past an expression up to the `)` that closes the enclosing call, minding brackets and strings. */
  private skipExpression(): void {
    let depth = 0;
    while (!this.atEnd()) {
      const char = this.peek();
      if (char === '"') {
        const match = /^"(?:[^"\\]|\\.)*"/.exec(this.rest());
        if (!match) this.fail('a string is not closed');
        this.at += match[0].length;
        continue;
      }
      if ('([{'.includes(char)) depth++;
      else if (')]}'.includes(char)) {
        if (depth === 0) return;
        depth--;
      }
      this.at++;
    }
    this.fail('optional(...) is not closed');
  }
}

class NotLiteral extends Error {}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** The text of an HCL quoted string's body: `\n`, `\t`, `\"`, `\\`, `\uNNNN`, `\UNNNNNNNN`, `$${` and `%%{`. */
function unescapeHclString(body: string): string {
  return body
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_whole, escape: string) => {
      if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
      const plain = ESCAPES[escape];
      if (plain === undefined) throw new NotLiteral();
      return plain;
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

/** Whether a string's body can be read as a literal (no templates, known escapes). */
export function hclStringLiteral(quoted: string): string | undefined {
  const match = /^"((?:[^"\\\n]|\\.)*)"$/.exec(quoted);
  if (!match || /(^|[^$])\$\{|(^|[^%])%\{/.test(match[1])) return undefined;
  try {
    return unescapeHclString(match[1]);
  } catch {
    return undefined;
  }
}

/** An HCL literal value written as text (`["a", "b"]`, `{ a = 1 }`, `"x"`, `3`, `true`, `null`) as JSON, or undefined when it is not one. */
export function readHclLiteral(text: string): { value: unknown } | undefined {
  const reader = new Reader(text);
  const read = reader.literalValue();
  reader.skipSpace(true);
  return read.ok && reader.atEnd() ? { value: read.value } : undefined;
}
