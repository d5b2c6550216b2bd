/**
 * Pulling resources from their backends (issue 10): the server asks a plugin that can `pull` on a
 * schedule; a change behind Mercato's back becomes an event and the resource's new outputs, usage
 * is kept per month, a lost resource becomes Erred with the reason. Also the plugin registry
 * (`GET /plugins`) and offering options checked against a plugin's schemas.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import type { ProvisioningPlugin } from '../src/provisioning/plugin';
import { PluginRegistry } from '../src/provisioning/plugins/registry';
import { allocationPlugin } from '../src/provisioning/plugins/allocation';
import { manualPlugin } from '../src/provisioning/plugins/manual';

/** A backend in memory: what it has of each resource, by backend id. */
type Backend = Map<string, { outputs: Record<string, unknown>; password: string; size: number; used: number }>;

function simulatedPlugin(backend: Backend): ProvisioningPlugin {
  return {
    type: 'simulated',
    description: 'A backend in the test process.',
    optionsSchema: { type: 'object', properties: { zone: { type: 'string' } }, additionalProperties: false },
    secretOptionsSchema: {
      type: 'object',
      required: ['api_key'],
      properties: { api_key: { type: 'string', minLength: 12 } },
    },
    provision: async ({ order, resource }) => {
      const id = resource.backend_id || `sim-${resource.id}`;
      if (order.type === 'terminate' && resource.name === 'undroppable')
        return { status: 'erred', reason: `cannot drop ${id}: its password first-password is in use` };
      if (order.type === 'terminate') {
        backend.delete(id);
        return { status: 'done' };
      }
      backend.set(id, { outputs: { ip: '10.0.0.1' }, password: 'first-password', size: 1, used: 0 });
      return {
        status: 'done',
        backend_id: id,
        outputs: { ip: '10.0.0.1' },
        secret_outputs: { password: 'first-password' },
        state: { size: 1 },
      };
    },
    pull: async ({ resource, offering }) => {
      const found = backend.get(resource.backend_id);
      if (!found)
        return {
          status: 'missing',
          reason: `no VM ${resource.backend_id} (asked with ${offering.secret_options.api_key})`,
        };
      return {
        status: 'present',
        outputs: found.outputs,
        secret_outputs: { password: found.password },
        state: { size: found.size },
        usage: { traffic: found.used, not_a_component: 3 },
      };
    },
  };
}

