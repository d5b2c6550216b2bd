/**
 * Servers that stop in the middle of a `terraform` run, with the real server over HTTPS and the
 * real Terraform CLI. A server stopped (SIGTERM: `close`) lets the run finish while it still
 * answers the run's state backend: the order is done and the state saved and unlocked. A run
 * whose server was killed mid-apply leaves its run token and the lock on the resource's state;
 * the next order of the resource must not fail on that lock: the dead run is made as it would
 * be left (a run token of an order that has ended, the state locked with it through the http
 * backend, as Terraform locks it), then an update order runs: done, the lock released with an
 * event, its log saying so.
 */
import { randomUUID } from 'node:crypto';
import { Api } from '@mercato/test-support/api-client';
import { freshDatabase, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import { issueRunToken } from '../src/provisioning/plugins/terraform/run-token';
import { namespaceOf, offerModule, placeCreate, publishModule } from './support/terraform-offerings';

const MODULE = {
  'main.tf': `
variable "count_of" {
  type    = number
  default = 1
}

resource "terraform_data" "instance" {
  count = var.count_of
  input = count.index
}
`,
};

/** A module whose apply takes a while: a provisioner that sleeps. */
const SLOW_MODULE = {
  'main.tf': `
resource "terraform_data" "slow" {
  input = "slow"

  provisioner "local-exec" {
    command = "sleep 3"
  }
}
`,
};

test('a server stopped during an apply lets the run finish and save its state before it closes', async () => {
  const location = await freshDatabase('sqlite');
  const first = await startTestServer('sqlite', { location, https: true, worker: { pollIntervalMs: 50 } });
  const admin = new Api(first.url, first.adminToken);
  const world = await makeWorld(admin, 'tfstop');
  const address = `${await namespaceOf(admin, world)}/slow/local`;
  await publishModule(first, world, address, '1.0.0', SLOW_MODULE);
  const offering = await offerModule(world, 'Slow', address);
  const placed = await placeCreate(world, offering, 'slow', {});
  // Stopped once the run is applying (its provisioner sleeping), as SIGTERM stops `mercato serve`.
  for (let i = 0; ; i++) {
    const log = await admin.expect(200, admin.get(`/orders/${placed.id}/logs?limit=500`));
    if (log.items.some((entry: { step: string }) => entry.step === 'init')) break;
    if (i > 600) throw new Error('the run never started');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await first.close();

  const second = await startTestServer('sqlite', { location, https: true, worker: { enabled: false } });
  try {
    const again = new Api(second.url, second.adminToken);
    const order = await again.expect(200, again.get(`/orders/${placed.id}`));
    expect([order.state, order.reason ?? '']).toEqual(['done', '']);
    const resource = await again.expect(200, again.get(`/resources/${placed.resource_id}`));
    expect(resource.backend_state.resources).toEqual(['module.main.terraform_data.slow']);
    const state = await again.expect(
      200,
      again.get(`/terraform-states?project_id=${world.consumer.project.id}&name=resource-${placed.resource_id}`),
    );
    expect(state.items).toEqual([expect.objectContaining({ lock: null })]);
  } finally {
    await second.close();
  }
});

describe('terraform plugin: what a dead run leaves', () => {
  let server: TestServer;
  let admin: Api;
  let world: World;
  let offering: { id: string; plan: { id: string } };

  beforeAll(async () => {
    server = await startTestServer('sqlite', { https: true, worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    world = await makeWorld(admin, 'tfdead');
    const address = `${await namespaceOf(admin, world)}/counted/local`;
    await publishModule(server, world, address, '1.0.0', MODULE);
    offering = await offerModule(world, 'Counted', address);
  });
  afterAll(() => server.close());

  test("the next order releases the state's lock a killed run held, and runs", async () => {
    const consumer = world.consumer.manager.api;
    const created = await placeCreate(world, offering, 'counted', {});
    expect((await waitForOrder(admin, created.id, undefined, 90_000)).state).toBe('done');
    const resourceId = created.resource_id as string;
    const stateName = `resource-${resourceId}`;
    const statePath = `/api/v1/projects/${world.consumer.project.id}/terraform-states/${stateName}`;

    // What a run of the (now ended) create order leaves when its server is killed during apply.
    const module = await server.app.db
      .selectFrom('modules')
      .select('id')
      .where('name', '=', 'counted')
      .executeTakeFirstOrThrow();
    const dead = await issueRunToken(server.app.db, {
      orderId: created.id,
      resourceId,
      projectId: world.consumer.project.id,
      stateName,
      moduleId: module.id,
      userId: world.consumer.manager.id,
      lifetimeSeconds: 3600,
    });
    const lockId = randomUUID();
    const locked = await fetch(`${server.url}${statePath}`, {
      method: 'LOCK',
      headers: { authorization: `Basic ${Buffer.from(`terraform-run:${dead.token}`).toString('base64')}` },
      body: JSON.stringify({
        ID: lockId,
        Operation: 'OperationTypeApply',
        Info: '',
        Who: 'runner@killed-server',
        Version: '1.11.4',
        Created: new Date().toISOString(),
        Path: '',
      }),
    });
    expect(locked.status).toBe(200);

    const update = await consumer.expect(
      201,
      consumer.post('/orders', { type: 'update', resource_id: resourceId, attributes: { count_of: 2 } }),
    );
    const done = await waitForOrder(admin, update.id, undefined, 90_000);
    expect([done.state, done.reason ?? '']).toEqual(['done', '']);
    const resource = await admin.expect(200, admin.get(`/resources/${resourceId}`));
    expect(resource.backend_state.resources).toEqual([
      'module.main.terraform_data.instance[0]',
      'module.main.terraform_data.instance[1]',
    ]);
    const released = await admin.expect(200, admin.get(`/events?action=terraform-state.force-unlocked`));
    expect(released.items).toEqual([
      expect.objectContaining({ changes: expect.objectContaining({ name: stateName, lock_id: lockId }) }),
    ]);
    const log = await admin.expect(200, admin.get(`/orders/${update.id}/logs?limit=500`));
    expect(log.items.map((entry: { text: string }) => entry.text).join('')).toContain(
      `Released the lock on ${stateName}`,
    );
    // The dead run's token is gone with it.
    expect(
      (await fetch(`${server.url}${statePath}`, { headers: { authorization: `Bearer ${dead.token}` } })).status,
    ).toBe(401);
  });
});
