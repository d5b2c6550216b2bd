/**
 * "As code": the Terraform HCL and the CDKTF TypeScript that place the same order as the form, as
 * the provider's docs write a `mercato_resource` (provider/docs/resources/resource.md) and
 * @mercato/cdktf's generated binding (`resource.Resource`) takes it. Secret properties never appear
 * with their values: each is a sensitive variable (HCL) or an environment variable (CDKTF), set in
 * `secret_attributes` at its own path (the provider merges it into `attributes` deeply).
 * console/test/as-code.test.ts checks the text; console/test/as-code-terraform.test.ts applies it.
 */
import { secretPathNames } from './secret-paths';

export interface OrderAsCode {
  offeringSlug: string;
  offeringId: string;
  planId: string;
  projectId: string;
  version: string;
  name: string;
  attributes: Record<string, unknown>;
  /** The version's `secret_attribute_paths` (`admin_password`, `db.password`, `["odd key"]`). */
  secretPaths: string[];
  limits: Record<string, number>;
}

/** A reference written as it is (`var.x`, `process.env.X`), not as a string literal. */
class Reference {
  constructor(readonly text: string) {}
}

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Reference);

/** A Terraform name from a display name: `orders-db` stays, `My DB!` becomes `my_db`. */
function terraformName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(cleaned) ? cleaned : `r_${cleaned || 'resource'}`;
}

/**
 * An HCL string literal. HCL knows the escapes \n \r \t \" \\ \uNNNN \UNNNNNNNN only (JSON's \b
 * and \f would not parse), and reads `${` and `%{` as template sequences: `$${` and `%%{` are them
 * literally.
 */
function hclString(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff))
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  // A function, not '$${': in a replacement string `$$` is one `$`.
  return `"${out.replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`)}"`;
}

/** Words a bare key cannot be: `{ for = 1 }` would start a for expression, `null` would be a value. */
const KEYWORDS = new Set(['for', 'in', 'if', 'null', 'true', 'false']);

function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !KEYWORDS.has(key) ? key : hclString(key);
}

/** terraform fmt aligns the `=` of consecutive one-line attributes; a multi-line value ends the run. */
function multiLine(value: unknown): boolean {
  if (isObject(value)) return Object.values(value).some((v) => v !== undefined);
  return Array.isArray(value) && value.some((v) => isObject(v) || Array.isArray(v));
}

/** Attribute lines `key = value` at `indent`, aligned as `terraform fmt` aligns them. */
function hclAttributes(entries: [string, unknown][], indent: string): string[] {
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([k]) => k.length));
    for (const [k, v] of run) lines.push(`${indent}${k.padEnd(width)} = ${v}`);
    run = [];
  };
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    const text = hclValue(value, indent);
    if (multiLine(value)) {
      flush();
      lines.push(`${indent}${hclKey(key)} = ${text}`);
    } else run.push([hclKey(key), text]);
  }
  flush();
  return lines;
}

