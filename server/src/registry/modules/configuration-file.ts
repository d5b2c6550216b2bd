import { isUtf8 } from 'node:buffer';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';

/**
 * One Terraform configuration file read into its top-level blocks, the same shape whether it is
 * written in the native syntax (`*.tf`, parsed by @cdktf/hcl2json, the maintained HCL parser) or
 * in Terraform's JSON syntax (`*.tf.json`, parsed by jsonc-parser, which keeps every node's
 * offset). Facts about both syntaxes: Terraform's "Configuration Syntax" and "JSON Configuration
 * Syntax" pages (block types and their labels; `"//"` properties are comments in JSON).
 */

/** A place in a module's files: the file's path in the archive and a 1-based line and column. */
export interface SourcePlace {
  file: string;
  line: number;
  column?: number;
}

/** A configuration Terraform would refuse, where it is and why (Terraform's own summary, then detail). */
export class ConfigurationProblem extends Error {
  constructor(
    readonly place: SourcePlace,
    readonly summary: string,
    readonly detail = '',
  ) {
    super(`${placeText(place)}: ${summary}${detail ? `; ${detail}` : ''}`);
  }
}

/** `main.tf:3,5` (file, line, column); the file alone for a problem of no line (line 0). */
export const placeText = (place: SourcePlace) =>
  place.line ? `${place.file}:${place.line}${place.column === undefined ? '' : `,${place.column}`}` : place.file;

/** A top-level block: `variable "region" { ... }` is type `variable`, labels `["region"]`. */
export interface TopBlock {
  type: string;
  labels: string[];
  /** Its arguments and nested blocks as JSON values (HCL expressions as `${...}` text, as hcl2json writes them). */
  body: Record<string, unknown>;
  /** Where the block starts. */
  place: SourcePlace;
  /** Where an argument of the block is written (the block's own place when it cannot be told). */
  placeOf(argument: string): SourcePlace;
}

/** How many labels each top-level block type of Terraform takes. */
const BLOCK_LABELS: Record<string, number> = {
  terraform: 0,
  locals: 0,
  moved: 0,
  import: 0,
  removed: 0,
  variable: 1,
  output: 1,
  module: 1,
  provider: 1,
  check: 1,
  resource: 2,
  data: 2,
  ephemeral: 2,
};

/** The blocks of one `.tf` or `.tf.json` file; throws ConfigurationProblem for a syntax error or an unknown block type. */
export async function readConfigurationFile(file: string, bytes: Buffer): Promise<TopBlock[]> {
  if (!isUtf8(bytes))
    throw new ConfigurationProblem({ file, line: 1 }, 'Invalid character encoding', 'the file is not UTF-8 text');
  const text = bytes.toString('utf8');
  return file.endsWith('.tf.json') ? readJsonFile(file, text) : readNativeFile(file, text);
}

// ---- native syntax (.tf) ----------------------------------------------------------------------

/**
 * The one function of @cdktf/hcl2json used here, typed by hand: its own declarations pull the DOM
 * library into the program (`/// <reference lib="dom" />`), which changes Node's `fetch` types.
 */
interface Hcl2Json {
  /** A file's blocks as JSON; rejects with HCL's diagnostics (`parse config: [file:line,col-...: summary; detail]`). */
  parse(filename: string, contents: string): Promise<Record<string, unknown>>;
}
let hcl2json: Hcl2Json | undefined;

async function readNativeFile(file: string, text: string): Promise<TopBlock[]> {
  // Loaded on first use: it compiles a WebAssembly build of HCL (~0.5 s), which only publishes need.
  hcl2json ??= require('@cdktf/hcl2json') as Hcl2Json;
  let parsed: Record<string, unknown>;
  try {
    parsed = await hcl2json.parse(file, text);
  } catch (error) {
    throw nativeSyntaxProblem(file, (error as Error).message);
  }
  const lines = text.split('\n');
  const blocks: TopBlock[] = [];
  for (const [type, value] of Object.entries(parsed)) {
    const labels = BLOCK_LABELS[type];
    if (labels === undefined)
      throw unsupportedBlock({ file, line: findLine(lines, new RegExp(`^\\s*${escape(type)}\\b`)) || 1 }, type);
    const headers = headerLines(lines, type);
    for (const { labels: found, body } of unnest(value)) {
      if (found.length !== labels)
        throw new ConfigurationProblem(
          { file, line: headers.find((h) => headerHasLabels(lines[h - 1], found)) ?? headers[0] ?? 1 },
          found.length < labels ? `Missing name for ${type}` : `Extraneous label for ${type}`,
          `a ${type} block takes ${labels === 0 ? 'no labels' : labels === 1 ? 'one label' : `${labels} labels`}`,
        );
      const line = headers.find((h) => headerHasLabels(lines[h - 1], found)) ?? headers[0] ?? 1;
      headers.splice(headers.indexOf(line), 1);
      blocks.push(nativeBlock(file, lines, type, found, body, line));
    }
  }
  return blocks;
}

function nativeBlock(
  file: string,
  lines: string[],
  type: string,
  labels: string[],
  body: Record<string, unknown>,
  line: number,
): TopBlock {
  return {
    type,
    labels,
    body,
    place: { file, line },
    placeOf: (argument) => ({
      file,
      line: findLine(lines, new RegExp(`^\\s*${escape(argument)}\\s*(=|\\{)`), line - 1) || line,
    }),
  };
}

/**
 * hcl2json nests a block's labels as objects and gives its bodies in an array:
 * `resource "a" "b" {}` is `{a: {b: [{}]}}`. Walks down to the bodies, collecting the labels.
 */
