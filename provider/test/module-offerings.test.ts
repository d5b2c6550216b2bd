/**
 * examples/modules/consumer as its README runs it: a team orders the demo's `web-service`
 * offering (a module from Mercato's registry, applied by the server's `terraform` plugin) from
 * HCL with a `mercato_resource`, against a test server seeded with the demo catalog and
 * listening on HTTPS (the plugin's Terraform reaches the registry and the state backend there).
 * Apply gives the module's outputs, an update re-applies with more replicas, destroy destroys
 * the module's resources; the sensitive input shows nowhere but Terraform's own state.
 */
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { Api } from '@mercato/test-support/api-client';
import { seedDemoCatalog } from '@mercato/server';
import { resourcesByAddress } from './support/terraform';
import { MercatoCliWorkspace, setUpMercatoTerraform, type MercatoTerraform } from './support/installed-provider';
import { REPO_ROOT } from './support/repo-paths';

const PASSWORD = 'module-secret-7f3a91';

let server: TestServer;
let tf: MercatoTerraform;
let api: Api;
let ws: MercatoCliWorkspace;

beforeAll(async () => {
  server = await startTestServer('sqlite', { https: true });
  await seedDemoCatalog(server.app, server.adminToken);
  api = new Api(server.url, server.adminToken);
  tf = await setUpMercatoTerraform(server);
  const filled = tf.workspace('module-consumer', join(REPO_ROOT, 'examples/modules/consumer'));
  // The consumer's sensitive variable, as its README gives it: TF_VAR_admin_password.
  ws = new MercatoCliWorkspace(filled.dir, { ...tf.env, TF_VAR_admin_password: PASSWORD });
  await ws.init();
});
afterAll(async () => {
  tf?.cleanup();
  await server?.close();
});

/** The module's resources as the resource's last run found them in its Terraform state (`backend_state.resources`). */
async function moduleResources(resourceId: string): Promise<string[]> {
  const resource = await api.expect(200, api.get(`/resources/${resourceId}`));
  return [...(resource.backend_state.resources as string[])].sort();
}

test('orders the web-service module from HCL, updates it, and destroys its resources', async () => {
  const created = await ws.apply();
  expect(created.summary).toMatchObject({ add: 3, change: 0, remove: 0 });
  const site = resourcesByAddress(await ws.state())['mercato_resource.site'].values;
  expect(site.state).toBe('OK');
  expect(site.version).toBe('1.0.0');
  const outputs = site.outputs as { url: string; instance_ids: string[] };
  expect(outputs.url).toBe('https://shop-dev.web.demo.mercato.example');
  expect(outputs.instance_ids).toHaveLength(2);
  expect((site.secret_outputs as { admin_connection: string }).admin_connection).toBe(
    `https://admin:${PASSWORD}@shop-dev.web.demo.mercato.example/admin`,
  );
  expect(await ws.outputValues()).toMatchObject({ url: outputs.url });

  const resource = await api.expect(200, api.get(`/resources/${site.id}`));
  expect(await moduleResources(resource.id)).toEqual([
    'module.main.terraform_data.admin_user',
    'module.main.terraform_data.instance[0]',
    'module.main.terraform_data.instance[1]',
    'module.main.terraform_data.load_balancer',
  ]);
  // The sensitive input: kept as a secret attribute, never answered, never in events or the run's log.
  const order = await api.expect(200, api.get(`/orders/${site.order_id}`));
  const logs = await api.expect(200, api.get(`/orders/${site.order_id}/logs`));
  const events = await api.expect(200, api.get(`/events?object_id=${site.order_id}`));
  expect(logs.items.length).toBeGreaterThan(0);
  // The module's sensitive output is built from it: a secret output, answered only in `secret_outputs`.
  const { secret_outputs: secretOutputs, ...shown } = resource;
  expect(secretOutputs.admin_connection).toContain(PASSWORD);
  for (const answer of [shown, order, logs, events]) expect(JSON.stringify(answer)).not.toContain(PASSWORD);

  const updated = await ws.apply(['-var', 'replicas=3']);
  expect(updated.summary).toMatchObject({ add: 0, change: 1, remove: 0 });
  const after = resourcesByAddress(await ws.state())['mercato_resource.site'].values;
  expect((after.outputs as { instance_ids: string[] }).instance_ids).toHaveLength(3);
  expect(await moduleResources(resource.id)).toContain('module.main.terraform_data.instance[2]');

  await ws.destroy();
  const terminated = await api.expect(200, api.get(`/resources/${site.id}`));
  expect(terminated.state).toBe('Terminated');
  expect(await moduleResources(resource.id)).toEqual([]);
});
