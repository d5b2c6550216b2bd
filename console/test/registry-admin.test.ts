/**
 * The registry's pages and staff's users page, in Debian's Chromium against the real server (with
 * its HTTPS listener, so module and provider sources have a host): the demo's module and one
 * published here are listed and searched; a module page shows its README (a <script> in it stays
 * inert), inputs (a sensitive one marked, its default never shown), outputs, versions and the
 * `source` line; a provider page shows the `required_providers` block. Staff create a user and a
 * token, which signs in; a user who is not staff sees no users page, and the API refuses it too.
 * axe-core checks every page; screenshots go to test-artifacts/registry-admin/ (gitignored).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoCatalog } from '@mercato/server';
import { Api } from '@mercato/test-support/api-client';
import { launchBrowser, type TestBrowser } from '@mercato/test-support/browser';
import { providerZip, publishBody } from '@mercato/test-support/provider-packages';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';
import { expectAccessible } from './support/expect-accessible';

let server: TestServer;
let admin: Api;
let world: World;
let browser: TestBrowser;

/** A README that tries what an untrusted one could: a script, an event handler, a javascript: link. */
const HOSTILE_README = `# Readme check

Checks how the console shows a module's README.

<script>window.__readmeRan = 'script'</script>
<img src="x" onerror="window.__readmeRan = 'onerror'" alt="an image">

[a link](javascript:window.__readmeRan='link')

| Input | Meaning |
|---|---|
| \`region\` | Where it runs |
`;

const MODULE_FILES = {
  'README.md': HOSTILE_README,
  'variables.tf': `variable "region" {
  type        = string
  default     = "eu-west-1"
  description = "Where it runs."
}

variable "password" {
  type        = string
  default     = "hunter2-never-shown"
  sensitive   = true
  description = "The admin password."
}

variable "name" {
  type        = string
  description = "What to call it."
}
`,
  'outputs.tf': `output "url" {
  value       = "https://\${var.name}.example"
  description = "Where it answers."
}

output "secret" {
  value       = var.password
  sensitive   = true
  description = "The password back."
}
`,
};

