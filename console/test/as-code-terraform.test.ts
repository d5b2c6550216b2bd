/**
 * "As code" proven (issue 14): fill an offering's form in Chromium, copy the HCL the "As code" panel
 * shows (through its Copy button and the clipboard), apply it with the real Terraform CLI and the
 * `mercato` provider installed as a user installs it, and check that the resource it made is the one
 * the console's own order makes: offering, plan, version, attributes (secrets included, by what
 * the server says it holds), limits. The CDKTF TypeScript of the same form compiles with tsc
 * against @mercato/cdktf.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { installProvider } from '@mercato/terraform-provider/install';
import { Api } from '@mercato/test-support/api-client';
import { accessibilityViolations, launchBrowser, type TestBrowser } from '@mercato/test-support/browser';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';

const exec = promisify(execFile);
const TERRAFORM = '/usr/local/bin/terraform';
const REPO = resolve(__dirname, '../..');

/** Nested objects, a list, two secrets (one nested), strings HCL reads as templates. */
const SCHEMA = {
  type: 'object',
  required: ['database_name'],
  properties: {
    database_name: { type: 'string', title: 'Database name' },
    note: { type: 'string', title: 'Note' },
    admin_password: { type: 'string', format: 'password', title: 'Admin password' },
    extensions: { type: 'array', title: 'Extensions', items: { type: 'string' }, default: ['pgcrypto', 'citext'] },
    backup: {
      type: 'object',
      title: 'Backup',
      properties: {
        schedule: { type: 'string', title: 'Schedule' },
        retention_days: { type: 'integer', title: 'Retention days', minimum: 1 },
        encryption_key: { type: 'string', writeOnly: true, title: 'Encryption key' },
      },
    },
  },
};

const NOTE = 'He said "hi" \\ ${var.x} %{ if true }100%{ endif } $${y}';

let server: TestServer;
let world: World;
let browser: TestBrowser;
let root: string;
let offering: { id: string; slug: string; plan: { id: string } };

