import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, makeWorld, waitForOrder, type Actor, type World } from '@mercato/test-support/world';

/**
 * The offering rules of issue 10 (Waldur's): an offering is active only with a category, a plan
 * that is not archived and a version (asked-for status kept, effective status draft with a reason
 * until then); and visibility, public or restricted to listed organizations and projects, applied
 * wherever an offering is seen or ordered. Every refusal is paired with the same call by someone
 * who may make it, so a wrong path cannot pass for the rule.
 */
describe.each(DATABASE_KINDS)('offering rules on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let provider: Api;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 20 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `rules-${kind}`);
    provider = w.serviceManager.api;
  });
  afterAll(() => server.close());

  let counter = 0;
  /** A new offering of the world's provider, as `body` asks. */
  const offering = (body: Record<string, unknown> = {}) =>
    provider.expect(
      201,
      provider.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: `Rules ${kind} ${++counter}`,
        type: 'allocation',
        auto_approve: true,
        ...body,
      }),
    );
  const addVersion = (offeringId: string, version = '1.0.0') =>
    provider.expect(201, provider.post('/offering-versions', { offering_id: offeringId, version }));
  const addPlan = (offeringId: string, name = 'small') =>
    provider.expect(201, provider.post('/plans', { offering_id: offeringId, name }));
  const read = (api: Api, id: string) => api.get(`/offerings/${id}`);
  const order = (api: Api, o: { id: string }, planId: string, projectId = w.consumer.project.id) =>
    api.post('/orders', { type: 'create', project_id: projectId, offering_id: o.id, plan_id: planId, name: 'rules' });
  const search = async (api: Api, query = '') => api.expect(200, api.get(`/offerings?limit=500&${query}`));
  const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
  const events = async (objectId: string) =>
    (await provider.expect(200, provider.get(`/events?object_id=${objectId}&limit=100`))).items.map(
      (e: { action: string }) => e.action,
    );

  describe('activation', () => {
    test('asked to be active, an offering stays draft until it has a plan and a version, then turns active by itself', async () => {
      const o = await offering({ status: 'active' });
      expect(o).toMatchObject({ status: 'draft', requested_status: 'active' });
      expect(o.status_reason).toBe(
        'stays draft until it has a plan that is not archived and a version: an offering is active only with a category, a plan and a version',
      );
      expect((await read(w.consumer.owner.api, o.id)).status).toBe(404);
      expect(ids(await search(w.consumer.owner.api))).not.toContain(o.id);

      await addVersion(o.id);
      const withVersion = await provider.expect(200, read(provider, o.id));
      expect(withVersion.status).toBe('draft');
      expect(withVersion.status_reason).toMatch(/^stays draft until it has a plan that is not archived:/);

      const plan = await addPlan(o.id);
      const active = await provider.expect(200, read(provider, o.id));
      expect(active).toMatchObject({ status: 'active', requested_status: 'active', status_reason: '' });
      expect(await events(o.id)).toContain('offering.activated');
      expect((await w.consumer.owner.api.expect(200, read(w.consumer.owner.api, o.id))).status).toBe('active');
      expect(ids(await search(w.consumer.owner.api, 'status=active'))).toContain(o.id);
      const placed = await w.consumer.owner.api.expect(201, order(w.consumer.owner.api, o, plan.id));
      expect((await waitForOrder(admin, placed.id)).state).toBe('done');
    });

    test('an offering not yet complete refuses orders, even from its provider', async () => {
      const o = await offering({ status: 'active' });
      await addVersion(o.id);
      // A plan exists but is archived: still not active.
      const archived = await provider.expect(
        201,
        provider.post('/plans', { offering_id: o.id, name: 'old', archived: true }),
      );
      expect((await provider.expect(200, read(provider, o.id))).status).toBe('draft');
      const refused = await order(w.consumer.owner.api, o, archived.id);
      expect([refused.status, refused.body.errors[0].field]).toEqual([422, 'offering_id']);
      const byProvider = await order(admin, o, archived.id);
      expect(byProvider.status).toBe(422);
      expect(byProvider.body.errors[0].field).toBe('plan_id');
      // Unarchiving it is what was missing.
      await provider.expect(200, provider.patch(`/plans/${archived.id}`, { archived: false }));
      expect((await provider.expect(200, read(provider, o.id))).status).toBe('active');
    });

    test('losing the last plan or version takes an active offering back to draft; its resources keep working', async () => {
      const o = await offering({ status: 'active' });
      const version = await addVersion(o.id);
      const plan = await addPlan(o.id);
      const placed = await w.consumer.owner.api.expect(201, order(w.consumer.owner.api, o, plan.id));
      const done = await waitForOrder(admin, placed.id);
      expect(done.state).toBe('done');

      await provider.expect(200, provider.patch(`/plans/${plan.id}`, { archived: true }));
      const drafted = await provider.expect(200, read(provider, o.id));
      expect(drafted).toMatchObject({ status: 'draft', requested_status: 'active' });
      expect(drafted.status_reason).toMatch(/^stays draft until it has a plan that is not archived:/);
      expect(await events(o.id)).toContain('offering.deactivated');
      // Out of the catalog and taking no orders...
      expect(ids(await search(w.other.owner.api))).not.toContain(o.id);
      expect((await read(w.other.owner.api, o.id)).status).toBe(404);
      // ...but its consumer still reads it, its versions and plans, and changes and ends its resource.
      const consumer = w.consumer.owner.api;
      expect((await consumer.expect(200, read(consumer, o.id))).status).toBe('draft');
      expect(ids(await consumer.expect(200, consumer.get(`/offering-versions?offering_id=${o.id}`)))).toEqual([
        version.id,
      ]);
      expect(ids(await consumer.expect(200, consumer.get(`/plans?offering_id=${o.id}`)))).toEqual([plan.id]);
      await consumer.expect(200, consumer.get(`/plans/${plan.id}`));
      expect(ids(await search(consumer))).not.toContain(o.id);
      const terminate = await consumer.expect(
        201,
        consumer.post('/orders', { type: 'terminate', resource_id: done.resource_id }),
      );
      expect((await waitForOrder(admin, terminate.id)).state).toBe('done');
      expect((await read(consumer, o.id)).status).toBe(404);

      // A plan again: active again.
      await provider.expect(200, provider.patch(`/plans/${plan.id}`, { archived: false }));
      expect((await provider.expect(200, read(provider, o.id))).status).toBe('active');
      // The last version deleted: draft; and back.
      await provider.expect(204, provider.delete(`/offering-versions/${version.id}`));
      const noVersion = await provider.expect(200, read(provider, o.id));
      expect(noVersion.status).toBe('draft');
      expect(noVersion.status_reason).toMatch(/^stays draft until it has a version:/);
      await addVersion(o.id, '2.0.0');
      expect((await provider.expect(200, read(provider, o.id))).status).toBe('active');
      // The last plan deleted: draft.
      await provider.expect(204, provider.delete(`/plans/${plan.id}`));
      expect((await provider.expect(200, read(provider, o.id))).status).toBe('draft');
    });

    test('paused, archived and draft need no parts; asking for them takes effect at once', async () => {
      const o = await offering({ status: 'paused' });
      expect(o).toMatchObject({ status: 'paused', requested_status: 'paused', status_reason: '' });
      expect((await w.consumer.owner.api.expect(200, read(w.consumer.owner.api, o.id))).status).toBe('paused');
      const archived = await provider.expect(200, provider.patch(`/offerings/${o.id}`, { status: 'archived' }));
      expect(archived).toMatchObject({ status: 'archived', requested_status: 'archived' });
      const asked = await provider.expect(200, provider.patch(`/offerings/${o.id}`, { status: 'active' }));
      expect(asked).toMatchObject({ status: 'draft', requested_status: 'active' });
      await addVersion(o.id);
      await addPlan(o.id);
      expect((await provider.expect(200, read(provider, o.id))).status).toBe('active');
      const paused = await provider.expect(200, provider.patch(`/offerings/${o.id}`, { status: 'paused' }));
      expect(paused).toMatchObject({ status: 'paused', status_reason: '' });
      const bad = await provider.patch(`/offerings/${o.id}`, { status: 'live' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.errors)).toContain('status');
    });

    test('a plan and a version added at the same moment activate the offering (no lost update)', async () => {
      for (let round = 0; round < 5; round++) {
        const o = await offering({ status: 'active' });
        await Promise.all([addVersion(o.id), addPlan(o.id)]);
        const now = await provider.expect(200, read(provider, o.id));
        expect([round, now.status, now.status_reason]).toEqual([round, 'active', '']);
      }
    });
  });

  describe('visibility', () => {
    /** Users that stand in each relation to the restricted offerings. */
    let viewers: {
      /** Service manager of the other tenant's organization, in none of its projects. */
      otherServiceManager: Actor;
      /** Member of a project of each tenant. */
      both: Actor;
    };
    /** Restricted to the consumer organization; restricted to the other tenant's project. */
    let toOrganization: any;
    let toProject: any;
    let orgPlan: any;
    let projectPlan: any;

    beforeAll(async () => {
      const otherServiceManager = await makeUser(admin, `rules-${kind}-other-sm`);
      await w.other.owner.api.expect(
        201,
        w.other.owner.api.post(`/organizations/${w.other.organization.id}/members`, {
          user_id: otherServiceManager.id,
          role: 'service-manager',
        }),
      );
      const both = await makeUser(admin, `rules-${kind}-both`);
      for (const tenant of [w.consumer, w.other])
        await tenant.owner.api.expect(
          201,
          tenant.owner.api.post(`/projects/${tenant.project.id}/members`, { user_id: both.id, role: 'manager' }),
        );
      viewers = { otherServiceManager, both };

      toOrganization = await offering({
        name: `Restricted zorblax org ${kind}`,
        status: 'active',
        tags: ['zorblax'],
        platform: 'gcp',
        visibility: 'restricted',
        allowed_organization_ids: [w.consumer.organization.id],
      });
      await addVersion(toOrganization.id);
      orgPlan = await addPlan(toOrganization.id);
      toProject = await offering({
        name: `Restricted zorblax project ${kind}`,
        status: 'active',
        tags: ['zorblax'],
        platform: 'gcp',
        visibility: 'restricted',
        allowed_project_ids: [w.other.project.id],
      });
      await addVersion(toProject.id);
      projectPlan = await addPlan(toProject.id);
    });

    /** Who sees which: [who, api, sees toOrganization, sees toProject]. */
    const table = (): [string, Api, boolean, boolean][] => [
      ['consumer owner (listed organization)', w.consumer.owner.api, true, false],
      ['consumer project manager (listed organization)', w.consumer.manager.api, true, false],
      ['consumer project member (listed organization)', w.consumer.member.api, true, false],
      ['other owner (owns the listed project)', w.other.owner.api, false, true],
      ['other project member (listed project)', w.other.member.api, false, true],
      [
        'other service manager (organization not listed, not in the project)',
        viewers.otherServiceManager.api,
        false,
        false,
      ],
      ['member of both projects', viewers.both.api, true, true],
      ['provider owner', w.providerOwner.api, true, true],
      ['provider service manager', w.serviceManager.api, true, true],
      ['staff', admin, true, true],
    ];

    test('GET by id and slug, ?slug= and search: each kind of caller sees exactly its own', async () => {
      for (const [who, api, seesOrg, seesProject] of table()) {
        for (const [o, sees] of [
          [toOrganization, seesOrg],
          [toProject, seesProject],
        ] as [any, boolean][]) {
          const label = `${who} ${o.name}`;
          expect([label, (await read(api, o.id)).status]).toEqual([label, sees ? 200 : 404]);
          expect([label, (await read(api, o.slug)).status]).toEqual([label, sees ? 200 : 404]);
          expect([label, (await search(api, `slug=${o.slug}`)).total]).toEqual([label, sees ? 1 : 0]);
        }
        const found = await search(api, 'q=zorblax');
        const wanted = [...(seesOrg ? [toOrganization.id] : []), ...(seesProject ? [toProject.id] : [])].sort();
        expect([who, ids(found).sort(), found.total]).toEqual([who, wanted, wanted.length]);
      }
    });

    test('facet counts never count a restricted offering its caller may not see', async () => {
      for (const [who, api, seesOrg, seesProject] of table()) {
        const n = Number(seesOrg) + Number(seesProject);
        const found = await search(api, 'tags=zorblax');
        const facet = (name: string) =>
          Object.fromEntries(found.facets[name].map((f: { value: string; count: number }) => [f.value, f.count]));
        const expected = n ? { [w.provider.id]: n } : {};
        expect([who, found.total, facet('organization')]).toEqual([who, n, expected]);
        expect([who, facet('platform')]).toEqual([who, n ? { gcp: n } : {}]);
        expect([who, facet('status')]).toEqual([who, n ? { active: n } : {}]);
        expect([who, facet('category')]).toEqual([who, n ? { [w.category.id]: n } : {}]);
        // Whole-catalog counts agree with the items listed.
        const all = await search(api, '');
        const byPlatform = all.items.filter((i: { platform: string }) => i.platform === 'gcp').length;
        const gcp = all.facets.platform.find((f: { value: string }) => f.value === 'gcp')?.count ?? 0;
        expect([who, gcp, all.total]).toEqual([who, byPlatform, all.items.length]);
      }
    });

    test('versions and plans of a restricted offering are seen by its audience only', async () => {
      for (const [who, api, seesOrg] of table()) {
        const versions = await api.expect(200, api.get(`/offering-versions?offering_id=${toOrganization.id}`));
        expect([who, versions.items.length]).toEqual([who, seesOrg ? 1 : 0]);
        const plans = await api.expect(200, api.get(`/plans?offering_id=${toOrganization.id}`));
        expect([who, ids(plans)]).toEqual([who, seesOrg ? [orgPlan.id] : []]);
        expect([who, (await api.get(`/plans/${orgPlan.id}`)).status]).toEqual([who, seesOrg ? 200 : 404]);
        expect([who, (await api.get(`/offering-versions/${versions.items[0]?.id ?? orgPlan.id}`)).status]).toEqual([
          who,
          seesOrg ? 200 : 404,
        ]);
        const all = await api.expect(200, api.get('/plans?limit=500'));
        expect([who, ids(all).includes(orgPlan.id), ids(all).includes(projectPlan.id)]).toEqual([
          who,
          seesOrg,
          table().find(([name]) => name === who)![3],
        ]);
      }
    });

    test('who else an offering is restricted to is shown to its provider and staff only', async () => {
      for (const api of [provider, admin]) {
        const o = await api.expect(200, read(api, toOrganization.id));
        expect(o).toMatchObject({
          visibility: 'restricted',
          allowed_organization_ids: [w.consumer.organization.id],
          allowed_project_ids: [],
        });
        const found = (await search(api, 'q=zorblax')).items.find((i: { id: string }) => i.id === toProject.id);
        expect(found.allowed_project_ids).toEqual([w.other.project.id]);
      }
      const consumer = w.consumer.member.api;
      const seen = await consumer.expect(200, read(consumer, toOrganization.id));
      expect(seen.visibility).toBe('restricted');
      expect(seen).not.toHaveProperty('allowed_organization_ids');
      expect(seen).not.toHaveProperty('allowed_project_ids');
      const found = await search(consumer, 'q=zorblax');
      expect(found.items[0]).not.toHaveProperty('allowed_organization_ids');
      expect(JSON.stringify(found)).not.toContain(w.consumer.organization.id);
      const bySlug = await search(consumer, `slug=${toOrganization.slug}`);
      expect(bySlug.items[0]).not.toHaveProperty('allowed_organization_ids');
    });

    test('orders: refused as if unknown to those who may not see it, and into projects it is not offered to', async () => {
      const refused = await order(w.other.owner.api, toOrganization, orgPlan.id, w.other.project.id);
      expect([refused.status, refused.body.errors[0].field]).toEqual([422, 'offering_id']);
      expect(refused.body.errors[0].message).toBe(`no offering ${toOrganization.id}`);
      // The member of both sees it, but the other tenant's project is not among those it is offered to.
      const intoOther = await order(viewers.both.api, toOrganization, orgPlan.id, w.other.project.id);
      expect([intoOther.status, intoOther.body.errors[0].field]).toEqual([422, 'project_id']);
      // Staff see everything, yet may not order it into a project it is not offered to either.
      const byStaff = await order(admin, toProject, projectPlan.id, w.consumer.project.id);
      expect([byStaff.status, byStaff.body.errors[0].field]).toEqual([422, 'project_id']);
      // Allowed: the listed organization's project, the listed project.
      const intoConsumer = await viewers.both.api.expect(
        201,
        order(viewers.both.api, toOrganization, orgPlan.id, w.consumer.project.id),
      );
      expect((await waitForOrder(admin, intoConsumer.id)).state).toBe('done');
      const intoListed = await w.other.member.api.expect(
        201,
        order(w.other.member.api, toProject, projectPlan.id, w.other.project.id),
      );
      expect((await waitForOrder(admin, intoListed.id, ['pending-consumer'])).state).toBe('pending-consumer');
      await w.other.owner.api.expect(
        200,
        w.other.owner.api.post(`/orders/${intoListed.id}/cancel`, { reason: 'test' }),
      );
    });

    test('an organization taken off the list keeps its resources: read, changed and terminated', async () => {
      const o = await offering({
        status: 'active',
        visibility: 'restricted',
        allowed_organization_ids: [w.consumer.organization.id],
        components: [{ type: 'cpu', name: 'CPU', billing_type: 'limit' }],
      });
      await addVersion(o.id);
      const plan = await addPlan(o.id);
      const bigger = await addPlan(o.id, 'bigger');
      const consumer = w.consumer.owner.api;
      const placed = await consumer.expect(201, order(consumer, o, plan.id));
      const { resource_id } = await waitForOrder(admin, placed.id);

      const narrowed = await provider.expect(
        200,
        provider.patch(`/offerings/${o.id}`, { allowed_organization_ids: [w.other.organization.id] }),
      );
      expect(narrowed.allowed_organization_ids).toEqual([w.other.organization.id]);
      // Gone from its catalog, from the next request on...
      expect(ids(await search(consumer))).not.toContain(o.id);
      expect((await search(consumer, `slug=${o.slug}`)).total).toBe(0);
      expect(ids(await search(w.other.owner.api))).toContain(o.id);
      // ...and no new resource of it...
      const again = await order(consumer, o, plan.id);
      expect([again.status, again.body.errors[0].field]).toEqual([422, 'offering_id']);
      // ...but what it has keeps working.
      expect((await consumer.expect(200, read(consumer, o.id))).id).toBe(o.id);
      expect((await consumer.expect(200, consumer.get(`/plans?offering_id=${o.id}`))).items.length).toBe(2);
      const update = await consumer.expect(
        201,
        consumer.post('/orders', { type: 'update', resource_id, plan_id: bigger.id, limits: { cpu: 2 } }),
      );
      expect((await waitForOrder(admin, update.id)).state).toBe('done');
      const terminate = await consumer.expect(201, consumer.post('/orders', { type: 'terminate', resource_id }));
      expect((await waitForOrder(admin, terminate.id)).state).toBe('done');
      expect((await read(consumer, o.id)).status).toBe(404);
    });

    test('public again: seen by all, and its lists are cleared', async () => {
      const o = await offering({
        status: 'paused',
        visibility: 'restricted',
        allowed_organization_ids: [w.consumer.organization.id],
        allowed_project_ids: [w.other.project.id],
      });
      expect((await read(viewers.otherServiceManager.api, o.id)).status).toBe(404);
      // Changing one list keeps the other.
      const projectsKept = await provider.expect(
        200,
        provider.patch(`/offerings/${o.id}`, { allowed_organization_ids: [] }),
      );
      expect([projectsKept.allowed_organization_ids, projectsKept.allowed_project_ids]).toEqual([
        [],
        [w.other.project.id],
      ]);
      const open = await provider.expect(200, provider.patch(`/offerings/${o.id}`, { visibility: 'public' }));
      expect(open).toMatchObject({ visibility: 'public', allowed_organization_ids: [], allowed_project_ids: [] });
      expect((await read(viewers.otherServiceManager.api, o.id)).status).toBe(200);
      expect(ids(await search(viewers.otherServiceManager.api, 'status=paused'))).toContain(o.id);
    });

    test('bad lists are refused with the field named', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const refused = await provider.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'Bad audience',
        type: 'allocation',
        visibility: 'restricted',
        allowed_organization_ids: [w.consumer.organization.id, unknown],
        allowed_project_ids: [unknown],
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        { field: 'allowed_organization_ids[1]', message: `no organization ${unknown}` },
        { field: 'allowed_project_ids[0]', message: `no project ${unknown}` },
      ]);
      const publicWithList = await provider.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'Public with a list',
        type: 'allocation',
        allowed_organization_ids: [w.consumer.organization.id],
      });
      expect(publicWithList.status).toBe(422);
      expect(publicWithList.body.errors[0].field).toBe('allowed_organization_ids');
      expect(publicWithList.body.errors[0].message).toContain('restricted');
      const notAnId = await provider.patch(`/offerings/${toOrganization.id}`, { allowed_project_ids: ['nope'] });
      expect(notAnId.status).toBe(400);
      expect(JSON.stringify(notAnId.body.errors)).toContain('allowed_project_ids');
      const badKind = await provider.patch(`/offerings/${toOrganization.id}`, { visibility: 'private' });
      expect(badKind.status).toBe(400);
      expect(JSON.stringify(badKind.body.errors)).toContain('visibility');
      // Nothing of it was kept.
      expect((await provider.expect(200, read(provider, toOrganization.id))).allowed_organization_ids).toEqual([
        w.consumer.organization.id,
      ]);
    });

    test('the API has no anonymous catalog: no token, no offerings', async () => {
      const anonymous = new Api(server.url);
      expect((await anonymous.get('/offerings')).status).toBe(401);
      expect((await anonymous.get(`/offerings/${toOrganization.id}`)).status).toBe(401);
    });
  });
});
