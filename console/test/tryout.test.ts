/**
 * Faults found by trying the console as its users would (issue 14's try-out), each kept fixed here:
 * in Debian's Chromium against the real server with the demo catalog. Screenshots go to
 * test-artifacts/tryout/ (gitignored).
 */
import { seedDemoCatalog } from '@mercato/server';
import { Api } from '@mercato/test-support/api-client';
import { launchBrowser, type TestBrowser } from '@mercato/test-support/browser';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';

let server: TestServer;
let world: World;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedDemoCatalog(server.app, server.adminToken);
  world = await makeWorld(new Api(server.url, server.adminToken), 'tryout');
  browser = await launchBrowser({ folder: 'tryout' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the browser's console reports as errors (a failed request included) while `act` runs. */
async function consoleErrors(act: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const listener = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') errors.push(message.text());
  };
  browser.page.on('console', listener);
  try {
    await act();
    await browser.page.waitForTimeout(500);
  } finally {
    browser.page.off('console', listener);
  }
  return errors;
}

async function signIn(token: string) {
  const { page } = browser;
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

test('loading a page reports no error in the browser console (no favicon 404)', async () => {
  const errors = await consoleErrors(async () => {
    await browser.page.goto(`${server.url}/sign-in`);
    await browser.page.getByLabel('API token').waitFor();
  });
  expect(errors).toEqual([]);
});

test("a plan's prices name each component and what it is priced by", async () => {
  await signIn(world.consumer.manager.token);
  await browser.page.goto(`${server.url}/offerings/kafka`);
  const standard = browser.page.locator('label.plan', { hasText: 'standard' });
  await standard.waitFor();
  const prices = await standard.locator('.prices').innerText();
  await browser.screenshot('plan-prices');
  // A limit is priced per unit of the limit per plan unit; usage per unit used (not "per month").
  expect(prices).toContain('Partition: 1.5 EUR per partition per month');
  expect(prices).toContain('Ingress traffic: 0.05 EUR per GB used');
  expect(prices).not.toContain('throughput');
});
