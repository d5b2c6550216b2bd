/**
 * An approver sees Terraform's plan before approving an order of a `terraform` offering: the
 * real server over HTTPS and the real Terraform CLI. A create order waits for the provider with
 * the plan summary of the module's resources on it (the preview's run log kept, nothing
 * applied: no state yet); approving applies it and keeps the plan it applied. An upgrade to the
 * next offering version is previewed the same way: the module's new resource shows before it is
 * approved. Once that module version is yanked, the resource is still terminated.
 */
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import { namespaceOf, offerModule, placeCreate, publishModule } from './support/terraform-offerings';

/** Version 1.0.0 makes `count` instances; 1.1.0 adds a load balancer in front of them. */
const webModule = (withBalancer: boolean) => ({
  'main.tf': `
variable "name" {
  type = string
}

variable "count_of" {
  type    = number
  default = 2
}

resource "terraform_data" "instance" {
  count = var.count_of
  input = "\${var.name}-\${count.index}"
}
${withBalancer ? 'resource "terraform_data" "balancer" {\n  input = terraform_data.instance[*].id\n}\n' : ''}
output "instances" {
  value = terraform_data.instance[*].output
}
`,
});

/** Polls an order until `ready` holds of it (the preview runs Terraform: up to a minute). */
async function orderWhen(api: Api, id: string, ready: (order: any) => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const order = await api.expect(200, api.get(`/orders/${id}`));
    if (ready(order)) return order;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(order)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('terraform plugin: the plan before approval', () => {
  let server: TestServer;
  let admin: Api;
  let world: World;
  let offering: { id: string; plan: { id: string } };
  let address: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { https: true, worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    world = await makeWorld(admin, 'tfapproval');
    address = `${await namespaceOf(admin, world)}/web/local`;
    await publishModule(server, world, address, '1.0.0', webModule(false));
    await publishModule(server, world, address, '1.1.0', webModule(true));
    offering = await offerModule(world, 'Approved web', address, { autoApprove: false });
  });
  afterAll(() => server.close());

  test('a create order shows the plan summary to the approver, then applies that plan once approved', async () => {
    const consumer = world.consumer.manager.api;
    const placed = await placeCreate(world, offering, 'shop', { name: 'shop' });
    const provider = world.serviceManager.api;
    const planned = await orderWhen(provider, placed.id, (o) => o.plan.state !== 'planning', 'the preview');
    expect(planned.state).toBe('pending-provider');
    expect(planned.plan).toMatchObject({
      state: 'planned',
      summary: {
        add: 2,
        change: 0,
        destroy: 0,
        resource_changes: [
          { address: 'module.main.terraform_data.instance[0]', actions: ['create'] },
          { address: 'module.main.terraform_data.instance[1]', actions: ['create'] },
        ],
        output_changes: ['instances'],
      },
    });
    // The preview applied nothing: the resource's state does not exist yet.
    const resource = await admin.expect(200, admin.get(`/resources/${planned.resource_id}`));
    const states = await admin.expect(
      200,
      admin.get(`/projects/${world.consumer.project.id}/terraform-states?name=resource-${resource.id}`),
    );
    expect(states.items).toEqual([]);
    const previewLog = await provider.expect(200, provider.get(`/orders/${placed.id}/logs?attempt=0&limit=500`));
    expect(previewLog.items.map((entry: { step: string }) => entry.step)).toEqual(
      expect.arrayContaining(['init', 'plan']),
    );

    await provider.expect(200, provider.post(`/orders/${placed.id}/approve`));
    const done = await waitForOrder(admin, placed.id, undefined, 90_000);
    expect(done.state).toBe('done');
    expect(done.applied_plan).toEqual(planned.plan.summary);
    const created = await admin.expect(200, admin.get(`/resources/${resource.id}`));
    expect(created.outputs.instances).toEqual(['shop-0', 'shop-1']);

    // An upgrade to 1.1.0: the approver sees the load balancer the new module version adds.
    const upgrade = await consumer.expect(
      201,
      consumer.post('/orders', { type: 'update', resource_id: resource.id, version: '1.1.0' }),
    );
    const previewed = await orderWhen(provider, upgrade.id, (o) => o.plan.state !== 'planning', 'the upgrade preview');
    expect(previewed.plan.summary).toMatchObject({
      add: 1,
      change: 0,
      destroy: 0,
      resource_changes: [{ address: 'module.main.terraform_data.balancer', actions: ['create'] }],
    });
    await provider.expect(200, provider.post(`/orders/${upgrade.id}/approve`));
    expect((await waitForOrder(admin, upgrade.id, undefined, 90_000)).state).toBe('done');
    const upgraded = await admin.expect(200, admin.get(`/resources/${resource.id}`));
    expect(upgraded.version).toBe('1.1.0');
    expect(upgraded.backend_state.resources).toContain('module.main.terraform_data.balancer');

    // Its module version yanked, the resource still ends: its run installs the version it pins.
    const sm = world.serviceManager.api;
    await sm.expect(200, sm.post(`/modules/${address}/versions/1.1.0/yank`));
    const terminate = await consumer.expect(
      201,
      consumer.post('/orders', { type: 'terminate', resource_id: resource.id }),
    );
    // (A terminate needs no approval: it runs at once.)
    const ended = await waitForOrder(admin, terminate.id, undefined, 90_000);
    expect([ended.state, ended.reason ?? '']).toEqual(['done', '']);
    expect(ended.applied_plan).toMatchObject({ add: 0, change: 0, destroy: 3 });
  });
});
