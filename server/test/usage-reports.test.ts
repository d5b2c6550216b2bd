/**
 * Usage reports (issue 13): `POST /usage-reports` by an offering's provider, the same report id
 * replacing its amount, different ids adding up in `GET /resources/{id}/usage`, and every refusal
 * with its status and field. Pulled usage goes the same way (pulls.test.ts).
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';

const month = (offset = 0) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};

describe.each(DATABASE_KINDS)('usage reports on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let offering: { id: string; slug: string; plan: { id: string } };

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `ur-${kind}`);
    const sm = w.serviceManager.api;
    const created = await sm.expect(
      201,
      sm.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: `Object storage ${kind}`,
        type: 'allocation',
        status: 'active',
        auto_approve: true,
        components: [
          { type: 'storage', name: 'Stored data', measured_unit: 'GB', billing_type: 'usage' },
          { type: 'egress', name: 'Outbound traffic', measured_unit: 'GB', billing_type: 'usage' },
          { type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' },
        ],
      }),
    );
    await sm.expect(201, sm.post('/offering-versions', { offering_id: created.id, version: '1.0.0' }));
    const plan = await sm.expect(201, sm.post('/plans', { offering_id: created.id, name: 'one', unit: 'month' }));
    offering = { ...created, plan };
  });
  afterAll(() => server.close());

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

  /** Moves the resource's done create (and terminate) order to earlier months: a life that spans several. */
  async function setLife(resourceId: string, createdAt: string, terminatedAt?: string) {
    const set = (type: 'create' | 'terminate', at: string) =>
      server.app.db
        .updateTable('orders')
        .set({ completed_at: at })
        .where('resource_id', '=', resourceId)
        .where('type', '=', type)
        .where('state', '=', 'done')
        .execute();
    await set('create', createdAt);
    if (terminatedAt) await set('terminate', terminatedAt);
  }

  const report = (api: Api, body: Record<string, unknown>) => api.post('/usage-reports', body);
  const usage = (id: string, period = month()) =>
    w.consumer.member.api.expect(200, w.consumer.member.api.get(`/resources/${id}/usage?period=${period}`));

  test('the provider reports; the same report id replaces the amount, never adds', async () => {
    const id = await createResource('replaced');
    const sm = w.serviceManager;
    const body = { resource_id: id, component: 'storage', period: month(), amount: '10.50', report_id: 'r-1' };
    const first = await sm.api.expect(201, report(sm.api, body));
    expect(first).toEqual({
      id: expect.any(String),
      resource_id: id,
      component: 'storage',
      period: month(),
      report_id: 'r-1',
      amount: '10.5',
      reported_by: sm.id,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const replaced = await w.providerOwner.api.expect(200, report(w.providerOwner.api, { ...body, amount: 7 }));
    expect(replaced).toMatchObject({ id: first.id, amount: '7', reported_by: w.providerOwner.id });
    expect(replaced.created_at).toBe(first.created_at);
    expect(await usage(id)).toEqual({
      period: month(),
      items: [{ component: 'storage', amount: '7', report_id: 'r-1', updated_at: replaced.updated_at }],
      totals: [{ component: 'storage', amount: '7' }],
    });

    const events = await admin.expect(200, admin.get(`/events?object_id=${id}`));
    const reported = events.items.filter((e: { action: string }) => e.action === 'usage.reported');
    expect(reported.map((e: { changes: unknown }) => e.changes)).toEqual(
      expect.arrayContaining([
        { component: 'storage', period: month(), report_id: 'r-1', amount: { from: null, to: '10.5' } },
        { component: 'storage', period: month(), report_id: 'r-1', amount: { from: '10.5', to: '7' } },
      ]),
    );
    expect(reported[0]).toMatchObject({
      organization_id: w.consumer.organization.id,
      project_id: w.consumer.project.id,
      provider_organization_id: w.provider.id,
    });
  });

  test('different report ids add up, exactly; no report id is the one `default` report', async () => {
    const id = await createResource('added');
    const sm = w.serviceManager.api;
    const base = { resource_id: id, period: month() };
    await sm.expect(201, report(sm, { ...base, component: 'egress', amount: '0.1', report_id: 'a' }));
    await sm.expect(201, report(sm, { ...base, component: 'egress', amount: 0.2, report_id: 'b' }));
    const unnamed = await sm.expect(201, report(sm, { ...base, component: 'storage', amount: '1' }));
    expect(unnamed.report_id).toBe('default');
    await sm.expect(200, report(sm, { ...base, component: 'storage', amount: '2' }));
    // Staff report too.
    await admin.expect(201, report(admin, { ...base, component: 'storage', amount: '0.000000001', report_id: 'x' }));
    const shown = await usage(id);
    expect(shown.items.map((i: { component: string; report_id: string; amount: string }) => i)).toEqual([
      expect.objectContaining({ component: 'egress', report_id: 'a', amount: '0.1' }),
      expect.objectContaining({ component: 'egress', report_id: 'b', amount: '0.2' }),
      expect.objectContaining({ component: 'storage', report_id: 'default', amount: '2' }),
      expect.objectContaining({ component: 'storage', report_id: 'x', amount: '0.000000001' }),
    ]);
    expect(shown.totals).toEqual([
      { component: 'egress', amount: '0.3' },
      { component: 'storage', amount: '2.000000001' },
    ]);
  });

  test('an unknown component, a bad amount and a period outside the life are refused, naming the field', async () => {
    const id = await createResource('refused');
    const sm = w.serviceManager.api;
    const base = { resource_id: id, component: 'storage', period: month(), amount: '1' };
    const refused = async (status: number, body: Record<string, unknown>) =>
      (await sm.expect(status, report(sm, { ...base, ...body }))).errors;

    expect(await refused(422, { component: 'base' })).toEqual([
      {
        field: 'component',
        message: `is not a usage component of offering ${offering.slug}; one of its usage components: storage, egress`,
      },
    ]);
    expect(await refused(422, { component: 'gpu' })).toEqual([expect.objectContaining({ field: 'component' })]);
    for (const amount of [-1, '-0.5', '1,5', '1e3', 'ten', ''])
      expect(await refused(400, { amount })).toEqual([expect.objectContaining({ field: 'amount' })]);
    expect(await refused(400, { period: '2026-13' })).toEqual([expect.objectContaining({ field: 'period' })]);
    expect(await refused(422, { period: month(-1) })).toEqual([
      { field: 'period', message: `is before ${month()}, when the resource was created` },
    ]);
    expect(await refused(422, { period: month(1) })).toEqual([
      { field: 'period', message: `is after ${month()}, the current month` },
    ]);
    expect(await refused(422, { report_id: 'pull' })).toEqual([expect.objectContaining({ field: 'report_id' })]);
    expect(await refused(422, { component: 'gpu', period: month(-1) })).toEqual([
      expect.objectContaining({ field: 'component' }),
      expect.objectContaining({ field: 'period' }),
    ]);
    expect((await usage(id)).items).toEqual([]);
  });

  test("a terminated resource's life ends with the month of its terminate order", async () => {
    const id = await createResource('terminated');
    const api = w.consumer.owner.api;
    const terminate = await api.expect(201, api.post('/orders', { type: 'terminate', resource_id: id }));
    expect((await waitForOrder(admin, terminate.id)).state).toBe('done');
    await setLife(id, '2025-01-31T23:59:59.000Z', '2025-03-01T00:00:00.000Z');
    const sm = w.serviceManager.api;
    const at = (period: string) => report(sm, { resource_id: id, component: 'egress', period, amount: 1 });
    expect((await sm.expect(422, at('2024-12'))).errors).toEqual([
      { field: 'period', message: 'is before 2025-01, when the resource was created' },
    ]);
    await sm.expect(201, at('2025-01'));
    await sm.expect(201, at('2025-03'));
    expect((await sm.expect(422, at('2025-04'))).errors).toEqual([
      { field: 'period', message: 'is after 2025-03, when the resource was terminated' },
    ]);
  });

  test('a resource whose create order is not done has no life yet', async () => {
    const api = w.consumer.owner.api;
    // The manual offering is not auto-approved: its create order waits for approval.
    const order = await api.expect(
      201,
      api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: w.manual.id,
        plan_id: w.manual.plan.id,
        name: 'pending',
        attributes: { instance_type: 'general-purpose' },
      }),
    );
    const sm = w.serviceManager.api;
    const body = { resource_id: order.resource_id, component: 'cpu', period: month(), amount: 1 };
    expect((await sm.expect(422, report(sm, body))).errors).toEqual([
      expect.objectContaining({ field: 'component', message: expect.stringContaining('it has no usage component') }),
      { field: 'period', message: 'the resource has no life yet: its create order is not done' },
    ]);
  });

  test('a closed month takes no report: 409 naming period', async () => {
    const id = await createResource('closed');
    await setLife(id, '2025-05-10T00:00:00.000Z');
    const sm = w.serviceManager.api;
    const at = (period: string) => report(sm, { resource_id: id, component: 'storage', period, amount: 3 });
    await sm.expect(201, at('2025-06'));
    await admin.expect(201, admin.post('/invoices/close', { period: '2025-06' }));
    const closed = await sm.expect(409, at('2025-06'));
    expect(closed.errors).toEqual([{ field: 'period', message: expect.stringContaining('2025-06 was closed') }]);
    await sm.expect(201, at('2025-07'));
    expect((await usage(id, '2025-06')).totals).toEqual([{ component: 'storage', amount: '3' }]);
  });

  test("the resource's consumers are refused (403), strangers never learn it exists (404)", async () => {
    const id = await createResource('guarded');
    const body = { resource_id: id, component: 'storage', period: month(), amount: 1 };
    for (const consumer of [w.consumer.owner, w.consumer.manager, w.consumer.member])
      expect((await consumer.api.expect(403, report(consumer.api, body))).detail).toBe(
        "only the offering's provider reports a resource's usage",
      );
    const stranger = await w.other.owner.api.expect(404, report(w.other.owner.api, body));
    const missing = await w.serviceManager.api.expect(
      404,
      report(w.serviceManager.api, { ...body, resource_id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(stranger.errors).toEqual([{ field: 'resource_id', message: 'is not a resource you provide' }]);
    expect(missing.errors).toEqual(stranger.errors);
    expect((await usage(id)).items).toEqual([]);
  });
});
