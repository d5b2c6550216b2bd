/**
 * Plan limits and quotas (issue 13): a plan's range per limit component refuses orders outside it
 * and fills in the default; quotas on a project or an organization are never passed, even by 20
 * orders placed at once, on both databases.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';

describe.each(DATABASE_KINDS)('plan limits and quotas on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let plan: { id: string; limits: object };

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin);
    plan = await w.serviceManager.api.expect(
      201,
      w.serviceManager.api.post('/plans', {
        offering_id: w.autoApproved.id,
        name: 'ranged',
        prices: { cpu: 5 },
        limits: { cpu: { minimum: 1, maximum: 64, default: 2 } },
      }),
    );
  });
  afterAll(() => server.close());

  const newProject = async (name: string) =>
    w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/projects', { organization_id: w.consumer.organization.id, name }),
    );

  const order = (projectId: string, limits?: object, name = 'vm') =>
    w.consumer.owner.api.post('/orders', {
      type: 'create',
      project_id: projectId,
      offering_id: w.autoApproved.id,
      plan_id: plan.id,
      name,
      attributes: { instance_type: 'general-purpose' },
      ...(limits ? { limits } : {}),
    });

  const liveResources = async (projectId: string) =>
    (await admin.expect(200, admin.get(`/resources?project_id=${projectId}&limit=100`))).items.filter(
      (r: { state: string }) => r.state !== 'Terminated',
    );

  test('a plan gives ranges only to limit components, with minimum ≤ default ≤ maximum, naming the field', async () => {
    const api = w.serviceManager.api;
    expect(plan.limits).toEqual({ cpu: { minimum: 1, maximum: 64, default: 2 } });
    const post = (limits: object) => api.post('/plans', { offering_id: w.autoApproved.id, name: 'bad', limits });
    const base = await post({ base: { maximum: 1 } });
    expect(base.status).toBe(422);
    expect(base.body.errors).toEqual([
      { field: 'limits.base', message: 'is not a limit component of the offering (limits: cpu)' },
    ]);
    const crossed = await post({ cpu: { minimum: 8, maximum: 4 } });
    expect(crossed.body.errors).toEqual([{ field: 'limits.cpu', message: 'minimum 8 is above maximum 4' }]);
    const outside = await post({ cpu: { minimum: 1, maximum: 4, default: 5 } });
    expect(outside.body.errors).toEqual([{ field: 'limits.cpu.default', message: '5 is outside 1 to 4' }]);
    const patched = await api.patch(`/plans/${plan.id}`, { limits: { cpu: { default: -1 } } });
    expect(patched.status).toBe(400);
    expect(patched.body.errors).toEqual([{ field: 'limits.cpu.default', message: 'must be >= 0' }]);
  });

  test('20 orders of cpu = 1,000,000 at once are all refused with the range; a missing limit takes the default', async () => {
    const project = await newProject('ranged');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => order(project.id, { cpu: 1_000_000 }, `big-${i}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(422));
    for (const a of answers)
      expect(a.body.errors).toEqual([
        { field: 'limits.cpu', message: "1000000 is outside plan ranged's range for cpu: 1 to 64" },
      ]);
    expect(await liveResources(project.id)).toEqual([]);

    const below = await order(project.id, { cpu: 0 });
    expect(below.body.errors).toEqual([
      { field: 'limits.cpu', message: "0 is outside plan ranged's range for cpu: 1 to 64" },
    ]);
    const defaulted = await w.consumer.owner.api.expect(201, order(project.id));
    expect(defaulted.limits).toEqual({ cpu: 2 });
    const exact = await w.consumer.owner.api.expect(201, order(project.id, { cpu: 64 }, 'edge'));
    expect(exact.limits).toEqual({ cpu: 64 });
  });

  test('an update order outside the range is refused; within it, granted', async () => {
    const project = await newProject('updated');
    const created = await w.consumer.owner.api.expect(201, order(project.id, { cpu: 4 }));
    await waitUntilOk(created.resource_id);
    const tooBig = await w.consumer.owner.api.post('/orders', {
      type: 'update',
      resource_id: created.resource_id,
      limits: { cpu: 65 },
    });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.errors).toEqual([
      { field: 'limits.cpu', message: "65 is outside plan ranged's range for cpu: 1 to 64" },
    ]);
    const fine = await w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/orders', { type: 'update', resource_id: created.resource_id, limits: { cpu: 16 } }),
    );
    expect(fine.limits).toEqual({ cpu: 16 });
  });

  async function waitUntilOk(resourceId: string) {
    for (let i = 0; i < 400; i++) {
      const resource = await admin.expect(200, admin.get(`/resources/${resourceId}`));
      if (resource.state === 'OK') return resource;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`resource ${resourceId} never became OK`);
  }

  test('a project quota of cpu 100: of 20 orders of 8 placed at once, exactly 12 are granted', async () => {
    const project = await newProject('quota cpu');
    const quota = await w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/quotas', { project_id: project.id, component: 'cpu', limit: 100 }),
    );
    expect(quota).toMatchObject({
      organization_id: w.consumer.organization.id,
      project_id: project.id,
      component: 'cpu',
      offering_id: null,
      limit: 100,
      usage: 0,
    });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => order(project.id, { cpu: 8 }, `q-${i}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(12).fill(201), ...Array(8).fill(409)]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.errors).toEqual([
      {
        field: 'limits.cpu',
        message: "the project's quota of cpu is 100; 96 is in use or ordered, this order would make it 104",
      },
    ]);
    expect(await liveResources(project.id)).toHaveLength(12);
    const read = await w.consumer.member.api.get(`/quotas/${quota.id}`);
    expect(read.status).toBe(404); // a member of another project of the organization does not see it
    const listed = await w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/quotas?project_id=${project.id}`));
    expect(listed.items.map((q: { id: string; usage: number }) => [q.id, q.usage])).toEqual([[quota.id, 96]]);

    // A limit change counts too: raising one resource past the quota is refused, lowering granted.
    const granted = answers.find((a) => a.status === 201)!.body;
    await waitUntilOk(granted.resource_id);
    const raise = await w.consumer.owner.api.post('/orders', {
      type: 'update',
      resource_id: granted.resource_id,
      limits: { cpu: 16 },
    });
    expect(raise.status).toBe(409);
    expect(raise.body.errors[0].field).toBe('limits.cpu');
    await w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/orders', { type: 'update', resource_id: granted.resource_id, limits: { cpu: 4 } }),
    );
  });

  test('an organization quota of resources per offering holds across its projects under 20 orders at once', async () => {
    const [a, b] = [await newProject('count a'), await newProject('count b')];
    const quota = await w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/quotas', {
        organization_id: w.consumer.organization.id,
        offering_id: w.autoApproved.slug,
        limit: 5,
      }),
    );
    const before = (await w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/quotas/${quota.id}`))).usage;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => order(i % 2 ? a.id : b.id, { cpu: 1 }, `n-${i}`)),
    );
    const granted = answers.filter((x) => x.status === 201).length;
    expect(granted).toBe(Math.max(0, 5 - before));
    expect(answers.filter((x) => x.status === 409)[0].body.errors[0].field).toBe('offering_id');
    expect((await w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/quotas/${quota.id}`))).usage).toBe(
      Math.max(before, 5),
    );
    await w.consumer.owner.api.expect(204, w.consumer.owner.api.delete(`/quotas/${quota.id}`));
  });

  test('owners and staff set quotas; members read them; other tenants see nothing', async () => {
    const project = w.consumer.project;
    const member = w.consumer.member.api;
    const denied = await member.post('/quotas', { project_id: project.id, component: 'cpu', limit: 1 });
    expect(denied.status).toBe(403);
    const managerDenied = await w.consumer.manager.api.post('/quotas', {
      organization_id: w.consumer.organization.id,
      component: 'cpu',
      limit: 1,
    });
    expect(managerDenied.status).toBe(403);
    const quota = await admin.expect(
      201,
      admin.post('/quotas', { project_id: project.id, component: 'ram', limit: 10 }),
    );
    expect((await member.expect(200, member.get(`/quotas/${quota.id}`))).limit).toBe(10);
    const twice = await admin.post('/quotas', { project_id: project.id, component: 'ram', limit: 20 });
    expect(twice.status).toBe(409);
    const both = await admin.post('/quotas', {
      project_id: project.id,
      component: 'ram',
      offering_id: w.manual.id,
      limit: 1,
    });
    expect(both.body.errors[0].field).toBe('component');
    const changed = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.patch(`/quotas/${quota.id}`, { limit: 12 }),
    );
    expect(changed.limit).toBe(12);
    expect((await member.patch(`/quotas/${quota.id}`, { limit: 99 })).status).toBe(403);
    const other = w.other.owner.api;
    expect((await other.get(`/quotas/${quota.id}`)).status).toBe(404);
    expect((await other.expect(200, other.get('/quotas'))).items).toEqual([]);
    expect((await other.post('/quotas', { project_id: project.id, component: 'cpu', limit: 1 })).status).toBe(422);
    const events = await admin.expect(200, admin.get(`/events?object_id=${quota.id}`));
    expect(events.items.map((e: { action: string }) => e.action).sort()).toEqual(['quota.created', 'quota.updated']);
  });
});