describe.each(DATABASE_KINDS)('pulls on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let offering: { id: string; plan: { id: string } };
  const backend: Backend = new Map();
  const API_KEY = 'simulated-api-key-value';

  beforeAll(async () => {
    server = await startTestServer(kind, {
      worker: { pollIntervalMs: 50, pullIntervalMs: 200 },
      plugins: new PluginRegistry([manualPlugin, allocationPlugin, simulatedPlugin(backend)]),
    });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin);
    const sm = w.serviceManager.api;
    const created = await sm.expect(
      201,
      sm.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: `${kind} simulated`,
        type: 'simulated',
        status: 'active',
        auto_approve: true,
        secret_options: { api_key: API_KEY },
        components: [{ type: 'traffic', name: 'Traffic', measured_unit: 'GB', billing_type: 'usage' }],
      }),
    );
    await sm.expect(201, sm.post('/offering-versions', { offering_id: created.id, version: '1.0.0' }));
    const plan = await sm.expect(
      201,
      sm.post('/plans', { offering_id: created.id, name: 'one', unit: 'month', prices: {} }),
    );
    offering = { id: created.id, plan };
  });
  afterAll(() => server.close());

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function createResource(name: string) {
    const api = w.consumer.owner.api;
    const order = await api.expect(
      201,
      api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name,
      }),
    );
    expect((await waitForOrder(admin, order.id)).state).toBe('done');
    return order.resource_id as string;
  }

  const resourceOf = (id: string) => w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/resources/${id}`));

  test("a change on the backend becomes the resource's outputs and an event; usage is kept", async () => {
    const id = await createResource('changed');
    const created = await resourceOf(id);
    expect(created).toMatchObject({ outputs: { ip: '10.0.0.1' }, backend_state: { size: 1 } });
    const backendId = created.backend_id;

    backend.set(backendId, { outputs: { ip: '10.0.0.2' }, password: 'rotated-password', size: 4, used: 12.5 });
    const pulled = await until(
      () => resourceOf(id),
      (r) => r.outputs.ip === '10.0.0.2',
      'the pulled outputs',
    );
    expect(pulled).toMatchObject({
      state: 'OK',
      backend_state: { size: 4 },
      secret_outputs: { password: 'rotated-password' },
      pulled_at: expect.any(String),
    });
    const events = await admin.expect(200, admin.get(`/events?object_id=${id}`));
    const event = events.items.find((e: { action: string }) => e.action === 'resource.pulled');
    expect(event.changes).toMatchObject({ secret_outputs: '********' });
    expect(JSON.stringify(events)).not.toContain('rotated-password');

    const usage = await until(
      () => w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/resources/${id}/usage`)),
      (u) => u.items.length > 0 && u.items[0].amount === '12.5',
      'the usage',
    );
    expect(usage).toEqual({
      period: new Date().toISOString().slice(0, 7),
      items: [{ component: 'traffic', amount: '12.5', report_id: 'pull', updated_at: expect.any(String) }],
      totals: [{ component: 'traffic', amount: '12.5' }],
    });
    const list = await admin.expect(200, admin.get(`/resources?offering_id=${offering.id}`));
    expect(JSON.stringify(list)).not.toContain('rotated-password');
  });

  test('a pulled usage report refused (a closed month) is left out and the pulls go on', async () => {
    const id = await createResource('metered');
    const backendId = (await resourceOf(id)).backend_id;
    const usageOf = () => w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/resources/${id}/usage`));
    backend.set(backendId, { outputs: { ip: '10.0.0.1' }, password: 'first-password', size: 1, used: 4 });
    await until(usageOf, (u) => u.totals[0]?.amount === '4', 'the first usage');
    // Closing months is the invoices' API: a billing_periods row is what it writes.
    const period = new Date().toISOString().slice(0, 7);
    await server.app.db
      .insertInto('billing_periods')
      .values({ period, closed_at: new Date().toISOString(), closed_by: null })
      .execute();
    try {
      backend.set(backendId, { outputs: { ip: '10.0.0.3' }, password: 'first-password', size: 1, used: 9 });
      const changed = await until(
        () => resourceOf(id),
        (r) => r.outputs.ip === '10.0.0.3',
        'the pulled outputs',
      );
      // A later pull starts after the round that pulled the outputs (and its usage) has ended.
      await until(
        () => resourceOf(id),
        (r) => r.pulled_at !== changed.pulled_at,
        'the next pull',
      );
      expect((await usageOf()).totals).toEqual([{ component: 'traffic', amount: '4' }]);
    } finally {
      await server.app.db.deleteFrom('billing_periods').where('period', '=', period).execute();
    }
  });

  test('a resource its backend has lost becomes Erred with the reason, secrets masked', async () => {
    const id = await createResource('lost');
    backend.delete((await resourceOf(id)).backend_id);
    const erred = await until(
      () => resourceOf(id),
      (r) => r.state === 'Erred',
      'the resource to be Erred',
    );
    expect(erred.error_message).toMatch(/^no VM sim-.* \(asked with \*{8}\)$/);
    const events = await admin.expect(200, admin.get(`/events?object_id=${id}`));
    expect(events.items.map((e: { action: string }) => e.action)).toContain('resource.erred');
    expect(JSON.stringify(events)).not.toContain(API_KEY);
    // Terminating it is still possible, as for any Erred resource.
    const api = w.consumer.owner.api;
    const terminate = await api.expect(201, api.post('/orders', { type: 'terminate', resource_id: id }));
    expect((await waitForOrder(admin, terminate.id)).state).toBe('done');
  });

  test("a failed order's reason never quotes the resource's secret outputs", async () => {
    const id = await createResource('undroppable');
    const api = w.consumer.owner.api;
    const terminate = await api.expect(201, api.post('/orders', { type: 'terminate', resource_id: id }));
    const erred = await waitForOrder(admin, terminate.id);
    expect(erred.reason).toMatch(/^cannot drop sim-.*: its password \*{8} is in use$/);
    const events = await admin.expect(200, admin.get(`/events?object_id=${terminate.id}`));
    expect(JSON.stringify(events)).not.toContain('first-password');
  });

  test('GET /plugins lists each plugin with its schemas, actions and whether it pulls', async () => {
    const plugins = await w.consumer.member.api.expect(200, w.consumer.member.api.get('/plugins'));
    expect(plugins.items.map((p: { type: string }) => p.type)).toEqual(['allocation', 'manual', 'simulated']);
    expect(plugins.items[2]).toEqual({
      type: 'simulated',
      description: 'A backend in the test process.',
      options_schema: expect.objectContaining({ additionalProperties: false }),
      secret_options_schema: expect.objectContaining({ required: ['api_key'] }),
      actions: [],
      pulls: true,
    });
    expect(plugins.items[0]).toMatchObject({
      type: 'allocation',
      actions: ['pause', 'resume', 'restart'],
      pulls: false,
    });
  });

  test("offering options are checked against the plugin's schemas, naming the field, without echoing secrets", async () => {
    const sm = w.serviceManager.api;
    const post = (extra: object) =>
      sm.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: `${kind} checked`,
        type: 'simulated',
        ...extra,
      });
    const missing = await sm.expect(422, post({ plugin_options: { zone: 7 } }));
    expect(missing.errors).toEqual(
      expect.arrayContaining([
        { field: 'plugin_options.zone', message: expect.stringMatching(/string/) },
        { field: 'secret_options.api_key', message: 'is required' },
      ]),
    );
    const short = await sm.expect(422, post({ secret_options: { api_key: 'short-key' } }));
    expect(short.errors).toEqual([{ field: 'secret_options.api_key', message: expect.any(String) }]);
    expect(JSON.stringify(short)).not.toContain('short-key');

    // A change that leaves secret_options out keeps the stored ones, which still satisfy the schema.
    await sm.expect(200, sm.patch(`/offerings/${offering.id}`, { plugin_options: { zone: 'eu-1' } }));
    const cleared = await sm.expect(422, sm.patch(`/offerings/${offering.id}`, { secret_options: {} }));
    expect(cleared.errors).toEqual([{ field: 'secret_options.api_key', message: 'is required' }]);
  });
});
