/**
 * The example app end to end: synthesized, then applied with the real Terraform CLI and the real
 * provider (bundled as for a release, used through dev_overrides) against the real server, which
 * then shows the objects through its API. The publisher stack is applied first: the consumer
 * finds its offering by slug. A second plan of each stack shows no changes; destroy leaves none.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { seedDemoCatalog } from '@mercato/server';
import { ensureBuilt } from './support/build';
import { EXAMPLE_APP, synthApp, type Synthesized } from './support/synth';
import { changeSummary, installProvider, terraform as run, terraformOk } from './support/terraform';

let server: TestServer;
let api: Api;
let app: Synthesized;
let env: NodeJS.ProcessEnv;

const terraform = (stack: string, args: string[]) => run(join(app.outdir, 'stacks', stack), args, env);
const ok = (stack: string, args: string[]) => terraformOk(join(app.outdir, 'stacks', stack), args, env);

async function outputs(stack: string): Promise<Record<string, string>> {
  const parsed = JSON.parse((await ok(stack, ['output', '-json'])).stdout) as Record<string, { value: string }>;
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v.value]));
}

beforeAll(async () => {
  await ensureBuilt();
  [server, app] = await Promise.all([startTestServer('sqlite'), synthApp(EXAMPLE_APP)]);
  await seedDemoCatalog(server.app, server.adminToken);
  api = new Api(server.url, server.adminToken);
  env = await installProvider(app.project, server);
  await Promise.all(['publisher', 'consumer'].map((stack) => ok(stack, ['init', '-input=false'])));
});

afterAll(async () => {
  await server?.close();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
  if (app) rmSync(app.project, { recursive: true, force: true });
});

test('apply the publisher stack: the offering, its versions and plans are in the catalog', async () => {
  expect(changeSummary(await ok('publisher', ['apply', '-auto-approve', '-input=false', '-json']))).toMatchObject({
    add: 7,
    change: 0,
    remove: 0,
  });
  const out = await outputs('publisher');

  const offering = await api.expect(200, api.get('/offerings/example-object-storage'));
  expect(offering).toMatchObject({
    id: out.offering_id,
    name: 'Example Object Storage',
    type: 'allocation',
    platform: 'on-premises',
    status: 'active',
    auto_approve: true,
    tags: ['storage', 's3', 'example'],
  });
  expect(offering.components).toEqual([
    expect.objectContaining({ type: 'storage', name: 'Storage', measured_unit: 'GB', billing_type: 'limit' }),
    expect.objectContaining({ type: 'requests', name: 'Requests', measured_unit: 'million', billing_type: 'usage' }),
  ]);
  const versions = (await api.expect(200, api.get(`/offering-versions?offering_id=${out.offering_id}`))).items;
  expect(versions.map((v: { version: string; status: string }) => [v.version, v.status]).sort()).toEqual([
    ['1.0.0', 'available'],
    ['2.0.0', 'beta'],
  ]);
  expect(versions.find((v: { id: string }) => v.id === out.version_1_id).options_schema.required).toEqual([
    'bucket_name',
  ]);
  const plans = (await api.expect(200, api.get(`/plans?offering_id=${out.offering_id}`))).items;
  expect(plans.map((p: { name: string; prices: object }) => [p.name, p.prices]).sort()).toEqual([
    ['archive', { storage: '0.004', requests: '2' }],
    ['standard', { storage: '0.02', requests: '0.4' }],
  ]);
  expect(plans.find((p: { name: string }) => p.name === 'standard').id).toBe(out.standard_plan_id);

  expect((await terraform('publisher', ['plan', '-input=false', '-detailed-exitcode'])).code).toBe(0);
});

test('apply the consumer stack: the project and its ordered resources are on the server', async () => {
  expect(changeSummary(await ok('consumer', ['apply', '-auto-approve', '-input=false', '-json']))).toMatchObject({
    add: 4,
    change: 0,
    remove: 0,
  });
  const out = await outputs('consumer');
  expect(out.bucket_state).toBe('OK');

  const project = await api.expect(200, api.get(`/projects/${out.project_id}`));
  expect(project).toMatchObject({ name: 'example-app', description: 'The example CDKTF app.' });
  const bucket = await api.expect(200, api.get(`/resources/${out.bucket_id}`));
  expect(bucket).toMatchObject({
    name: 'example-assets',
    project_id: out.project_id,
    state: 'OK',
    version: '1.0.0',
    attributes: { bucket_name: 'example-assets', versioning: true },
    limits: { storage: 100 },
  });
  const cache = await api.expect(200, api.get(`/resources/${out.cache_id}`));
  const redis = await api.expect(200, api.get('/offerings/redis'));
  expect(cache).toMatchObject({
    name: 'example-cache',
    offering_id: redis.id,
    state: 'OK',
    version: '7.2.0',
    attributes: { memory_gb: 2, eviction_policy: 'allkeys-lru', tls_enabled: true },
  });
  const basic = (await api.expect(200, api.get(`/plans?offering_id=${redis.id}`))).items.find(
    (p: { name: string }) => p.name === 'cache-basic',
  );
  expect(cache.plan_id).toBe(basic.id);

  expect((await terraform('consumer', ['plan', '-input=false', '-detailed-exitcode'])).code).toBe(0);
});

test('destroy the consumer, then the publisher: nothing is left', async () => {
  const { bucket_id: bucketId } = await outputs('consumer');
  const { offering_id: offeringId } = await outputs('publisher');
  expect(changeSummary(await ok('consumer', ['destroy', '-auto-approve', '-input=false', '-json']))).toMatchObject({
    add: 0,
    remove: 4,
  });
  // Terminated through a terminate order; gone with its project.
  const bucket = await api.get(`/resources/${bucketId}`);
  expect(bucket.status === 404 || bucket.body.state === 'Terminated').toBe(true);
  expect(changeSummary(await ok('publisher', ['destroy', '-auto-approve', '-input=false', '-json']))).toMatchObject({
    add: 0,
    remove: 7,
  });
  expect((await api.get(`/offerings/${offeringId}`)).status).toBe(404);
});
