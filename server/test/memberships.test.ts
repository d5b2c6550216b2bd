import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeUser, type Actor } from '@mercato/test-support/world';

/**
 * Role changes in organizations and projects: granting a member another role takes the same
 * right as removing them, and an organization always keeps an owner, whoever asks and however
 * the requests interleave.
 */
describe.each(DATABASE_KINDS)('memberships on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let users = 0;
  const user = () => makeUser(admin, `member-${users++}`);

  beforeAll(async () => {
    server = await startTestServer(kind, { worker: { enabled: false } });
    admin = new Api(server.url, server.adminToken);
  });
  afterAll(() => server.close());

  const roleOf = async (collection: string, id: string, userId: string) =>
    (await admin.expect(200, admin.get(`/${collection}/${id}/members`))).items.find(
      (m: { user_id: string }) => m.user_id === userId,
    )?.role;

  async function organizationOf(...owners: Actor[]) {
    const organization = await owners[0].api.expect(201, owners[0].api.post('/organizations', { name: 'Owned' }));
    for (const owner of owners.slice(1))
      await owners[0].api.expect(
        201,
        owners[0].api.post(`/organizations/${organization.id}/members`, { user_id: owner.id, role: 'owner' }),
      );
    return organization;
  }

  test('a project manager may not demote a fellow manager, as they may not remove one', async () => {
    const [owner, first, second, member] = [await user(), await user(), await user(), await user()];
    const organization = await organizationOf(owner);
    const project = await owner.api.expect(
      201,
      owner.api.post('/projects', { organization_id: organization.id, name: 'p' }),
    );
    for (const manager of [first, second])
      await owner.api.expect(
        201,
        owner.api.post(`/projects/${project.id}/members`, { user_id: manager.id, role: 'manager' }),
      );
    await first.api.expect(403, first.api.delete(`/projects/${project.id}/members/${second.id}`));
    const demote = await first.api.post(`/projects/${project.id}/members`, { user_id: second.id, role: 'member' });
    expect([demote.status, demote.headers.get('content-type')]).toEqual([
      403,
      expect.stringContaining('application/problem+json'),
    ]);
    expect(await roleOf('projects', project.id, second.id)).toBe('manager');
    // nor themselves; nor promote anyone
    await first.api.expect(
      403,
      first.api.post(`/projects/${project.id}/members`, { user_id: first.id, role: 'member' }),
    );
    // what a manager does manage: members
    await first.api.expect(
      201,
      first.api.post(`/projects/${project.id}/members`, { user_id: member.id, role: 'member' }),
    );
    await first.api.expect(
      201,
      first.api.post(`/projects/${project.id}/members`, { user_id: member.id, role: 'member' }),
    );
    await first.api.expect(
      403,
      first.api.post(`/projects/${project.id}/members`, { user_id: member.id, role: 'manager' }),
    );
    await first.api.expect(204, first.api.delete(`/projects/${project.id}/members/${member.id}`));
    // the organization's owner changes any role
    await owner.api.expect(
      201,
      owner.api.post(`/projects/${project.id}/members`, { user_id: second.id, role: 'member' }),
    );
    expect(await roleOf('projects', project.id, second.id)).toBe('member');
    // the event says what the role was
    const events = await admin.expect(200, admin.get(`/events?object_id=${project.id}&action=project.member_added`));
    expect(events.items.pop().changes).toEqual({ user_id: second.id, role: 'member', previous_role: 'manager' });
  });

  test('the last owner can neither leave nor be demoted, whoever asks: 409 saying why', async () => {
    const [solo, helper] = [await user(), await user()];
    const organization = await organizationOf(solo);
    for (const [api, call] of [
      [solo.api, () => solo.api.delete(`/organizations/${organization.id}/members/${solo.id}`)],
      [
        solo.api,
        () => solo.api.post(`/organizations/${organization.id}/members`, { user_id: solo.id, role: 'service-manager' }),
      ],
      [admin, () => admin.delete(`/organizations/${organization.id}/members/${solo.id}`)],
      [
        admin,
        () => admin.post(`/organizations/${organization.id}/members`, { user_id: solo.id, role: 'service-manager' }),
      ],
    ] as Array<[Api, () => ReturnType<Api['get']>]>) {
      const answer: { status: number; body: any } = await call();
      expect([api === admin ? 'staff' : 'owner', answer.status, answer.body.errors]).toEqual([
        api === admin ? 'staff' : 'owner',
        409,
        [
          {
            field: 'user_id',
            message: expect.stringMatching(/is the last owner of organization .*keeps at least one owner/),
          },
        ],
      ]);
    }
    expect(await roleOf('organizations', organization.id, solo.id)).toBe('owner');
    // with another owner, either may go
    await solo.api.expect(
      201,
      solo.api.post(`/organizations/${organization.id}/members`, { user_id: helper.id, role: 'owner' }),
    );
    await solo.api.expect(
      201,
      solo.api.post(`/organizations/${organization.id}/members`, { user_id: solo.id, role: 'service-manager' }),
    );
    await helper.api.expect(204, helper.api.delete(`/organizations/${organization.id}/members/${solo.id}`));
    expect(await roleOf('organizations', organization.id, helper.id)).toBe('owner');
    // an organization staff made has no owner: its other roles still change freely
    const staffMade = await admin.expect(201, admin.post('/organizations', { name: 'Staff made' }));
    await admin.expect(
      201,
      admin.post(`/organizations/${staffMade.id}/members`, { user_id: solo.id, role: 'service-manager' }),
    );
    await admin.expect(204, admin.delete(`/organizations/${staffMade.id}/members/${solo.id}`));
  });

  test('two owners removing or demoting each other at the same moment leave one owner', async () => {
    for (let round = 0; round < 6; round++) {
      const [a, b] = [await user(), await user()];
      const organization = await organizationOf(a, b);
      const remove = (by: Actor, whom: Actor) =>
        round % 2 === 0
          ? by.api.delete(`/organizations/${organization.id}/members/${whom.id}`)
          : by.api.post(`/organizations/${organization.id}/members`, { user_id: whom.id, role: 'service-manager' });
      const answers = await Promise.all([remove(a, b), remove(b, a)]);
      // the one that comes second is refused: 409, or 403/404 when its caller had already lost the role
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses[0]).toBe(round % 2 === 0 ? 204 : 201);
      expect([403, 404, 409]).toContain(statuses[1]);
      const owners = (await admin.expect(200, admin.get(`/organizations/${organization.id}/members`))).items.filter(
        (m: { role: string }) => m.role === 'owner',
      );
      expect(owners).toHaveLength(1);
    }
  });
});