beforeAll(async () => {
  server = await startTestServer('sqlite');
  world = await makeWorld(new Api(server.url, server.adminToken), 'ascode');
  const sm = world.serviceManager.api;
  const created = await sm.expect(
    201,
    sm.post('/offerings', {
      organization_id: world.provider.id,
      category_id: world.category.id,
      name: 'As Code DB',
      type: 'allocation',
      status: 'active',
      auto_approve: true,
      platform: 'on-premises',
      components: [{ type: 'storage', name: 'Storage', measured_unit: 'GB', billing_type: 'limit' }],
    }),
  );
  await sm.expect(
    201,
    sm.post('/offering-versions', { offering_id: created.id, version: '1.0.0', options_schema: SCHEMA }),
  );
  const plan = await sm.expect(
    201,
    sm.post('/plans', { offering_id: created.id, name: 'small', unit: 'month', prices: { storage: 0.1 } }),
  );
  offering = { id: created.id, slug: created.slug, plan };
  root = mkdtempSync(join(tmpdir(), 'console-as-code-'));
  browser = await launchBrowser({ folder: 'console-as-code' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Fills the offering's form as a consumer would. */
async function fillForm(name: string) {
  const { page } = browser;
  await page.goto(`${server.url}/offerings/${offering.slug}`);
  await page.getByRole('heading', { name: 'As Code DB', level: 1 }).waitFor();
  await page.locator('#config_database_name').fill('orders');
  await page.locator('#config_note').fill(NOTE);
  await page.locator('#config_admin_password').fill('hunter2-admin');
  await page.locator('#config_backup_schedule').fill('0 3 * * *');
  await page.locator('#config_backup_retention_days').fill('14');
  await page.locator('#config_backup_encryption_key').fill('key-"s3cret"');
  await page.locator('#limit-storage').fill('50');
  await page.getByLabel('Resource name').fill(name);
  await page.getByLabel('Project').selectOption(world.consumer.project.id);
}

test('the HCL the panel shows, applied with Terraform, makes the resource the console orders', async () => {
  const { page, context } = browser;
  const manager = world.consumer.manager;
  const api = new Api(server.url, manager.token);
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('API token').fill(manager.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /\d+ offerings?/ }).waitFor();

  // The console's own order of the form.
  await fillForm('from-console');
  await page.getByRole('button', { name: 'Order' }).click();
  await page.getByRole('link', { name: 'See the order' }).click();
  const consoleOrder = await waitForOrder(api, page.url().split('/').pop()!, ['done']);

  // The same form, copied as HCL through the Copy button.
  await fillForm('from-terraform');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const shown = await page.getByTestId('code-hcl').innerText();
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByRole('status').getByText('Copied.').waitFor();
  // Text, not a function: the test's own types know no DOM.
  const hcl = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(hcl).toBe(shown.endsWith('\n') ? shown : `${shown}\n`);
  for (const secret of ['hunter2-admin', 's3cret']) expect(hcl).not.toContain(secret);
  expect({ page: 'as-code', violations: await accessibilityViolations(page) }).toEqual({
    page: 'as-code',
    violations: [],
  });
  await browser.screenshot('01-as-code');

  // Terraform with the provider installed into a HOME of its own, no network but the server.
  const home = join(root, 'home');
  mkdirSync(home);
  await installProvider({ dir: join(home, '.terraform.d', 'plugins') });
  writeFileSync(join(root, 'empty.tfrc'), '');
  const dir = join(root, 'config');
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), hcl);
  writeFileSync(
    join(dir, 'provider.tf'),
    `provider "mercato" {\n  endpoint = "${server.url}"\n  token    = var.mercato_token\n}\n\nvariable "mercato_token" {\n  type      = string\n  sensitive = true\n}\n`,
  );
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    TF_CLI_CONFIG_FILE: join(root, 'empty.tfrc'),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1,localhost',
    TF_VAR_mercato_token: manager.token,
    'TF_VAR_from-terraform_admin_password': 'hunter2-admin',
    'TF_VAR_from-terraform_backup_encryption_key': 'key-"s3cret"',
  };
  const terraform = (args: string[]) => exec(TERRAFORM, [...args, '-no-color'], { cwd: dir, env });
  await terraform(['fmt', '-check', '-diff']);
  await terraform(['init', '-input=false']);
  await terraform(['apply', '-auto-approve', '-input=false']);
  const { stdout } = await terraform(['show', '-json']);
  const state = JSON.parse(stdout) as { values: { root_module: { resources: { values: { id: string } }[] } } };
  const resourceId = state.values.root_module.resources[0].values.id;

  // The two resources: the same but for their names and what only the server assigns.
  const fromTerraform = await api.expect(200, api.get(`/resources/${resourceId}`));
  const fromConsole = await api.expect(200, api.get(`/resources/${consoleOrder.resource_id}`));
  const same = (r: Record<string, unknown>) => ({
    project_id: r.project_id,
    offering_id: r.offering_id,
    plan_id: r.plan_id,
    version: r.version,
    attributes: r.attributes,
    secret_attribute_paths: r.secret_attribute_paths,
    limits: r.limits,
    state: r.state,
  });
  expect(same(fromTerraform)).toEqual(same(fromConsole));
  expect(fromTerraform).toMatchObject({
    name: 'from-terraform',
    attributes: {
      database_name: 'orders',
      note: NOTE,
      extensions: ['pgcrypto', 'citext'],
      backup: { schedule: '0 3 * * *', retention_days: 14 },
    },
    limits: { storage: 50 },
  });
  expect([...(fromTerraform.secret_attribute_paths as string[])].sort()).toEqual([
    'admin_password',
    'backup.encryption_key',
  ]);
});

test('the CDKTF TypeScript of the form compiles against @mercato/cdktf', async () => {
  const { page } = browser;
  await fillForm('cdktf-db');
  await page.getByRole('tab', { name: 'CDKTF (TypeScript)' }).click();
  const code = await page.getByTestId('code-cdktf').innerText();
  expect(code).toContain('secretAttributes');
  expect(code).not.toContain('hunter2-admin');
  // Inside the repository, so that @mercato/cdktf, cdktf and constructs resolve as in a user's app.
  const dir = join(REPO, 'test-artifacts', 'console-as-code', 'cdktf');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.ts'), code);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'commonjs',
        moduleResolution: 'node',
        esModuleInterop: true,
        skipLibCheck: true,
        types: ['node'],
      },
      files: ['main.ts'],
    }),
  );
  const tsc = require.resolve('typescript/bin/tsc');
  await expect(exec(process.execPath, [tsc, '-p', dir], { cwd: dir })).resolves.toBeDefined();
});
