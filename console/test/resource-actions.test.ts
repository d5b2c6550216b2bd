/**
 * The resource page's actions end to end, in Debian's Chromium against the real server: an update
 * drawn as the offering's form (prefilled, validated inline, a secret left empty kept), and a
 * keyboard-only walk-through (sign in, search, open an offering, fill its form, order, follow the
 * order to its resource, pause, resume, terminate: no mouse), focus visible at each step and moved
 * to the main content after each navigation. axe-core checks every page; screenshots go to
 * test-artifacts/console-resource-actions/ (gitignored).
 */
import { Api } from '@mercato/test-support/api-client';
import { launchBrowser, type TestBrowser } from '@mercato/test-support/browser';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import { expectAccessible } from './support/expect-accessible';

let server: TestServer;
let world: World;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  world = await makeWorld(new Api(server.url, server.adminToken), 'polish');
  browser = await launchBrowser({ folder: 'console-resource-actions' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A configuration with a size the plan's users change and a secret they never see again. */
const SECRET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['size', 'admin_password'],
  properties: {
    size: { type: 'integer', minimum: 1, maximum: 10, title: 'Size' },
    admin_password: { type: 'string', writeOnly: true, minLength: 8, title: 'Admin password' },
  },
};

test('update through the form drawn from the version: prefilled, validated inline, the secret kept', async () => {
  const { page } = browser;
  const { manager, project } = world.consumer;
  const provider = world.serviceManager;
  // An auto-approved allocation offering with a secret in its schema: the manager's orders run at once.
  const offering = await provider.api.expect(
    201,
    provider.api.post('/offerings', {
      organization_id: world.provider.id,
      category_id: world.category.id,
      name: 'polish Vault',
      type: 'allocation',
      status: 'active',
      auto_approve: true,
      platform: 'on-premises',
      components: [{ type: 'base', name: 'Base fee', measured_unit: 'month', billing_type: 'fixed' }],
    }),
  );
  await provider.api.expect(
    201,
    provider.api.post('/offering-versions', {
      offering_id: offering.id,
      version: '1.0.0',
      options_schema: SECRET_SCHEMA,
    }),
  );
  const plan = await provider.api.expect(
    201,
    provider.api.post('/plans', { offering_id: offering.id, name: 'basic', unit: 'month', prices: { base: 3 } }),
  );
  const created = await manager.api.expect(
    201,
    manager.api.post('/orders', {
      type: 'create',
      project_id: project.id,
      offering_id: offering.id,
      plan_id: plan.id,
      name: 'vault-one',
      attributes: { size: 2, admin_password: 'first-secret-pw' },
    }),
  );
  await waitForOrder(manager.api, created.id, ['done']);
  const resourceId = created.resource_id;

  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/resources/${resourceId}`)}`);
  await page.getByLabel('API token').fill(manager.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'vault-one', level: 1 }).waitFor();
  await page.getByTestId('resource-state').getByText('OK').waitFor();

  // The form is the offering's, prefilled with the resource's attributes; the secret is empty.
  const size = page.locator('#config_size');
  await size.waitFor();
  expect(await size.inputValue()).toBe('2');
  expect(await page.locator('#config_admin_password').inputValue()).toBe('');
  await page.getByText('Leave empty to keep the current value').waitFor();
  await expectAccessible(browser, '01-update-form');

  // Out of the schema's range: the message under the field when it loses focus, and no order.
  await size.fill('50');
  await size.blur();
  await page.getByText(/must be <= 10/).waitFor();
  await page.getByRole('button', { name: 'Order the update' }).click();
  await page
    .getByRole('alert')
    .getByText(/configuration has errors/)
    .waitFor();
  await expectAccessible(browser, '02-update-invalid');
  expect((await manager.api.expect(200, manager.api.get(`/orders?resource_id=${resourceId}`))).items).toHaveLength(1);

  // A valid size, the secret left empty: the update changes the attributes only, and keeps the secret.
  await size.fill('4');
  await size.blur();
  await page.getByRole('button', { name: 'Order the update' }).click();
  await page.getByText(/The update order is/).waitFor();
  const orders = await manager.api.expect(200, manager.api.get(`/orders?resource_id=${resourceId}&type=update`));
  const update = orders.items.find((o: { type: string }) => o.type === 'update');
  expect(update.changes).toEqual(['attributes']);
  await waitForOrder(manager.api, update.id, ['done']);
  await page.getByText('Changes: attributes').waitFor();
  const resource = await manager.api.expect(200, manager.api.get(`/resources/${resourceId}`));
  expect(resource.attributes).toEqual({ size: 4 });
  expect(resource.secret_attribute_paths).toEqual(['admin_password']);
  // The form starts again from the resource as it is now.
  await page.getByTestId('resource-state').getByText('OK').waitFor();
  await page.locator('#config_size').waitFor();
  expect(await page.locator('#config_size').inputValue()).toBe('4');
  expect(await page.locator('main').innerText()).not.toContain('first-secret-pw');
  await expectAccessible(browser, '03-updated');
});

