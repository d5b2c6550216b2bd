/**
 * Deleting keeps history, as a ledger does: a deleted project or offering leaves the lists and
 * lookups and takes no orders, while its terminated resources and its orders stay readable to
 * whoever could read them, out of the default lists unless `include_deleted=true` asks for them.
 * Organizations and categories whose projects and offerings are all deleted can still be deleted.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, makeWorld, waitForOrder, type Actor, type World } from '@mercato/test-support/world';

describe.each(DATABASE_KINDS)('deletion keeps history on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'del');
  });
  afterAll(() => server.close());

  /** A resource of `offering` ordered into `projectId` and terminated again: its two orders, done. */
  async function terminatedResource(actor: Actor, projectId: string, offering: { id: string; plan: { id: string } }) {
    const created = await actor.api.expect(
      201,
      actor.api.post('/orders', {
        type: 'create',
        project_id: projectId,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name: 'short-lived',
        attributes: { instance_type: 'general-purpose' },
      }),
    );
    expect((await waitForOrder(admin, created.id)).state).toBe('done');
    const terminated = await actor.api.expect(
      201,
      actor.api.post('/orders', { type: 'terminate', resource_id: created.resource_id }),
    );
    expect((await waitForOrder(admin, terminated.id)).state).toBe('done');
    return { resourceId: created.resource_id as string, orderIds: [created.id, terminated.id] as string[] };
  }

  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id).sort();

  test('a deleted project leaves lists and lookups and takes no orders; its resources and orders stay readable', async () => {
    const { owner, member } = w.consumer;
    const project = await owner.api.expect(
      201,
      owner.api.post('/projects', { organization_id: w.consumer.organization.id, name: 'to be deleted' }),
    );
    await owner.api.expect(
      201,
      owner.api.post(`/projects/${project.id}/members`, { user_id: member.id, role: 'member' }),
    );
    const { resourceId, orderIds } = await terminatedResource(owner, project.id, w.autoApproved);

    await owner.api.expect(204, owner.api.delete(`/projects/${project.id}`));

    await owner.api.expect(404, owner.api.get(`/projects/${project.id}`));
    await owner.api.expect(404, owner.api.patch(`/projects/${project.id}`, { name: 'renamed' }));
    await owner.api.expect(404, owner.api.get(`/projects/${project.id}/members`));
    expect(
      ids(await owner.api.expect(200, owner.api.get(`/projects?organization_id=${w.consumer.organization.id}`))),
    ).toEqual([w.consumer.project.id]);
    const refused = await owner.api.post('/orders', {
      type: 'create',
      project_id: project.id,
      offering_id: w.autoApproved.id,
      plan_id: w.autoApproved.plan.id,
      name: 'late',
      attributes: { instance_type: 'general-purpose' },
    });
    expect([refused.status, refused.body.errors]).toEqual([
      422,
      [{ field: 'project_id', message: `no project ${project.id}` }],
    ]);

    // Its owner and its member read its history as before; other tenants still do not.
    for (const reader of [owner, member]) {
      expect(await reader.api.expect(200, reader.api.get(`/resources/${resourceId}`))).toMatchObject({
        id: resourceId,
        project_id: project.id,
        state: 'Terminated',
      });
      for (const orderId of orderIds)
        expect((await reader.api.expect(200, reader.api.get(`/orders/${orderId}`))).state).toBe('done');
      expect(ids(await reader.api.expect(200, reader.api.get(`/resources?project_id=${project.id}`)))).toEqual([]);
      expect(ids(await reader.api.expect(200, reader.api.get(`/orders?project_id=${project.id}`)))).toEqual([]);
      expect(
        ids(await reader.api.expect(200, reader.api.get(`/resources?project_id=${project.id}&include_deleted=true`))),
      ).toEqual([resourceId]);
      expect(
        ids(await reader.api.expect(200, reader.api.get(`/orders?project_id=${project.id}&include_deleted=true`))),
      ).toEqual([...orderIds].sort());
    }
    await w.other.owner.api.expect(404, w.other.owner.api.get(`/resources/${resourceId}`));
    expect(
      ids(
        await w.other.owner.api.expect(
          200,
          w.other.owner.api.get(`/orders?project_id=${project.id}&include_deleted=true`),
        ),
      ),
    ).toEqual([]);
    const events = await admin.expect(200, admin.get(`/events?project_id=${project.id}&limit=500`));
    expect(events.items.map((e: { action: string }) => e.action)).toContain('project.deleted');
  });

  test('a deleted offering leaves the catalog and takes no orders; its resources and orders stay readable; its slug is free', async () => {
    const { serviceManager, provider, category } = w;
    const { owner } = w.consumer;
    const offering = await serviceManager.api.expect(
      201,
      serviceManager.api.post('/offerings', {
        organization_id: provider.id,
        category_id: category.id,
        name: 'Retiring',
        slug: 'retiring',
        type: 'allocation',
        status: 'active',
        auto_approve: true,
      }),
    );
    await serviceManager.api.expect(
      201,
      serviceManager.api.post('/offering-versions', {
        offering_id: offering.id,
        version: '1.0.0',
        options_schema: { type: 'object' },
      }),
    );
    const plan = await serviceManager.api.expect(
      201,
      serviceManager.api.post('/plans', { offering_id: offering.id, name: 'small', unit: 'month' }),
    );
    const { resourceId, orderIds } = await terminatedResource(owner, w.consumer.project.id, { id: offering.id, plan });

    await serviceManager.api.expect(204, serviceManager.api.delete(`/offerings/${offering.id}`));

    for (const ref of [offering.id, 'retiring']) await owner.api.expect(404, owner.api.get(`/offerings/${ref}`));
    expect((await owner.api.expect(200, owner.api.get('/offerings?q=retiring'))).items).toEqual([]);
    expect(
      (await serviceManager.api.expect(200, serviceManager.api.get(`/plans?offering_id=${offering.id}`))).items,
    ).toEqual([]);
    expect(
      (await serviceManager.api.expect(200, serviceManager.api.get(`/offering-versions?offering_id=${offering.id}`)))
        .items,
    ).toEqual([]);
    await serviceManager.api.expect(404, serviceManager.api.get(`/plans/${plan.id}`));
    const refused = await owner.api.post('/orders', {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: offering.id,
      plan_id: plan.id,
      name: 'late',
    });
    expect([refused.status, refused.body.errors]).toEqual([
      422,
      [{ field: 'offering_id', message: `no offering ${offering.id}` }],
    ]);

    // The consumer and the provider read the history; lists show it when asked.
    for (const reader of [owner, serviceManager]) {
      expect(await reader.api.expect(200, reader.api.get(`/resources/${resourceId}`))).toMatchObject({
        offering_id: offering.id,
        plan_id: plan.id,
        state: 'Terminated',
      });
      for (const orderId of orderIds) await reader.api.expect(200, reader.api.get(`/orders/${orderId}`));
      expect(ids(await reader.api.expect(200, reader.api.get(`/orders?offering_id=${offering.id}`)))).toEqual([]);
      expect(
        ids(await reader.api.expect(200, reader.api.get(`/orders?offering_id=${offering.id}&include_deleted=true`))),
      ).toEqual([...orderIds].sort());
      expect(
        ids(await reader.api.expect(200, reader.api.get(`/resources?offering_id=${offering.id}&include_deleted=true`))),
      ).toEqual([resourceId]);
    }

    const again = await serviceManager.api.expect(
      201,
      serviceManager.api.post('/offerings', {
        organization_id: provider.id,
        category_id: category.id,
        name: 'Retiring again',
        slug: 'retiring',
        type: 'allocation',
      }),
    );
    expect((await serviceManager.api.expect(200, serviceManager.api.get('/offerings/retiring'))).id).toBe(again.id);
  });

  test('an organization and a category whose projects and offerings are all deleted can be deleted; owners keep the history', async () => {
    const owner = await makeUser(admin, `del-${kind}-org-owner`);
    const organization = await owner.api.expect(
      201,
      owner.api.post('/organizations', { name: 'Short-lived organization' }),
    );
    const project = await owner.api.expect(
      201,
      owner.api.post('/projects', { organization_id: organization.id, name: 'only project' }),
    );
    const category = await admin.expect(201, admin.post('/categories', { title: 'Short-lived category' }));
    const offering = await owner.api.expect(
      201,
      owner.api.post('/offerings', {
        organization_id: organization.id,
        category_id: category.id,
        name: 'Own offering',
        type: 'allocation',
        status: 'active',
        auto_approve: true,
      }),
    );
    await owner.api.expect(
      201,
      owner.api.post('/offering-versions', {
        offering_id: offering.id,
        version: '1.0.0',
        options_schema: { type: 'object' },
      }),
    );
    const plan = await owner.api.expect(
      201,
      owner.api.post('/plans', { offering_id: offering.id, name: 'small', unit: 'month' }),
    );
    const { resourceId } = await terminatedResource(owner, project.id, { id: offering.id, plan });

    await owner.api.expect(409, owner.api.delete(`/organizations/${organization.id}`));
    await owner.api.expect(204, owner.api.delete(`/projects/${project.id}`));
    await owner.api.expect(204, owner.api.delete(`/offerings/${offering.id}`));
    await admin.expect(204, admin.delete(`/categories/${category.id}`));
    await owner.api.expect(204, owner.api.delete(`/organizations/${organization.id}`));

    await owner.api.expect(404, owner.api.get(`/organizations/${organization.id}`));
    expect(ids(await owner.api.expect(200, owner.api.get('/organizations')))).toEqual([]);
    await admin.expect(404, admin.get(`/categories/${category.id}`));
    expect((await admin.expect(200, admin.get('/categories?title=Short-lived%20category'))).items).toEqual([]);
    const noProject = await owner.api.post('/projects', { organization_id: organization.id, name: 'late' });
    expect([noProject.status, noProject.body.errors]).toEqual([
      422,
      [{ field: 'organization_id', message: `no organization ${organization.id}` }],
    ]);
    const noOffering = await owner.api.post('/offerings', {
      organization_id: organization.id,
      category_id: w.category.id,
      name: 'late',
      type: 'allocation',
    });
    expect([noOffering.status, noOffering.body.errors]).toEqual([
      422,
      [{ field: 'organization_id', message: `no organization ${organization.id}` }],
    ]);
    const noCategory = await w.serviceManager.api.post('/offerings', {
      organization_id: w.provider.id,
      category_id: category.id,
      name: 'late',
      type: 'allocation',
    });
    expect([noCategory.status, noCategory.body.errors]).toEqual([
      422,
      [{ field: 'category_id', message: `no category ${category.id}` }],
    ]);
    expect((await owner.api.expect(200, owner.api.get(`/resources/${resourceId}`))).state).toBe('Terminated');
  });
});
