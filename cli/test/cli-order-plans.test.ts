/**
 * `mercato describe order` shows the plan previewed for an order's approvers (what it would add,
 * change and destroy, by address) and the plan its run carried out; `mercato order logs` prints
 * what the order's runs wrote, for those who may read it (issue 12). Against the real server.
 */
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type Actor, type World } from '@mercato/test-support/world';
import { runMercato } from './support/run-cli';

const CHANGES = {
  add: 2,
  change: 0,
  destroy: 1,
  resource_changes: [
    { address: 'terraform_data.a', actions: ['create'] },
    { address: 'terraform_data.b', actions: ['delete', 'create'] },
  ],
  output_changes: ['ids'],
};

/** A plugin that plans like Terraform and writes a line per step. */
const PLANNING_PLUGIN = {
  type: 'planning',
  description: 'Test plugin: plans, logs, applies.',
  plan: async (job: { log?: { write(step: string, text: string): Promise<void> } }) => {
    await job.log?.write('plan', 'Plan: 2 to add, 0 to change, 1 to destroy.\n');
    return CHANGES;
  },
  provision: async (job: { log?: { write(step: string, text: string): Promise<void> } }) => {
    await job.log?.write('apply', 'Apply complete! Resources: 2 added, 0 changed, 1 destroyed.\n');
    return { status: 'done' as const, plan: CHANGES };
  },
};

describe('mercato describe order and order logs (sqlite)', () => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let orderId: string;
  const as = (actor: Actor, args: string[]) => runMercato(args, server.url, actor.token);

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { pollIntervalMs: 50 } });
    server.app.plugins.register(PLANNING_PLUGIN);
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'cliplan');
    const api = w.serviceManager.api;
    const offering = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'Planned module',
        type: 'planning',
        status: 'active',
      }),
    );
    await api.expect(201, api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }));
    const plan = await api.expect(201, api.post('/plans', { offering_id: offering.id, name: 'one', unit: 'month' }));
    const manager = w.consumer.manager.api;
    const order = await manager.expect(
      201,
      manager.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: plan.id,
        name: 'planned',
      }),
    );
    orderId = order.id;
    await waitForOrder(admin, orderId, ['pending-provider']);
    for (let i = 0; i < 200 && (await admin.get(`/orders/${orderId}`)).body.plan.state === 'planning'; i++)
      await new Promise((r) => setTimeout(r, 25));
  });
  afterAll(() => server.close());

  test('describe order shows the plan before approval, and the applied plan after', async () => {
    const before = await as(w.serviceManager, ['describe', 'order', orderId]);
    expect(before.stderr).toBe('');
    expect(before.stdout).toContain(
      [
        'Plan (before approval):',
        '  2 to add, 0 to change, 1 to destroy',
        '    + terraform_data.a',
        '  -/+ terraform_data.b',
        '  outputs that change: ids',
      ].join('\n'),
    );
    expect(before.stdout).not.toContain('Applied plan');
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${orderId}/approve`));
    expect((await waitForOrder(admin, orderId)).state).toBe('done');
    const after = await as(w.consumer.manager, ['describe', `order/${orderId}`]);
    expect(after.stdout).toContain('Applied plan:\n  2 to add, 0 to change, 1 to destroy\n    + terraform_data.a');
  });

  test('order logs prints each run and step; a plain member of the project is refused', async () => {
    await waitForOrder(admin, orderId);
    const logs = await as(w.consumer.manager, ['order', 'logs', orderId]);
    expect(logs).toMatchObject({ code: 0, stderr: '' });
    expect(logs.stdout).toBe(
      [
        '==> plan preview: plan',
        'Plan: 2 to add, 0 to change, 1 to destroy.',
        '==> attempt 1: apply',
        'Apply complete! Resources: 2 added, 0 changed, 1 destroyed.',
        '',
      ].join('\n'),
    );
    const one = await as(w.serviceManager, ['order', 'logs', orderId, '--attempt', '1', '-o', 'json']);
    expect(JSON.parse(one.stdout).map((entry: { step: string }) => entry.step)).toEqual(['apply']);
    const member = await as(w.consumer.member, ['order', 'logs', orderId]);
    expect(member.code).not.toBe(0);
    expect(member.stderr).toContain("an order's logs are read by its project's managers");
  });
});
