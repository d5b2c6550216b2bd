/**
 * What the catalog's cards badge, as the search answers it (issue 14): `latest_version_status`
 * (beta when the newest orderable version is a beta one) and `all_versions_deprecated` (nothing
 * left to order), following version changes in the search's cached documents.
 */
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  world = await makeWorld(new Api(server.url, server.adminToken), 'badges');
});

afterAll(async () => {
  await server?.close();
});

test('beta and deprecated come from the versions, in search results and single reads', async () => {
  const sm = world.serviceManager.api;
  const consumer = world.consumer.manager.api;
  const offering = await sm.expect(
    201,
    sm.post('/offerings', {
      organization_id: world.provider.id,
      category_id: world.category.id,
      name: 'Badged Queue',
      type: 'manual',
      status: 'active',
    }),
  );
  await sm.expect(201, sm.post('/plans', { offering_id: offering.id, name: 'basic', unit: 'month', prices: {} }));
  const badges = async () => {
    const search = await consumer.expect(200, consumer.get('/offerings?q=badged'));
    const found = search.items.find((o: { id: string }) => o.id === offering.id);
    const single = await consumer.expect(200, consumer.get(`/offerings/${offering.id}`));
    const pick = (o: Record<string, unknown>) => ({
      latest_version: o.latest_version,
      latest_version_status: o.latest_version_status,
      all_versions_deprecated: o.all_versions_deprecated,
    });
    expect(pick(single)).toEqual(pick(found));
    return pick(found);
  };
  const version = (v: string, status: string) =>
    sm.expect(201, sm.post('/offering-versions', { offering_id: offering.id, version: v, status }));

  const beta = await version('2.0.0-rc.1', 'beta');
  expect(await badges()).toEqual({
    latest_version: '2.0.0-rc.1',
    latest_version_status: 'beta',
    all_versions_deprecated: false,
  });
  const available = await version('1.0.0', 'available');
  expect(await badges()).toEqual({
    latest_version: '1.0.0',
    latest_version_status: 'available',
    all_versions_deprecated: false,
  });
  for (const v of [beta, available])
    await sm.expect(200, sm.patch(`/offering-versions/${v.id}`, { status: 'deprecated' }));
  expect(await badges()).toEqual({ latest_version: null, latest_version_status: null, all_versions_deprecated: true });
});
