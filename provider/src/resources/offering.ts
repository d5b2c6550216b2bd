import {
  deepEqual,
  eachValue,
  isUnknown,
  lengthBetween,
  oneOf,
  regexMatches,
  requiresReplace,
  useStateForUnknown,
  withClient,
} from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { collection } from './crud';
import { reportingFieldErrors } from './api-diagnostics';
import { exactJson } from './json-arguments';
import {
  BILLING_TYPES,
  COMPONENT_TYPE,
  NAME_LENGTH,
  OBJECT_ID,
  OFFERING_STATUSES,
  OFFERING_VISIBILITIES,
  PLATFORMS,
  SLUG,
} from '../api-contract';

interface Component {
  type: string;
  name: string;
  measured_unit: string;
  billing_type: string;
}

interface Remote {
  id: string;
  organization_id: string;
  category_id: string;
  name: string;
  slug: string;
  description: string;
  type: string;
  platform: string;
  tags: string[];
  /** The effective status: what the catalog shows. */
  status: string;
  /** The status asked for: what `status` in the configuration is. */
  requested_status: string;
  visibility: string;
  allowed_organization_ids: string[];
  allowed_project_ids: string[];
  auto_approve: boolean;
  bill_paused: boolean;
  plugin_options: Record<string, unknown>;
  documentation_url: string;
  requirements: string;
  components: Component[];
}

const api = collection<Record<string, unknown>, Remote>('offerings', 'offering');

const EDITABLE = [
  'category_id',
  'name',
  'description',
  'platform',
  'tags',
  'status',
  'visibility',
  'allowed_organization_ids',
  'allowed_project_ids',
  'auto_approve',
  'bill_paused',
  'plugin_options',
  'documentation_url',
  'requirements',
] as const;

