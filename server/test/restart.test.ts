import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, freshDatabase, startTestServer } from '@mercato/test-support/server-harness';
import { spawnServer } from '@mercato/test-support/server-process';
import { makeWorld, waitForOrder, waitForProviderHandOver } from '@mercato/test-support/world';
import { PluginRegistry } from '../src/provisioning/plugins/registry';
import type { ProvisioningPlugin } from '../src/provisioning/plugin';
import { allocationPlugin } from '../src/provisioning/plugins/allocation';
import { manualPlugin } from '../src/provisioning/plugins/manual';

const ADMIN_TOKEN = 'mct_restart_admin_token';

async function countEvents(admin: Api, objectId: string, action: string) {
  const events = await admin.expect(200, admin.get(`/events?object_id=${objectId}&action=${action}`));
  return events.items.length;
}

describe.each(DATABASE_KINDS)('a server restart in the middle of an order on %s', (kind) => {
  test('orders survive a killed server and complete exactly once afterwards', async () => {
    const location = await freshDatabase(kind);
    const env = {
      MERCATO_DATA_DIR: location.dataDir,
      MERCATO_ADMIN_TOKEN: ADMIN_TOKEN,
      MERCATO_SEED_DEMO: 'false',
      ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}),
    };
    let server = await spawnServer(env);
    try {
      let admin = new Api(server.url, ADMIN_TOKEN);
      const w = await makeWorld(admin, 'r');
      const order = (offering: { id: string; plan: { id: string } }) =>
        w.consumer.owner.api.expect(
          201,
          w.consumer.owner.api.post('/orders', {
            type: 'create',
            project_id: w.consumer.project.id,
            offering_id: offering.id,
            plan_id: offering.plan.id,
            name: 'survivor',
            attributes: { instance_type: 'general-purpose' },
          }),
        );
      const manual = await order(w.manual);
      await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${manual.id}/approve`));
      const awaitingProvider = await order(w.allocation);
      expect(awaitingProvider.state).toBe('pending-provider');
      await waitForOrder(admin, manual.id, ['executing']);

      await server.kill();
      server = await spawnServer(env);
      admin = new Api(server.url, ADMIN_TOKEN);
      const provider = w.serviceManager.api.as(w.serviceManager.token);
      const restartedProvider = new Api(server.url, provider.token);

      await restartedProvider.expect(200, restartedProvider.post(`/orders/${awaitingProvider.id}/approve`));
      expect((await waitForOrder(admin, awaitingProvider.id)).state).toBe('done');
      await waitForProviderHandOver(admin, manual.id, 5000, 25);
      await restartedProvider.expect(
        200,
        restartedProvider.post(`/orders/${manual.id}/complete`, { backend_id: 'vm-1' }),
      );
      await restartedProvider.expect(
        409,
        restartedProvider.post(`/orders/${manual.id}/complete`, { backend_id: 'vm-2' }),
      );
      expect((await admin.get(`/resources/${manual.resource_id}`)).body).toMatchObject({
        state: 'OK',
        backend_id: 'vm-1',
      });
      for (const id of [manual.id, awaitingProvider.id]) expect(await countEvents(admin, id, 'order.done')).toBe(1);
    } finally {
      await server.stop();
    }
  });

  test('a job claimed by a worker that died is run again by another, once', async () => {
    const location = await freshDatabase(kind);
    let calls = 0;
    let release!: () => void;
    const hanging: ProvisioningPlugin = {
      type: 'script',
      description: 'hangs on its first call',
      provision: async () => {
        calls++;
        if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
        return { status: 'done', backend_id: `run-${calls}` };
      },
    };
    const plugins = () => new PluginRegistry([manualPlugin, allocationPlugin, hanging]);
    const first = await startTestServer(kind, {
      location,
      plugins: plugins(),
      worker: { pollIntervalMs: 50, staleAfterMs: 500, heartbeatIntervalMs: 100 },
    });
    const admin = new Api(first.url, first.adminToken);
    const w = await makeWorld(admin, 'h');
    const offering = await admin.expect(
      201,
      admin.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'Scripted',
        type: 'script',
        status: 'active',
      }),
    );
    await admin.expect(201, admin.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }));
    const plan = await admin.expect(201, admin.post('/plans', { offering_id: offering.id, name: 'one' }));
    const order = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: plan.id,
        name: 'job',
      }),
    );
    for (let i = 0; i < 100 && calls === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(1);

    first.app.worker.abandon();
    await first.close();
    const second = await startTestServer(kind, {
      location,
      plugins: plugins(),
      worker: { pollIntervalMs: 50, staleAfterMs: 500, heartbeatIntervalMs: 100 },
    });
    try {
      const api = new Api(second.url, second.adminToken);
      const done = await waitForOrder(api, order.id);
      expect(done).toMatchObject({ state: 'done', attempts: 2 });
      release(); // the dead worker's call returns late: it must not record anything
      await new Promise((r) => setTimeout(r, 100));
      expect((await api.get(`/resources/${order.resource_id}`)).body.backend_id).toBe('run-2');
      expect(await countEvents(api, order.id, 'order.done')).toBe(1);
      expect(calls).toBe(2);
    } finally {
      await second.close();
    }
  });
});
