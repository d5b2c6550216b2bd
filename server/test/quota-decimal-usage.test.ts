/**
 * Quota usage is an exact decimal sum (issue 13): limits of 0.1 and 0.2 make 0.3, which a quota
 * of 0.3 admits (as doubles they make 0.30000000000000004 and the second order would be refused).
 */
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';

describe.each(DATABASE_KINDS)('quota usage as exact decimals on %s', (kind) => {
  let server: TestServer;
  let w: World;

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { pollIntervalMs: 50 } });
    w = await makeWorld(new Api(server.url, server.adminToken));
  });
  afterAll(() => server.close());

  test('a quota of 0.3 admits 0.1 + 0.2, shows usage 0.3 and refuses 0.1 more', async () => {
    const owner = w.consumer.owner.api;
    const project = await owner.expect(
      201,
      owner.post('/projects', { organization_id: w.consumer.organization.id, name: 'decimal quota' }),
    );
    const quota = await owner.expect(
      201,
      owner.post('/quotas', { project_id: project.id, component: 'cpu', limit: 0.3 }),
    );
    const order = (cpu: number, name: string) =>
      owner.post('/orders', {
        type: 'create',
        project_id: project.id,
        offering_id: w.autoApproved.id,
        plan_id: w.autoApproved.plan.id,
        name,
        attributes: { instance_type: 'general-purpose' },
        limits: { cpu },
      });
    expect((await order(0.1, 'tenth')).status).toBe(201);
    expect((await order(0.2, 'fifth')).status).toBe(201);
    expect((await owner.expect(200, owner.get(`/quotas/${quota.id}`))).usage).toBe(0.3);
    const over = await order(0.1, 'one-more');
    expect(over.status).toBe(409);
    expect(over.body.errors).toEqual([
      {
        field: 'limits.cpu',
        message: "the project's quota of cpu is 0.3; 0.3 is in use or ordered, this order would make it 0.4",
      },
    ]);
    const listed = await owner.expect(200, owner.get(`/quotas?project_id=${project.id}`));
    expect(listed.items.map((q: { usage: number }) => q.usage)).toEqual([0.3]);
  });
});
