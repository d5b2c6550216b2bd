/**
 * A resource's `cost_estimate` (GET /resources/{id}) follows its plan's current prices and its
 * limits, while its orders keep the estimate made when they were placed (issue 13).
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';

describe.each(DATABASE_KINDS)('a resource estimated at current prices on %s', (kind) => {
  let server: TestServer;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 50 } });
    w = await makeWorld(new Api(server.url, server.adminToken), `re-${kind}`);
  });
  afterAll(() => server.close());

  test('a price change shows on the resource at once; the order keeps its snapshot', async () => {
    const sm = w.serviceManager.api;
    const owner = w.consumer.owner.api;
    const plan = await sm.expect(
      201,
      sm.post('/plans', {
        offering_id: w.autoApproved.id,
        name: 'live prices',
        unit: 'month',
        currency: 'EUR',
        prices: { cpu: 5, base: 10 },
      }),
    );
    const order = await owner.expect(
      201,
      owner.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: w.autoApproved.id,
        plan_id: plan.id,
        name: 'estimated',
        attributes: { instance_type: 'general-purpose' },
        limits: { cpu: 3 },
      }),
    );
    expect(order.cost_estimate.monthly_total).toBe('25.00');
    await waitForOrder(owner, order.id);
    const estimate = async () => (await owner.expect(200, owner.get(`/resources/${order.resource_id}`))).cost_estimate;
    expect(await estimate()).toMatchObject({
      currency: 'EUR',
      monthly_total: '25.00',
      one_time_total: '0.00',
    });

    await sm.expect(200, sm.patch(`/plans/${plan.id}`, { prices: { cpu: 7.333, base: 10 } }));
    const now = await estimate();
    expect(now.monthly_total).toBe('32.00'); // 3 × 7.333 = 21.999 → 22.00, plus 10.00
    expect(now.components.find((c: { type: string }) => c.type === 'cpu')).toMatchObject({
      quantity: '3',
      unit_price: '7.333',
      amount: '22.00',
    });
    expect((await owner.expect(200, owner.get(`/orders/${order.id}`))).cost_estimate.monthly_total).toBe('25.00');

    // An archived plan still bills its resources, so it still estimates them; the provider sees it too.
    await sm.expect(200, sm.patch(`/plans/${plan.id}`, { archived: true }));
    expect((await estimate()).monthly_total).toBe('32.00');
    expect((await sm.expect(200, sm.get(`/resources/${order.resource_id}`))).cost_estimate.monthly_total).toBe('32.00');
    expect((await w.other.owner.api.get(`/resources/${order.resource_id}`)).status).toBe(404);
  });
});