function unnest(value: unknown, found: string[] = []): { labels: string[]; body: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.filter(isObject).map((body) => ({ labels: found, body }));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([label, inner]) => unnest(inner, [...found, label]));
}

/** The 1-based lines where a block of `type` starts, in order. */
function headerLines(lines: string[], type: string): number[] {
  const header = new RegExp(`^\\s*${escape(type)}(\\s+("[^"]*"|[\\w-]+))*\\s*\\{`);
  return lines.flatMap((line, i) => (header.test(line) ? [i + 1] : []));
}

function headerHasLabels(line: string | undefined, labels: string[]): boolean {
  return labels.every(
    (label) => line !== undefined && new RegExp(`("${escape(label)}"|\\s${escape(label)}\\b)`).test(line),
  );
}

/**
 * hcl2json reports Terraform's HCL diagnostics as one message:
 * `parse config: [main.tf:2,10-3,1: Invalid expression; Expected the start of an expression... main.tf:4,1-2: ...]`.
 * The first diagnostic becomes the problem.
 */
function nativeSyntaxProblem(file: string, message: string): ConfigurationProblem {
  const body = message.replace(/^parse config: \[/, '').replace(/\]$/, '');
  const at = new RegExp(`${escape(file)}:(\\d+),(\\d+)(?:-(?:\\d+,)?\\d+)?: `, 'g');
  const first = at.exec(body);
  if (!first) return new ConfigurationProblem({ file, line: 1 }, 'Invalid configuration', body);
  const next = at.exec(body);
  const text = body.slice(first.index + first[0].length, next ? next.index : undefined).trim();
  const [summary, ...detail] = text.split('; ');
  return new ConfigurationProblem(
    { file, line: Number(first[1]), column: Number(first[2]) },
    summary,
    detail.join('; '),
  );
}

// ---- JSON syntax (.tf.json) -------------------------------------------------------------------

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace is expected',
  CloseBracketExpected: 'a closing bracket is expected',
  EndOfFileExpected: 'nothing may follow the top-level object',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function readJsonFile(file: string, text: string): TopBlock[] {
  const jsonc: typeof import('jsonc-parser') = require('jsonc-parser');
  const errors: ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const at = (offset: number): SourcePlace => ({ file, ...lineAndColumn(text, offset) });
  if (errors.length) {
    const error = errors[0];
    const name = jsonc.printParseErrorCode(error.error);
    throw new ConfigurationProblem(at(error.offset), 'Invalid JSON syntax', JSON_ERRORS[name] ?? name);
  }
  if (!root || root.type !== 'object')
    throw new ConfigurationProblem(
      at(root?.offset ?? 0),
      'Invalid JSON configuration',
      'the root must be a JSON object',
    );
  const blocks: TopBlock[] = [];
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    const type = String(key.value);
    if (type === '//') continue;
    const labels = BLOCK_LABELS[type];
    if (labels === undefined) throw unsupportedBlock(at(key.offset), type);
    for (const { labels: found, node, keyNode } of jsonBlocks(value, labels, [], key))
      blocks.push(jsonBlock(jsonc, at, type, found, node, keyNode));
  }
  return blocks;
}

/** A block's body node with its labels: label levels are objects; any level may be an array of objects. */
function jsonBlocks(
  node: JsonNode,
  labels: number,
  found: string[],
  keyNode: JsonNode,
): { labels: string[]; node: JsonNode; keyNode: JsonNode }[] {
  if (node.type === 'array') return (node.children ?? []).flatMap((item) => jsonBlocks(item, labels, found, keyNode));
  if (node.type !== 'object') return [{ labels: found, node, keyNode }];
  if (found.length === labels) return [{ labels: found, node, keyNode }];
  return (node.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key.value === '//' ? [] : jsonBlocks(value, labels, [...found, String(key.value)], key);
  });
}

function jsonBlock(
  jsonc: typeof import('jsonc-parser'),
  at: (offset: number) => SourcePlace,
  type: string,
  labels: string[],
  node: JsonNode,
  keyNode: JsonNode,
): TopBlock {
  const place = at(keyNode.offset);
  if (node.type !== 'object')
    throw new ConfigurationProblem(
      at(node.offset),
      `Invalid ${type} block`,
      `a ${type} block in JSON is an object of its arguments, not ${node.type === 'array' ? 'an array' : `a ${node.type}`}`,
    );
  const body: Record<string, unknown> = {};
  const places = new Map<string, SourcePlace>();
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    const name = String(key.value);
    if (name === '//') continue;
    if (places.has(name))
      throw new ConfigurationProblem(
        at(key.offset),
        'Duplicate argument',
        `the argument "${name}" was already set at line ${places.get(name)!.line}`,
      );
    places.set(name, at(key.offset));
    body[name] = withoutComments(jsonc.getNodeValue(value));
  }
  return { type, labels, body, place, placeOf: (argument) => places.get(argument) ?? place };
}

/** A JSON value without its `"//"` comment properties, at any depth. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '//')
      .map(([key, inner]) => [key, withoutComments(inner)]),
  );
}

// ---- both -------------------------------------------------------------------------------------

function unsupportedBlock(place: SourcePlace, type: string): ConfigurationProblem {
  return new ConfigurationProblem(
    place,
    'Unsupported block type',
    `blocks of type "${type}" are not expected here (a module holds ${Object.keys(BLOCK_LABELS).join(', ')} blocks)`,
  );
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The 1-based number of the first line from index `from` matching `pattern`, or 0. */
function findLine(lines: string[], pattern: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i])) return i + 1;
  return 0;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
