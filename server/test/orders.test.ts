import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, waitForProviderHandOver, type World } from '@mercato/test-support/world';

describe.each(DATABASE_KINDS)('orders on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin);
  });
  afterAll(() => server.close());

  const create = (api: Api, offering: { id: string; plan: { id: string } }, extra: object = {}) =>
    api.post('/orders', {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: offering.id,
      plan_id: offering.plan.id,
      name: 'vm',
      attributes: { instance_type: 'general-purpose' },
      ...extra,
    });

  test('allocation order by a member needs consumer then provider approval, then completes by itself', async () => {
    const order = await w.consumer.member.api.expect(
      201,
      create(w.consumer.member.api, w.allocation, { limits: { cpu: 4 } }),
    );
    expect(order.state).toBe('pending-consumer');
    expect(order.awaiting).toMatch(/consumer approval/);
    const resource = await w.consumer.member.api.expect(
      200,
      w.consumer.member.api.get(`/resources/${order.resource_id}`),
    );
    expect(resource.state).toBe('Creating');
    // the member cannot approve its own order; the provider cannot approve for the consumer
    await w.consumer.member.api.expect(403, w.consumer.member.api.post(`/orders/${order.id}/approve`));
    await w.serviceManager.api.expect(403, w.serviceManager.api.post(`/orders/${order.id}/approve`));
    const approved = await w.consumer.manager.api.expect(
      200,
      w.consumer.manager.api.post(`/orders/${order.id}/approve`),
    );
    expect(approved.state).toBe('pending-provider');
    await w.consumer.manager.api.expect(403, w.consumer.manager.api.post(`/orders/${order.id}/approve`));
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${order.id}/approve`));
    const done = await waitForOrder(w.consumer.member.api, order.id);
    expect(done.state).toBe('done');
    const ok = await w.consumer.member.api.expect(200, w.consumer.member.api.get(`/resources/${order.resource_id}`));
    expect(ok).toMatchObject({
      state: 'OK',
      backend_id: `alloc-${order.resource_id}`,
      limits: { cpu: 4 },
      outputs: {},
    });
  });

  test('approvals are skipped for the project manager and for an auto-approving offering', async () => {
    const byManager = await w.consumer.manager.api.expect(201, create(w.consumer.manager.api, w.allocation));
    expect(byManager.state).toBe('pending-provider');
    expect(byManager.consumer_approved_by).toBe(w.consumer.manager.id);
    const auto = await w.consumer.owner.api.expect(201, create(w.consumer.owner.api, w.autoApproved));
    expect(['executing', 'done']).toContain(auto.state);
    expect((await waitForOrder(admin, auto.id)).state).toBe('done');
    const staff = await admin.expect(201, create(admin, w.allocation));
    expect((await waitForOrder(admin, staff.id)).state).toBe('done');
  });

  test('manual order waits for the provider, who completes it with outputs and secret outputs', async () => {
    const order = await w.consumer.owner.api.expect(201, create(w.consumer.owner.api, w.manual));
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${order.id}/approve`));
    const executing = await waitForOrder(admin, order.id, ['executing']);
    expect(executing.state).toBe('executing');
    await waitForProviderHandOver(admin, order.id, 2000);
    // the consumer cannot complete it
    await w.consumer.owner.api.expect(403, w.consumer.owner.api.post(`/orders/${order.id}/complete`, {}));
    const done = await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${order.id}/complete`, {
        backend_id: 'vm-42',
        outputs: { ip: '10.0.0.4' },
        secret_outputs: { root_password: 's3cret-pw' },
      }),
    );
    expect(done.state).toBe('done');
    const resource = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.get(`/resources/${order.resource_id}`),
    );
    expect(resource).toMatchObject({
      state: 'OK',
      backend_id: 'vm-42',
      outputs: { ip: '10.0.0.4' },
      secret_outputs: { root_password: 's3cret-pw' },
    });
    // secrets: never in lists, never for the provider side, never in events
    const list = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.get(`/resources?project_id=${w.consumer.project.id}`),
    );
    expect(JSON.stringify(list)).not.toContain('s3cret-pw');
    const providerView = await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.get(`/resources/${order.resource_id}`),
    );
    expect(providerView.secret_outputs).toBeUndefined();
    const events = await admin.expect(200, admin.get(`/events?object_id=${order.resource_id}`));
    expect(events.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('s3cret-pw');
    const offeringEvents = await admin.expect(200, admin.get(`/events?object_id=${w.manual.id}`));
    expect(JSON.stringify(offeringEvents)).not.toContain('provider-secret-value');
    const offering = await admin.expect(200, admin.get(`/offerings/${w.manual.id}`));
    expect(JSON.stringify(offering)).not.toContain('provider-secret-value');
    expect(offering.secret_option_keys).toEqual(['api_key']);
  });

  test('a failed manual order can be retried; an erred create leaves an Erred resource', async () => {
    const order = await admin.expect(201, create(admin, w.manual));
    await waitForOrder(admin, order.id, ['executing']);
    await waitForProviderHandOver(admin, order.id, 2000);
    const failed = await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${order.id}/fail`, { reason: 'no capacity in zone A' }),
    );
    expect(failed).toMatchObject({ state: 'erred', reason: 'no capacity in zone A' });
    expect((await admin.get(`/resources/${order.resource_id}`)).body.state).toBe('Erred');
    const retried = await admin.expect(200, admin.post(`/orders/${order.id}/retry`));
    expect(retried.state).toBe('executing');
    expect((await admin.get(`/resources/${order.resource_id}`)).body.state).toBe('Creating');
  });

  test('reject and cancel need a reason and end the resource', async () => {
    const a = await w.consumer.member.api.expect(201, create(w.consumer.member.api, w.allocation));
    const noReason = await w.consumer.manager.api.post(`/orders/${a.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const rejected = await w.consumer.manager.api.expect(
      200,
      w.consumer.manager.api.post(`/orders/${a.id}/reject`, { reason: 'over budget' }),
    );
    expect(rejected).toMatchObject({ state: 'rejected', reason: 'over budget' });
    expect((await admin.get(`/resources/${a.resource_id}`)).body.state).toBe('Terminated');
    const b = await w.consumer.member.api.expect(201, create(w.consumer.member.api, w.allocation));
    const canceled = await w.consumer.member.api.expect(
      200,
      w.consumer.member.api.post(`/orders/${b.id}/cancel`, { reason: 'ordered by mistake' }),
    );
    expect(canceled.state).toBe('canceled');
    await w.consumer.member.api.expect(409, w.consumer.member.api.post(`/orders/${b.id}/approve`));
  });

  test('update and terminate orders change and end a resource', async () => {
    const created = await admin.expect(201, create(admin, w.allocation, { limits: { cpu: 1 } }));
    await waitForOrder(admin, created.id);
    const update = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'update',
        resource_id: created.resource_id,
        limits: { cpu: 8 },
        attributes: { instance_type: 'compute-optimized' },
      }),
    );
    expect(update.changes.sort()).toEqual(['attributes', 'limits']);
    await waitForOrder(admin, update.id);
    const updated = await admin.expect(200, admin.get(`/resources/${created.resource_id}`));
    expect(updated).toMatchObject({
      state: 'OK',
      limits: { cpu: 8 },
      attributes: { instance_type: 'compute-optimized' },
    });
    const nothing = await admin.post('/orders', {
      type: 'update',
      resource_id: created.resource_id,
      limits: { cpu: 8 },
    });
    expect(nothing.status).toBe(400);
    // one open order per resource: a member's terminate waits for approval, meanwhile nothing else is accepted
    const pending = await w.consumer.member.api.expect(
      201,
      w.consumer.member.api.post('/orders', { type: 'terminate', resource_id: created.resource_id }),
    );
    expect(pending.state).toBe('pending-consumer');
    const second = await admin.post('/orders', {
      type: 'update',
      resource_id: created.resource_id,
      limits: { cpu: 2 },
    });
    expect(second.status).toBe(409);
    expect(second.body.errors[0].field).toBe('resource_id');
    await w.consumer.member.api.expect(
      200,
      w.consumer.member.api.post(`/orders/${pending.id}/cancel`, { reason: 'changed my mind' }),
    );
    expect((await admin.get(`/resources/${created.resource_id}`)).body.state).toBe('OK');
    const terminate = await admin.expect(
      201,
      admin.post('/orders', { type: 'terminate', resource_id: created.resource_id }),
    );
    await waitForOrder(admin, terminate.id);
    expect((await admin.get(`/resources/${created.resource_id}`)).body.state).toBe('Terminated');
  });

  test('attributes, limits, plan and version are validated with the JSON path of each error', async () => {
    const bad = await admin.post('/orders', {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: w.allocation.id,
      plan_id: w.allocation.plan.id,
      name: 'x',
      attributes: {
        instance_type: 'huge',
        node_pools: [
          { name: 'a', replicas: 2 },
          { name: 'b', replicas: 0 },
        ],
        colour: 'red',
      },
      limits: { ram: 3, cpu: -1 },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'attributes.instance_type',
        'attributes.node_pools[1].replicas',
        'attributes.colour',
        'limits.ram',
        'limits.cpu',
      ]),
    );
    const missing = await admin.post('/orders', {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: w.allocation.id,
      plan_id: w.allocation.plan.id,
      name: 'x',
      attributes: {},
    });
    expect(missing.body.errors).toEqual([{ field: 'attributes.instance_type', message: 'is required' }]);
    const badVersion = await create(admin, w.allocation, { version: '9.9.9' });
    expect(badVersion.status).toBe(422);
    expect(badVersion.body.errors[0].field).toBe('version');
    const badPlan = await create(admin, w.allocation, { plan_id: w.manual.plan.id });
    expect(badPlan.body.errors[0].field).toBe('plan_id');
    const unknownField = await create(admin, w.allocation, { colour: 'red' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0]).toEqual({ field: 'colour', message: 'is not a known field' });
  });

  test('a deprecated version takes no new resources but existing ones keep working', async () => {
    const existing = await admin.expect(201, create(admin, w.allocation));
    await waitForOrder(admin, existing.id);
    const [version] = (await admin.expect(200, admin.get(`/offering-versions?offering_id=${w.allocation.id}`))).items;
    await w.serviceManager.api.expect(
      201,
      w.serviceManager.api.post('/offering-versions', {
        offering_id: w.allocation.id,
        version: '1.1.0',
        options_schema: { type: 'object' },
      }),
    );
    await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.patch(`/offering-versions/${version.id}`, {
        status: 'deprecated',
        deprecation_message: 'end of life',
        replacement_version: '1.1.0',
      }),
    );
    const refused = await create(admin, w.allocation, { version: '1.0.0' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'version' });
    expect(refused.body.errors[0].message).toMatch(/deprecated: end of life; use 1.1.0/);
    const latest = await admin.expect(201, create(admin, w.allocation, { attributes: { anything: true } }));
    expect(latest.version).toBe('1.1.0');
    const update = await admin.expect(
      201,
      admin.post('/orders', { type: 'update', resource_id: existing.resource_id, limits: { cpu: 2 } }),
    );
    expect((await waitForOrder(admin, update.id)).state).toBe('done');
    const upgrade = await admin.expect(
      201,
      admin.post('/orders', { type: 'update', resource_id: existing.resource_id, version: '1.1.0' }),
    );
    expect((await waitForOrder(admin, upgrade.id)).state).toBe('done');
    expect((await admin.get(`/resources/${existing.resource_id}`)).body.version).toBe('1.1.0');
    await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.patch(`/offering-versions/${version.id}`, { status: 'available' }),
    );
  });

  test('an Idempotency-Key returns the same order for a retried create', async () => {
    const key = { 'idempotency-key': `key-${kind}` };
    const body = {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: w.allocation.id,
      plan_id: w.allocation.plan.id,
      name: 'once',
      attributes: { instance_type: 'general-purpose' },
    };
    const [a, b] = await Promise.all([admin.post('/orders', body, key), admin.post('/orders', body, key)]);
    const c = await admin.post('/orders', body, key);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(c.status).toBe(200);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    const resources = await admin.expect(200, admin.get(`/resources?project_id=${w.consumer.project.id}&name=once`));
    expect(resources.items).toHaveLength(1);
  });
});