interface Focused {
  tag: string;
  id: string;
  name: string;
  ring: boolean;
}

/**
 * What has the focus: its tag, id, text or label, and whether a focus ring shows. (Code run in
 * the page, as text: these tests compile without the DOM's types.)
 */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el) return { tag: '', id: '', name: '', ring: false };
  const style = getComputedStyle(el);
  const label = el.labels?.[0]?.textContent ?? '';
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: (el.getAttribute('aria-label') || label || el.textContent || '').trim(),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
  };
})()`;
const focused = () => browser.page.evaluate<Focused>(FOCUSED);

/** Presses Tab until the focused element is the one `matches` names; its focus ring must show. */
async function tabTo(matches: (f: Focused) => boolean, what: string, shift = false) {
  for (let i = 0; i < 80; i++) {
    await browser.page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const f = await focused();
    if (matches(f)) {
      expect({ what, ring: f.ring }).toEqual({ what, ring: true });
      return;
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

/** After a navigation, focus is on the main landmark (where the new page's content starts). */
async function expectFocusOnMain() {
  await browser.page.waitForFunction(`document.activeElement?.id === 'main'`);
}

test('keyboard only: sign in, search, order, then pause, resume and terminate from the resource page', async () => {
  const { page } = browser;
  const { manager } = world.consumer;
  const offeringName = world.autoApproved.name;

  // A fresh session (the previous test's token lives in sessionStorage).
  await page.goto(`${server.url}/sign-in?next=%2F`);
  await page.evaluate('sessionStorage.clear()');
  // The skip link is the first stop, visible when focused, and takes focus to the content.
  await page.goto(`${server.url}/sign-in?next=%2F`);
  await page.getByLabel('API token').waitFor();
  await tabTo((f) => f.name === 'Skip to content', 'the skip link');
  expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  await expectFocusOnMain();
  await tabTo((f) => f.id !== '' && f.tag === 'input', 'the token field');
  await page.keyboard.type(manager.token);
  await page.keyboard.press('Enter');
  await page.getByText('polish-consumer-manager').waitFor();
  await expectFocusOnMain();

  // Search the catalog and open the offering.
  await tabTo((f) => f.id === 'catalog-q', 'the search box');
  await page.keyboard.type('Licence');
  await page.getByRole('heading', { name: '1 offering' }).waitFor();
  await tabTo((f) => f.tag === 'a' && f.name === offeringName, 'the offering');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: offeringName, level: 1 }).waitFor();
  await expectFocusOnMain();

  // Fill the form: an instance type (typed into the select), a name; order with Enter.
  await tabTo((f) => f.id === 'config_instance_type', 'the instance type');
  await page.keyboard.type('general');
  // rjsf's option values are indexes: the chosen option's text says which.
  expect(await page.locator('#config_instance_type option:checked').innerText()).toBe('general-purpose');
  await tabTo((f) => f.id === 'order-name', 'the resource name');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('kb-box');
  await tabTo((f) => f.tag === 'button' && f.name === 'Order', 'the Order button');
  await page.keyboard.press('Enter');
  await page.getByText(/Order placed/).waitFor();
  await expectAccessible(browser, '04-keyboard-ordered');

  // Follow the order, then its resource, by keyboard.
  await tabTo((f) => f.name === 'See the order', 'the order link');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /order/i, level: 1 }).waitFor();
  await expectFocusOnMain();
  const resourceId = (await manager.api.expect(200, manager.api.get('/resources?name=kb-box'))).items[0].id;
  await tabTo((f) => f.name === resourceId, 'the resource link');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'kb-box', level: 1 }).waitFor();
  await expectFocusOnMain();
  await page.getByTestId('resource-state').getByText('OK').waitFor();

  // Pause: asked first, the confirmation takes focus; Enter confirms.
  await tabTo((f) => f.name === 'Pause', 'Pause');
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Confirm: Pause' }).waitFor();
  expect((await focused()).name).toBe('Yes, pause');
  await page.keyboard.press('Enter');
  await page.getByTestId('resource-state').getByText('Paused').waitFor();
  await expectAccessible(browser, '05-keyboard-paused');

  await tabTo((f) => f.name === 'Resume', 'Resume');
  await page.keyboard.press('Enter');
  await page.getByTestId('resource-state').getByText('OK').waitFor();

  // Terminate: Cancel by keyboard gives focus back to the button; then confirm.
  await tabTo((f) => f.name === 'Terminate', 'Terminate');
  await page.keyboard.press('Enter');
  expect((await focused()).name).toBe('Yes, terminate');
  await page.keyboard.press('Tab');
  expect((await focused()).name).toBe('Cancel');
  await page.keyboard.press('Enter');
  await page.waitForFunction(`document.activeElement?.textContent === 'Terminate'`);
  await page.keyboard.press('Enter');
  expect((await focused()).name).toBe('Yes, terminate');
  await expectAccessible(browser, '06-keyboard-terminate-confirm');
  await page.keyboard.press('Enter');
  await page.getByTestId('resource-state').getByText('Terminated').waitFor();
  await expectAccessible(browser, '07-keyboard-terminated');
});

test('long lists page with "Show more": the project resources and orders, the approvals inbox', async () => {
  const { page } = browser;
  const { member, manager, project } = world.other;
  // 51 orders waiting for the project manager: one more than a page.
  for (let i = 0; i < 51; i++)
    await member.api.expect(
      201,
      member.api.post('/orders', {
        type: 'create',
        project_id: project.id,
        offering_id: world.allocation.id,
        plan_id: world.allocation.plan.id,
        name: `bulk-${String(i).padStart(2, '0')}`,
        attributes: { instance_type: 'general-purpose' },
      }),
    );

  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/projects/${project.id}`)}`);
  await page.evaluate('sessionStorage.clear()');
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/projects/${project.id}`)}`);
  await page.getByLabel('API token').fill(manager.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: project.name, level: 1 }).waitFor();
  const resources = page.locator('section[aria-labelledby="resources-heading"]');
  const orders = page.locator('section[aria-labelledby="orders-heading"]');
  await resources.getByText('50 shown.').waitFor();
  expect(await resources.getByRole('link', { name: /^bulk-/ }).count()).toBe(50);
  await resources.getByRole('button', { name: 'Show more' }).click();
  await resources
    .getByRole('link', { name: /^bulk-/ })
    .nth(50)
    .waitFor();
  expect(await resources.getByRole('button', { name: 'Show more' }).count()).toBe(0);
  await orders.getByText('50 shown.').waitFor();
  await orders.getByRole('button', { name: 'Show more' }).click();
  await page.waitForFunction(
    `document.querySelector('section[aria-labelledby="orders-heading"]').querySelectorAll('li').length >= 51`,
  );
  await expectAccessible(browser, '08-project-paged');

  await page.getByRole('link', { name: 'Approvals' }).click();
  await page.getByRole('heading', { name: /As the consumer.*: 50 or more/ }).waitFor();
  await page.getByRole('button', { name: 'Show more' }).click();
  await page.getByRole('heading', { name: /As the consumer.*: 51$/ }).waitFor();
  expect(await page.getByTestId('approval').count()).toBe(51);
  await expectAccessible(browser, '09-approvals-paged');
});