/** A JSON value as an HCL expression, objects one attribute per line. */
function hclValue(value: unknown, indent: string): string {
  if (value instanceof Reference) return value.text;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!multiLine(value)) return `[${value.map((v) => hclValue(v, indent)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${hclValue(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const lines = hclAttributes(Object.entries(value as Obj), inner);
  return lines.length ? `{\n${lines.join('\n')}\n${indent}}` : '{}';
}

interface Secret {
  path: string[];
  value: unknown;
}

/** `attributes` without its secrets (objects emptied by taking them out go too), and the secrets. */
function split(order: OrderAsCode): { plain: Obj; secrets: Secret[] } {
  const copy = (value: Obj): Obj =>
    Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, isObject(v) ? copy(v) : v]),
    );
  const plain = copy(order.attributes);
  const secrets: Secret[] = [];
  for (const text of order.secretPaths) {
    const path = secretPathNames(text);
    if (!path) continue;
    const parents: Obj[] = [plain];
    for (const name of path.slice(0, -1)) {
      const next = parents[parents.length - 1][name];
      if (!isObject(next)) break;
      parents.push(next);
    }
    const last = path[path.length - 1];
    if (parents.length !== path.length || !Object.hasOwn(parents[path.length - 1], last)) continue;
    secrets.push({ path, value: parents[path.length - 1][last] });
    delete parents[path.length - 1][last];
    for (let depth = path.length - 1; depth > 0 && !Object.keys(parents[depth]).length; depth--)
      delete parents[depth - 1][path[depth - 1]];
  }
  return { plain, secrets };
}

/** The secrets as one nested object whose leaves are references. */
function secretObject(secrets: Secret[], reference: (path: string[]) => string): Obj {
  const root: Obj = {};
  for (const { path } of secrets) {
    let node = root;
    for (const name of path.slice(0, -1)) node = (node[name] ??= {}) as Obj;
    node[path[path.length - 1]] = new Reference(reference(path));
  }
  return root;
}

/** The HCL type of a secret's variable, from the value the form holds. */
function variableType(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return 'any';
}

/** Where a secret's value comes from: `var.<id>_<path>` in HCL, `<ID>_<PATH>` in the environment. */
const secretName = (id: string, path: string[]) => [id, ...path.map(terraformName)].join('_');

export function toHcl(order: OrderAsCode): string {
  const id = terraformName(order.name || order.offeringSlug);
  const { plain, secrets } = split(order);
  const out: string[] = [
    'terraform {',
    '  required_providers {',
    '    mercato = {',
    '      source = "mercato/mercato"',
    '    }',
    '  }',
    '}',
    '',
  ];
  for (const { path, value } of secrets) {
    const type = variableType(value);
    out.push(`variable "${secretName(id, path)}" {`, `  type      = ${type}`, '  sensitive = true', '}', '');
  }
  const head: [string, unknown][] = (
    [
      ['project_id', order.projectId],
      ['offering_id', order.offeringId],
      ['plan_id', order.planId],
      ['version', order.version],
      ['name', order.name],
    ] as [string, string][]
  ).filter(([, v]) => v !== '');
  out.push(`resource "mercato_resource" "${id}" {`);
  out.push(`  # ${order.offeringSlug.replace(/[\r\n]+/g, ' ')}`);
  out.push(...hclAttributes(head, '  '));
  if (Object.keys(plain).length) out.push('', `  attributes = ${hclValue(plain, '  ')}`);
  if (secrets.length) {
    const object = secretObject(secrets, (path) => `var.${secretName(id, path)}`);
    out.push('', `  secret_attributes = ${hclValue(object, '  ')}`);
  }
  if (Object.keys(order.limits).length) out.push('', `  limits = ${hclValue(order.limits, '  ')}`);
  out.push('}', '');
  return out.join('\n');
}

function tsKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** A JSON value as a TypeScript expression. */
function tsValue(value: unknown, indent: string): string {
  if (value instanceof Reference) return value.text;
  if (value === null || value === undefined || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => tsValue(v, indent)).join(', ')}]`;
  const entries = Object.entries(value as Obj).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  return `{\n${entries.map(([k, v]) => `${inner}${tsKey(k)}: ${tsValue(v, inner)},`).join('\n')}\n${indent}}`;
}

function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** The environment variable a CDKTF app reads a secret from. */
export function secretEnvironmentName(id: string, path: string[]): string {
  return secretName(id, path)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}

export function toCdktf(order: OrderAsCode): string {
  const id = terraformName(order.name || order.offeringSlug);
  const { plain, secrets } = split(order);
  const stack = `${pascal(id) || 'Resource'}Stack`;
  const props: string[] = [
    `      projectId: ${JSON.stringify(order.projectId)},`,
    `      offeringId: ${JSON.stringify(order.offeringId)}, // ${order.offeringSlug.replace(/[\r\n]+/g, ' ')}`,
    `      planId: ${JSON.stringify(order.planId)},`,
  ];
  if (order.version) props.push(`      version: ${JSON.stringify(order.version)},`);
  props.push(`      name: ${JSON.stringify(order.name)},`);
  if (Object.keys(plain).length) props.push(`      attributes: ${tsValue(plain, '      ')},`);
  if (secrets.length) {
    const object = secretObject(secrets, (path) => `process.env.${secretEnvironmentName(id, path)}`);
    props.push(`      secretAttributes: ${tsValue(object, '      ')},`);
  }
  if (Object.keys(order.limits).length) props.push(`      limits: ${tsValue(order.limits, '      ')},`);
  return [
    "import { App, TerraformStack } from 'cdktf';",
    "import type { Construct } from 'constructs';",
    "import { provider, resource } from '@mercato/cdktf';",
    '',
    `class ${stack} extends TerraformStack {`,
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    "    new provider.MercatoProvider(this, 'mercato', {});",
    `    new resource.Resource(this, ${JSON.stringify(id)}, {`,
    ...props,
    '    });',
    '  }',
    '}',
    '',
    'const app = new App();',
    `new ${stack}(app, ${JSON.stringify(id)});`,
    'app.synth();',
    '',
  ].join('\n');
}