/** The module folder packed as \`mercato module publish\` packs it: a .tar.gz of its files at the root. */
function packModule(files: Record<string, string>): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-module-'));
  try {
    for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
    return execFileSync('tar', ['-czf', '-', '-C', dir, ...Object.keys(files)]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function publishModule(version: string) {
  const response = await fetch(`${server.url}/api/v1/modules/mercato/readme-check/demo/versions?version=${version}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/gzip' },
    body: packModule(MODULE_FILES),
  });
  expect([response.status, await response.text()]).toEqual([201, expect.any(String)]);
}

beforeAll(async () => {
  server = await startTestServer('sqlite', { https: true });
  await seedDemoCatalog(server.app, server.adminToken); // publishes the demo's module mercato/web-service/demo
  admin = new Api(server.url, server.adminToken);
  world = await makeWorld(admin, 'registry');
  await publishModule('1.0.0');
  await publishModule('1.1.0');
  await admin.expect(
    200,
    admin.post('/modules/mercato/readme-check/demo/versions/1.0.0/deprecate', { message: 'Use 1.1: it names things' }),
  );
  const zips = [await providerZip('dns', '1.0.0', 'linux_amd64'), await providerZip('dns', '1.0.0', 'darwin_arm64')];
  await admin.expect(
    201,
    admin.post('/terraform-provider-versions', publishBody('mercato', 'dns', '1.0.0', zips, { visibility: 'public' })),
  );
  browser = await launchBrowser({ folder: 'registry-admin' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(token: string) {
  const { page } = browser;
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function signOut() {
  await browser.page.getByRole('button', { name: 'Sign out' }).click();
  await browser.page.waitForURL(/\/sign-in/);
}

test('modules: listed and searched; a module page with its README made inert, inputs, outputs, versions and source', async () => {
  const { page } = browser;
  await signIn(world.consumer.member.token);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Modules' }).click();
  await page.waitForURL(/\/modules$/);
  await page.getByRole('link', { name: 'mercato/web-service/demo' }).waitFor();
  await page.getByRole('link', { name: 'mercato/readme-check/demo' }).waitFor();
  await expectAccessible(browser, '01-modules');

  // Search: the URL keeps it.
  await page.getByLabel('Search modules').fill('readme');
  await page.waitForURL(/\/modules\?q=readme$/);
  await page.getByRole('heading', { name: '1 module' }).waitFor();
  await page.getByRole('link', { name: 'mercato/readme-check/demo' }).click();
  await page.waitForURL(/\/modules\/mercato\/readme-check\/demo$/);
  await page.getByRole('heading', { name: 'mercato/readme-check/demo', level: 1 }).waitFor();

  // The source line, as Terraform writes it, with the server's HTTPS host.
  expect(await page.getByTestId('module-source').innerText()).toBe(
    `module "readme-check" {\n  source  = "${server.registryHost}/mercato/readme-check/demo"\n  version = "1.1.0"\n}`,
  );

  // The README: rendered (its table too), and nothing in it ran or can run.
  const readme = page.getByTestId('readme');
  await readme.getByRole('heading', { name: 'Readme check' }).waitFor();
  expect(await readme.getByRole('table').innerText()).toContain('Where it runs');
  expect(await page.evaluate(() => (globalThis as { __readmeRan?: string }).__readmeRan)).toBeUndefined();
  expect(await readme.locator('script, [onerror], a[href^="javascript:"]').count()).toBe(0);
  expect(await readme.innerText()).not.toContain('__readmeRan');

  // Inputs: type, description, default; the sensitive one marked and its default never on the page.
  const inputs = page.getByTestId('module-inputs');
  const row = (name: string) => inputs.locator('tr', { has: page.locator(`th code:text-is("${name}")`) });
  expect(await row('region').innerText()).toMatch(/region\s+string\s+Where it runs\.\s+"eu-west-1"/);
  expect(await row('password').innerText()).toMatch(/password\s*sensitive\s+string\s+The admin password\.\s+not shown/);
  expect(await row('name').innerText()).toMatch(/name\s*required\s+string\s+What to call it\.\s+none/);
  expect(await page.content()).not.toContain('hunter2');

  // Outputs, and versions with the deprecated one marked with its message.
  expect(await page.getByTestId('module-outputs').innerText()).toMatch(/secret\s*sensitive\s+The password back\./);
  const versions = await page.getByTestId('module-versions').innerText();
  expect(versions).toMatch(/1\.1\.0[^\n]*\n?/);
  expect(versions).toMatch(/1\.0\.0.*deprecated\s*Use 1\.1: it names things/s);
  await expectAccessible(browser, '02-module');

  // The demo's own module: its README's table of inputs, its sensitive input.
  await page.goto(`${server.url}/modules/mercato/web-service/demo`);
  await page.getByTestId('readme').getByRole('heading', { name: 'Web service' }).waitFor();
  expect(await page.getByTestId('module-inputs').innerText()).toMatch(/admin_password\s*required\s*sensitive/);
  await expectAccessible(browser, '03-module-demo');

  // At a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/modules/mercato/readme-check/demo`);
  await page.getByTestId('module-source').waitFor();
  await expectAccessible(browser, '04-module-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await signOut();
});

test('providers: listed, and a provider page with its versions, platforms and required_providers block', async () => {
  const { page } = browser;
  await signIn(world.consumer.member.token);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Providers' }).click();
  await page.waitForURL(/\/providers$/);
  await page.getByLabel('Namespace').fill('mercato');
  await page.waitForURL(/namespace=mercato/);
  await page.getByRole('heading', { name: '1 provider' }).waitFor();
  await expectAccessible(browser, '05-providers');
  await page.getByRole('link', { name: 'mercato/dns' }).click();
  await page.getByRole('heading', { name: 'mercato/dns', level: 1 }).waitFor();
  expect(await page.getByTestId('provider-source').innerText()).toBe(
    [
      'terraform {',
      '  required_providers {',
      '    dns = {',
      `      source  = "${server.registryHost}/mercato/dns"`,
      '      version = "1.0.0"',
      '    }',
      '  }',
      '}',
    ].join('\n'),
  );
  expect(await page.getByTestId('provider-versions').innerText()).toMatch(
    /1\.0\.0.*Protocols 6\.0\. Platforms: darwin_arm64, linux_amd64\./s,
  );
  await expectAccessible(browser, '06-provider');
  await signOut();
});

test('staff create a user and hand out a token, shown once, which signs in; others see no users page', async () => {
  const { page } = browser;

  // Not staff: no link, a page that says so, and the API refuses anyway.
  await signIn(world.consumer.member.token);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Modules' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count()).toBe(0);
  await page.goto(`${server.url}/admin/users`);
  await page.getByRole('heading', { name: 'Staff only' }).waitFor();
  expect(await page.getByLabel('Username').count()).toBe(0);
  await expectAccessible(browser, '07-users-not-staff');
  await world.consumer.member.api.expect(
    403,
    world.consumer.member.api.post('/users', { username: 'x', email: 'x@example.com' }),
  );
  await signOut();

  // Staff: the Users page.
  await signIn(server.adminToken);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await expectAccessible(browser, '08-users');

  // The server's message names the field.
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.getByRole('alert').getByText(/email/).waitFor();
  expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.getByText('User ada created').waitFor();
  expect(await page.getByTestId('users').innerText()).toContain('ada@example.com');

  // The token: chosen user preselected, shown once with its warning, focus on it.
  expect(await page.getByLabel('User', { exact: true }).inputValue()).not.toBe('');
  await page.getByLabel('Token name').fill('laptop');
  await page.getByRole('button', { name: 'Issue token' }).click();
  await page.getByRole('heading', { name: 'New token for ada' }).waitFor();
  await page.locator('#new-token-heading:focus').waitFor();
  await page.getByText('it will not be shown again').waitFor();
  const token = await page.getByTestId('new-token').inputValue();
  expect(token).toMatch(/^mct_/);
  await page.getByRole('button', { name: 'Copy the token' }).waitFor();
  await expectAccessible(browser, '09-users-new-token');
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await page.getByTestId('new-token').waitFor({ state: 'detached' });
  expect(await page.content()).not.toContain(token);
  await signOut();

  // The new user signs in with it.
  await signIn(token);
  await page.getByLabel('Signed in as').getByText('ada').waitFor();
  expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count()).toBe(0);
  await signOut();
});
