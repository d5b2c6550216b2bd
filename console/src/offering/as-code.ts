/**
 * "As code": the Terraform HCL and the CDKTF TypeScript that place the same order as the form, as
 * the provider's docs write a `mercato_resource` (provider/docs/resources/resource.md) and
 * @mercato/cdktf's generated binding (`resource.Resource`) takes it. Secret properties never appear
 * with their values: they are a sensitive variable (HCL) or an environment variable (CDKTF).
 */

export interface OrderAsCode {
  offeringSlug: string;
  offeringId: string;
  planId: string;
  projectId: string;
  version: string;
  name: string;
  attributes: Record<string, unknown>;
  /** Top-level attribute names that are secret (writeOnly or format password). */
  secretNames: string[];
  limits: Record<string, number>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A Terraform name from a display name: `orders-db` stays, `My DB!` becomes `my_db`. */
function terraformName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(cleaned) ? cleaned : `r_${cleaned || 'resource'}`;
}

/** An HCL string literal: JSON's escapes, and template sequences escaped. */
function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function hclKey(key: string): string {
  return IDENTIFIER.test(key) ? key : hclString(key);
}

/** A JSON value as an HCL expression, objects one attribute per line and aligned as `terraform fmt` does. */
function hclValue(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => hclValue(v, indent)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  const width = Math.max(...entries.filter(([, v]) => !isBlock(v)).map(([k]) => hclKey(k).length), 0);
  const lines = entries.map(([k, v]) => {
    const key = hclKey(k);
    return `${inner}${isBlock(v) ? key : key.padEnd(width)} = ${hclValue(v, inner)}`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** terraform fmt aligns the `=` of single-line attributes only; a multi-line object breaks the run. */
function isBlock(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}

function split(order: OrderAsCode) {
  const plain: Record<string, unknown> = {};
  const secret: string[] = [];
  for (const [key, value] of Object.entries(order.attributes)) {
    if (value === undefined) continue;
    if (order.secretNames.includes(key)) secret.push(key);
    else plain[key] = value;
  }
  return { plain, secret };
}

export function toHcl(order: OrderAsCode): string {
  const id = terraformName(order.name || order.offeringSlug);
  const { plain, secret } = split(order);
  const variable = (key: string) => `${id}_${terraformName(key)}`;
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
  for (const key of secret)
    out.push(`variable "${variable(key)}" {`, '  type      = string', '  sensitive = true', '}', '');
  const body: Record<string, unknown> = {
    project_id: order.projectId,
    offering_id: order.offeringId,
    plan_id: order.planId,
    version: order.version,
    name: order.name,
  };
  const head = Object.entries(body).filter(([, v]) => v !== '');
  const width = Math.max(...head.map(([k]) => k.length));
  out.push(`resource "mercato_resource" "${id}" {`);
  out.push(`  # ${order.offeringSlug}`);
  for (const [k, v] of head) out.push(`  ${k.padEnd(width)} = ${hclValue(v)}`);
  if (Object.keys(plain).length) out.push('', `  attributes = ${hclValue(plain, '  ')}`);
  if (secret.length) {
    const w = Math.max(...secret.map((k) => hclKey(k).length));
    out.push('', '  secret_attributes = {');
    for (const key of secret) out.push(`    ${hclKey(key).padEnd(w)} = var.${variable(key)}`);
    out.push('  }');
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
  if (value === null || value === undefined || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => tsValue(v, indent)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
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

export function toCdktf(order: OrderAsCode): string {
  const id = terraformName(order.name || order.offeringSlug);
  const { plain, secret } = split(order);
  const stack = `${pascal(id) || 'Resource'}Stack`;
  const props: string[] = [
    `      projectId: ${JSON.stringify(order.projectId)},`,
    `      offeringId: ${JSON.stringify(order.offeringId)}, // ${order.offeringSlug}`,
    `      planId: ${JSON.stringify(order.planId)},`,
  ];
  if (order.version) props.push(`      version: ${JSON.stringify(order.version)},`);
  props.push(`      name: ${JSON.stringify(order.name)},`);
  if (Object.keys(plain).length) props.push(`      attributes: ${tsValue(plain, '      ')},`);
  if (secret.length) {
    props.push('      secretAttributes: {');
    for (const key of secret) {
      const env = `${id}_${key}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
      props.push(`        ${tsKey(key)}: process.env.${env},`);
    }
    props.push('      },');
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
