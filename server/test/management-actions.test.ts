/**
 * Pause, resume and restart (issue 10): orders of their own, approved as updates are, carried out
 * only by plugins that say they can; a failed one leaves the resource as it was.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, waitForProviderHandOver, type World } from '@mercato/test-support/world';
import { PluginRegistry } from '../src/provisioning/plugins/registry';
import { allocationPlugin } from '../src/provisioning/plugins/allocation';
import { manualPlugin } from '../src/provisioning/plugins/manual';

describe.each(DATABASE_KINDS)('management actions on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  const noActions = { ...allocationPlugin, type: 'no-actions', actions: undefined };

  beforeAll(async () => {
    server = await startTestServer(kind, {
      worker: { pollIntervalMs: 50 },
      plugins: new PluginRegistry([manualPlugin, allocationPlugin, noActions]),
    });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin);
  });
  afterAll(() => server.close());

  const resourceOf = (api: Api, id: string) => api.expect(200, api.get(`/resources/${id}`));

  async function okResource(offering: { id: string; type: string; plan: { id: string } }) {
    const api = w.consumer.owner.api;
    const order = await api.expect(
      201,
      api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name: 'vm',
        attributes: { instance_type: 'general-purpose' },
      }),
    );
    if (order.state === 'pending-provider')
      await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${order.id}/approve`));
    if (offering.type === 'manual') {
      await waitForOrder(admin, order.id, ['executing']);
      await waitForProviderHandOver(admin, order.id, 5000);
      await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${order.id}/complete`, {}));
    }
    expect((await waitForOrder(admin, order.id)).state).toBe('done');
    return order.resource_id as string;
  }

  /** Places an action as the consumer's manager, approved by the provider, and waits for its end. */
  async function act(type: string, resourceId: string) {
    const order = await w.consumer.manager.api.expect(
      201,
      w.consumer.manager.api.post('/orders', { type, resource_id: resourceId }),
    );
    expect(order.state).toBe('pending-provider');
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${order.id}/approve`));
    return waitForOrder(admin, order.id);
  }

  test('pause, update while paused, resume and restart, each approved as an update', async () => {
    const id = await okResource(w.allocation);
    expect((await act('pause', id)).state).toBe('done');
    expect((await resourceOf(admin, id)).state).toBe('Paused');

    const api = w.consumer.manager.api;
    const refused = await api.expect(409, api.post('/orders', { type: 'restart', resource_id: id }));
    expect(refused.detail).toMatch(/is Paused; a restart order needs it OK/);
    const update = await api.expect(201, api.post('/orders', { type: 'update', resource_id: id, limits: { cpu: 2 } }));
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${update.id}/approve`));
    expect((await waitForOrder(admin, update.id)).state).toBe('done');
    expect(await resourceOf(admin, id)).toMatchObject({ state: 'Paused', limits: { cpu: 2 } });

    expect((await act('resume', id)).state).toBe('done');
    expect((await resourceOf(admin, id)).state).toBe('OK');
    expect((await act('restart', id)).state).toBe('done');
    expect((await resourceOf(admin, id)).state).toBe('OK');
  });

  test('a failed or rejected action leaves the resource as it was', async () => {
    const id = await okResource(w.manual);
    const pause = await w.consumer.manager.api.expect(
      201,
      w.consumer.manager.api.post('/orders', { type: 'pause', resource_id: id }),
    );
    expect((await resourceOf(admin, id)).state).toBe('Updating');
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${pause.id}/approve`));
    await waitForProviderHandOver(admin, pause.id, 5000);
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${pause.id}/complete`, {}));
    expect((await resourceOf(admin, id)).state).toBe('Paused');

    const resume = await w.consumer.manager.api.expect(
      201,
      w.consumer.manager.api.post('/orders', { type: 'resume', resource_id: id }),
    );
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${resume.id}/approve`));
    await waitForProviderHandOver(admin, resume.id, 5000);
    await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${resume.id}/fail`, { reason: 'the host is in maintenance' }),
    );
    expect((await waitForOrder(admin, resume.id)).state).toBe('erred');
    expect((await resourceOf(admin, id)).state).toBe('Paused');

    const again = await w.consumer.manager.api.expect(
      201,
      w.consumer.manager.api.post('/orders', { type: 'resume', resource_id: id }),
    );
    await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${again.id}/reject`, { reason: 'not this week' }),
    );
    expect((await resourceOf(admin, id)).state).toBe('Paused');
  });

  test('an action the plugin does not carry out is refused when placed, naming the type', async () => {
    const offering = await w.serviceManager.api.expect(
      201,
      w.serviceManager.api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: `${kind} no actions`,
        type: 'no-actions',
        status: 'active',
        auto_approve: true,
      }),
    );
    await w.serviceManager.api.expect(
      201,
      w.serviceManager.api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }),
    );
    const plan = await w.serviceManager.api.expect(
      201,
      w.serviceManager.api.post('/plans', { offering_id: offering.id, name: 'one', unit: 'month', prices: {} }),
    );
    const id = await okResource({ ...offering, plan });
    const api = w.consumer.manager.api;
    const refused = await api.expect(422, api.post('/orders', { type: 'pause', resource_id: id }));
    expect(refused.errors).toEqual([
      { field: 'type', message: expect.stringMatching(/plugin no-actions\) cannot pause .*no management action/) },
    ]);
    expect((await resourceOf(admin, id)).state).toBe('OK');
    const withOptions = await api.expect(400, api.post('/orders', { type: 'terminate', resource_id: id, limits: {} }));
    expect(withOptions.detail).toMatch(/a terminate order takes only resource_id/);
  });
});
