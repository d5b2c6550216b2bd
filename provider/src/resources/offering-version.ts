import { isDeepStrictEqual } from 'node:util';
import { sentence, sentences, withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { checkJsonTextArgument } from './json-arguments';
import { uncheckablePatterns } from './attributes-validation';

interface Remote {
  id: string;
  offering_id: string;
  version: string;
  options_schema: object;
  changelog: string;
  status: string;
  deprecation_message: string;
  replacement_version: string;
}

const api = collection<Record<string, unknown>, Remote>('offering-versions');

/**
 * The configured JSON text when it means the same as the server's schema, so formatting never
 * shows as a diff. Otherwise (drift, import) the server's schema written as Terraform's
 * `jsonencode()` writes it, so that a configuration using jsonencode() matches an imported version.
 */
function schemaText(configured: string | null, remote: object): string {
  try {
    if (configured && isDeepStrictEqual(JSON.parse(configured), remote)) return configured;
  } catch {
    // not JSON: show the server's value
  }
  return jsonencode(remote);
}

/** JSON as Terraform's jsonencode() writes it: compact, object keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped (Go's encoding/json). */
export function jsonencode(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonencode).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${jsonString(k)}:${jsonencode(v)}`).join(',')}}`;
  }
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return JSON.stringify(value) ?? 'null';
}

function jsonString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function parseSchema(text: string | null): object | undefined {
  return text ? (JSON.parse(text) as object) : undefined;
}

export const offeringVersion = withClient<MercatoClient>().defineResource({
  name: 'offering_version',
  description: "A version of an offering, with the JSON Schema of its resources' configuration (`attributes`), a changelog and a status.",
  attributes: {
    id: { type: 'string', computed: true, useStateForUnknown: true, description: 'Server ID of the version.' },
    offering_id: { type: 'string', required: true, requiresReplace: true, description: 'The offering. Changing it creates a new version.' },
    version: { type: 'string', required: true, requiresReplace: true, description: 'Semantic version, e.g. `1.2.0`. Changing it creates a new version.' },
    options_schema: { type: 'string', optional: true, default: '{"type":"object"}', description: 'JSON Schema (as JSON text, e.g. `jsonencode({...})`) of resource `attributes`, property names in snake_case. Orders and plans are validated against it.' },
    changelog: { type: 'string', optional: true, default: '', description: 'What changed in this version (Markdown).' },
    status: { type: 'string', optional: true, default: 'available', description: '`available`, `beta` or `deprecated` (no new resources).' },
    deprecation_message: { type: 'string', optional: true, default: '', description: 'Why the version is deprecated.' },
    replacement_version: { type: 'string', optional: true, default: '', description: 'The version recommended instead of a deprecated one.' },
  },
  validate(config, ctx) {
    if (typeof config.options_schema !== 'string') return;
    let schema: unknown;
    try {
      schema = JSON.parse(config.options_schema);
    } catch (error) {
      ctx.error('Invalid options_schema', sentence(`options_schema is not JSON: ${(error as Error).message}`), 'options_schema');
      return;
    }
    checkJsonTextArgument(ctx, 'options_schema', config.options_schema);
    for (const problem of uncheckablePatterns(schema)) {
      ctx.error('Pattern cannot run in linear time', sentences(`options_schema has the pattern ${problem}`, 'Mercato runs user-written patterns with RE2, in time linear in the input: lookarounds and backreferences are not supported'), 'options_schema');
    }
  },
  async create(ctx, plan) {
    const body = { offering_id: plan.offering_id, version: plan.version, options_schema: parseSchema(plan.options_schema), changelog: plan.changelog, status: plan.status, deprecation_message: plan.deprecation_message, replacement_version: plan.replacement_version };
    const created = await reportingFieldErrors(ctx, 'Invalid offering version', () => api.create(ctx.client, body));
    return created ? { id: created.id, version: plan.version } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id!);
    if (!remote) return null;
    return {
      id: remote.id, offering_id: remote.offering_id, version: remote.version, options_schema: schemaText(state.options_schema, remote.options_schema),
      changelog: remote.changelog, status: remote.status, deprecation_message: remote.deprecation_message, replacement_version: remote.replacement_version,
    };
  },
  async update(ctx, plan, prior) {
    const body = { options_schema: parseSchema(plan.options_schema), changelog: plan.changelog, status: plan.status, deprecation_message: plan.deprecation_message, replacement_version: plan.replacement_version };
    await reportingFieldErrors(ctx, 'Invalid offering version', () => api.update(ctx.client, prior.id!, body));
    return {};
  },
  delete: (ctx, state) => api.delete(ctx.client, state.id!),
});
