/**
 * mercato_offering (with component blocks), mercato_offering_version and mercato_plan through the
 * real Terraform CLI and the real server: create, update, replacement, drift, import, deleted
 * outside, destroy; values the API refuses (enumerations, patterns, lengths) fail the plan.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { describeLifecycle, type Step } from './lifecycle';
import type { Api } from '@mercato/test-support/api-client';
import { errors } from '../support/terraform';

let h: MercatoHarness;
beforeAll(async () => {
  h = await createMercatoHarness();
});
afterAll(() => h?.close());

/** A provider organization and a category, made through the API. */
async function providerAndCategory(admin: Api, name: string) {
  const organization = await admin.expect(201, admin.post('/organizations', { name: `${name} provider` }));
  const category = await admin.expect(201, admin.post('/categories', { title: `${name} category` }));
  return { org: organization.id as string, category: category.id as string };
}

const COMPONENTS = [
  { type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' },
  { type: 'storage', name: 'Storage', measured_unit: 'GB', billing_type: 'usage' },
];

async function offering(admin: Api, parents: { org: string; category: string }, name: string) {
  const body = {
    organization_id: parents.org,
    category_id: parents.category,
    name,
    type: 'manual',
    status: 'active',
    components: COMPONENTS,
  };
  return (await admin.expect(201, admin.post('/offerings', body))).id as string;
}

/** The components at each step, as the configuration writes them and as the server keeps them. */
const componentsOf = (step: Step) => [
  { type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' },
  { type: 'storage', name: step === 'create' ? 'Storage' : 'Disk storage', measured_unit: 'GB', billing_type: 'usage' },
  ...(step === 'create' ? [] : [{ type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' }]),
];

/** The offering's values in the plan of each step. */
const offeringPlanned = (o: { org: string; category: string }, step: Step) => ({
  organization_id: o.org,
  category_id: o.category,
  name: 'Managed PostgreSQL',
  slug: 'managed-postgresql-tf',
  type: step === 'replace' ? 'allocation' : 'manual',
  platform: 'aws',
  tags: step === 'create' ? ['db', 'sql'] : ['db', 'sql', 'postgres'],
  status: 'active',
  plugin_options: { backend_id_prefix: 'pg' },
  secret_options: { api_key: 'provider-secret' },
  component: componentsOf(step),
});

const component = (type: string, name: string, unit: string, billing: string) =>
  `  component {\n    type          = "${type}"\n    name          = "${name}"\n    measured_unit = "${unit}"\n    billing_type  = "${billing}"\n  }`;

describeLifecycle(() => h, {
  type: 'mercato_offering',
  path: 'offerings',
  setup: ({ admin }) => providerAndCategory(admin, 'Offering'),
  body: (o, step) =>
    [
      `  organization_id   = "${o.org}"`,
      `  category_id       = "${o.category}"`,
      `  name              = "Managed PostgreSQL"`,
      `  slug              = "managed-postgresql-tf"`,
      `  description       = "PostgreSQL 15, backed up nightly"`,
      `  type              = "${step === 'replace' ? 'allocation' : 'manual'}"`,
      `  platform          = "aws"`,
      `  tags              = ${step === 'create' ? '["db", "sql"]' : '["db", "sql", "postgres"]'}`,
      `  status            = "active"`,
      `  plugin_options    = { backend_id_prefix = "pg" }`,
      `  secret_options    = { api_key = "provider-secret" }`,
      `  documentation_url = "https://docs.example.com/pg"`,
      component('cpu', 'CPU', 'cores', 'limit'),
      component('storage', step === 'create' ? 'Storage' : 'Disk storage', 'GB', 'usage'),
      ...(step === 'create' ? [] : [component('base', 'Base fee', 'month', 'fixed')]),
    ].join('\n'),
  planned: (o, step) => offeringPlanned(o, step),
  // The server keeps the secret options' names only, and the component blocks as `components`;
  // `status` is the status asked for (with no plan nor version the catalog shows it as a draft).
  expected: (o, step) => {
    const { secret_options: secrets, component, status, ...same } = offeringPlanned(o, step);
    return {
      ...same,
      requested_status: status,
      status: 'draft',
      visibility: 'public',
      allowed_organization_ids: [],
      allowed_project_ids: [],
      secret_option_keys: Object.keys(secrets),
      components: component,
    };
  },
  updateChanges: ['component', 'tags'],
  replacedBy: 'type',
  drift: async (api, id) =>
    void (await api.expect(
      200,
      api.patch(`/offerings/${id}`, { name: 'Renamed in the console', components: COMPONENTS.slice(0, 1) }),
    )),
  drifted: () => ({ name: 'Renamed in the console', component: COMPONENTS.slice(0, 1) }),
  createOutside: async (api, o) => {
    const body = {
      organization_id: o.org,
      category_id: o.category,
      name: 'Imported VM',
      type: 'manual',
      status: 'active',
      platform: 'gcp',
      tags: ['vm'],
      components: COMPONENTS,
    };
    return (await api.expect(201, api.post('/offerings', body))).id;
  },
  importBody: (o) =>
    [
      `  organization_id = "${o.org}"`,
      `  category_id     = "${o.category}"`,
      `  name            = "Imported VM"`,
      `  type            = "manual"`,
      `  status          = "active"`,
      `  platform        = "gcp"`,
      `  tags            = ["vm"]`,
      component('cpu', 'CPU', 'cores', 'limit'),
      component('storage', 'Storage', 'GB', 'usage'),
    ].join('\n'),
});

const SCHEMA_HCL =
  'jsonencode({ type = "object", required = ["size"], properties = { size = { type = "integer", minimum = 1 } } })';
const SCHEMA = { type: 'object', required: ['size'], properties: { size: { type: 'integer', minimum: 1 } } };
/** SCHEMA_HCL as Terraform's jsonencode() writes it: keys sorted, no spaces. */
const SCHEMA_TEXT = '{"properties":{"size":{"minimum":1,"type":"integer"}},"required":["size"],"type":"object"}';

const versionPlanned = (o: { offering: string }, step: Step) => ({
  offering_id: o.offering,
  version: step === 'replace' ? '1.1.0' : '1.0.0',
  options_schema: SCHEMA_TEXT,
  changelog: step === 'create' ? 'First release' : 'First release, with fixes',
  status: step === 'create' ? 'beta' : 'available',
});

describeLifecycle(() => h, {
  type: 'mercato_offering_version',
  path: 'offering-versions',
  setup: async ({ admin }) => {
    const parents = await providerAndCategory(admin, 'Version');
    return { offering: await offering(admin, parents, 'Versioned service') };
  },
  body: (o, step) =>
    [
      `  offering_id    = "${o.offering}"`,
      `  version        = "${step === 'replace' ? '1.1.0' : '1.0.0'}"`,
      `  options_schema = ${SCHEMA_HCL}`,
      `  changelog      = "${step === 'create' ? 'First release' : 'First release, with fixes'}"`,
      `  status         = "${step === 'create' ? 'beta' : 'available'}"`,
    ].join('\n'),
  planned: (o, step) => versionPlanned(o, step),
  // The server answers the schema as an object, not as the JSON text Terraform holds.
  expected: (o, step) => ({ ...versionPlanned(o, step), options_schema: SCHEMA }),
  updateChanges: ['changelog', 'status'],
  replacedBy: 'version',
  drift: async (api, id) =>
    void (await api.expect(
      200,
      api.patch(`/offering-versions/${id}`, { status: 'deprecated', deprecation_message: 'use 2.x' }),
    )),
  drifted: () => ({ status: 'deprecated', deprecation_message: 'use 2.x' }),
  createOutside: async (api, o) =>
    (
      await api.expect(
        201,
        api.post('/offering-versions', {
          offering_id: o.offering,
          version: '2.0.0',
          options_schema: SCHEMA,
          changelog: 'Major',
        }),
      )
    ).id,
  importBody: (o) =>
    `  offering_id    = "${o.offering}"\n  version        = "2.0.0"\n  options_schema = ${SCHEMA_HCL}\n  changelog      = "Major"`,
});

describeLifecycle(() => h, {
  type: 'mercato_plan',
  path: 'plans',
  setup: async ({ admin }) => {
    const parents = await providerAndCategory(admin, 'Plan');
    return {
      first: await offering(admin, parents, 'Priced service'),
      second: await offering(admin, parents, 'Other priced service'),
    };
  },
  body: (o, step) =>
    [
      `  offering_id = "${step === 'replace' ? o.second : o.first}"`,
      `  name        = "small"`,
      `  description = "2 cores"`,
      `  unit        = "month"`,
      `  prices      = { cpu = ${step === 'create' ? 5 : 6}, storage = 0.25 }`,
      `  limits      = { cpu = { minimum = 1, maximum = ${step === 'create' ? 64 : 32}, default = 2 } }`,
    ].join('\n'),
  planned: (o, step) => ({
    offering_id: step === 'replace' ? o.second : o.first,
    name: 'small',
    description: '2 cores',
    unit: 'month',
    prices: { cpu: step === 'create' ? 5 : 6, storage: 0.25 },
    currency: 'EUR',
    limits: { cpu: { minimum: 1, maximum: step === 'create' ? 64 : 32, default: 2 } },
    archived: false,
  }),
  // The server answers prices as exact decimal strings; the state holds them as Terraform numbers.
  expected: (o, step) => ({
    offering_id: step === 'replace' ? o.second : o.first,
    name: 'small',
    unit: 'month',
    prices: { cpu: step === 'create' ? '5' : '6', storage: '0.25' },
    currency: 'EUR',
    limits: { cpu: { minimum: 1, maximum: step === 'create' ? 64 : 32, default: 2 } },
    archived: false,
  }),
  updateChanges: ['limits', 'prices'],
  replacedBy: 'offering_id',
  drift: async (api, id) => void (await api.expect(200, api.patch(`/plans/${id}`, { archived: true }))),
  drifted: () => ({ archived: true }),
  createOutside: async (api, o) =>
    (
      await api.expect(
        201,
        api.post('/plans', { offering_id: o.first, name: 'large', unit: 'hour', prices: { cpu: 10 } }),
      )
    ).id,
  importBody: (o) =>
    `  offering_id = "${o.first}"\n  name        = "large"\n  unit        = "hour"\n  prices      = { cpu = 10 }`,
});

test('values the API refuses fail the plan, each at its line, saying what is allowed; nothing reaches the server', async () => {
  const parents = await providerAndCategory(h.admin, 'Checked');
  const offeringId = await offering(h.admin, parents, 'Checked service');
  const ws = h.workspace(
    'plan-time-checks',
    `provider "mercato" {}
resource "mercato_offering" "o" {
  organization_id = "${parents.org}"
  category_id     = "${parents.category}"
  name            = "Checked at plan time"
  slug            = "Not A Slug"
  type            = "manual"
  platform        = "mars"
  status          = "live"
  component {
    type         = "CPU"
    name         = "CPU"
    billing_type = "monthly"
  }
}
resource "mercato_offering_version" "v" {
  offering_id = "${offeringId}"
  version     = "1.0.0"
  status      = "stable"
}
resource "mercato_plan" "p" {
  offering_id = "${offeringId}"
  name        = ""
  unit        = "week"
  prices      = { cpu = -1, storage = 2 }
}
data "mercato_offerings" "search" {
  platform = "moon"
}
`,
  );
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  const platforms = '"aws", "azure", "gcp", "on-premises" or "other"';
  // Terraform validates the blocks concurrently: compare in one order.
  const sorted = (items: unknown[][]) => items.map((item) => JSON.stringify(item)).sort();
  expect(sorted(errors(plan).map((d) => [d.summary, d.detail, d.range?.start.line]))).toEqual(
    sorted([
      [
        'Invalid slug',
        'slug must be lowercase letters and digits, in words joined by single hyphens (pattern ^[a-z0-9]+(-[a-z0-9]+)*$); got "Not A Slug".',
        ws.lineOf('slug            = "Not A Slug"'),
      ],
      ['Invalid platform', `platform must be one of ${platforms}; got "mars".`, ws.lineOf('platform        = "mars"')],
      [
        'Invalid status',
        'status must be one of "draft", "active", "paused" or "archived"; got "live".',
        ws.lineOf('status          = "live"'),
      ],
      [
        'Invalid type',
        'component[0].type must be a lowercase letter, then lowercase letters, digits and underscores (pattern ^[a-z][a-z0-9_]*$); got "CPU".',
        ws.lineOf('type         = "CPU"'),
      ],
      [
        'Invalid billing_type',
        'component[0].billing_type must be one of "fixed", "usage", "limit" or "one-time"; got "monthly".',
        ws.lineOf('billing_type = "monthly"'),
      ],
      [
        'Invalid status',
        'status must be one of "available", "beta" or "deprecated"; got "stable".',
        ws.lineOf('status      = "stable"'),
      ],
      ['Invalid name', 'name must be 1 to 200 characters long; got 0 characters.', ws.lineOf('name        = ""')],
      [
        'Invalid unit',
        'unit must be one of "month", "day", "hour" or "one-time"; got "week".',
        ws.lineOf('unit        = "week"'),
      ],
      ['Invalid prices', 'prices.cpu must be at least 0; got -1.', ws.lineOf('prices      = { cpu = -1')],
      ['Invalid platform', `platform must be one of ${platforms}; got "moon".`, ws.lineOf('platform = "moon"')],
    ]),
  );
  expect(
    (await h.admin.expect(200, h.admin.get(`/offerings?organization_id=${parents.org}`))).items.map(
      (o: { name: string }) => o.name,
    ),
  ).toEqual(['Checked service']);
  expect((await h.admin.expect(200, h.admin.get(`/plans?offering_id=${offeringId}`))).items).toEqual([]);
});
