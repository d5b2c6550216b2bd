/**
 * Values compared as values, not as JSON text: an update order with the same attributes and
 * limits in another key order changes nothing, and an edit that repeats an offering's options in
 * another order records no change in the audit log. And the backend ID a create order set is
 * kept by every later order.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, waitForProviderHandOver, type World } from '@mercato/test-support/world';

describe.each(DATABASE_KINDS)('order and event values on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin);
  });
  afterAll(() => server.close());

  const ordersOf = async (resourceId: string) =>
    (await admin.expect(200, admin.get(`/orders?resource_id=${resourceId}`))).items as {
      type: string;
      changes: string[];
    }[];

  async function createdResource(
    offering: { id: string; plan: { id: string } },
    attributes: object,
    limits: object = {},
  ) {
    const order = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name: 'valued',
        attributes,
        limits,
      }),
    );
    return order;
  }

  test('an update with the same attributes and limits in another key order changes nothing', async () => {
    const attributes = { node_pools: [{ replicas: 2, name: 'a' }], instance_type: 'general-purpose' };
    const created = await createdResource(w.allocation, attributes, { cpu: 2 });
    expect((await waitForOrder(admin, created.id)).state).toBe('done');
    const same = await admin.request('POST', '/orders', {
      type: 'update',
      resource_id: created.resource_id,
      attributes: { instance_type: 'general-purpose', node_pools: [{ name: 'a', replicas: 2 }] },
      limits: { cpu: 2.0 },
    });
    expect(same.status).toBe(400);
    expect(same.body.detail).toContain('the update order changes nothing');
    // A change deep inside is still a change, and only the field that changed is ordered.
    const changed = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'update',
        resource_id: created.resource_id,
        attributes: { instance_type: 'general-purpose', node_pools: [{ name: 'a', replicas: 3 }] },
        limits: { cpu: 2 },
      }),
    );
    expect(changed.changes).toEqual(['attributes']);
    expect((await waitForOrder(admin, changed.id)).state).toBe('done');
    expect((await ordersOf(created.resource_id)).map((o) => [o.type, o.changes])).toEqual([
      ['create', []],
      ['update', ['attributes']],
    ]);
  });

  test("an edit that repeats an offering's options in another key order records no change of them", async () => {
    const api = w.serviceManager.api;
    await api.expect(200, api.patch(`/offerings/${w.manual.id}`, { plugin_options: { b: 1, a: { y: 2, x: 1 } } }));
    await api.expect(
      200,
      api.patch(`/offerings/${w.manual.id}`, {
        plugin_options: { a: { x: 1, y: 2 }, b: 1 },
        description: 'now described',
      }),
    );
    const events = (await admin.expect(200, admin.get(`/events?object_id=${w.manual.id}&action=offering.updated`)))
      .items as { changes: Record<string, unknown> }[];
    expect(Object.keys(events[events.length - 1].changes)).toEqual(['description']);
  });

  test("the backend ID is the create order's: an update keeps it, and a different one is refused", async () => {
    const created = await createdResource(w.manual, { instance_type: 'general-purpose' });
    await waitForProviderHandOver(admin, created.id, 5000);
    const provider = w.serviceManager.api;
    await provider.expect(200, provider.post(`/orders/${created.id}/complete`, { backend_id: 'vm-1' }));
    const update = await admin.expect(
      201,
      admin.post('/orders', { type: 'update', resource_id: created.resource_id, limits: { cpu: 3 } }),
    );
    await waitForProviderHandOver(admin, update.id, 5000);
    const refused = await provider.request('POST', `/orders/${update.id}/complete`, { backend_id: 'vm-2' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        field: 'backend_id',
        message:
          'an update order keeps the resource\'s backend_id "vm-1", set by its create order; leave backend_id out',
      },
    ]);
    await provider.expect(
      200,
      provider.post(`/orders/${update.id}/complete`, { backend_id: 'vm-1', outputs: { ip: '10.0.0.1' } }),
    );
    expect(await admin.expect(200, admin.get(`/resources/${created.resource_id}`))).toMatchObject({
      state: 'OK',
      backend_id: 'vm-1',
      outputs: { ip: '10.0.0.1' },
    });
  });
});
