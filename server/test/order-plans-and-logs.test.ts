/**
 * Plan previews and run logs (issue 12, part "orders"): an order waiting for approval whose
 * plugin plans shows the plan's summary (or its error) before anyone approves it; its run then
 * keeps the plan it carried out; what the plugin writes to the job's log is kept with the order,
 * capped, and read only by the project's managers, its organization's owners and the provider.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, freshDatabase, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import type { PlanSummary, ProvisioningPlugin } from '../src/provisioning/plugin';
import { PluginRegistry } from '../src/provisioning/plugins/registry';
import { allocationPlugin } from '../src/provisioning/plugins/allocation';
import { manualPlugin } from '../src/provisioning/plugins/manual';

const LOG_LIMIT = 4096;
const SECRET = 'hunter2-sekrit-value';

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    count: { type: 'integer', minimum: 0 },
    fail: { type: 'boolean' },
    hang: { type: 'boolean' },
    stubborn: { type: 'boolean' },
    chatty: { type: 'integer', minimum: 0 },
    password: { type: 'string', writeOnly: true },
  },
};

/** What a module of `count` resources would do, as the test plugin plans it. */
function summaryOf(type: string, count: number): PlanSummary {
  const addresses = Array.from({ length: count }, (_, i) => `terraform_data.item[${i}]`);
  if (type === 'update')
    return {
      add: 0,
      change: count,
      destroy: 0,
      resource_changes: addresses.map((address) => ({ address, actions: ['update'] })),
      output_changes: ['version'],
    };
  return {
    add: count,
    change: 0,
    destroy: 0,
    resource_changes: addresses.map((address) => ({ address, actions: ['create'] })),
    output_changes: ['ids'],
  };
}

/** Calls of `plan` the test can watch: each one's signal, and, for hanging ones, a way to let each return. */
interface PlanCalls {
  signals: AbortSignal[];
  /** One for each plan that hangs, in the order they started hanging. */
  releases: Array<() => void>;
  /** Plans hanging now. */
  hanging: number;
  /** For each provision call of a hanging order: whether no plan was hanging any more by then. */
  plansEndedAtProvision: boolean[];
}

const planCalls = (): PlanCalls => ({ signals: [], releases: [], hanging: 0, plansEndedAtProvision: [] });

/** A plugin that plans like Terraform would, and writes what it does (its secret too: the log must mask it). */
function plannedPlugin(calls: PlanCalls): ProvisioningPlugin {
  return {
    type: 'planned',
    description: 'Plans and logs in the test process.',
    plan: async (job, signal) => {
      calls.signals.push(signal);
      const attributes = job.order.attributes;
      await job.log?.write('init', 'Initializing modules...\n');
      await job.log?.write('plan', `planning with password ${String(attributes.password ?? '')}\n`);
      // A hanging plan ends 300 ms after it is aborted (as Terraform lets go of the state's lock), unless it is `stubborn`.
      if (attributes.hang)
        await new Promise<void>((resolve) => {
          calls.hanging++;
          calls.releases.push(resolve);
          if (!attributes.stubborn) signal.addEventListener('abort', () => setTimeout(resolve, 300));
        }).finally(() => calls.hanging--);
      if (attributes.fail) throw new Error(`Invalid value for variable "password" (${String(attributes.password)})`);
      for (let i = 0; i < Number(attributes.chatty ?? 0); i++) await job.log?.write('plan', `${'x'.repeat(999)}\n`);
      return summaryOf(job.order.type, Number(attributes.count ?? 1));
    },
    provision: async (job) => {
      if (job.order.attributes.hang) calls.plansEndedAtProvision.push(calls.hanging === 0);
      await job.log?.write('apply', `applying ${job.order.type} (attempt ${job.order.attempts})\n`);
      const plan = summaryOf(job.order.type, Number(job.order.attributes.count ?? 1));
      if (job.order.type === 'terminate') return { status: 'done' };
      return { status: 'done', backend_id: `planned-${job.resource.id}`, outputs: { count: plan.add }, plan };
    },
  };
}

