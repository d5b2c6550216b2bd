import Decimal from 'decimal.js';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import type { OrderRow, ResourceRow } from '../src/db/tables';
import { newId } from '../src/ids';

/**
 * Closing a month of 10,000 resources x 3 components (issue 13's benchmark) on each database:
 * one resource is ordered through the API, 9,999 more are written as copies of its rows (a done
 * create order each), then `POST /invoices/close` is timed (target: under 10 s) and its total
 * checked against a sum computed here, apart from the billing code.
 */

const RESOURCES = 10_000;
const TARGET_MS = 10_000;
const SLICE = 500;

/** Prices of the plan (EUR per month): cpu per core, ram per GB, base. */
const PRICE = { cpu: new Decimal(3), ram: new Decimal('0.5'), base: new Decimal('31.01') };
const FEB_SECONDS = 29 * 86_400;

/** Resource i: cpu 1 to 4 cores, ram 1 to 7 GB; even ones all February, odd ones from the 10th (20 of 29 days). */
const cpuOf = (i: number) => 1 + (i % 4);
const ramOf = (i: number) => 1 + (i % 7);
const startOf = (i: number) => (i % 2 === 0 ? '2024-01-20T00:00:00.000Z' : '2024-02-10T00:00:00.000Z');

/** What resource i owes for February, each item rounded half-up to cents, as the rules say. */
function expectedOf(i: number): Decimal {
  const share = new Decimal(i % 2 === 0 ? FEB_SECONDS : 20 * 86_400).dividedBy(FEB_SECONDS);
  const cent = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return cent(PRICE.cpu.times(cpuOf(i)).times(share))
    .plus(cent(PRICE.ram.times(ramOf(i)).times(share)))
    .plus(cent(PRICE.base.times(share)));
}

describe.each(DATABASE_KINDS)('closing a month of 10,000 resources x 3 components on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 20 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `scale-${kind}`);
  }, 60_000);
  afterAll(() => server?.close());

  test(`closes in under ${TARGET_MS / 1000} s with the total of an independent sum`, async () => {
    const sm = w.serviceManager.api;
    const offering = await sm.expect(
      201,
      sm.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'Scale VM',
        type: 'allocation',
        status: 'active',
        auto_approve: true,
        components: [
          { type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' },
          { type: 'ram', name: 'RAM', measured_unit: 'GB', billing_type: 'limit' },
          { type: 'base', name: 'Base fee', billing_type: 'fixed' },
        ],
      }),
    );
    await sm.expect(201, sm.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }));
    const plan = await sm.expect(
      201,
      sm.post('/plans', { offering_id: offering.id, name: 'std', prices: { cpu: 3, ram: '0.5', base: '31.01' } }),
    );
    const api = w.consumer.manager.api;
    const placed = await api.expect(
      201,
      api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: plan.id,
        name: 'r0',
        limits: { cpu: 1, ram: 1 },
      }),
    );
    expect((await waitForOrder(admin, placed.id)).state).toBe('done');
    const db = server.app.db;
    const resource = (await db
      .selectFrom('resources')
      .selectAll()
      .where('id', '=', placed.resource_id)
      .executeTakeFirst())!;
    const order = (await db.selectFrom('orders').selectAll().where('id', '=', placed.id).executeTakeFirst())!;
    await db.deleteFrom('orders').where('resource_id', '=', resource.id).execute();
    await db.deleteFrom('resources').where('id', '=', resource.id).execute();

    const resources: ResourceRow[] = [];
    const orders: OrderRow[] = [];
    for (let i = 0; i < RESOURCES; i++) {
      const id = newId();
      const limits = JSON.stringify({ cpu: cpuOf(i), ram: ramOf(i) });
      const at = startOf(i);
      resources.push({ ...resource, id, name: `r${i}`, limits, backend_id: `b${i}`, created_at: at, updated_at: at });
      orders.push({ ...order, id: newId(), resource_id: id, limits, created_at: at, updated_at: at, completed_at: at });
    }
    for (let i = 0; i < RESOURCES; i += SLICE) {
      await db
        .insertInto('resources')
        .values(resources.slice(i, i + SLICE))
        .execute();
      await db
        .insertInto('orders')
        .values(orders.slice(i, i + SLICE))
        .execute();
    }

    const started = performance.now();
    const close = await admin.post('/invoices/close', { period: '2024-02' });
    const elapsed = performance.now() - started;
    console.log(`[invoice close] ${kind}: ${RESOURCES} resources x 3 components in ${(elapsed / 1000).toFixed(2)} s`);

    let expected = new Decimal(0);
    for (let i = 0; i < RESOURCES; i++) expected = expected.plus(expectedOf(i));
    expect(close.status).toBe(201);
    expect(close.body).toMatchObject({ invoices: 1, totals: [{ currency: 'EUR', amount: expected.toFixed(2) }] });
    const items = await db
      .selectFrom('invoice_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(items!.n)).toBe(RESOURCES * 3);
    expect(elapsed).toBeLessThan(TARGET_MS);
  }, 120_000);
});