export const offering = withClient<MercatoClient>().defineResource({
  name: 'offering',
  description:
    'A service in the catalog, published by a service provider organization: what it is, how it is provisioned (its plugin) and how it is billed (its components).',
  attributes: {
    id: {
      type: 'string',
      computed: true,
      planModifiers: [useStateForUnknown()],
      description: 'Server ID of the offering.',
    },
    organization_id: {
      type: 'string',
      required: true,
      planModifiers: [requiresReplace()],
      description: 'The service provider organization.',
    },
    category_id: { type: 'string', required: true, description: 'Catalog category.' },
    name: {
      type: 'string',
      required: true,
      validators: [lengthBetween(NAME_LENGTH.min, NAME_LENGTH.max)],
      description: 'Display name.',
    },
    slug: {
      type: 'string',
      optional: true,
      computed: true,
      validators: [
        regexMatches(SLUG.pattern, 'lowercase letters and digits, in words joined by single hyphens'),
        lengthBetween(1, SLUG.maxLength),
      ],
      planModifiers: [useStateForUnknown()],
      description: 'Unique URL-friendly name; derived from the name when not set.',
    },
    description: { type: 'string', optional: true, default: '', description: 'What the offering provides (Markdown).' },
    type: {
      type: 'string',
      required: true,
      planModifiers: [requiresReplace()],
      description:
        'Provisioning plugin: `manual` (the provider completes orders through the API) or `allocation` (granted at once).',
    },
    platform: {
      type: 'string',
      optional: true,
      default: 'other',
      validators: [oneOf(...PLATFORMS)],
      description: 'Where it runs.',
    },
    tags: { type: ['list', 'string'], optional: true, default: [], description: 'Search keywords.' },
    status: {
      type: 'string',
      optional: true,
      default: 'draft',
      validators: [oneOf(...OFFERING_STATUSES)],
      description:
        "The status asked for (the API's `requested_status`): `draft` is seen only by the provider, `active` is in the catalog taking orders, `paused` takes no new orders, `archived` leaves the catalog. An offering is active only with a category, a plan that is not archived and a version: declare `active` here beside its `mercato_plan` and `mercato_offering_version`, and the server activates it once they exist, in the same apply; until then the catalog shows it as `draft` (the `mercato_offering` data source's `status` and `status_reason` say what it shows and why).",
    },
    visibility: {
      type: 'string',
      optional: true,
      default: 'public',
      validators: [oneOf(...OFFERING_VISIBILITIES)],
      description:
        '`public`: every signed-in user sees it. `restricted`: only its provider, staff and the organizations and projects in `allowed_organization_ids` and `allowed_project_ids` see it, search it and order it. Resources already ordered by an organization taken off the lists keep working (changed, paused, terminated).',
    },
    allowed_organization_ids: {
      type: ['set', 'string'],
      optional: true,
      default: [],
      validators: [eachValue(regexMatches(OBJECT_ID.pattern, 'an organization id'))],
      description:
        'Of a `restricted` offering: the organizations whose members (of the organization or of any of its projects) see it and order it into their projects. Default: `[]`.',
    },
    allowed_project_ids: {
      type: ['set', 'string'],
      optional: true,
      default: [],
      validators: [eachValue(regexMatches(OBJECT_ID.pattern, 'a project id'))],
      description:
        "Of a `restricted` offering: the projects whose members and whose organization's owners see it and order it into them. Default: `[]`.",
    },
    auto_approve: {
      type: 'bool',
      optional: true,
      default: false,
      description: "Skip the provider's approval of orders.",
    },
    bill_paused: {
      type: 'bool',
      optional: true,
      default: true,
      description:
        "Whether a paused resource's `fixed` and `limit` components are billed as when active; `false`: paused time is free. Default: `true`.",
    },
    plugin_options: {
      type: 'dynamic',
      optional: true,
      validators: [exactJson],
      description: 'Options of the provisioning plugin, as an HCL object.',
    },
    secret_options: {
      type: ['map', 'string'],
      optional: true,
      sensitive: true,
      description:
        'Secret plugin options (credentials). Write-only on the server: never returned, so changes made outside Terraform are not detected.',
    },
    documentation_url: { type: 'string', optional: true, default: '', description: 'Link to the documentation.' },
    requirements: {
      type: 'string',
      optional: true,
      default: '',
      description: 'What a consumer needs before ordering.',
    },
  },
  blocks: {
    component: {
      nesting: 'list',
      description:
        'A priced component of the offering (CPU, storage, a fixed fee...). Plans set a price per component.',
      attributes: {
        type: {
          type: 'string',
          required: true,
          validators: [
            regexMatches(COMPONENT_TYPE.pattern, 'a lowercase letter, then lowercase letters, digits and underscores'),
            lengthBetween(1, COMPONENT_TYPE.maxLength),
          ],
          description: 'Machine name, the key in plan `prices` and resource `limits`.',
        },
        name: {
          type: 'string',
          required: true,
          validators: [lengthBetween(NAME_LENGTH.min, NAME_LENGTH.max)],
          description: 'Display name.',
        },
        measured_unit: { type: 'string', optional: true, default: '', description: 'Unit, e.g. `GB` or `cores`.' },
        billing_type: {
          type: 'string',
          required: true,
          validators: [oneOf(...BILLING_TYPES)],
          description: 'How it is billed: `limit` bills the limit the consumer sets, `one-time` once at creation.',
        },
      },
    },
  },
  validate(config, ctx) {
    // Only a restricted offering lists who sees it; the server refuses lists on a public one.
    if (isUnknown(config.visibility) || (config.visibility ?? 'public') !== 'public') return;
    for (const field of ['allowed_organization_ids', 'allowed_project_ids'] as const) {
      const list = config[field];
      if (list !== null && !isUnknown(list) && list.length > 0)
        ctx.error(
          'Lists for a public offering',
          `${field} lists who sees a restricted offering only: set visibility = "restricted", or leave ${field} out.`,
          field,
        );
    }
  },
  async create(ctx, plan) {
    const body = {
      ...editable(plan),
      organization_id: plan.organization_id,
      type: plan.type,
      ...(plan.slug ? { slug: plan.slug } : {}),
      secret_options: plan.secret_options ?? {},
    };
    const created = await reportingFieldErrors(ctx, 'Invalid offering', () => api.create(ctx.client, body));
    return created ? { id: created.id, slug: created.slug } : null;
  },
  async read(ctx, state) {
    const remote = await api.read(ctx.client, state.id);
    if (!remote) return null;
    return {
      ...Object.fromEntries(EDITABLE.map((key) => [key, remote[key]])),
      // The configuration says the status asked for; the catalog's may lag behind it (see `status`).
      status: remote.requested_status,
      plugin_options:
        Object.keys(remote.plugin_options).length || state.plugin_options !== null ? remote.plugin_options : null,
      id: remote.id,
      organization_id: remote.organization_id,
      slug: remote.slug,
      type: remote.type,
      component: remote.components.map((c) => ({
        type: c.type,
        name: c.name,
        measured_unit: c.measured_unit ?? '',
        billing_type: c.billing_type,
      })),
    } as never;
  },
  async update(ctx, plan, prior) {
    const body = {
      ...editable(plan),
      ...(plan.slug && plan.slug !== prior.slug ? { slug: plan.slug } : {}),
      ...(!deepEqual(plan.secret_options, prior.secret_options) ? { secret_options: plan.secret_options ?? {} } : {}),
    };
    const updated = await reportingFieldErrors(ctx, 'Invalid offering', () => api.update(ctx.client, prior.id, body));
    return updated ? { slug: updated.slug } : {};
  },
  delete: (ctx, state) => api.delete(ctx, state.id),
});

function editable(plan: Record<string, unknown> & { component: Record<string, unknown>[] }) {
  return {
    ...Object.fromEntries(EDITABLE.map((key) => [key, plan[key] ?? undefined])),
    plugin_options: plan.plugin_options ?? {},
    components: plan.component.map((c) => ({
      type: c.type,
      name: c.name,
      measured_unit: c.measured_unit ?? '',
      billing_type: c.billing_type,
    })),
  };
}
