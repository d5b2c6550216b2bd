/**
 * mercato_offering (with component blocks), mercato_offering_version and mercato_plan through the
 * real Terraform CLI and the real server: create, update, replacement, drift, import, deleted
 * outside, destroy.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { describeLifecycle } from './lifecycle';
import type { Api } from '@mercato/test-support/api-client';

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
  const body = { organization_id: parents.org, category_id: parents.category, name, type: 'manual', status: 'active', components: COMPONENTS };
  return (await admin.expect(201, admin.post('/offerings', body))).id as string;
}

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
  expected: (o, step) => ({
    organization_id: o.org,
    category_id: o.category,
    name: 'Managed PostgreSQL',
    slug: 'managed-postgresql-tf',
    type: step === 'replace' ? 'allocation' : 'manual',
    platform: 'aws',
    tags: step === 'create' ? ['db', 'sql'] : ['db', 'sql', 'postgres'],
    status: 'active',
    plugin_options: { backend_id_prefix: 'pg' },
    secret_option_keys: ['api_key'],
    components: [
      { type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' },
      { type: 'storage', name: step === 'create' ? 'Storage' : 'Disk storage', measured_unit: 'GB', billing_type: 'usage' },
      ...(step === 'create' ? [] : [{ type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' }]),
    ],
  }),
  updateShows: [/~ name\s+= "Storage" -> "Disk storage"/, /\+ component \{\n\s+\+ billing_type\s+= "fixed"/, /\+ "postgres",/],
  replaceShows: /~ type\s+= "manual" -> "allocation" # forces replacement/,
  drift: async (api, id) => void (await api.expect(200, api.patch(`/offerings/${id}`, { name: 'Renamed in the console', components: COMPONENTS.slice(0, 1) }))),
  driftShows: /~ name\s+= "Renamed in the console" -> "Managed PostgreSQL"[\s\S]*\+ component \{/,
  createOutside: async (api, o) => {
    const body = { organization_id: o.org, category_id: o.category, name: 'Imported VM', type: 'manual', status: 'active', platform: 'gcp', tags: ['vm'], components: COMPONENTS };
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

const SCHEMA_HCL = 'jsonencode({ type = "object", required = ["size"], properties = { size = { type = "integer", minimum = 1 } } })';
const SCHEMA = { type: 'object', required: ['size'], properties: { size: { type: 'integer', minimum: 1 } } };

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
  expected: (o, step) => ({
    offering_id: o.offering,
    version: step === 'replace' ? '1.1.0' : '1.0.0',
    options_schema: SCHEMA,
    changelog: step === 'create' ? 'First release' : 'First release, with fixes',
    status: step === 'create' ? 'beta' : 'available',
  }),
  updateShows: [/~ changelog\s+= "First release" -> "First release, with fixes"/, /~ status\s+= "beta" -> "available"/],
  replaceShows: /~ version\s+= "1\.0\.0" -> "1\.1\.0" # forces replacement/,
  drift: async (api, id) => void (await api.expect(200, api.patch(`/offering-versions/${id}`, { status: 'deprecated', deprecation_message: 'use 2.x' }))),
  driftShows: /~ status\s+= "deprecated" -> "available"/,
  createOutside: async (api, o) => (await api.expect(201, api.post('/offering-versions', { offering_id: o.offering, version: '2.0.0', options_schema: SCHEMA, changelog: 'Major' }))).id,
  importBody: (o) => `  offering_id    = "${o.offering}"\n  version        = "2.0.0"\n  options_schema = ${SCHEMA_HCL}\n  changelog      = "Major"`,
});

describeLifecycle(() => h, {
  type: 'mercato_plan',
  path: 'plans',
  setup: async ({ admin }) => {
    const parents = await providerAndCategory(admin, 'Plan');
    return { first: await offering(admin, parents, 'Priced service'), second: await offering(admin, parents, 'Other priced service') };
  },
  body: (o, step) =>
    [
      `  offering_id = "${step === 'replace' ? o.second : o.first}"`,
      `  name        = "small"`,
      `  description = "2 cores"`,
      `  unit        = "month"`,
      `  prices      = { cpu = ${step === 'create' ? 5 : 6}, storage = 0.25 }`,
    ].join('\n'),
  expected: (o, step) => ({ offering_id: step === 'replace' ? o.second : o.first, name: 'small', description: '2 cores', unit: 'month', prices: { cpu: step === 'create' ? 5 : 6, storage: 0.25 }, archived: false }),
  updateShows: [/~ prices\s+= \{\n\s+~ "cpu"\s+= 5 -> 6/],
  replaceShows: /~ offering_id\s+= "[^"]+" -> "[^"]+" # forces replacement/,
  drift: async (api, id) => void (await api.expect(200, api.patch(`/plans/${id}`, { archived: true }))),
  driftShows: /~ archived\s+= true -> false/,
  createOutside: async (api, o) => (await api.expect(201, api.post('/plans', { offering_id: o.first, name: 'large', unit: 'hour', prices: { cpu: 10 } }))).id,
  importBody: (o) => `  offering_id = "${o.first}"\n  name        = "large"\n  unit        = "hour"\n  prices      = { cpu = 10 }`,
});
