/**
 * Projects, resources, the approvals inbox and the provider queue end to end, in Debian's Chromium
 * against the real server: a project member orders a manual offering that needs consumer and
 * provider approval; the project's manager approves in the inbox, then the provider's service
 * manager, who fulfils it from the provider queue with outputs; the member sees the resource OK
 * with its outputs and reveals its secret output; the manager is refused a no-change update,
 * rejects an order with a reason, and terminates. axe-core checks every page; screenshots go to
 * test-artifacts/console-projects/ (gitignored).
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
  world = await makeWorld(new Api(server.url, server.adminToken), 'projects');
  browser = await launchBrowser({ folder: 'console-projects' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Signs in through the sign-in page (a fresh session each time: the token lives in sessionStorage). */
async function signInAs(token: string, username: string, next = '/') {
  const { page } = browser;
  // Signing out first forgets the previous user's token (a fresh start, as in a new tab).
  if (await page.getByRole('button', { name: 'Sign out' }).count()) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
  }
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(username).waitFor();
}

/** Reloads until `check` holds (what another person or the worker does arrives on its own time). */
async function reloadUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await browser.page.reload();
  }
}

test('order, approve as consumer and provider, fulfil, reveal a secret output, terminate', async () => {
  const { page } = browser;
  const { member, manager, project } = world.consumer;
  const provider = world.serviceManager;

  // The member orders the manual offering: it needs the project manager's and the provider's approval.
  await signInAs(member.token, 'projects-consumer-member', `/offerings/${world.manual.slug}`);
  await page.getByRole('heading', { name: world.manual.name, level: 1 }).waitFor();
  await page.locator('#config_instance_type').selectOption('general-purpose');
  await page.getByLabel('Resource name').fill('build-box');
  await page.getByLabel('Project').selectOption(project.id);
  await page.getByRole('button', { name: 'Order', exact: true }).click();
  await page.getByText(/Order placed \(pending-consumer\)/).waitFor();

  // The projects page: the member's organization and project; the project's resource and order.
  await page.getByRole('link', { name: 'Projects' }).click();
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  await page.getByRole('heading', { name: world.consumer.organization.name }).waitFor();
  await expectAccessible(browser, '01-projects');
  await page.getByRole('link', { name: project.name }).click();
  await page.getByRole('link', { name: 'build-box' }).waitFor();
  expect(await page.getByTestId('resource-state').innerText()).toBe('Creating');
  await page.getByText('pending-consumer').first().waitFor();
  await expectAccessible(browser, '02-project');

  // The member is no approver: the inbox has nothing for them.
  await page.getByRole('link', { name: 'Approvals' }).click();
  await page.getByRole('heading', { name: /As the consumer.*: 0/ }).waitFor();

  // The manager approves in the inbox; the order goes on to the provider.
  await signInAs(manager.token, 'projects-consumer-manager', '/approvals');
  await page.getByRole('heading', { name: /As the consumer.*: 1/ }).waitFor();
  await expectAccessible(browser, '03-approvals-consumer');
  await page.getByTestId('approval').getByRole('button', { name: 'Approve' }).click();
  await page.getByText(/Approved the create order .*: now pending-provider/).waitFor();

  // The provider's service manager approves, then fulfils it from the queue with outputs.
  await signInAs(provider.token, 'projects-service-manager', '/approvals');
  await page.getByRole('heading', { name: /As the provider.*: 1/ }).waitFor();
  await page.getByTestId('approval').getByRole('button', { name: 'Approve' }).click();
  await page.getByText(/now executing/).waitFor();
  await page.getByRole('link', { name: 'Provider queue' }).click();
  await reloadUntil(async () => (await page.getByTestId('queued-order').count()) === 1, 'the order in the queue');
  await expectAccessible(browser, '04-provider-queue');
  const queued = page.getByTestId('queued-order');
  await queued.getByLabel('Backend ID').fill('vm-42');
  await queued.getByLabel('Outputs (JSON)').fill('{"host": "vm-42.example.com"}');
  await queued.getByLabel(/Secret outputs/).fill('{bad');
  await queued.getByRole('button', { name: 'Complete' }).click();
  await page
    .getByRole('alert')
    .getByText(/Secret outputs: not JSON/)
    .waitFor();
  await queued.getByLabel(/Secret outputs/).fill('{"password": "s3cret-pw"}');
  await queued.getByRole('button', { name: 'Complete' }).click();
  await page.getByText(/create order .* is done/).waitFor();
  await page.getByText('Nothing to fulfil.').waitFor();

  // The member sees the resource OK with its outputs, the secret one hidden until revealed.
  await signInAs(member.token, 'projects-consumer-member', `/projects/${project.id}`);
  await page.getByRole('link', { name: 'build-box' }).click();
  await page.getByRole('heading', { name: 'build-box', level: 1 }).waitFor();
  await page.getByTestId('resource-state').getByText('OK').waitFor();
  expect(await page.getByTestId('outputs').innerText()).toContain('vm-42.example.com');
  expect(await page.getByTestId('resource-cost').innerText()).toMatch(/^\d+\.\d\d EUR/);
  expect(await page.locator('main').innerText()).not.toContain('s3cret-pw');
  await expectAccessible(browser, '05-resource');
  await page.getByRole('button', { name: 'Reveal secret outputs' }).click();
  expect(await page.getByTestId('secret-outputs').innerText()).toContain('s3cret-pw');
  // The order's history: each state it passed, from the audit log.
  await page.getByText('History').first().click();
  await page.getByText('pending-consumer → pending-provider').waitFor();
  await page.getByText('executing → done').waitFor();
  expect(await page.locator('.history').first().innerText()).not.toContain('?');
  await expectAccessible(browser, '06-resource-revealed');

  // The provider sees the resource through its offering, but never its secret outputs.
  const asProvider = await provider.api.expect(200, provider.api.get(`/resources/${await resourceId()}`));
  expect(asProvider.secret_outputs).toBeUndefined();

  // The manager: an update that changes nothing is refused, and the API's reason shown.
  await signInAs(manager.token, 'projects-consumer-manager', `/resources/${await resourceId()}`);
  await page.getByRole('button', { name: 'Order the update' }).click();
  await page
    .getByRole('alert')
    .getByText(/changes nothing/)
    .waitFor();

  // Terminate, confirmed first; the terminate order goes to the provider's queue, who completes it.
  await page.getByRole('button', { name: 'Terminate' }).click();
  await page.getByRole('group', { name: 'Confirm: Terminate' }).waitFor();
  await expectAccessible(browser, '07-terminate-confirm');
  await page.getByRole('button', { name: 'Yes, terminate' }).click();
  await page.getByText(/The terminate order is executing/).waitFor();
  await page.getByTestId('resource-state').getByText('Terminating').waitFor();

  await signInAs(provider.token, 'projects-service-manager', '/provider-queue');
  await reloadUntil(async () => (await page.getByTestId('queued-order').count()) === 1, 'the terminate order');
  await page.getByTestId('queued-order').getByRole('button', { name: 'Complete' }).click();
  await page.getByText(/terminate order .* is done/).waitFor();

  await signInAs(member.token, 'projects-consumer-member', `/resources/${await resourceId()}`);
  await page.getByTestId('resource-state').getByText('Terminated').waitFor();

  // A phone's width: the resource page and the inbox in one column, still accessible.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByTestId('resource-state').getByText('Terminated').waitFor();
  await expectAccessible(browser, '08-resource-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the manager rejects an order with a reason; the project shows it', async () => {
  const { page } = browser;
  const { member, manager, project } = world.consumer;
  const placed = await member.api.expect(
    201,
    member.api.post('/orders', {
      type: 'create',
      project_id: project.id,
      offering_id: world.allocation.id,
      plan_id: world.allocation.plan.id,
      name: 'quota-one',
      attributes: { instance_type: 'general-purpose' },
    }),
  );
  expect(placed.state).toBe('pending-consumer');

  await signInAs(manager.token, 'projects-consumer-manager', '/approvals');
  const item = page.getByTestId('approval');
  await item.waitFor();
  await item.getByRole('button', { name: 'Reject' }).click();
  await item
    .getByRole('alert')
    .getByText(/Reason/)
    .waitFor();
  await item.getByLabel('Reason to reject').fill('not in this quarter');
  await item.getByRole('button', { name: 'Reject' }).click();
  await page.getByText(/Rejected the create order .*: now rejected/).waitFor();
  expect((await waitForOrder(manager.api, placed.id)).reason).toBe('not in this quarter');

  await page.goto(`${server.url}/projects/${project.id}`);
  await page.getByText('Reason: not in this quarter').waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(browser, '09-project-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
});

/** The build-box resource's id, read through the API as its member. */
async function resourceId(): Promise<string> {
  const { member, project } = world.consumer;
  const list = await member.api.expect(200, member.api.get(`/resources?project_id=${project.id}&name=build-box`));
  return list.items[0].id;
}
