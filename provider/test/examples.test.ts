/**
 * The example configurations under examples/hcl run as their READMEs say: against a server
 * with the demo catalog (as `npm start` seeds it), with the provider found by a plain
 * `terraform init` in the local mirror. Each applies, then re-plans with no changes, then is
 * destroyed.
 */
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { Api } from '@mercato/test-support/api-client';
import { seedDemoCatalog } from '@mercato/server';
import { expectNoChanges, resourcesByAddress } from './support/terraform';
import { setUpMercatoTerraform, type MercatoTerraform } from './support/installed-provider';
import { REPO_ROOT } from './support/repo-paths';

let server: TestServer;
let tf: MercatoTerraform;
let api: Api;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  // The demo PostgreSQL offering creates its databases on the tests' PostgreSQL cluster, as
  // MERCATO_DEMO_POSTGRES_URL makes `npm start` do.
  await seedDemoCatalog(server.app, server.adminToken, { postgresAdminUrl: process.env.MERCATO_TEST_POSTGRES_URL });
  api = new Api(server.url, server.adminToken);
  tf = await setUpMercatoTerraform(server);
});
afterAll(async () => {
  tf?.cleanup();
  await server?.close();
});

test('examples/hcl/publisher: publishes an offering with components, two versions and plans', async () => {
  const ws = tf.workspace('publisher', join(REPO_ROOT, 'examples/hcl/publisher'));
  await ws.init();
  expect((await ws.apply()).summary).toMatchObject({ add: 7, change: 0, remove: 0 });

  const offering = await api.expect(200, api.get('/offerings/clickhouse'));
  expect(offering.name).toBe('Managed ClickHouse');
  // Declared active beside its versions and plans: active after the one apply.
  expect([offering.status, offering.requested_status]).toEqual(['active', 'active']);
  expect(offering.components.map((c: { type: string }) => c.type)).toEqual(['vcpu', 'storage', 'support']);
  const versions = await api.expect(200, api.get(`/offering-versions?offering_id=${offering.id}`));
  expect(versions.items.map((v: { version: string; status: string }) => `${v.version}:${v.status}`).sort()).toEqual([
    '1.0.0:available',
    '2.0.0:beta',
  ]);
  const v2 = versions.items.find((v: { version: string }) => v.version === '2.0.0');
  expect(Object.keys(v2.options_schema.properties).sort()).toEqual([
    'clickhouse_version',
    'database_name',
    'replicas',
    'shards',
  ]);
  const plans = await api.expect(200, api.get(`/plans?offering_id=${offering.id}`));
  expect(plans.items.map((p: { name: string }) => p.name).sort()).toEqual(['premium', 'standard']);
  expect((await ws.outputs()).offering_slug.value).toBe('clickhouse');

  expectNoChanges(await ws.plan());

  await ws.destroy();
  expect((await api.get('/offerings/clickhouse')).status).toBe(404);
});

test('examples/hcl/consumer: orders PostgreSQL and Redis from the demo catalog into a new project', async () => {
  const ws = tf.workspace('consumer', join(REPO_ROOT, 'examples/hcl/consumer'));
  await ws.init();
  expect((await ws.apply()).summary).toMatchObject({ add: 4, change: 0, remove: 0 });

  const resources = resourcesByAddress(await ws.state());
  const db = resources['mercato_resource.db'].values;
  expect(db.state).toBe('OK');
  expect(db.version).toBe('2.0.0');
  const outputs = db.outputs as Record<string, unknown>;
  expect(outputs).toMatchObject({ database: expect.stringMatching(/^orders_[0-9a-f]{15}$/), port: expect.any(Number) });
  expect(outputs.username).toBe(outputs.database);
  const pg = await api.expect(200, api.get('/offerings/postgresql'));
  expect(db.offering_id).toBe(pg.id);
  const remote = await api.expect(200, api.get(`/resources/${db.id}`));
  expect(remote.attributes).toMatchObject({
    postgres_version: '17',
    database_name: 'orders',
    connection_limit: 10,
    backup: { retention_days: 14 },
  });
  const redis = await api.expect(200, api.get('/offerings/redis'));
  expect(resources['mercato_resource.cache'].values.offering_id).toBe(redis.id);
  expect(resources['mercato_resource.cache'].values.state).toBe('OK');
  expect((await ws.outputs()).database_offerings_found.value).toEqual(['Redis']);

  expectNoChanges(await ws.plan());

  expect((await ws.destroy()).summary).toMatchObject({ remove: 4, operation: 'destroy' });
  // Terminated, and gone with its project.
  const after = await api.get(`/resources/${db.id}`);
  expect(after.status === 404 || after.body.state === 'Terminated').toBe(true);
});
