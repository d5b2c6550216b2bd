/**
 * mercato_resource with the allocation plugin through the real Terraform CLI and the real server:
 * every change is an order (create, update, terminate) that Terraform waits for. Create, update,
 * replacement, drift, import, terminated outside Terraform, destroy; attributes validated at plan
 * time; the version default and upgrades.
 */
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { diagnostic, errors, expectNoChanges, type Workspace } from '../support/terraform';
import { describeLifecycle, type Step } from './lifecycle';
import { makeWorld, VM_SCHEMA, waitForOrder, type World } from '@mercato/test-support/world';
import type { Api } from '@mercato/test-support/api-client';

let h: MercatoHarness;
let w: World;
let secondProject: string;
let largePlan: string;

beforeAll(async () => {
  h = await createMercatoHarness();
  w = await makeWorld(h.admin, 'res');
  const api = w.serviceManager.api;
  // 1.0.0 (from makeWorld) and 1.1.0 are available, 2.0.0 is a beta: the default is 1.1.0.
  await api.expect(
    201,
    api.post('/offering-versions', { offering_id: w.allocation.id, version: '1.1.0', options_schema: VM_SCHEMA }),
  );
  await api.expect(
    201,
    api.post('/offering-versions', {
      offering_id: w.allocation.id,
      version: '2.0.0',
      options_schema: VM_SCHEMA,
      status: 'beta',
    }),
  );
  largePlan = (
    await api.expect(
      201,
      api.post('/plans', { offering_id: w.allocation.id, name: 'large', prices: { cpu: 4, base: 20 } }),
    )
  ).id;
  secondProject = (
    await w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/projects', { organization_id: w.consumer.organization.id, name: 'second project' }),
    )
  ).id;
});
afterAll(() => h?.close());

/** Places an order through the API (as staff) and waits until it is done; answers the order. */
async function order(api: Api, body: Record<string, unknown>) {
  const placed = await api.expect(201, api.post('/orders', body));
  const done = await waitForOrder(api, placed.id);
  expect(done.state).toBe('done');
  return done;
}

const ordersOf = async (api: Api, resourceId: string) =>
  (await api.expect(200, api.get(`/orders?resource_id=${resourceId}`))).items as {
    type: string;
    state: string;
    changes: string[];
    version: string;
  }[];

/** The resource's values in the plan of each step. */
const resourcePlanned = (step: Step) => ({
  project_id: step === 'replace' ? secondProject : w.consumer.project.id,
  offering_id: w.allocation.id,
  plan_id: step === 'create' ? w.allocation.plan.id : largePlan,
  version: '1.1.0',
  name: 'quota-tf',
  attributes: { instance_type: 'general-purpose', node_pools: [{ name: 'a', replicas: step === 'create' ? 2 : 3 }] },
  limits: { cpu: step === 'create' ? 4 : 8 },
});

describeLifecycle(() => h, {
  type: 'mercato_resource',
  path: 'resources',
  setup: async () => ({}),
  body: (_, step) =>
    [
      `  project_id  = "${step === 'replace' ? secondProject : w.consumer.project.id}"`,
      `  offering_id = "${w.allocation.id}"`,
      `  plan_id     = "${step === 'create' ? w.allocation.plan.id : largePlan}"`,
      `  name        = "quota-tf"`,
      `  attributes  = { instance_type = "general-purpose", node_pools = [{ name = "a", replicas = ${step === 'create' ? 2 : 3} }] }`,
      `  limits      = { cpu = ${step === 'create' ? 4 : 8} }`,
    ].join('\n'),
  planned: (_, step) => resourcePlanned(step),
  expected: (_, step) => ({ ...resourcePlanned(step), state: 'OK', backend_id: expect.stringMatching(/^alloc-/) }),
  // An order may change what provisioning gives; the backend ID stays.
  updateChanges: [
    'attributes',
    'backend_state',
    'limits',
    'monthly_cost_estimate',
    'order_id',
    'outputs',
    'plan_id',
    'secret_outputs',
    'state',
  ],
  afterUpdate: async (api, id) => {
    const orders = await ordersOf(api, id);
    expect(orders.map((o) => [o.type, o.state, o.changes])).toEqual([
      ['create', 'done', []],
      ['update', 'done', ['plan_id', 'attributes', 'limits']],
    ]);
  },
  replacedBy: 'project_id',
  drift: async (api, id) => void (await order(api, { type: 'update', resource_id: id, limits: { cpu: 16 } })),
  drifted: () => ({ limits: { cpu: 16 } }),
  createOutside: async (api) => {
    const body = {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: w.allocation.id,
      plan_id: w.allocation.plan.id,
      name: 'imported-quota',
      attributes: { instance_type: 'compute-optimized' },
      limits: { cpu: 1 },
    };
    return (await order(api, body)).resource_id;
  },
  importBody: () =>
    [
      `  project_id  = "${w.consumer.project.id}"`,
      `  offering_id = "${w.allocation.id}"`,
      `  plan_id     = "${w.allocation.plan.id}"`,
      `  name        = "imported-quota"`,
      `  attributes  = { instance_type = "compute-optimized" }`,
      `  limits      = { cpu = 1 }`,
    ].join('\n'),
  deleteOutside: async (api, id) => void (await order(api, { type: 'terminate', resource_id: id })),
  expectGone: async (api, id) =>
    expect([id, (await api.expect(200, api.get(`/resources/${id}`))).state]).toEqual([id, 'Terminated']),
});

