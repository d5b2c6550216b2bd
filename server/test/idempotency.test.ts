import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';

describe.each(DATABASE_KINDS)('Idempotency-Key on creates on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 20 } });
    admin = new Api(server.url, server.adminToken);
  });
  afterAll(() => server.close());

  test('a retried create returns the first answer and creates nothing more', async () => {
    const key = { 'idempotency-key': 'org-1' };
    const [a, b] = await Promise.all([
      admin.post('/organizations', { name: 'Once Inc' }, key),
      admin.post('/organizations', { name: 'Once Inc' }, key),
    ]);
    const c = await admin.post('/organizations', { name: 'Once Inc' }, key);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    const listed = await admin.expect(200, admin.get('/organizations?name=Once%20Inc'));
    expect(listed.items).toHaveLength(1);
  });

  test('a refused create does not burn the key, and a key is bound to its path (422)', async () => {
    const key = { 'idempotency-key': 'cat-1' };
    const refused = await admin.post(
      '/projects',
      { organization_id: '01a1fc88-0000-7000-8000-000000000000', name: 'x' },
      key,
    );
    expect(refused.status).toBe(422);
    const category = await admin.post('/categories', { title: 'Keyed' }, { 'idempotency-key': 'cat-2' });
    expect(category.status).toBe(201);
    const misuse = await admin.post('/organizations', { name: 'Other' }, { 'idempotency-key': 'cat-2' });
    expect(misuse.status).toBe(422);
    expect(misuse.body.errors[0].field).toBe('Idempotency-Key');
  });

  test('token answers are never stored for replay', async () => {
    const me = await admin.expect(200, admin.get('/users/me'));
    const key = { 'idempotency-key': 'token-1' };
    const first = await admin.expect(201, admin.post(`/users/${me.id}/tokens`, { name: 'a' }, key));
    const stored = await server.app.db.selectFrom('idempotency_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(first.token);
  });

  describe('bound to the request it came with', () => {
    let w: World;
    beforeAll(async () => {
      w = await makeWorld(admin, `idem-${kind}`);
    });

    const owner = () => w.consumer.owner.api;
    const createOrder = (name: string, key: string) =>
      owner().post(
        '/orders',
        {
          type: 'create',
          project_id: w.consumer.project.id,
          offering_id: w.autoApproved.id,
          plan_id: w.autoApproved.plan.id,
          name,
          attributes: { instance_type: 'general-purpose' },
        },
        { 'idempotency-key': key },
      );
    const resourceState = async (id: string) => (await owner().expect(200, owner().get(`/resources/${id}`))).state;

    test('a key reused with another body is refused with 422, on orders and on other creates, and nothing happens', async () => {
      const created = await owner().expect(201, createOrder('keyed', 'key-1'));
      await waitForOrder(owner(), created.id);
      // the create's key on a terminate: refused, the resource stays
      const terminate = await owner().post(
        '/orders',
        { type: 'terminate', resource_id: created.resource_id },
        { 'idempotency-key': 'key-1' },
      );
      expect([terminate.status, terminate.headers.get('content-type'), terminate.body.errors[0].field]).toEqual([
        422,
        expect.stringContaining('application/problem+json'),
        'Idempotency-Key',
      ]);
      expect(terminate.body.detail).toMatch(/first used with another request/);
      expect(await resourceState(created.resource_id)).toBe('OK');
      // the same request again is the first answer, whatever the order of its keys
      const again = await owner().post(
        '/orders',
        {
          attributes: { instance_type: 'general-purpose' },
          name: 'keyed',
          plan_id: w.autoApproved.plan.id,
          offering_id: w.autoApproved.id,
          project_id: w.consumer.project.id,
          type: 'create',
        },
        { 'idempotency-key': 'key-1' },
      );
      expect([again.status, again.body.id, again.headers.get('idempotent-replayed')]).toEqual([
        200,
        created.id,
        'true',
      ]);
      // with a key of its own the terminate goes through
      const ended = await owner().expect(
        201,
        owner().post(
          '/orders',
          { type: 'terminate', resource_id: created.resource_id },
          { 'idempotency-key': 'key-2' },
        ),
      );
      expect((await waitForOrder(owner(), ended.id)).state).toBe('done');

      // POST /projects: the second name is refused, only the first project exists
      const first = await owner().expect(
        201,
        owner().post(
          '/projects',
          { organization_id: w.consumer.organization.id, name: 'first' },
          { 'idempotency-key': 'p-1' },
        ),
      );
      const second = await owner().post(
        '/projects',
        { organization_id: w.consumer.organization.id, name: 'second' },
        { 'idempotency-key': 'p-1' },
      );
      expect([second.status, second.body.errors[0].field]).toEqual([422, 'Idempotency-Key']);
      expect(
        (await owner().expect(200, owner().get(`/projects?organization_id=${w.consumer.organization.id}&name=second`)))
          .items,
      ).toEqual([]);
      expect(
        (
          await owner().post(
            '/projects',
            { organization_id: w.consumer.organization.id, name: 'first' },
            { 'idempotency-key': 'p-1' },
          )
        ).body.id,
      ).toBe(first.id);

      // a key is one request across routes: an order's key on a project and back
      expect(
        (
          await owner().post(
            '/projects',
            { organization_id: w.consumer.organization.id, name: 'third' },
            { 'idempotency-key': 'key-1' },
          )
        ).status,
      ).toBe(422);
      expect((await createOrder('other', 'p-1')).status).toBe(422);
    });

    test('order actions take a key too: a retried approval is answered again, the key on another action refused', async () => {
      const order = await w.consumer.member.api.expect(
        201,
        w.consumer.member.api.post('/orders', {
          type: 'create',
          project_id: w.consumer.project.id,
          offering_id: w.allocation.id,
          plan_id: w.allocation.plan.id,
          name: 'approve-me',
          attributes: { instance_type: 'general-purpose' },
        }),
      );
      const approve = () =>
        w.consumer.manager.api.post(`/orders/${order.id}/approve`, {}, { 'idempotency-key': 'approve-1' });
      const first = await approve();
      const retry = await approve();
      expect([first.status, retry.status, retry.body.state, retry.headers.get('idempotent-replayed')]).toEqual([
        200,
        200,
        'pending-provider',
        'true',
      ]);
      const reject = await w.consumer.manager.api.post(
        `/orders/${order.id}/reject`,
        { reason: 'changed my mind' },
        { 'idempotency-key': 'approve-1' },
      );
      expect([reject.status, reject.body.errors[0].field]).toEqual([422, 'Idempotency-Key']);
    });

    test('concurrent retries of an update order all get the first answer, and one order is placed', async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const created = await owner().expect(201, createOrder(`concurrent-${attempt}`, `c-${attempt}`));
        await waitForOrder(owner(), created.id);
        const update = () =>
          owner().post(
            '/orders',
            { type: 'update', resource_id: created.resource_id, attributes: { instance_type: 'compute-optimized' } },
            { 'idempotency-key': `u-${attempt}` },
          );
        const answers = await Promise.all(Array.from({ length: 5 }, update));
        expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
        expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
        const updates = await owner().expect(
          200,
          owner().get(`/orders?resource_id=${created.resource_id}&type=update`),
        );
        expect(updates.items).toHaveLength(1);
      }
    });
  });
});
