/**
 * Organizations, projects and members from the console (issue 14), in Debian's Chromium against
 * the real server: staff creates an organization and two users with tokens and makes the first an
 * owner; the owner creates a project and adds the second user (by the user id the second user's
 * Projects page shows) as a member, who then sees the project. Focus after each action is on the
 * status saying what happened, also after Approve in the inbox. axe checks every page touched;
 * screenshots go to test-artifacts/console-members/ (gitignored).
 */
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
  world = await makeWorld(new Api(server.url, server.adminToken), 'members');
  browser = await launchBrowser({ folder: 'console-members' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Signs in with `token` (forgetting the tab's previous one) and opens `path`. */
async function signIn(token: string, path: string) {
  const { page } = browser;
  await page.goto(`${server.url}/sign-in`);
  await page.evaluate('sessionStorage.clear()');
  await page.reload();
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${server.url}${path}`);
}

/** The element that has focus: its tag, role and text (`body` when focus was lost). */
const focused = () =>
  browser.page.evaluate<string>(`(() => {
    const el = document.activeElement;
    return el ? el.tagName.toLowerCase() + '[' + (el.getAttribute('role') ?? '') + '] ' + (el.textContent ?? '').trim().slice(0, 80) : 'none';
  })()`);

/** Staff creates a user on the Users page and hands out a token: the token's value. */
async function createUser(username: string): Promise<string> {
  const { page } = browser;
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.getByText(`User ${username} created`).waitFor();
  await page.getByRole('button', { name: 'Issue token' }).click();
  const token = await page.getByTestId('new-token').inputValue();
  await page.getByRole('button', { name: 'I have copied it' }).click();
  return token;
}

test('staff creates an organization and its owner; the owner a project and its member, who sees it', async () => {
  const { page } = browser;
  await signIn(server.adminToken, '/projects');

  // Staff creates the organization: focus on the status saying so.
  await page.getByLabel('Name', { exact: true }).fill('Members Org');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.getByText('Organization Members Org created.').waitFor();
  expect(await focused()).toMatch(/^p\[status\] Organization Members Org created/);
  await expectAccessible(browser, '01-projects-staff');

  // A refused slug is named and its field focused.
  await page.getByLabel('Name', { exact: true }).fill('Other');
  await page.getByLabel('Slug (optional)').fill('Not a slug!');
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.locator('#org-slug-error').waitFor();
  expect(await page.locator('#org-slug-error').innerText()).toMatch(/^slug: /);
  expect(await focused()).toMatch(/^input/);

  // Two users with tokens, from the Users page.
  await page.goto(`${server.url}/admin/users`);
  const ownerToken = await createUser('members-owner');
  const secondToken = await createUser('members-second');

  // The second user, in nothing yet, reads their user id to hand to an owner.
  await signIn(secondToken, '/projects');
  await page.getByText('You are in no project yet').waitFor();
  const secondId = await page.getByTestId('my-user-id').innerText();
  expect(secondId).toMatch(/^[0-9a-f-]{36}$/);

  // Staff makes the first user the organization's owner, by username.
  await signIn(server.adminToken, '/projects');
  await page.getByRole('link', { name: 'Members Org' }).click();
  await page.getByRole('heading', { name: 'Members Org', level: 1 }).waitFor();
  const orgMembers = page.getByRole('region', { name: 'Members', exact: true });
  await page.getByLabel('User', { exact: true }).fill('members-owner');
  await page.getByLabel('Role', { exact: true }).selectOption('owner');
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByText('members-owner added as owner.').waitFor();
  expect(await focused()).toMatch(/^p\[status\] members-owner added as owner/);
  await orgMembers.getByRole('rowheader', { name: 'members-owner' }).waitFor();
  await expectAccessible(browser, '02-organization-staff');

  // The owner creates a project in the organization.
  await signIn(ownerToken, '/projects');
  await page.getByRole('link', { name: 'Members Org' }).click();
  await page.getByLabel('Project name').fill('Alpha');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByText('Project Alpha created.').waitFor();
  expect(await focused()).toMatch(/^p\[status\] Project Alpha created/);
  await expectAccessible(browser, '03-organization-owner');

  // On the project, the second user: unknown by username to the owner (the field says so), added by id.
  await page.getByRole('link', { name: 'Alpha' }).click();
  await page.getByRole('heading', { name: 'Alpha', level: 1 }).waitFor();
  await page.getByLabel('User', { exact: true }).fill('members-second');
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByText(/no user "members-second" among those you can see/).waitFor();
  expect(await focused()).toMatch(/^input/);
  await page.getByLabel('User', { exact: true }).fill(secondId);
  await page.getByLabel('Role', { exact: true }).selectOption('member');
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByText('members-second added as member.').waitFor();
  expect(await focused()).toMatch(/^p\[status\] members-second added as member/);
  await expectAccessible(browser, '04-project-members');

  // Change the role, then remove (confirmed) and add again: each said, focus on the status.
  await page.getByLabel('Role of members-second', { exact: true }).selectOption('manager');
  await page.getByRole('button', { name: 'Change the role of members-second' }).click();
  await page.getByText('members-second is now manager.').waitFor();
  expect(await focused()).toMatch(/^p\[status\] members-second is now manager/);
  await page.getByRole('button', { name: 'Remove members-second' }).click();
  await page.getByRole('button', { name: 'Yes, remove members-second' }).click();
  await page.getByText('members-second removed (was manager).').waitFor();
  expect(await focused()).toMatch(/^p\[status\] members-second removed/);
  await page.getByLabel('User', { exact: true }).fill(secondId);
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByText('members-second added as member.').waitFor();

  // 390px wide: still accessible.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(browser, '05-project-members-390px');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The member signs in and sees the project, its members without the controls.
  await signIn(secondToken, '/projects');
  await page.getByRole('link', { name: 'Alpha' }).click();
  await page.getByRole('heading', { name: 'Alpha', level: 1 }).waitFor();
  await page.getByRole('rowheader', { name: 'members-second' }).waitFor();
  expect(await page.getByRole('button', { name: 'Add member' }).count()).toBe(0);
  await expectAccessible(browser, '06-project-member');
});

test('after Approve in the inbox, focus is on what happened, not the page body', async () => {
  const { page } = browser;
  const { member, manager, project } = world.consumer;
  await member.api.expect(
    201,
    member.api.post('/orders', {
      type: 'create',
      project_id: project.id,
      offering_id: world.allocation.id,
      plan_id: world.allocation.plan.id,
      name: 'focus-one',
      attributes: { instance_type: 'general-purpose' },
    }),
  );
  await signIn(manager.token, '/approvals');
  await page.getByTestId('approval').getByRole('button', { name: 'Approve' }).click();
  await page.getByText(/Approved the create order .*: now/).waitFor();
  expect(await focused()).toMatch(/^p\[status\] Approved the create order/);
  await expectAccessible(browser, '07-approvals-after-approve');
});
