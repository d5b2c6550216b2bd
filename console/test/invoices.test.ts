/**
 * Invoices and earnings in the console, in Debian's Chromium against the real server: a resource
 * billed with exact figures (test/support/billed-resource.ts: 7.04 + 10.00 = 17.04 USD); its
 * organization's owner sees them, downloads the CSV (the same text the API exports) and moves
 * between months; a project member, who is no owner, is told plainly they may not see invoices;
 * the provider's service manager sees the offering's earnings. axe-core checks every page;
 * screenshots (1280px and 390px) go to test-artifacts/console-invoices/ (gitignored).
 */
import fs from 'node:fs';
import { Api } from '@mercato/test-support/api-client';
import { orderBilledResource } from '@mercato/test-support/billed-resource';
import { launchBrowser, type TestBrowser } from '@mercato/test-support/browser';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, type World } from '@mercato/test-support/world';
import { expectAccessible } from './support/expect-accessible';

let server: TestServer;
let world: World;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  world = await makeWorld(new Api(server.url, server.adminToken), 'invoices');
  browser = await launchBrowser({ folder: 'console-invoices' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Signs in through the sign-in page, signing the previous user out first. */
async function signInAs(token: string, username: string, next: string) {
  const { page } = browser;
  if (await page.getByRole('button', { name: 'Sign out' }).count()) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
  }
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(username).waitFor();
}

/** The previous calendar month (UTC) of `period`. */
function monthBefore(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

test('the owner sees the invoice and downloads it; a member is refused; the provider sees earnings', async () => {
  const { page } = browser;
  const { owner, member, organization } = world.consumer;
  const billed = await orderBilledResource(world, 'billed-vm');

  // The owner: the navigation leads to the invoices page, on the current month by default.
  await signInAs(owner.token, 'invoices-consumer-owner', '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
  await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
  await page.getByLabel('Organization', { exact: true }).selectOption(organization.id);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(new RegExp(`organization=${organization.id}&period=${billed.period}`));
  await page.getByTestId('invoice-state').getByText('Pending').waitFor();

  // The items, exactly: cpu 3 × 2.345 = 7.035 → 7.04; base 1 × 10 = 10.00; total 17.04 USD.
  const rows = page.getByTestId('invoice-item');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(2);
  const cells = async (i: number) =>
    (await rows.nth(i).locator('th, td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  const byComponent = new Map<string, string[]>();
  for (const i of [0, 1]) {
    const row = await cells(i);
    byComponent.set(row[4].includes('(cpu)') ? 'cpu' : 'base', row);
  }
  const cpu = byComponent.get('cpu')!;
  const base = byComponent.get('base')!;
  expect(cpu[0]).toBe('billed-vm');
  expect(cpu[1]).toBe('consumer project');
  expect(cpu[2]).toBe(world.autoApproved.name);
  expect(cpu[3]).toBe(`${billed.plan.name} (per one-time)`);
  expect(cpu[5]).toMatch(/^3 /);
  expect(cpu.slice(6)).toEqual([expect.stringMatching(/^2\.345$/), expect.stringMatching(/^once, /), '7.04', 'USD']);
  expect(base[4]).toContain('(base)');
  expect(base[5]).toMatch(/^1( |$)/);
  expect(base.slice(8)).toEqual(['10.00', 'USD']);
  expect(await page.getByRole('definition').allInnerTexts()).toEqual(['17.04 USD']);
  // The history lists this month, pending, with its total.
  const history = page.getByRole('region', { name: 'History' });
  expect(await history.getByRole('listitem').first().innerText()).toMatch(/pending · 17\.04 USD/);
  await expectAccessible(browser, '01-invoice');

  // The CSV download is the API's CSV, byte for byte.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`invoice-${organization.id}-${billed.period}.csv`);
  const saved = fs.readFileSync(await download.path(), 'utf8');
  const fromApi = await fetch(`${server.url}/api/v1/invoices/${organization.id}/${billed.period}?format=csv`, {
    headers: { authorization: `Bearer ${owner.token}` },
  });
  expect(fromApi.status).toBe(200);
  expect(saved).toBe(await fromApi.text());
  expect(saved).toContain(',7.04\r\n');
  await page.getByText(/Saved invoice-.*\.csv/).waitFor();
  // And the JSON download is the invoice.
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const invoice = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as { totals: unknown };
  expect(invoice.totals).toEqual([{ currency: 'USD', amount: '17.04' }]);

  // Another month, through the picker: nothing charged; the URL keeps it, and Back returns.
  const before = monthBefore(billed.period);
  await page.getByLabel('Month', { exact: true }).fill(before);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(new RegExp(`period=${before}`));
  await page.getByText('Nothing charged.').waitFor();
  expect(await page.getByTestId('invoice-item').count()).toBe(0);
  await page.goBack();
  await page.getByRole('definition').getByText('17.04 USD').waitFor();

  // 390px wide: the page folds to one column, still accessible.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(browser, '02-invoice-390px');
  await page.setViewportSize({ width: 1280, height: 900 });

  // A project member sees the organization but not its invoices: the page says so plainly.
  await signInAs(member.token, 'invoices-consumer-member', `/invoices?organization=${organization.id}`);
  const refusal = page.getByRole('alert');
  await refusal.getByText('You may not see these figures.').waitFor();
  expect(await refusal.innerText()).toContain('owners');
  expect(await page.getByTestId('invoice-item').count()).toBe(0);
  expect(await page.locator('main').innerText()).not.toContain('17.04');
  await expectAccessible(browser, '03-invoice-refused');

  // The provider's service manager: the offering's earnings for the month, no consumer detail.
  await signInAs(world.serviceManager.token, 'invoices-service-manager', '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Earnings' }).click();
  await page.getByRole('heading', { name: 'Earnings', level: 1 }).waitFor();
  await page.getByLabel('Organization', { exact: true }).selectOption(world.provider.id);
  await page.getByRole('button', { name: 'Show' }).click();
  const earned = page.getByTestId('earnings-item');
  await earned.first().waitFor();
  expect(await earned.count()).toBe(1);
  expect((await earned.locator('th, td').allInnerTexts()).map((t) => t.trim())).toEqual([
    world.autoApproved.name,
    '1',
    '17.04 USD',
  ]);
  expect(await page.locator('main').innerText()).not.toContain('billed-vm');
  await expectAccessible(browser, '04-earnings');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(browser, '05-earnings-390px');
});
