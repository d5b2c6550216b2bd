/**
 * `synth --hcl` (SYNTH_HCL_OUTPUT=true) and the JSON synthesis of the same app give the same plan
 * through the real Terraform, provider and server, for every kind of value `attributes` can hold:
 * lists, lists of objects, nested lists, empty lists and objects, keys that are not HCL
 * identifiers, numbers, booleans, null, strings with newlines, quotes, backslashes and template
 * escapes, variables, references to other resources, and text mixed with a reference. The other
 * free-form attribute (an offering's `plugin_options`) and plain strings (a multi-line
 * description) are checked the same way. cdktf's own HCL renderer wrote a list inside
 * `attributes` as `{0 = ..., 1 = ...}`, and the plan failed.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { seedDemoCatalog } from '@mercato/server';
import { ensureBuilt, REPO } from './support/build';
import { synthApp, type Synthesized } from './support/synth';
import { installProvider, terraformOk } from './support/terraform';

/** Literal values, as the app writes them and as the plan must show them. */
const LITERAL_ATTRIBUTES = {
  plain_list: ['pgcrypto', 'pg_stat_statements'],
  num_list: [1, 2],
  objs: [{ size: 10 }, { size: 20, ssd: true, labels: [] }],
  nested_lists: [[1, 2], [3], []],
  empty_list: [],
  empty_obj: {},
  deep: { a: { b: { c: [{ d: null }] } } },
  'network.vlan-id': 5,
  'x:y': 'z',
  'with space': true,
  'quote"key': 'q',
  'back\\slash': 'b',
  '0starts-with-digit': 0,
  '': 'empty key',
  numbers: [0, -1.5, 42, 1e-7, 9007199254740991],
  booleans: [true, false],
  nothing: null,
  multi_line: 'line one\nline two\n',
  quotes: 'say "hi" \\ ok\ttab',
  unicode: 'zürich ✓ 🚀',
  escaped_template: '$${not_a_reference} and %%{not_a_directive} at 100%',
  empty: '',
};

/** What the escapes mean: JSON's `$${` and `%%{` are a literal `${` and `%{`. */
const PLANNED_LITERALS = {
  ...LITERAL_ATTRIBUTES,
  escaped_template: '${not_a_reference} and %{not_a_directive} at 100%',
};

const APP = (ids: { project: string; organization: string; category: string }) => `
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { BillingType, Offering, OrderedResource, Project, mercatoProject, provider } from '@mercato/cdktf';

const app = new App();
const stack = new TerraformStack(app, 'values');
new provider.MercatoProvider(stack, 'mercato', {});
const tag = new TerraformVariable(stack, 'tag', { type: 'string', default: 'from-a-variable' });
const replicas = new TerraformVariable(stack, 'replicas', { type: 'number', default: 3 });
const project = Project.fromProjectId(stack, 'project', ${JSON.stringify(ids.project)});
const team = new mercatoProject.Project(stack, 'team', { organizationId: ${JSON.stringify(ids.organization)}, name: 'hcl-team' });
new OrderedResource(stack, 'everything', {
  project,
  offering: Offering.fromSlug(stack, 'any', 'hcl-any'),
  plan: 'small',
  attributes: {
    ...${JSON.stringify(LITERAL_ATTRIBUTES)},
    from_variable: tag.stringValue,
    number_variable: replicas.numberValue,
    mixed: \`\${tag.stringValue}-suffix\`,
    references: [team.id, { project: project.projectId }],
    ['key-' + 'computed']: tag.stringValue,
  },
  limits: { cpu: 2 },
});
new OrderedResource(stack, 'db', {
  project,
  offering: Offering.fromSlug(stack, 'pg', 'postgresql'),
  plan: 'db-small',
  attributes: { postgres_version: '17', database_name: 'orders', extensions: ['pgcrypto', 'pg_stat_statements'] },
});
new Offering(stack, 'published', {
  organizationId: ${JSON.stringify(ids.organization)},
  categoryId: ${JSON.stringify(ids.category)},
  name: 'Published "from" HCL',
  description: 'First line.\\nSecond line with a \\\\ backslash.\\n',
  tags: ['hcl', 'with space'],
  pluginOptions: { regions: ['eu', 'us'], nested: { counts: [1, 2], none: null }, 'dotted.key': tag.stringValue },
  components: [{ type: 'cpu', name: 'CPU', billingType: BillingType.LIMIT }],
  versions: [{ version: '1.0.0', optionsSchema: { type: 'object', properties: { extensions: { type: 'array', items: { type: 'string' } } } } }],
  plans: [{ name: 'small', prices: { cpu: 1.5 } }],
});
app.synth();
`;

interface PlannedChange {
  address: string;
  change: {
    actions: string[];
    after: Record<string, any>;
    after_unknown: Record<string, any>;
    after_sensitive: unknown;
  };
}

let server: TestServer;
let json: Synthesized;
let hcl: Synthesized;
/** The library's CDK Terrain flavour, synthesized to HCL by cdktn. */
let cdktnHcl: Synthesized;
let env: NodeJS.ProcessEnv;

