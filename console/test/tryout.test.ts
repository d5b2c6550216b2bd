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
  // Signed in already, the sign-in page sends one on: forget the tab's token first.
  await page.goto(`${server.url}/sign-in`);
  await page.evaluate('sessionStorage.clear()');
  await page.reload();
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** The element that has focus, described by its tag, id and text (body when focus was lost). */
const focused = () =>
  browser.page.evaluate<string>(`(() => {
    const el = document.activeElement;
    return el ? el.tagName.toLowerCase() + '#' + el.id + ' ' + (el.textContent ?? '').trim().slice(0, 80) : 'none';
  })()`);

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

test('focus stays where the person can go on after placing an order and after creating a user', async () => {
  const { page } = browser;
  await signIn(world.consumer.manager.token);
  await page.goto(`${server.url}/offerings/redis`);
  await page.getByTestId('monthly-total').waitFor();
  await page.getByLabel('Project').selectOption(world.consumer.project.id);
  await page.getByRole('button', { name: 'Order' }).click();
  await page.getByRole('link', { name: 'See the order' }).waitFor();
  // Focus on the confirmation (announced, its link the next Tab), not lost to the body.
  expect(await focused()).toMatch(/^p#order-placed Order placed/);

  await signIn(server.adminToken);
  await page.goto(`${server.url}/admin/users`);
  await page.getByLabel('Username').fill('not valid!');
  await page.getByLabel('Email').fill('tryout@example.com');
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.locator('#user-username-error').waitFor();
  // The field the server refused has focus, its message said once (described by, not repeated below).
  expect(await focused()).toMatch(/^input#user-username/);
  expect(await page.getByText('must match pattern').count()).toBe(1);
  await page.getByLabel('Username').fill('tryout-user');
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.getByText('User tryout-user created').waitFor();
  expect(await focused()).toMatch(/^input#user-username/);
});
