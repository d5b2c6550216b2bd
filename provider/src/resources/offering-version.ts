import { isDeepStrictEqual } from 'node:util';
import { oneOf, requiresReplace, useStateForUnknown, withClient } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { jsonSchemaText } from './json-arguments';
import { VERSION_STATUSES } from '../api-contract';

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

const api = collection<Record<string, unknown>, Remote>('offering-versions', 'offering version');

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
function jsonencode(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonencode).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${jsonString(k)}:${jsonencode(v)}`)
      .join(',')}}`;
  }
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return JSON.stringify(value) ?? 'null';
}

function jsonString(text: string): string {
  return JSON.stringify(text).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function parseSchema(text: string | null): object | undefined {
  return text ? (JSON.parse(text) as object) : undefined;
}

export const offeringVersion = withClient<MercatoClient>().defineResource({
  name: 'offering_version',
  description:
    "A version of an offering, with the JSON Schema of its resources' configuration (`attributes`), a changelog and a status.",
  attributes: {
    id: {
      type: 'string',
      computed: true,
      planModifiers: [useStateForUnknown()],
      description: 'Server ID of the version.',
    },
    offering_id: { type: 'string', required: true, planModifiers: [requiresReplace()], description: 'The offering.' },
    version: {
      type: 'string',
      required: true,
      planModifiers: [requiresReplace()],
      description: 'Semantic version, e.g. `1.2.0`.',
    },
    options_schema: {
      type: 'string',
      optional: true,
      default: '{"type":"object"}',
      validators: [jsonSchemaText],
      description:
        'JSON Schema (as JSON text, e.g. `jsonencode({...})`) of resource `attributes`, property names in snake_case. Orders and plans are validated against it.',
    },
    changelog: { type: 'string', optional: true, default: '', description: 'What changed in this version (Markdown).' },
    status: {
      type: 'string',
      optional: true,
      default: 'available',
      validators: [oneOf(...VERSION_STATUSES)],
      description: 'A `deprecated` version takes no new resources; a `beta` one warns whoever uses it.',
    },
    deprecation_message: { type: 'string', optional: true, default: '', description: 'Why the version is deprecated.' },
    replacement_version: {
      type: 'string',
      optional: true,
      default: '',
      description: 'The version recommended instead of a deprecated one.',
    },
  },
  async create(ctx, plan) {
    const body = {
      offering_id: plan.offering_id,
      version: plan.version,
      options_schema: parseSchema(plan.options_schema),
      changelog: plan.changelog,
      status: plan.status,
      deprecation_message: plan.deprecation_message,
      replacement_version: plan.replacement_version,
    };
    const created = await reportingFieldErrors(ctx, 'Invalid offering version', () => api.create(ctx.client, body));
    return created ? { id: created.id, version: plan.version } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id);
    if (!remote) return null;
    return {
      id: remote.id,
      offering_id: remote.offering_id,
      version: remote.version,
      options_schema: schemaText(state.options_schema, remote.options_schema),
      changelog: remote.changelog,
      status: remote.status,
      deprecation_message: remote.deprecation_message,
      replacement_version: remote.replacement_version,
    };
  },
  async update(ctx, plan, prior) {
    const body = {
      options_schema: parseSchema(plan.options_schema),
      changelog: plan.changelog,
      status: plan.status,
      deprecation_message: plan.deprecation_message,
      replacement_version: plan.replacement_version,
    };
    await reportingFieldErrors(ctx, 'Invalid offering version', () => api.update(ctx.client, prior.id, body));
    return {};
  },
  delete: (ctx, state) => api.delete(ctx, state.id),
});
