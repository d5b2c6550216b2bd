import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, makeWorld, VM_SCHEMA, waitForOrder, type Actor, type World } from '@mercato/test-support/world';

/**
 * Tenant isolation: whatever belongs to another organization does not exist for the caller.
 * Every item route answers 404 (never 403, which would confirm the object exists), every list
 * leaves the other tenant's items out, even when filtered by their ids. Each refusal is paired
 * with the same call by someone who may make it, so a wrong path cannot pass as a 404.
 */
describe.each(DATABASE_KINDS)('tenant isolation on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  /** Objects of the consumer tenant "A" that tenant "B" (w.other) must never see. */
  let a: {
    pendingOrder: any;
    doneOrder: any;
    erredOrder: any;
    resource: any;
    tokenId: string;
  };
  /** A second provider with a draft offering, its version and its plan. */
  let q: { owner: Actor; organization: any; draft: any; version: any; plan: any };
  let stranger: Actor;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 20 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `iso-${kind}`);
    const { consumer } = w;
    const order = (api: Api, offering: { id: string; plan: { id: string } }, name: string) =>
      api.expect(
        201,
        api.post('/orders', {
          type: 'create',
          project_id: consumer.project.id,
          offering_id: offering.id,
          plan_id: offering.plan.id,
          name,
          attributes: { instance_type: 'general-purpose' },
        }),
      );
    // pending: placed by a member, waiting for the consumer approval
    const pendingOrder = await order(consumer.member.api, w.allocation, 'pending-vm');
    // done: the resource is OK
    const doneOrder = await order(consumer.owner.api, w.autoApproved, 'done-vm');
    await waitForOrder(admin, doneOrder.id);
    // erred: a manual order the provider failed
    const erredOrder = await order(consumer.owner.api, w.manual, 'erred-vm');
    await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${erredOrder.id}/approve`));
    for (let i = 0; i < 200; i++) {
      const o = (await admin.get(`/orders/${erredOrder.id}`)).body;
      if (o.state === 'executing' && o.awaiting !== 'provisioning') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${erredOrder.id}/fail`, { reason: 'no capacity' }),
    );
    const resource = await consumer.owner.api.expect(
      200,
      consumer.owner.api.get(`/resources/${doneOrder.resource_id}`),
    );
    const tokens = await consumer.owner.api.expect(200, consumer.owner.api.get(`/users/${consumer.owner.id}/tokens`));
    a = { pendingOrder, doneOrder, erredOrder, resource, tokenId: tokens.items[0].id };

    const owner = await makeUser(admin, `iso-${kind}-q-owner`);
    const organization = await owner.api.expect(201, owner.api.post('/organizations', { name: 'Q Provider' }));
    const draft = await owner.api.expect(
      201,
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: w.category.id,
        name: 'Zephyr secret draft',
        slug: `zephyr-draft-${kind}`,
        type: 'allocation',
        description: 'unannounced quasar service',
        tags: ['zephyrtag'],
        platform: 'gcp',
        components: [{ type: 'cpu', name: 'CPU', measured_unit: 'cores', billing_type: 'limit' }],
      }),
    );
    expect(draft.status).toBe('draft');
    const version = await owner.api.expect(
      201,
      owner.api.post('/offering-versions', { offering_id: draft.id, version: '0.1.0', options_schema: VM_SCHEMA }),
    );
    const plan = await owner.api.expect(
      201,
      owner.api.post('/plans', { offering_id: draft.id, name: 'preview', prices: { cpu: 1 } }),
    );
    q = { owner, organization, draft, version, plan };
    stranger = await makeUser(admin, `iso-${kind}-stranger`);
  });
  afterAll(() => server.close());

  /** The intruders: every role of the other consumer tenant, the other provider and a user with no roles. */
  const intruders = (): [string, Actor][] => [
    ['other owner', w.other.owner],
    ['other manager', w.other.manager],
    ['other member', w.other.member],
    ['other provider', q.owner],
    ['user with no roles', stranger],
  ];

  /** Asserts 404 problem+json for every intruder, and that `allowed` gets `okStatus` on the very same call. */
  async function hiddenFromIntruders(method: string, path: string, body: unknown, allowed: Api | null, okStatus = 200) {
    for (const [who, intruder] of intruders()) {
      const response = await intruder.api.request(method, path, body);
      if (response.status !== 404)
        throw new Error(
          `${who}: ${method} ${path} answered ${response.status}, not 404: ${JSON.stringify(response.body)}`,
        );
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
    }
    if (allowed) {
      const control = await allowed.request(method, path, body);
      if (control.status !== okStatus)
        throw new Error(
          `control: ${method} ${path} answered ${control.status}, not ${okStatus}: ${JSON.stringify(control.body)}`,
        );
    }
  }

  test('organizations: get, change, delete, list and grant members of another tenant are 404', async () => {
    const org = w.consumer.organization.id;
    const owner = w.consumer.owner.api;
    await hiddenFromIntruders('GET', `/organizations/${org}`, undefined, owner);
    await hiddenFromIntruders('GET', `/organizations/${org}/members`, undefined, owner);
    await hiddenFromIntruders('PATCH', `/organizations/${org}`, { description: 'taken over' }, owner);
    await hiddenFromIntruders(
      'POST',
      `/organizations/${org}/members`,
      { user_id: w.other.owner.id, role: 'owner' },
      null,
    );
    await hiddenFromIntruders('DELETE', `/organizations/${org}/members/${w.consumer.owner.id}`, undefined, null);
    // delete: 404 for intruders; the owner is refused only because projects remain (409, so it exists for it)
    await hiddenFromIntruders('DELETE', `/organizations/${org}`, undefined, owner, 409);
    // nothing changed by an intruder: only the owner's own change is recorded
    const updates = await admin.expect(200, admin.get(`/events?object_id=${org}&action=organization.updated`));
    expect(updates.items.map((e: { actor_id: string }) => e.actor_id)).toEqual([w.consumer.owner.id]);
    const members = await owner.expect(200, owner.get(`/organizations/${org}/members`));
    expect(members.items.map((m: { user_id: string }) => m.user_id)).toEqual([w.consumer.owner.id]);
  });

  test('an empty organization of another tenant cannot be deleted by an intruder', async () => {
    const owner = w.consumer.owner.api;
    const empty = await owner.expect(201, owner.post('/organizations', { name: 'empty one' }));
    await hiddenFromIntruders('DELETE', `/organizations/${empty.id}`, undefined, owner, 204);
  });

  test('projects: get, change, delete, list and grant members of another tenant are 404', async () => {
    const project = w.consumer.project.id;
    const owner = w.consumer.owner.api;
    await hiddenFromIntruders('GET', `/projects/${project}`, undefined, w.consumer.member.api);
    await hiddenFromIntruders('GET', `/projects/${project}/members`, undefined, w.consumer.member.api);
    await hiddenFromIntruders('PATCH', `/projects/${project}`, { name: 'renamed by intruder' }, w.consumer.manager.api);
    await hiddenFromIntruders(
      'POST',
      `/projects/${project}/members`,
      { user_id: w.other.member.id, role: 'member' },
      null,
    );
    await hiddenFromIntruders('DELETE', `/projects/${project}/members/${w.consumer.member.id}`, undefined, null);
    await hiddenFromIntruders('DELETE', `/projects/${project}`, undefined, owner, 409);
    const members = await owner.expect(200, owner.get(`/projects/${project}/members`));
    expect(members.items.map((m: { user_id: string }) => m.user_id).sort()).toEqual(
      [w.consumer.manager.id, w.consumer.member.id].sort(),
    );
    await owner.expect(200, owner.patch(`/projects/${project}`, { name: 'consumer project' }));
  });

  test("users: another tenant's users, their tokens and token revocation are 404", async () => {
    for (const user of [w.consumer.owner, w.consumer.manager, w.consumer.member]) {
      await hiddenFromIntruders('GET', `/users/${user.id}`, undefined, w.consumer.owner.api);
      await hiddenFromIntruders('PATCH', `/users/${user.id}`, { email: 'stolen@example.com' }, null);
      await hiddenFromIntruders('GET', `/users/${user.id}/tokens`, undefined, user.api);
      await hiddenFromIntruders('POST', `/users/${user.id}/tokens`, { name: 'stolen' }, null);
    }
    await hiddenFromIntruders('DELETE', `/users/${w.consumer.owner.id}/tokens/${a.tokenId}`, undefined, null);
    // the token still works and the email is unchanged
    const me = await w.consumer.owner.api.expect(200, w.consumer.owner.api.get('/users/me'));
    expect(me.email).toBe(`iso-${kind}-consumer-owner@example.com`);
  });

  test('orders: get and every action on an order of another tenant are 404', async () => {
    const routes: [string, unknown, string][] = [
      ['approve', undefined, a.pendingOrder.id],
      ['reject', { reason: 'intruder' }, a.pendingOrder.id],
      ['cancel', { reason: 'intruder' }, a.pendingOrder.id],
      ['complete', { backend_id: 'x' }, a.pendingOrder.id],
      ['fail', { reason: 'intruder' }, a.pendingOrder.id],
      ['retry', undefined, a.erredOrder.id],
    ];
    for (const id of [a.pendingOrder.id, a.doneOrder.id, a.erredOrder.id]) {
      await hiddenFromIntruders('GET', `/orders/${id}`, undefined, w.consumer.member.api);
    }
    for (const [action, body, id] of routes) {
      // actions on a visible order would answer 200, 403 or 409; an intruder only ever gets 404
      await hiddenFromIntruders('POST', `/orders/${id}/${action}`, body, null);
    }
    expect((await admin.get(`/orders/${a.pendingOrder.id}`)).body.state).toBe('pending-consumer');
    expect((await admin.get(`/orders/${a.erredOrder.id}`)).body.state).toBe('erred');
    // the provider of the offering does see the order (it approves it): by design
    await w.serviceManager.api.expect(200, w.serviceManager.api.get(`/orders/${a.pendingOrder.id}`));
  });

  test('resources: get and rename a resource of another tenant are 404; changing it by order is refused', async () => {
    await hiddenFromIntruders('GET', `/resources/${a.resource.id}`, undefined, w.consumer.member.api);
    await hiddenFromIntruders('PATCH', `/resources/${a.resource.id}`, { name: 'hijacked' }, w.consumer.member.api);
    await w.consumer.member.api.expect(
      200,
      w.consumer.member.api.patch(`/resources/${a.resource.id}`, { name: 'done-vm' }),
    );
    for (const [who, intruder] of intruders()) {
      for (const change of [
        { type: 'terminate', resource_id: a.resource.id },
        { type: 'update', resource_id: a.resource.id, limits: { cpu: 64 } },
      ]) {
        const response = await intruder.api.post('/orders', change);
        expect([who, response.status]).toEqual([who, 422]);
        expect(response.body.errors[0].field).toBe('resource_id');
      }
    }
    expect((await admin.get(`/resources/${a.resource.id}`)).body.state).toBe('OK');
  });

  test("creating an order, project or offering in another tenant's organization is refused naming the field", async () => {
    for (const [who, intruder] of intruders()) {
      const order = await intruder.api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: w.allocation.id,
        plan_id: w.allocation.plan.id,
        name: 'intrusion',
        attributes: { instance_type: 'general-purpose' },
      });
      expect([who, order.status]).toEqual([who, 422]);
      expect(order.body.errors).toEqual([
        { field: 'project_id', message: expect.stringContaining(w.consumer.project.id) },
      ]);
      const project = await intruder.api.post('/projects', {
        organization_id: w.consumer.organization.id,
        name: 'intrusion',
      });
      expect([who, project.status]).toEqual([who, 422]);
      expect(project.body.errors[0].field).toBe('organization_id');
      const offering = await intruder.api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'fake offering',
        type: 'manual',
      });
      expect([who, offering.status]).toEqual([who, 422]);
      expect(offering.body.errors[0].field).toBe('organization_id');
    }
    const resources = await admin.expect(200, admin.get(`/resources?name=intrusion`));
    expect(resources.items).toEqual([]);
  });

  test("an Idempotency-Key is the caller's own: the same key from another tenant replays nothing of it", async () => {
    const key = { 'idempotency-key': `shared-key-${kind}` };
    const mine = await w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/organizations', { name: 'keyed by A' }, key),
    );
    const theirs = await w.other.owner.api.post('/organizations', { name: 'keyed by B' }, key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.id);
    expect(theirs.body.name).toBe('keyed by B');
    // orders keep their own key: the same key from B places B's own order (or is refused), never returns A's
    const orderKey = { 'idempotency-key': `order-key-${kind}` };
    const body = (project: string) => ({
      type: 'create',
      project_id: project,
      offering_id: w.allocation.id,
      plan_id: w.allocation.plan.id,
      name: 'keyed',
      attributes: { instance_type: 'general-purpose' },
    });
    const aOrder = await w.consumer.owner.api.expect(
      201,
      w.consumer.owner.api.post('/orders', body(w.consumer.project.id), orderKey),
    );
    const bOrder = await w.other.owner.api.post('/orders', body(w.consumer.project.id), orderKey);
    expect(bOrder.status).toBe(422);
    expect(JSON.stringify(bOrder.body)).not.toContain(aOrder.id);
    const bOwn = await w.other.owner.api.expect(
      201,
      w.other.owner.api.post('/orders', body(w.other.project.id), orderKey),
    );
    expect(bOwn.id).not.toBe(aOrder.id);
    expect(bOwn.project_id).toBe(w.other.project.id);
  });

  test("lists never include another tenant's items, even filtered by their ids", async () => {
    const aIds = new Set<string>([
      w.consumer.organization.id,
      w.consumer.project.id,
      w.consumer.owner.id,
      w.consumer.manager.id,
      w.consumer.member.id,
      a.pendingOrder.id,
      a.doneOrder.id,
      a.erredOrder.id,
      a.pendingOrder.resource_id,
      a.doneOrder.resource_id,
      a.erredOrder.resource_id,
    ]);
    const leaks = (items: { id?: string }[]) => items.filter((item) => item.id && aIds.has(item.id));
    for (const [who, intruder] of intruders()) {
      for (const path of [
        '/organizations',
        '/projects',
        '/users',
        '/orders',
        '/resources',
        `/projects?organization_id=${w.consumer.organization.id}`,
        `/orders?project_id=${w.consumer.project.id}`,
        `/resources?project_id=${w.consumer.project.id}`,
        `/orders?offering_id=${w.allocation.id}`,
        `/resources?offering_id=${w.autoApproved.id}`,
        `/users?username=iso-${kind}-consumer-owner`,
        `/organizations?name=${encodeURIComponent(w.consumer.organization.name)}`,
      ]) {
        const list = await intruder.api.expect(200, intruder.api.get(path));
        expect([who, path, leaks(list.items)]).toEqual([who, path, []]);
      }
      // filtered by the other tenant's ids, the lists are simply empty
      for (const path of [
        `/projects?organization_id=${w.consumer.organization.id}`,
        `/orders?project_id=${w.consumer.project.id}`,
        `/resources?project_id=${w.consumer.project.id}`,
      ]) {
        const list = await intruder.api.expect(200, intruder.api.get(path));
        expect([who, path, list.items]).toEqual([who, path, []]);
      }
    }
    // the user with no roles sees only itself
    const users = await stranger.api.expect(200, stranger.api.get('/users'));
    expect(users.items.map((u: { id: string }) => u.id)).toEqual([stranger.id]);
    for (const path of ['/organizations', '/projects', '/orders', '/resources']) {
      expect((await stranger.api.expect(200, stranger.api.get(path))).items).toEqual([]);
    }
    // control: the tenant itself sees its items in the same lists
    const own = await w.consumer.owner.api.expect(
      200,
      w.consumer.owner.api.get(`/orders?project_id=${w.consumer.project.id}`),
    );
    expect(own.items.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([a.pendingOrder.id, a.doneOrder.id, a.erredOrder.id]),
    );
    const otherOwn = await w.other.owner.api.expect(200, w.other.owner.api.get('/projects'));
    expect(otherOwn.items.map((p: { id: string }) => p.id)).toEqual([w.other.project.id]);
  });

  test("events: another tenant's events never appear, filtered by its objects or not", async () => {
    const objects = [
      w.consumer.organization.id,
      w.consumer.project.id,
      a.pendingOrder.id,
      a.doneOrder.id,
      a.resource.id,
      a.erredOrder.id,
    ];
    // control: the consumer owner does see events of each of its objects
    for (const id of objects) {
      const own = await w.consumer.owner.api.expect(200, w.consumer.owner.api.get(`/events?object_id=${id}`));
      expect([id, own.items.length > 0]).toEqual([id, true]);
    }
    for (const [who, intruder] of intruders()) {
      for (const id of objects) {
        const events = await intruder.api.expect(200, intruder.api.get(`/events?object_id=${id}`));
        expect([who, id, events.items]).toEqual([who, id, []]);
      }
      for (const filter of [
        `organization_id=${w.consumer.organization.id}`,
        `project_id=${w.consumer.project.id}`,
        `actor_id=${w.consumer.owner.id}`,
      ]) {
        const events = await intruder.api.expect(200, intruder.api.get(`/events?${filter}`));
        expect([who, filter, events.items]).toEqual([who, filter, []]);
      }
      const all = await intruder.api.expect(200, intruder.api.get('/events?limit=500'));
      const leaked = all.items.filter(
        (e: any) =>
          objects.includes(e.object_id) ||
          e.organization_id === w.consumer.organization.id ||
          e.project_id === w.consumer.project.id ||
          e.actor_id === w.consumer.owner.id ||
          e.actor_id === w.consumer.member.id,
      );
      expect([who, leaked]).toEqual([who, []]);
    }
    // a consumer never sees the provider's catalog events (nor another provider its drafts' events)
    for (const [who, intruder] of [
      ...intruders().filter(([, i]) => i !== q.owner),
      ['provider P', w.serviceManager] as [string, Actor],
    ]) {
      const all = await intruder.api.expect(200, intruder.api.get('/events?limit=500'));
      expect([
        who,
        all.items.filter((e: any) => e.object_id === q.draft.id || e.provider_organization_id === q.organization.id),
      ]).toEqual([who, []]);
    }
    const qEvents = await q.owner.api.expect(200, q.owner.api.get(`/events?object_id=${q.draft.id}`));
    expect(qEvents.items.map((e: { action: string }) => e.action)).toContain('offering.created');
  });

  test('a draft of another provider is hidden: by id, by slug, its versions and plans, in search', async () => {
    const outsiders: [string, Actor][] = [
      ['provider P owner', w.providerOwner],
      ['provider P service manager', w.serviceManager],
      ['consumer owner', w.consumer.owner],
      ['user with no roles', stranger],
    ];
    const { draft, version, plan } = q;
    for (const [who, outsider] of outsiders) {
      for (const [method, path, body] of [
        ['GET', `/offerings/${draft.id}`, undefined],
        ['GET', `/offerings/${draft.slug}`, undefined],
        ['PATCH', `/offerings/${draft.id}`, { status: 'active' }],
        ['DELETE', `/offerings/${draft.id}`, undefined],
        ['GET', `/offering-versions/${version.id}`, undefined],
        ['PATCH', `/offering-versions/${version.id}`, { status: 'deprecated' }],
        ['DELETE', `/offering-versions/${version.id}`, undefined],
        ['GET', `/plans/${plan.id}`, undefined],
        ['PATCH', `/plans/${plan.id}`, { archived: true }],
        ['DELETE', `/plans/${plan.id}`, undefined],
      ] as [string, string, unknown][]) {
        const response = await outsider.api.request(method, path, body);
        expect([who, method, path, response.status]).toEqual([who, method, path, 404]);
      }
      const lists = [
        `/offerings?slug=${draft.slug}`,
        `/offerings?q=zephyr`,
        `/offerings?q=quasar`,
        `/offerings?tags=zephyrtag`,
        `/offerings?organization_id=${q.organization.id}`,
        `/offerings?status=draft`,
        `/offering-versions?offering_id=${draft.id}`,
        `/plans?offering_id=${draft.id}`,
      ];
      for (const path of lists) {
        const list = await outsider.api.expect(200, outsider.api.get(path));
        expect([who, path, list.items]).toEqual([who, path, []]);
        if (path.startsWith('/offerings')) expect([who, path, list.total]).toEqual([who, path, 0]);
      }
      const everything = await outsider.api.expect(200, outsider.api.get('/offerings?limit=500'));
      expect(everything.items.map((o: { id: string }) => o.id)).not.toContain(draft.id);
      // the draft counts in no facet either
      expect(everything.facets.organization.map((f: { value: string }) => f.value)).not.toContain(q.organization.id);
      expect(everything.facets.status.map((f: { value: string }) => f.value)).not.toContain('draft');
      expect(everything.facets.version.map((f: { value: string }) => f.value)).not.toContain('0.1.0');
      const versions = await outsider.api.expect(200, outsider.api.get('/offering-versions?limit=500'));
      expect(versions.items.map((v: { id: string }) => v.id)).not.toContain(version.id);
      const plans = await outsider.api.expect(200, outsider.api.get('/plans?limit=500'));
      expect(plans.items.map((p: { id: string }) => p.id)).not.toContain(plan.id);
      // adding to it or ordering it: the reference does not exist
      const addVersion = await outsider.api.post('/offering-versions', { offering_id: draft.id, version: '9.0.0' });
      expect([who, addVersion.status, addVersion.body.errors[0].field]).toEqual([who, 422, 'offering_id']);
      const addPlan = await outsider.api.post('/plans', { offering_id: draft.id, name: 'x' });
      expect([who, addPlan.status, addPlan.body.errors[0].field]).toEqual([who, 422, 'offering_id']);
      const order = await outsider.api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: draft.slug,
        plan_id: plan.id,
        name: 'x',
        attributes: { instance_type: 'general-purpose' },
      });
      expect(order.status).toBe(422);
    }
    // its provider and staff see it everywhere
    for (const api of [q.owner.api, admin]) {
      expect((await api.expect(200, api.get(`/offerings/${draft.slug}`))).id).toBe(draft.id);
      await api.expect(200, api.get(`/offering-versions/${version.id}`));
      await api.expect(200, api.get(`/plans/${plan.id}`));
      const search = await api.expect(200, api.get('/offerings?q=zephyr'));
      expect(search.items.map((o: { id: string }) => o.id)).toEqual([draft.id]);
      expect((await api.expect(200, api.get(`/offerings?slug=${draft.slug}`))).items).toHaveLength(1);
      expect((await api.expect(200, api.get(`/plans?offering_id=${draft.id}`))).items).toHaveLength(1);
    }
    expect((await admin.get(`/offerings/${draft.id}`)).body.status).toBe('draft');
  });

  test('the active public catalog is visible to every signed-in user, by design', async () => {
    for (const [who, user] of [...intruders(), ['consumer member', w.consumer.member] as [string, Actor]]) {
      for (const offering of [w.manual, w.allocation]) {
        const byId = await user.api.get(`/offerings/${offering.id}`);
        expect([who, byId.status]).toEqual([who, 200]);
        expect(byId.body.secret_option_keys).toEqual(['api_key']);
        expect(JSON.stringify(byId.body)).not.toContain('provider-secret-value');
        expect((await user.api.expect(200, user.api.get(`/offerings/${offering.slug}`))).id).toBe(offering.id);
        expect((await user.api.expect(200, user.api.get(`/plans?offering_id=${offering.id}`))).items).toHaveLength(1);
        expect(
          (await user.api.expect(200, user.api.get(`/offering-versions?offering_id=${offering.id}`))).items,
        ).toHaveLength(1);
        await user.api.expect(200, user.api.get(`/plans/${offering.plan.id}`));
      }
      const search = await user.api.expect(200, user.api.get(`/offerings?organization_id=${w.provider.id}`));
      expect(search.total).toBe(3);
      await user.api.expect(200, user.api.get(`/categories/${w.category.id}`));
      // seeing is not managing: the public catalog is read-only to them
      const change = await user.api.patch(`/offerings/${w.manual.id}`, { name: 'mine now' });
      expect([who, change.status]).toEqual([who, 403]);
    }
  });

  test('a missing, malformed or unknown token is a 401 problem', async () => {
    const anonymous = new Api(server.url);
    const cases: [string, Promise<{ status: number; body: any; headers: { get(name: string): string | null } }>][] = [
      ['missing', anonymous.get('/projects')],
      ['wrong', anonymous.as('mct_not-a-real-token').get('/projects')],
      [
        'not bearer',
        anonymous.request('GET', '/projects', undefined, {
          authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
        }),
      ],
      ['empty bearer', anonymous.request('GET', '/projects', undefined, { authorization: 'Bearer ' })],
      ['missing, on an item', anonymous.get(`/organizations/${w.consumer.organization.id}`)],
      ['missing, on a create', anonymous.post('/organizations', { name: 'anonymous org' })],
      ['wrong, on an action', anonymous.as('mct_x').post(`/orders/${a.pendingOrder.id}/approve`)],
    ];
    for (const [what, call] of cases) {
      const response = await call;
      expect([what, response.status]).toEqual([what, 401]);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: expect.any(String),
        errors: [],
      });
    }
    expect((await admin.get(`/orders/${a.pendingOrder.id}`)).body.state).toBe('pending-consumer');
    const orgs = await admin.expect(200, admin.get(`/organizations?name=anonymous%20org`));
    expect(orgs.items).toEqual([]);
  });
});
