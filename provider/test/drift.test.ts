/**
 * `mercato drift` with the real Terraform, the real provider (installed as users install it)
 * and the real server: a change made through the API shows as drift per attribute, in text,
 * JSON and Markdown, with exit code 2; a re-apply brings it back to 0; errors exit 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { Api } from '@mercato/test-support/api-client';
import { buildDriftReport, renderDrift, SENSITIVE_MASK, type DriftReport } from '../src/drift/drift-report';
import { resourcesByAddress } from './support/terraform';
import {
  REQUIRED_PROVIDERS,
  setUpMercatoTerraform,
  type MercatoCliWorkspace,
  type MercatoTerraform,
} from './support/installed-provider';

const CONFIG = `${REQUIRED_PROVIDERS}
provider "mercato" {}

resource "mercato_organization" "o" {
  name = "Drift Checks Inc"
}

resource "mercato_project" "x" {
  organization_id = mercato_organization.o.id
  name            = "alpha"
  description     = "watched for drift"
}
`;

let server: TestServer;
let tf: MercatoTerraform;
let ws: MercatoCliWorkspace;
let api: Api;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  api = new Api(server.url, server.adminToken);
  tf = await setUpMercatoTerraform(server);
  ws = tf.workspace('drift', { 'main.tf': CONFIG });
  await ws.init();
  await ws.apply();
});
afterAll(async () => {
  tf?.cleanup();
  await server?.close();
});

test('nothing changed: exit 0', async () => {
  const result = await ws.mercato(['drift']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('No drift');
});

test('a project renamed through the API: exit 2, the address and the attribute with both values', async () => {
  const projectId = resourcesByAddress(await ws.state())['mercato_project.x'].values.id as string;
  await api.expect(200, api.patch(`/projects/${projectId}`, { name: 'renamed-outside' }));

  const text = await ws.mercato(['drift', '--dir', ws.dir]);
  expect(text.code).toBe(2);
  expect(text.stdout).toContain('mercato_project.x');
  expect(text.stdout).toMatch(/~ name\s+"alpha" -> "renamed-outside"/);
  expect(text.stdout).not.toContain('mercato_organization.o');
  expect(text.stdout).not.toContain('description');

  const json = await ws.mercato(['drift', '--format', 'json']);
  expect(json.code).toBe(2);
  const report = JSON.parse(json.stdout) as DriftReport;
  expect(report.drifted).toBe(true);
  expect(report.resources).toEqual([
    {
      address: 'mercato_project.x',
      type: 'mercato_project',
      name: 'x',
      action: 'update',
      attributes: [{ path: 'name', before: 'alpha', after: 'renamed-outside', sensitive: false }],
    },
  ]);

  const markdown = await ws.mercato(['drift', '--format', 'markdown']);
  expect(markdown.code).toBe(2);
  expect(markdown.stdout).toContain('| Resource | Attribute | In state | Outside Terraform |');
  expect(markdown.stdout).toContain('|---|---|---|---|');
  expect(markdown.stdout).toContain('| `mercato_project.x` | `name` | `"alpha"` | `"renamed-outside"` |');

  // The check changed nothing: the state still holds the old name.
  expect(resourcesByAddress(await ws.state())['mercato_project.x'].values.name).toBe('alpha');
});

test('after a re-apply: exit 0 again', async () => {
  await ws.apply();
  const result = await ws.mercato(['drift', '--format', 'markdown']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Terraform drift: none');
});

test('a resource deleted outside Terraform is reported as deleted', async () => {
  const scratch = tf.workspace('deleted', {
    'main.tf': `${REQUIRED_PROVIDERS}\nprovider "mercato" {}\n\nresource "mercato_organization" "gone" {\n  name = "Soon Gone"\n}\n`,
  });
  await scratch.init();
  await scratch.apply();
  const id = resourcesByAddress(await scratch.state())['mercato_organization.gone'].values.id as string;
  const deleted = await api.delete(`/organizations/${id}`);
  expect([200, 204]).toContain(deleted.status);
  const result = await scratch.mercato(['drift']);
  expect(result.code).toBe(2);
  expect(result.stdout).toContain('mercato_organization.gone: deleted outside Terraform');
});

test('errors exit 1 with a clear message: not initialized, terraform missing, plan error', async () => {
  const fresh = tf.workspace('uninitialized', { 'main.tf': CONFIG });
  const uninitialized = await fresh.mercato(['drift']);
  expect(uninitialized.code).toBe(1);
  expect(uninitialized.stderr).toContain('is not initialized: run `terraform init` there first');

  const missing = await ws.mercato(['drift', '--terraform', join(tf.root, 'no-such-terraform')]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('terraform not found');

  const broken = join(tf.root, 'broken');
  mkdirSync(broken);
  writeFileSync(join(broken, 'main.tf'), 'resource "mercato_project" "p" {\n');
  const planError = await ws.mercato(['drift', '--dir', broken]);
  expect(planError.code).toBe(1);
  expect(planError.stderr).toMatch(/^error: terraform plan failed in .*broken/);
});

test('sensitive values are masked, nested paths are named, unchanged values are left out', () => {
  const report = buildDriftReport('/x', [
    {
      address: 'mercato_resource.db',
      mode: 'managed',
      type: 'mercato_resource',
      name: 'db',
      change: {
        actions: ['update'],
        before: {
          name: 'db',
          attributes: { storage_gb: 20, backup: { retention_days: 7 } },
          secret_outputs: { password: 'old-secret' },
          limits: { storage: 20 },
        },
        after: {
          name: 'db',
          attributes: { storage_gb: 40, backup: { retention_days: 7 } },
          secret_outputs: { password: 'new-secret' },
          limits: { storage: 40 },
        },
        before_sensitive: { secret_outputs: true },
        after_sensitive: { secret_outputs: true },
      },
    },
  ]);
  expect(report.resources[0].attributes).toEqual([
    { path: 'attributes.storage_gb', before: 20, after: 40, sensitive: false },
    { path: 'limits.storage', before: 20, after: 40, sensitive: false },
    { path: 'secret_outputs.password', before: SENSITIVE_MASK, after: SENSITIVE_MASK, sensitive: true },
  ]);
  for (const format of ['text', 'json', 'markdown'] as const) {
    expect(renderDrift(report, format)).not.toContain('old-secret');
    expect(renderDrift(report, format)).not.toContain('new-secret');
  }
});

test('a resource the refreshed state holds as Erred is reported as not working, in every format', () => {
  const state = [
    {
      address: 'mercato_resource.vm',
      mode: 'managed',
      type: 'mercato_resource',
      name: 'vm',
      values: { state: 'Erred', order_id: 'o-1' },
    },
    {
      address: 'mercato_resource.ok',
      mode: 'managed',
      type: 'mercato_resource',
      name: 'ok',
      values: { state: 'OK', order_id: 'o-2' },
    },
    { address: 'data.mercato_project.p', mode: 'data', type: 'mercato_project', name: 'p', values: { state: 'Erred' } },
  ];
  const report = buildDriftReport('/x', [], state);
  expect(report).toEqual({
    drifted: true,
    dir: '/x',
    resources: [],
    erred: [{ address: 'mercato_resource.vm', type: 'mercato_resource', name: 'vm', order_id: 'o-1' }],
  });
  expect(renderDrift(report, 'text')).toBe(
    'Drift detected: 1 resource not working (in /x).\n\n  mercato_resource.vm is Erred (order o-1): not working\n\nAn Erred resource was never provisioned: `terraform apply` replaces it (its plan says which order failed and why).',
  );
  expect(renderDrift(report, 'markdown')).toContain(
    '| `mercato_resource.vm` | `state` | *(working)* | **Erred** (order `o-1`) |',
  );
  expect(JSON.parse(renderDrift(report, 'json')).erred).toEqual(report.erred);
  expect(buildDriftReport('/x', [], [state[1]]).drifted).toBe(false);
});
