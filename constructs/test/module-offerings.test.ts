/**
 * Typed constructs of a module-backed offering: a module published with `mercato module publish`,
 * a `terraform` offering naming it, then `mercato constructs generate` writes a construct whose
 * config is typed from the schema generated from the module's inputs (required and optional
 * inputs, an enum from a validation, a map of objects with optional attributes, a tuple, a
 * sensitive input), and synthesizes the module's own snake_case names, the sensitive one as a
 * secret attribute.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { MERCATO_BIN } from '@mercato/test-support/server-process';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { ensureBuilt, REPO } from './support/build';
import { readStacks, synthApp } from './support/synth';

const MODULE = `
variable "app_name" {
  type = string
}
variable "instance_size" {
  type    = string
  default = "small"
  validation {
    condition     = contains(["small", "large"], var.instance_size)
    error_message = "small or large"
  }
}
variable "node_pools" {
  type = map(object({
    zone     = string
    replicas = optional(number, 1)
  }))
  default = {}
}
variable "window" {
  type    = tuple([string, number])
  default = ["sun", 2]
}
variable "admin_password" {
  type      = string
  sensitive = true
}
resource "terraform_data" "this" {
  input = var.app_name
}
`;

let server: TestServer;
let dir: string;

/** The CLI as a user runs it, against the test server. */
function mercato(args: string[]): Promise<{ code: number; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    MERCATO_ENDPOINT: server.url,
    MERCATO_TOKEN: server.adminToken,
  };
  return new Promise((resolve) =>
    execFile(process.execPath, [MERCATO_BIN, ...args], { env, cwd: dir }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    ),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mercato-module-constructs-'));
  const [started] = await Promise.all([startTestServer('sqlite', { worker: { enabled: false } }), ensureBuilt()]);
  server = started;
  const admin = new Api(server.url, server.adminToken);
  const organization = await admin.expect(201, admin.post('/organizations', { name: 'Module Provider' }));
  const category = await admin.expect(201, admin.post('/categories', { title: 'Applications' }));
  mkdirSync(join(dir, 'module'));
  writeFileSync(join(dir, 'module/main.tf'), MODULE);
  const flags = ['--namespace', organization.slug, '--name', 'app', '--system', 'local', '--version', '1.0.0'];
  expect(await mercato(['module', 'publish', join(dir, 'module'), ...flags])).toEqual({ code: 0, stderr: '' });
  const offering = await admin.expect(
    201,
    admin.post('/offerings', {
      organization_id: organization.id,
      category_id: category.id,
      name: 'Module App',
      slug: 'module-app',
      type: 'terraform',
      status: 'active',
      plugin_options: { module: `${organization.slug}/app/local` },
    }),
  );
  await admin.expect(201, admin.post('/plans', { offering_id: offering.id, name: 'basic' }));
});
afterAll(async () => {
  await server?.close();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

test("the construct's config is typed from the module's inputs and synthesizes the module's names", async () => {
  expect(
    await mercato(['constructs', 'generate', '--out', join(dir, 'offerings'), '--offering', 'module-app']),
  ).toEqual({ code: 0, stderr: '' });
  const generated = readFileSync(join(dir, 'offerings/module-app/v1-0-0.ts'), 'utf8');
  expect(generated).toMatch(/appName: string \| null;/);
  expect(generated).toMatch(/instanceSize\?: "small" \| "large";/);
  expect(generated).toMatch(/adminPassword: string \| null;/);
  expect(generated).toMatch(/window\?: \[string, number\]/);
  const app = join(dir, 'app.ts');
  writeFileSync(
    app,
    `import { App, TerraformStack } from 'cdktf';
import { Project, provider } from '@mercato/cdktf';
import { ModuleApp } from './offerings';
const app = new App();
const stack = new TerraformStack(app, 'typed');
new provider.MercatoProvider(stack, 'mercato', {});
const project = Project.fromProjectId(stack, 'project', 'prj-1');
new ModuleApp(stack, 'app', { project, plan: 'basic', config: { appName: 'web', instanceSize: 'large', nodePools: { a: { zone: 'z1' } }, window: ['sat', 3], adminPassword: 'module-secret' } });
app.synth();
`,
  );
  const synthesized = await synthApp(app, 'cdktf', { NODE_PATH: join(REPO, 'node_modules') });
  const [resource] = Object.values(readStacks(synthesized.outdir).typed.resource.mercato_resource) as Record<
    string,
    any
  >[];
  expect([resource.attributes, resource.secret_attributes]).toEqual([
    { app_name: 'web', instance_size: 'large', node_pools: { a: { zone: 'z1' } }, window: ['sat', 3] },
    { admin_password: 'module-secret' },
  ]);
  rmSync(synthesized.project, { recursive: true, force: true });
});
