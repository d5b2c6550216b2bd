/**
 * The console end to end, in Debian's Chromium against the real server: sign in, search and filter
 * the catalog (the URL keeps the query), open an offering, see an invalid value's inline message,
 * order into a project and follow the order. axe-core checks every page; screenshots go to
 * test-artifacts/console/ (gitignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedDemoCatalog } from '@mercato/server';
import { Api } from '@mercato/test-support/api-client';
import { launchBrowser, type TestBrowser } from '@mercato/test-support/browser';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';
import { expectAccessible } from './support/expect-accessible';

let server: TestServer;
let world: World;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedDemoCatalog(server.app, server.adminToken);
  world = await makeWorld(new Api(server.url, server.adminToken), 'console');
  browser = await launchBrowser({ folder: 'console' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Asks until `check` holds (the page renders on its own time). */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of a facet's group, counts included. */
const facetText = (facet: string) => browser.page.locator(`fieldset[data-facet="${facet}"]`).innerText();

test('the server serves the console at / and at its pages, and the API keeps its 404s', async () => {
  // Every route of the console's (src/main.tsx) is one the server answers with the console.
  const routes = [
    ...fs.readFileSync(path.join(__dirname, '..', 'src', 'main.tsx'), 'utf8').matchAll(/path="([^"*]+)"/g),
  ];
  const pages = routes.map(([, route]) => route.replace(/:[a-z]+/g, 'x'));
  expect(pages.length).toBeGreaterThan(10);
  for (const page of [...pages, '/offerings/redis', '/sign-in?next=%2F']) {
    const response = await fetch(`${server.url}${page}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<div id="root">');
  }
  const auth = { headers: { authorization: `Bearer ${server.adminToken}` } };
  const missing = await fetch(`${server.url}/api/v1/no-such-thing`, auth);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')).toContain('application/problem+json');
  const registry = await fetch(`${server.url}/v1/modules/nope`, auth);
  expect(registry.status).toBe(404);
  expect(registry.headers.get('content-type')).toContain('problem+json');
  // No page of the console's: the API's 404 problem, for a browser too.
  const nowhere = await fetch(`${server.url}/no/such/page`, { headers: { accept: 'text/html' } });
  expect(nowhere.status).toBe(404);
  expect(nowhere.headers.get('content-type')).toContain('application/problem+json');
});

test('sign in, search and filter, open an offering, fix an invalid value, order into a project', async () => {
  const { page } = browser;
  const manager = world.consumer.manager;

  // Signing in: the catalog sends a visitor without a token to the sign-in page.
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/sign-in\?next=%2F$/);
  await expectAccessible(browser, '01-sign-in');
  await page.getByLabel('API token').fill('mct_wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByLabel('API token').fill(manager.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /\d+ offerings/ }).waitFor();
  await page.getByText('console-consumer-manager').waitFor();
  await expectAccessible(browser, '02-catalog');

  // Search as you type: the URL keeps the query, the facets count what matches.
  const before = await facetText('category');
  await page.getByLabel('Search the catalog').fill('redis');
  await page.waitForURL(/[?&]q=redis/);
  await page.getByRole('heading', { name: '1 offering' }).waitFor();
  await until(async () => (await facetText('category')) !== before, 'the category counts to follow the search');
  await page.getByLabel('Search the catalog').fill('');
  await page.waitForURL((url) => !url.searchParams.has('q'));
  await page.getByRole('heading', { name: before ? /\d+ offerings/ : /./ }).waitFor();

  // A facet: the results and the other facets' counts follow; reload and back restore them.
  await page.locator('fieldset[data-facet="platform"] label', { hasText: /^\s*azure/ }).click();
  await page.waitForURL(/[?&]platform=azure/);
  const azure = page.locator('article.card');
  await azure.first().waitFor();
  expect(await azure.count()).toBeGreaterThan(0);
  await page.getByLabel('Search the catalog').fill('redis');
  await page.waitForURL(/q=redis/);
  await page.getByRole('heading', { name: '1 offering' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: '1 offering' }).waitFor();
  expect(await page.getByLabel('Search the catalog').inputValue()).toBe('redis');
  expect(await page.locator('fieldset[data-facet="platform"] input[value="azure"]').isChecked()).toBe(true);
  await expectAccessible(browser, '03-catalog-filtered');

  // The offering: versions, plans, estimate, the configuration form.
  await page.getByRole('link', { name: 'Redis' }).click();
  await page.waitForURL(/\/offerings\/redis$/);
  await page.getByRole('heading', { name: 'Redis', level: 1 }).waitFor();
  await page.getByTestId('monthly-total').waitFor();
  expect(await page.getByTestId('monthly-total').innerText()).toMatch(/^\d+\.\d\d EUR$/);
  await expectAccessible(browser, '04-offering');

  // An invalid value: its message under the field when it loses focus; fixed, it goes.
  const memory = page.locator('#config_memory_gb');
  await memory.fill('999');
  await memory.blur();
  const message = page.locator('.error-detail', { hasText: '256' });
  await message.waitFor();
  await browser.screenshot('05-offering-invalid');
  await memory.fill('2');
  await memory.blur();
  await message.waitFor({ state: 'detached' });

  // As code: the order as Terraform would place it.
  const hcl = await page.getByTestId('code-hcl').innerText();
  expect(hcl).toContain('resource "mercato_resource" "redis"');
  expect(hcl).toMatch(/memory_gb\s+= 2/);
  expect(hcl).toContain(`project_id  = "${world.consumer.project.id}"`);
  await page.getByRole('tab', { name: 'CDKTF (TypeScript)' }).click();
  expect(await page.getByTestId('code-cdktf').innerText()).toContain('new resource.Resource(this, "redis"');

  // Order into the manager's project, then follow the order until it is done.
  await page.getByLabel('Project').selectOption(world.consumer.project.id);
  await page.getByRole('button', { name: 'Order' }).click();
  await page.getByRole('link', { name: 'See the order' }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await page.getByTestId('order-state').getByText('done').waitFor();
  await expectAccessible(browser, '06-order');
  const orderId = page.url().split('/').pop();
  const order = await new Api(server.url, manager.token).expect(
    200,
    new Api(server.url, manager.token).get(`/orders/${orderId}`),
  );
  expect(order).toMatchObject({ state: 'done', project_id: world.consumer.project.id, attributes: { memory_gb: 2 } });

  // A phone's width: the same pages, one column.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/?q=redis`);
  await page.getByRole('heading', { name: '1 offering' }).waitFor();
  await expectAccessible(browser, '07-catalog-phone');
  await page.goto(`${server.url}/offerings/redis`);
  await page.getByTestId('monthly-total').waitFor();
  await expectAccessible(browser, '08-offering-phone');

  // Signing out forgets the token.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
});
