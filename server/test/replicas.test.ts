/**
 * Two replicas of the server on one database, as a deployment behind a load balancer runs them:
 * what is committed through one is what the other serves on its very next request (the catalog
 * index and the callers it keeps in memory included), and a permission taken away through one is
 * refused by the other at once.
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, freshDatabase, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, makeWorld, type World } from '@mercato/test-support/world';

describe.each(DATABASE_KINDS)('two replicas on one %s database', (kind) => {
  let a: TestServer;
  let b: TestServer;
  let adminA: Api;
  let adminB: Api;
  let w: World;
  /** The same actor's API client pointed at replica A or B. */
  const at = (server: TestServer, api: Api) => new Api(server.url, api.token);

  beforeAll(async () => {
    const location = await freshDatabase(kind);
    a = await startTestServer(kind, { location, worker: { pollIntervalMs: 50 } });
    b = await startTestServer(kind, { location, worker: { pollIntervalMs: 50 } });
    adminA = new Api(a.url, a.adminToken);
    adminB = new Api(b.url, b.adminToken);
    w = await makeWorld(adminA, 'rep');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const searchNames = async (api: Api, q: string) =>
    ((await api.expect(200, api.get(`/offerings?q=${encodeURIComponent(q)}`))).items as { name: string }[]).map(
      (o) => o.name,
    );

  test('an offering created, renamed, withdrawn, archived and deleted through A is so on B at once', async () => {
    const providerA = at(a, w.serviceManager.api);
    const providerB = at(b, w.serviceManager.api);
    const otherB = at(b, w.other.owner.api);
    // B builds its catalog index before the changes.
    expect(await searchNames(otherB, 'zephyr')).toEqual([]);

    const offering = await providerA.expect(
      201,
      providerA.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'Zephyr Queue',
        type: 'allocation',
        status: 'active',
      }),
    );
    // Active only once it has a plan and a version (through A): until then B shows others nothing.
    expect((await otherB.get(`/offerings/${offering.id}`)).status).toBe(404);
    await providerA.expect(201, providerA.post('/plans', { offering_id: offering.id, name: 'small' }));
    expect(await searchNames(otherB, 'zephyr')).toEqual([]);
    await providerA.expect(201, providerA.post('/offering-versions', { offering_id: offering.id, version: '3.0.0' }));
    expect((await otherB.expect(200, otherB.get(`/offerings/${offering.id}`))).status).toBe('active');
    expect((await otherB.expect(200, otherB.get(`/offerings/${offering.id}`))).name).toBe('Zephyr Queue');
    expect(await searchNames(otherB, 'zephyr')).toEqual(['Zephyr Queue']);
    // Its provider changes it through B.
    await providerB.expect(200, providerB.patch(`/offerings/${offering.id}`, { description: 'edited through B' }));
    expect((await providerA.expect(200, providerA.get(`/offerings/${offering.id}`))).description).toBe(
      'edited through B',
    );

    await providerA.expect(200, providerA.patch(`/offerings/${offering.id}`, { name: 'Zephyr Streams' }));
    expect((await otherB.expect(200, otherB.get(`/offerings/${offering.id}`))).name).toBe('Zephyr Streams');
    expect(await searchNames(otherB, 'streams')).toEqual(['Zephyr Streams']);

    await providerA.expect(201, providerA.post('/offering-versions', { offering_id: offering.id, version: '3.1.0' }));
    expect((await otherB.expect(200, otherB.get(`/offerings/${offering.id}`))).versions).toEqual(['3.0.0', '3.1.0']);
    expect((await otherB.expect(200, otherB.get('/offerings?version=3.1.0'))).total).toBe(1);

    // Restricted to another organization through A: B hides it from this one at once, and shows it again.
    await providerA.expect(
      200,
      providerA.patch(`/offerings/${offering.id}`, {
        visibility: 'restricted',
        allowed_organization_ids: [w.consumer.organization.id],
      }),
    );
    expect((await otherB.get(`/offerings/${offering.id}`)).status).toBe(404);
    expect(await searchNames(otherB, 'zephyr')).toEqual([]);
    await providerA.expect(
      200,
      providerA.patch(`/offerings/${offering.id}`, { allowed_organization_ids: [w.other.organization.id] }),
    );
    expect(await searchNames(otherB, 'zephyr')).toEqual(['Zephyr Streams']);
    await providerA.expect(200, providerA.patch(`/offerings/${offering.id}`, { visibility: 'public' }));

    // Withdrawn to a draft: other tenants lose it on B, by id and in search; its provider keeps it.
    await providerA.expect(200, providerA.patch(`/offerings/${offering.id}`, { status: 'draft' }));
    expect((await otherB.get(`/offerings/${offering.id}`)).status).toBe(404);
    expect(await searchNames(otherB, 'zephyr')).toEqual([]);
    expect(await searchNames(providerB, 'zephyr')).toEqual(['Zephyr Streams']);

    await providerA.expect(200, providerA.patch(`/offerings/${offering.id}`, { status: 'archived' }));
    expect((await otherB.expect(200, otherB.get(`/offerings/${offering.id}`))).status).toBe('archived');

    await adminA.expect(200, adminA.patch(`/categories/${w.category.id}`, { title: 'rep Compute Renamed' }));
    const facets = (await otherB.expect(200, otherB.get('/offerings?q=zephyr'))).facets;
    expect(facets.category).toEqual([{ value: w.category.id, label: 'rep Compute Renamed', count: 1 }]);

    await providerA.expect(204, providerA.delete(`/offerings/${offering.id}`));
    expect((await otherB.get(`/offerings/${offering.id}`)).status).toBe(404);
    expect((await providerB.get(`/offerings/${offering.id}`)).status).toBe(404);
    expect(await searchNames(providerB, 'zephyr')).toEqual([]);
  });

  test('a role removed or a token revoked through A is refused by B on the very next request', async () => {
    const user = await makeUser(adminA, 'rep-short-lived');
    const project = w.consumer.project;
    const managerA = at(a, w.consumer.manager.api);
    const userB = at(b, user.api);
    // Not a member yet: B keeps that answer for the caller...
    expect((await userB.get(`/projects/${project.id}`)).status).toBe(404);
    // ...and still sees a role granted through A at once.
    await managerA.expect(201, managerA.post(`/projects/${project.id}/members`, { user_id: user.id, role: 'member' }));
    await userB.expect(200, userB.get(`/projects/${project.id}`));
    await managerA.expect(204, managerA.delete(`/projects/${project.id}/members/${user.id}`));
    expect((await userB.get(`/projects/${project.id}`)).status).toBe(404);

    // An organization role: the service manager loses the provider's offerings on B.
    const serviceManagerB = at(b, w.serviceManager.api);
    await serviceManagerB.expect(
      200,
      serviceManagerB.patch(`/offerings/${w.allocation.id}`, { description: 'still a service manager' }),
    );
    await at(a, w.providerOwner.api).expect(
      204,
      at(a, w.providerOwner.api).delete(`/organizations/${w.provider.id}/members/${w.serviceManager.id}`),
    );
    expect((await serviceManagerB.patch(`/offerings/${w.allocation.id}`, { description: 'no longer' })).status).toBe(
      403,
    );

    // Staff rights taken away through A.
    const staff = await makeUser(adminA, 'rep-staff');
    await adminA.expect(200, adminA.patch(`/users/${staff.id}`, { is_staff: true }));
    const staffB = at(b, staff.api);
    await staffB.expect(201, staffB.post('/categories', { title: 'rep made by staff' }));
    await adminA.expect(200, adminA.patch(`/users/${staff.id}`, { is_staff: false }));
    expect((await staffB.post('/categories', { title: 'rep not staff any more' })).status).toBe(403);

    // A token revoked through A.
    const spare = await user.api.expect(201, at(a, user.api).post(`/users/${user.id}/tokens`, { name: 'spare' }));
    const spareB = new Api(b.url, spare.token);
    await spareB.expect(200, spareB.get('/users/me'));
    await at(a, user.api).expect(204, at(a, user.api).delete(`/users/${user.id}/tokens/${spare.id}`));
    expect((await spareB.get('/users/me')).status).toBe(401);
    expect((await adminB.get('/users/me')).status).toBe(200);
  });

  test('changes to the catalog and to roles at once, through both replicas, all succeed', async () => {
    // Creating an organization writes both kinds (the organization, then its owner), deleting one
    // the other way round: the counters must not make such transactions wait on each other forever.
    const owner = await makeUser(adminA, 'rep-busy-owner');
    const work = Array.from({ length: 12 }, async (_, i) => {
      const api = at(i % 2 ? a : b, owner.api);
      const organization = await api.expect(201, api.post('/organizations', { name: `rep busy ${i}` }));
      await api.expect(204, api.delete(`/organizations/${organization.id}`));
      await adminA.expect(
        200,
        at(i % 2 ? b : a, adminA).patch(`/categories/${w.category.id}`, { description: `busy ${i}` }),
      );
    });
    await Promise.all(work);
    expect((await at(b, owner.api).expect(200, at(b, owner.api).get('/organizations'))).items).toEqual([]);
  });

  test('a token that expires while its caller is kept in memory is refused from its expiry on', async () => {
    const user = await makeUser(adminA, 'rep-expiring');
    const expiresAt = Date.now() + 1500;
    const token = await adminA.expect(
      201,
      adminA.post(`/users/${user.id}/tokens`, { name: 'brief', expires_at: new Date(expiresAt).toISOString() }),
    );
    const api = new Api(b.url, token.token);
    await api.expect(200, api.get('/users/me'));
    await new Promise((resolve) => setTimeout(resolve, expiresAt + 50 - Date.now()));
    expect((await api.get('/users/me')).status).toBe(401);
  });
});
