/**
 * Drift of a module-backed resource: a module built on the `mercato` provider itself manages a
 * `mercato_category` on the same server. The provider reaches the server-side Terraform the way
 * an operator supplies providers: installed into a folder with `mercato provider install --dir`,
 * named by a `filesystem_mirror` in the operator's CLI configuration (MERCATO_TERRAFORM_CLI_CONFIG,
 * here the app's `terraform.cliConfigFile`). The category is changed behind Terraform's back
 * through the API; the next pull (a refresh-only plan) reports it in `backend_state.drift`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { MERCATO_BIN } from '@mercato/test-support/server-process';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import { namespaceOf, offerModule, placeCreate, publishModule } from './support/terraform-offerings';

const CATALOG_MODULE = {
  'main.tf': `
terraform {
  required_providers {
    mercato = { source = "mercato/mercato" }
  }
}

variable "endpoint" {
  type = string
}

variable "token" {
  type      = string
  sensitive = true
}

variable "title" {
  type = string
}

provider "mercato" {
  endpoint = var.endpoint
  token    = var.token
}

resource "mercato_category" "this" {
  title = var.title
}

output "category_id" {
  value = mercato_category.this.id
}

output "title" {
  value = mercato_category.this.title
}
`,
};

describe('terraform plugin: drift of a module on the mercato provider', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'mercato-tf-drift-'));
  const mirror = path.join(root, 'providers');
  const cliConfigFile = path.join(root, 'operator.tfrc');
  let server: TestServer;
  let admin: Api;
  let world: World;

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [MERCATO_BIN, 'provider', 'install', '--dir', mirror]);
    writeFileSync(
      cliConfigFile,
      `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["registry.terraform.io/mercato/mercato"]
  }
  direct {
    exclude = ["registry.terraform.io/mercato/mercato"]
  }
}
`,
    );
    server = await startTestServer('sqlite', {
      https: true,
      terraform: { cliConfigFile },
      worker: { pollIntervalMs: 50, pullIntervalMs: 300 },
    });
    admin = new Api(server.url, server.adminToken);
    world = await makeWorld(admin, 'tfdrift');
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('a change behind Terraform is reported by the next pull as drift, with refreshed outputs', async () => {
    const address = `${await namespaceOf(admin, world)}/catalog/mercato`;
    await publishModule(server, world, address, '1.0.0', CATALOG_MODULE);
    const offering = await offerModule(world, 'Catalog category', address);
    const placed = await placeCreate(world, offering, 'category', {
      endpoint: server.url,
      token: server.adminToken,
      title: 'Made by a module',
    });
    const done = await waitForOrder(admin, placed.id, undefined, 90000);
    expect([done.state, done.reason]).toEqual(['done', '']);
    const resource = await admin.expect(200, admin.get(`/resources/${done.resource_id}`));
    const categoryId = resource.outputs.category_id as string;
    expect(await admin.expect(200, admin.get(`/categories/${categoryId}`))).toMatchObject({
      title: 'Made by a module',
    });
    expect(resource.backend_state.resources).toEqual(['module.main.mercato_category.this']);

    await admin.expect(200, admin.patch(`/categories/${categoryId}`, { title: 'Changed by hand' }));
    const deadline = Date.now() + 60000;
    let pulled = resource;
    while (!pulled.backend_state.drift?.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      pulled = await admin.expect(200, admin.get(`/resources/${done.resource_id}`));
    }
    expect(pulled.backend_state).toMatchObject({
      module: address,
      module_version: '1.0.0',
      resources: ['module.main.mercato_category.this'],
      drift: [{ address: 'module.main.mercato_category.this', actions: ['update'] }],
    });
    expect(pulled.outputs).toEqual({ category_id: categoryId, title: 'Changed by hand' });
    expect(JSON.stringify(pulled)).not.toContain(server.adminToken);
  });
});