/** Polls an order until `done` holds of it. */
async function orderWhen(api: Api, id: string, done: (order: any) => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const order = await api.expect(200, api.get(`/orders/${id}`));
    if (done(order)) return order;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(order)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The `planned` offering with versions 1.0.0 and 2.0.0, approved by its provider. */
async function publishPlanned(w: World) {
  const sm = w.serviceManager.api;
  const offering = await sm.expect(
    201,
    sm.post('/offerings', {
      organization_id: w.provider.id,
      category_id: w.category.id,
      name: `Planned module ${Math.random().toString(36).slice(2, 8)}`,
      type: 'planned',
      status: 'active',
    }),
  );
  for (const version of ['1.0.0', '2.0.0'])
    await sm.expect(201, sm.post('/offering-versions', { offering_id: offering.id, version, options_schema: SCHEMA }));
  const plan = await sm.expect(201, sm.post('/plans', { offering_id: offering.id, name: 'one', unit: 'month' }));
  return { id: offering.id as string, plan: plan as { id: string } };
}

describe.each(DATABASE_KINDS)('plan previews and run logs on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let offering: { id: string; plan: { id: string } };
  const calls = planCalls();

  beforeAll(async () => {
    server = await startTestServer(kind, {
      worker: { pollIntervalMs: 50, logLimitBytes: LOG_LIMIT },
      plugins: new PluginRegistry([manualPlugin, allocationPlugin, plannedPlugin(calls)]),
    });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'plans');
    offering = await publishPlanned(w);
  });
  afterAll(() => server.close());

  /** A create order placed by the project's manager: it waits for the provider's approval. */
  const placeCreate = (name: string, attributes: Record<string, unknown>) =>
    w.consumer.manager.api.expect(
      201,
      w.consumer.manager.api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        version: '1.0.0',
        name,
        attributes,
      }),
    );
  const logsOf = async (api: Api, orderId: string) =>
    (await api.expect(200, api.get(`/orders/${orderId}/logs?limit=500`))).items as Array<{
      attempt: number;
      step: string;
      text: string;
    }>;
  const eventsOf = async (orderId: string, action: string) =>
    (await admin.expect(200, admin.get(`/events?object_id=${orderId}&action=${action}`))).items;

  test('the plan summary is on the pending order before approval; the run then keeps the plan it applied', async () => {
    const placed = await placeCreate('previewed', { count: 3, password: SECRET });
    expect(placed.state).toBe('pending-provider');
    expect(placed.plan).toMatchObject({ state: 'planning', summary: null });

    const planned = await orderWhen(admin, placed.id, (o) => o.plan.state !== 'planning', 'the plan');
    expect(planned.state).toBe('pending-provider');
    expect(planned.plan).toMatchObject({ state: 'planned', error: '', summary: summaryOf('create', 3) });
    expect(Date.parse(planned.plan.planned_at)).not.toBeNaN();
    expect(planned.applied_plan).toBeNull();
    const [event] = await eventsOf(placed.id, 'order.planned');
    expect(event.changes).toEqual({ plan: { add: 3, change: 0, destroy: 0 } });

    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${placed.id}/approve`));
    const done = await waitForOrder(admin, placed.id);
    expect(done).toMatchObject({ state: 'done', applied_plan: summaryOf('create', 3) });
    expect(done.plan.state).toBe('planned');

    const logs = await logsOf(w.consumer.manager.api, placed.id);
    expect(logs.map(({ attempt, step }) => `${attempt}:${step}`)).toEqual(['0:init', '0:plan', '1:apply']);
    expect(logs[1].text).toBe('planning with password ********\n');
    expect(JSON.stringify(logs)).not.toContain(SECRET);
    expect(logs[2].text).toBe('applying create (attempt 1)\n');
    const attempt1 = await w.consumer.manager.api.expect(
      200,
      w.consumer.manager.api.get(`/orders/${placed.id}/logs?attempt=1`),
    );
    expect(attempt1.items).toHaveLength(1);
  });

  test("an order's logs are read by its project's managers, owners and the provider, not by a member or another tenant", async () => {
    const placed = await placeCreate('readers', { count: 1 });
    await orderWhen(admin, placed.id, (o) => o.plan.state === 'planned', 'the plan');
    const path = `/orders/${placed.id}/logs`;
    for (const reader of [w.consumer.manager, w.consumer.owner, w.serviceManager, w.providerOwner])
      expect((await reader.api.expect(200, reader.api.get(path))).items.length).toBeGreaterThan(0);
    expect((await admin.expect(200, admin.get(path))).items.length).toBeGreaterThan(0);
    // The member sees the order itself, not what its runs printed.
    await w.consumer.member.api.expect(200, w.consumer.member.api.get(`/orders/${placed.id}`));
    await w.consumer.member.api.expect(403, w.consumer.member.api.get(path));
    for (const outsider of [w.other.owner, w.other.manager]) await outsider.api.expect(404, outsider.api.get(path));
    // A page at a time, with the cursor of the previous one.
    const first = await admin.expect(200, admin.get(`${path}?limit=1`));
    const second = await admin.expect(200, admin.get(`${path}?limit=1&cursor=${first.next_cursor}`));
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id > first.items[0].id).toBe(true);
  });

  test('a plan that throws shows its error (secrets masked) and the order can still be approved', async () => {
    const placed = await placeCreate('unplannable', { fail: true, password: SECRET });
    const failed = await orderWhen(admin, placed.id, (o) => o.plan.state !== 'planning', 'the plan');
    expect(failed.plan).toMatchObject({
      state: 'failed',
      summary: null,
      error: 'Invalid value for variable "password" (********)',
    });
    const [event] = await eventsOf(placed.id, 'order.plan_failed');
    expect(event.changes).toEqual({ plan_error: failed.plan.error });
    expect(JSON.stringify(failed)).not.toContain(SECRET);
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${placed.id}/approve`));
    expect((await waitForOrder(admin, placed.id)).state).toBe('done');
  });

  test('an upgrade to a newer version is previewed the same way', async () => {
    const created = await placeCreate('upgraded', { count: 2 });
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${created.id}/approve`));
    await waitForOrder(admin, created.id);
    const api = w.consumer.manager.api;
    const upgrade = await api.expect(
      201,
      api.post('/orders', { type: 'update', resource_id: created.resource_id, version: '2.0.0' }),
    );
    expect(upgrade).toMatchObject({ state: 'pending-provider', changes: ['version'] });
    const planned = await orderWhen(admin, upgrade.id, (o) => o.plan.state !== 'planning', 'the plan');
    expect(planned.plan).toMatchObject({ state: 'planned', summary: summaryOf('update', 2) });
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${upgrade.id}/approve`));
    expect(await waitForOrder(admin, upgrade.id)).toMatchObject({
      state: 'done',
      applied_plan: summaryOf('update', 2),
    });
  });

  test('planning stops when the order leaves approval; an order approved by its placer is not planned', async () => {
    const before = calls.signals.length;
    const placed = await placeCreate('abandoned', { hang: true });
    await orderWhen(admin, placed.id, () => calls.signals.length > before, 'the plan to start');
    const signal = calls.signals[calls.signals.length - 1];
    expect(signal.aborted).toBe(false);
    await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${placed.id}/reject`, { reason: 'not this one' }),
    );
    const rejected = await admin.expect(200, admin.get(`/orders/${placed.id}`));
    expect(rejected.plan).toMatchObject({ state: 'stopped', summary: null });
    const deadline = Date.now() + 5000;
    while (!signal.aborted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(signal.aborted).toBe(true);
    calls.releases.forEach((release) => release());
    await new Promise((r) => setTimeout(r, 200));
    expect((await admin.expect(200, admin.get(`/orders/${placed.id}`))).plan.state).toBe('stopped');
    expect(await eventsOf(placed.id, 'order.planned')).toHaveLength(0);

    // The provider's own order needs no approval: nothing to preview.
    const direct = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name: 'direct',
        attributes: { count: 1 },
      }),
    );
    expect(direct.plan).toBeNull();
    expect(await waitForOrder(admin, direct.id)).toMatchObject({ state: 'done', plan: null });
  });

  test('approving does not wait for the plan; the run starts once its aborted preview has ended', async () => {
    const before = calls.signals.length;
    const placed = await placeCreate('hurried', { hang: true, count: 2 });
    await orderWhen(admin, placed.id, () => calls.signals.length > before, 'the plan to start');
    const approved = await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${placed.id}/approve`));
    expect(approved).toMatchObject({ state: 'executing', plan: { state: 'stopped', summary: null } });
    const done = await waitForOrder(admin, placed.id);
    expect(done).toMatchObject({ state: 'done', plan: { state: 'stopped' }, applied_plan: summaryOf('create', 2) });
    expect(calls.plansEndedAtProvision).toEqual([true]);
  });

  test("an order's log is cut at its limit, and says so", async () => {
    const placed = await placeCreate('chatty', { chatty: 20 });
    await orderWhen(admin, placed.id, (o) => o.plan.state === 'planned', 'the plan');
    const logs = await logsOf(admin, placed.id);
    const texts = logs.map((entry) => entry.text);
    const bytes = texts.slice(0, -1).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    expect(bytes).toBe(LOG_LIMIT);
    expect(texts[texts.length - 1]).toContain(`log cut: the log of this order reached its limit of ${LOG_LIMIT} bytes`);
    // The run after approval writes nothing more.
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${placed.id}/approve`));
    expect((await waitForOrder(admin, placed.id)).state).toBe('done');
    expect(await logsOf(admin, placed.id)).toHaveLength(logs.length);
  });
});

describe.each(DATABASE_KINDS)('a plan preview across a restart on %s', (kind) => {
  test('a preview whose server died while planning is planned by the next one, once', async () => {
    const location = await freshDatabase(kind);
    const calls = planCalls();
    const worker = { pollIntervalMs: 50, staleAfterMs: 500, heartbeatIntervalMs: 100 };
    const plugins = () => new PluginRegistry([manualPlugin, allocationPlugin, plannedPlugin(calls)]);
    const first = await startTestServer(kind, { location, plugins: plugins(), worker });
    let second: TestServer | undefined;
    try {
      const admin = new Api(first.url, first.adminToken);
      const w = await makeWorld(admin, 'replan');
      const offering = await publishPlanned(w);
      const placed = await w.consumer.manager.api.expect(
        201,
        w.consumer.manager.api.post('/orders', {
          type: 'create',
          project_id: w.consumer.project.id,
          offering_id: offering.id,
          plan_id: offering.plan.id,
          name: 'survivor',
          attributes: { count: 4, hang: true, stubborn: true },
        }),
      );
      await orderWhen(admin, placed.id, () => calls.releases.length === 1, 'the first plan to hang');

      // The first server's worker dies mid-planning (no clean stop); a second server takes over.
      first.app.worker.abandon();
      second = await startTestServer(kind, { location, plugins: plugins(), worker });
      const api = new Api(second.url, second.adminToken);
      await orderWhen(api, placed.id, () => calls.releases.length === 2, 'the second plan to hang');
      calls.releases[0](); // the dead planner's call returns late: it must not be kept
      calls.releases[1]();
      const planned = await orderWhen(api, placed.id, (o) => o.plan.state !== 'planning', 'the plan');
      expect(planned).toMatchObject({
        state: 'pending-provider',
        plan: { state: 'planned', summary: summaryOf('create', 4) },
      });
      await new Promise((r) => setTimeout(r, 200));
      const events = await api.expect(200, api.get(`/events?object_id=${placed.id}&action=order.planned`));
      expect(events.items).toHaveLength(1);
      const logs = (await api.expect(200, api.get(`/orders/${placed.id}/logs`))).items;
      expect(logs.filter((entry: { step: string }) => entry.step === 'init')).toHaveLength(2);
    } finally {
      await second?.close();
      await first.close();
    }
  });
});
