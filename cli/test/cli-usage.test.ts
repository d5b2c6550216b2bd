/**
 * `mercato usage report` against the real server (issue 13): the provider reports a resource's
 * usage by the resource's name or id; the same --report-id replaces; the server's refusals come
 * back in the options' terms, and the resource's consumers are refused.
 */
import YAML from 'yaml';
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type Actor, type World } from '@mercato/test-support/world';
import { runMercato } from './support/run-cli';

describe('mercato usage report (sqlite)', () => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let resourceId: string;
  const period = new Date().toISOString().slice(0, 7);
  const as = (actor: Actor, args: string[]) => runMercato(['usage', 'report', ...args], server.url, actor.token);

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'cli-usage');
    const sm = w.serviceManager.api;
    const offering = await sm.expect(
      201,
      sm.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'Metered storage',
        type: 'allocation',
        status: 'active',
        auto_approve: true,
        components: [{ type: 'storage', name: 'Stored data', measured_unit: 'GB', billing_type: 'usage' }],
      }),
    );
    await sm.expect(201, sm.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }));
    const plan = await sm.expect(201, sm.post('/plans', { offering_id: offering.id, name: 'one', unit: 'month' }));
    const api = w.consumer.owner.api;
    const order = await api.expect(
      201,
      api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: plan.id,
        name: 'bucket',
      }),
    );
    expect((await waitForOrder(admin, order.id)).state).toBe('done');
    resourceId = order.resource_id;
  });
  afterAll(() => server.close());

  test('the provider reports by name; the same report id replaces the amount', async () => {
    const args = ['--resource', 'bucket', '--component', 'storage', '--period', period, '--report-id', 'daily'];
    const first = await as(w.serviceManager, [...args, '--amount', '0.10']);
    expect(first).toEqual({
      code: 0,
      stdout: `usage of storage by resource bucket in ${period}: 0.1 (report daily)\n`,
      stderr: '',
    });
    const replaced = await as(w.serviceManager, [...args, '--amount', '2.5', '-o', 'yaml']);
    expect(YAML.parse(replaced.stdout)).toMatchObject({ resource_id: resourceId, amount: '2.5', report_id: 'daily' });
    const usage = await w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/resources/${resourceId}/usage`));
    expect(usage.totals).toEqual([{ component: 'storage', amount: '2.5' }]);
  });

  test("refusals name the option; the resource's consumers are refused", async () => {
    const args = ['--resource', resourceId, '--component', 'storage', '--amount', '1'];
    expect(await as(w.serviceManager, [...args, '--period', '1999-01'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: Unprocessable Entity (422): --period: is before ${period}, when the resource was created\n`,
    });
    const consumer = await as(w.consumer.owner, [...args, '--period', period]);
    expect(consumer.code).toBe(1);
    expect(consumer.stderr).toContain("only the offering's provider reports a resource's usage");
  });
});