describe('mercato_resource plans and versions', () => {
  let ws: Workspace;
  const config = (extra: string) => `provider "mercato" {}
resource "mercato_resource" "vm" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${w.allocation.id}"
  plan_id     = "${w.allocation.plan.id}"
  name        = "versioned"
${extra}
}
`;

  beforeAll(() => {
    ws = h.workspace(
      'versions',
      config(
        '  attributes = { instance_type = "general-purpose", node_pools = [{ name = "a", replicas = 1 }, { name = "b", replicas = 0 }], color = "red" }',
      ),
    );
  });

  test('attributes that break the offering version schema fail the plan, naming the path', async () => {
    const plan = await ws.plan();
    expect(plan.code).toBe(1);
    const invalid = [
      diagnostic(
        plan,
        'Invalid attributes',
        'attributes.node_pools[1].replicas must be >= 1 (offering version 1.1.0).',
      ),
      diagnostic(plan, 'Invalid attributes', 'attributes.color is not a known field of this offering version'),
    ];
    for (const found of invalid) expect([found.severity, found.address]).toEqual(['error', 'mercato_resource.vm']);
    // Nothing reached the server.
    expect(
      (await h.admin.expect(200, h.admin.get(`/resources?project_id=${w.consumer.project.id}&name=versioned`))).items,
    ).toEqual([]);
  });

  test('version defaults to the latest available version; changing it places an upgrade order', async () => {
    // The replica count comes from another resource: unknown at plan time, checked by the server at apply.
    const replicas = 'resource "terraform_data" "replicas" {\n  input = 2\n}\n';
    ws.write(
      replicas +
        config(
          '  attributes = { instance_type = "general-purpose", node_pools = [{ name = "a", replicas = terraform_data.replicas.output }] }',
        ),
    );
    const plan = await ws.savedPlan();
    expect(plan.change!('mercato_resource.vm')!.after).toMatchObject({ version: '1.1.0' }); // not 1.0.0, not the 2.0.0 beta
    expect(plan.summary).toMatchObject({ add: 2, change: 0, remove: 0 });
    await ws.applySaved();
    const state = ws.resources()['mercato_resource.vm'].values;
    expect(state).toMatchObject({ version: '1.1.0', state: 'OK' });
    const id = state.id as string;
    expect(await h.admin.expect(200, h.admin.get(`/resources/${id}`))).toMatchObject({
      version: '1.1.0',
      state: 'OK',
      attributes: { instance_type: 'general-purpose', node_pools: [{ name: 'a', replicas: 2 }] },
    });
    ws.write(config('  attributes = { instance_type = "general-purpose" }'));
    await ws.apply();
    expectNoChanges(await ws.plan());

    ws.write(config('  attributes = { instance_type = "general-purpose" }\n  version = "2.0.0"'));
    const upgrade = (await ws.savedPlan()).change!('mercato_resource.vm')!;
    expect([upgrade.actions, upgrade.before!.version, upgrade.after!.version]).toEqual([['update'], '1.1.0', '2.0.0']);
    await ws.applySaved();
    const orders = await ordersOf(h.admin, id);
    expect(orders.map((o) => [o.type, o.state, o.changes, o.version])).toEqual([
      ['create', 'done', [], '1.1.0'],
      ['update', 'done', ['attributes'], '1.1.0'],
      ['update', 'done', ['version'], '2.0.0'],
    ]);
    expect(await h.admin.expect(200, h.admin.get(`/resources/${id}`))).toMatchObject({ version: '2.0.0', state: 'OK' });
    expectNoChanges(await ws.plan());

    ws.write(config('  attributes = { instance_type = "general-purpose" }\n  version = "9.9.9"'));
    const unknown = await ws.plan();
    expect(unknown.code).toBe(1);
    expect(errors(unknown).map((d) => [d.summary, d.detail])).toEqual([
      [
        'Unknown offering version',
        'The offering has no version 9.9.9; it has: 1.0.0 (available), 1.1.0 (available), 2.0.0 (beta).',
      ],
    ]);

    ws.write(config('  attributes = { instance_type = "general-purpose" }\n  version = "2.0.0"'));
    expect((await ws.destroy()).summary).toMatchObject({ remove: 1 });
    expect((await h.admin.expect(200, h.admin.get(`/resources/${id}`))).state).toBe('Terminated');
    expect((await ordersOf(h.admin, id)).map((o) => o.type)).toEqual(['create', 'update', 'update', 'terminate']);
  });
});