/** `terraform plan` of the synthesized stack, as `terraform show -json` gives the resources' planned values. */
async function plan(synthesized: Synthesized): Promise<PlannedChange[]> {
  const dir = join(synthesized.outdir, 'stacks/values');
  await terraformOk(dir, ['init', '-input=false'], env);
  await terraformOk(dir, ['plan', '-input=false', '-out=values.tfplan'], env);
  const shown = JSON.parse((await terraformOk(dir, ['show', '-json', 'values.tfplan'], env)).stdout) as {
    resource_changes: PlannedChange[];
  };
  return shown.resource_changes.map(({ address, change }) => ({
    address,
    change: {
      actions: change.actions,
      after: change.after,
      after_unknown: change.after_unknown,
      after_sensitive: change.after_sensitive,
    },
  }));
}

let planned: { json: PlannedChange[]; hcl: PlannedChange[]; cdktnHcl: PlannedChange[] };
let projectId: string;

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer('sqlite');
  await seedDemoCatalog(server.app, server.adminToken);
  const api = new Api(server.url, server.adminToken);
  const organization = await api.expect(201, api.post('/organizations', { name: 'HCL publisher' }));
  const category = (await api.expect(200, api.get('/categories?title=Databases'))).items[0];
  const offering = await api.expect(
    201,
    api.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: 'HCL any',
      slug: 'hcl-any',
      type: 'allocation',
      status: 'active',
      auto_approve: true,
      components: [{ type: 'cpu', name: 'CPU', billing_type: 'limit' }],
    }),
  );
  await api.expect(
    201,
    api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0', options_schema: { type: 'object' } }),
  );
  await api.expect(201, api.post('/plans', { offering_id: offering.id, name: 'small', unit: 'month' }));
  const project = await api.expect(201, api.post('/projects', { organization_id: organization.id, name: 'hcl' }));
  projectId = project.id;

  const source = APP({ project: project.id, organization: organization.id, category: category.id });
  const appFile = (name: string) => {
    const file = join(server.dataDir, `${name}.ts`);
    writeFileSync(file, source);
    return file;
  };
  const nodePath = { NODE_PATH: join(REPO, 'node_modules') };
  const toHcl = { ...nodePath, SYNTH_HCL_OUTPUT: 'true' };
  [json, hcl, cdktnHcl] = await Promise.all([
    synthApp(appFile('json-app'), 'cdktf', nodePath),
    synthApp(appFile('hcl-app'), 'cdktf', toHcl),
    synthApp(appFile('cdktn-app'), 'cdktn', toHcl),
  ]);
  env = await installProvider(hcl.project, server);
  planned = { json: await plan(json), hcl: await plan(hcl), cdktnHcl: await plan(cdktnHcl) };
});

afterAll(async () => {
  await server?.close();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
  for (const synthesized of [json, hcl, cdktnHcl])
    if (synthesized) rmSync(synthesized.project, { recursive: true, force: true });
});

test('synth --hcl writes HCL, not JSON (cdktf and cdktn)', () => {
  for (const synthesized of [hcl, cdktnHcl]) {
    const text = readFileSync(join(synthesized.outdir, 'stacks/values/cdk.tf'), 'utf8');
    expect(text).toContain('resource "mercato_resource" "everything" {');
    expect(text).toMatch(/"plain_list" = \[\n"pgcrypto",\n"pg_stat_statements"\n\]/);
    expect(text).not.toMatch(/^0 = /m);
  }
});

test('JSON and HCL synthesize the same plan, value for value, known and unknown (cdktf and cdktn)', () => {
  const byAddress = (changes: PlannedChange[]) => Object.fromEntries(changes.map((c) => [c.address, c.change]));
  const addresses = Object.keys(byAddress(planned.json)).map((address) => address.replace(/_[0-9A-F]{8}$/, ''));
  expect(addresses.sort()).toEqual([
    'mercato_offering.published',
    'mercato_offering_version.published_version-100',
    'mercato_plan.published_plan-small',
    'mercato_project.team',
    'mercato_resource.db',
    'mercato_resource.everything',
  ]);
  expect(byAddress(planned.hcl)).toEqual(byAddress(planned.json));
  expect(byAddress(planned.cdktnHcl)).toEqual(byAddress(planned.json));
});

test('the planned attributes are the values the app gave', () => {
  for (const changes of [planned.json, planned.hcl, planned.cdktnHcl]) {
    const everything = changes.find((c) => c.address === 'mercato_resource.everything')!.change;
    expect(everything.after.attributes).toEqual({
      ...PLANNED_LITERALS,
      from_variable: 'from-a-variable',
      number_variable: 3,
      mixed: 'from-a-variable-suffix',
      // The new project's id is not known before apply (null here, true in after_unknown).
      references: [null, { project: projectId }],
      'key-computed': 'from-a-variable',
    });
    expect(everything.after_unknown.attributes.references).toEqual([true, {}]);
    const db = changes.find((c) => c.address === 'mercato_resource.db')!.change;
    expect(db.after.attributes).toEqual({
      postgres_version: '17',
      database_name: 'orders',
      extensions: ['pgcrypto', 'pg_stat_statements'],
    });
    const published = changes.find((c) => c.address === 'mercato_offering.published')!.change;
    expect(published.after).toMatchObject({
      name: 'Published "from" HCL',
      description: 'First line.\nSecond line with a \\ backslash.\n',
      tags: ['hcl', 'with space'],
      plugin_options: {
        regions: ['eu', 'us'],
        nested: { counts: [1, 2], none: null },
        'dotted.key': 'from-a-variable',
      },
    });
  }
});
