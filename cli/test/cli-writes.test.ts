/**
 * The CLI that acts, as the people whose roles allow each step run it, against the real server:
 * orders placed, approved, rejected, canceled, completed, failed and retried; projects and roles
 * set up and taken down; names in place of ids in tables; `-o wide` and `-o name`; `get --watch`.
 * Bad input is refused naming the option or argument, before anything is written.
 */
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForProviderHandOver, type Actor, type World } from '@mercato/test-support/world';
import { runMercato, startMercato } from './support/run-cli';

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SECRET = 'pw-that-stays-secret';

describe('mercato order, create, delete and get, writing through the API (sqlite)', () => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let as: (actor: Actor, args: string[], input?: string) => ReturnType<typeof runMercato>;
  let slug: string;
  let project: string;
  const vm = (name: string) => [
    'order',
    'create',
    '--project',
    project,
    '--offering',
    slug,
    '--plan',
    'small',
    '--name',
    name,
    '--attributes',
    '{"instance_type": "general-purpose"}',
    '--limit',
    'cpu=2',
  ];
  const idIn = (line: string) =>
    new RegExp(`^order/(${ID}) created`).exec(line)?.[1] ?? `no order id in ${JSON.stringify(line)}`;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'cliw');
    as = (actor, args, input) => runMercato(args, server.url, actor.token, input);
    slug = w.manual.slug;
    project = w.consumer.project.name;
  });
  afterAll(() => server.close());

  test('an order placed by names, approved by each side, completed by the provider with secret outputs from standard input', async () => {
    const placed = await as(w.consumer.member, vm('vm-a'));
    expect([placed.code, placed.stderr]).toEqual([0, '']);
    const id = idIn(placed.stdout);
    expect(placed.stdout).toBe(
      `order/${id} created: state pending-consumer; awaiting consumer approval: a manager of project ${w.consumer.project.id} or an owner of its organization\n`,
    );
    const order = await admin.expect(200, admin.get(`/orders/${id}`));
    expect(order).toMatchObject({
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: w.manual.id,
      plan_id: w.manual.plan.id,
      attributes: { instance_type: 'general-purpose' },
      limits: { cpu: 2 },
    });

    const consumerSide = await as(w.consumer.manager, ['order', 'approve', `order/${id}`]);
    expect([consumerSide.code, consumerSide.stdout, consumerSide.stderr]).toEqual([
      0,
      `order/${id} approved: state pending-provider; awaiting provider approval: an owner or service manager of the organization providing offering ${w.manual.id}\n`,
      '',
    ]);
    const providerSide = await as(w.serviceManager, ['order', 'approve', id]);
    expect(providerSide.stdout).toMatch(new RegExp(`^order/${id} approved: state executing; awaiting `));
    await waitForProviderHandOver(admin, id, 10000);

    const completed = await as(
      w.serviceManager,
      [
        'order',
        'complete',
        id,
        '--backend-id',
        'vm-17',
        '--outputs',
        '{"host": "vm-a.example"}',
        '--secret-outputs',
        '@-',
      ],
      JSON.stringify({ password: SECRET }),
    );
    expect([completed.code, completed.stdout, completed.stderr]).toEqual([
      0,
      `order/${id} completed: state done\n`,
      '',
    ]);
    const resource = await w.consumer.manager.api.expect(
      200,
      w.consumer.manager.api.get(`/resources/${order.resource_id}`),
    );
    expect(resource).toMatchObject({
      name: 'vm-a',
      state: 'OK',
      backend_id: 'vm-17',
      outputs: { host: 'vm-a.example' },
      secret_outputs: { password: SECRET },
    });

    const described = await as(w.consumer.manager, ['describe', 'resource', 'vm-a', '-o', 'json']);
    expect(JSON.parse(described.stdout)).toMatchObject({
      id: order.resource_id,
      secret_outputs: { password: '********' },
    });
    expect(described.stdout).not.toContain(SECRET);
  });

  test('reject, cancel and fail take a reason; a failed order is retried; -o json and -o name print the order', async () => {
    const rejectedOne = idIn((await as(w.consumer.member, vm('vm-b'))).stdout);
    const rejected = await as(w.consumer.manager, [
      'order',
      'reject',
      rejectedOne,
      '--reason',
      'too big for this project',
    ]);
    expect([rejected.code, rejected.stdout]).toEqual([
      0,
      `order/${rejectedOne} rejected: state rejected; reason: too big for this project\n`,
    ]);

    const canceledOne = idIn((await as(w.consumer.member, vm('vm-c'))).stdout);
    const canceled = await as(w.consumer.member, [
      'order',
      'cancel',
      canceledOne,
      '--reason',
      'changed my mind',
      '-o',
      'json',
    ]);
    expect(JSON.parse(canceled.stdout)).toMatchObject({
      id: canceledOne,
      state: 'canceled',
      reason: 'changed my mind',
    });

    // The owner approves for the consumer as it orders: only the provider's approval is left.
    const failedOne = idIn((await as(w.consumer.owner, vm('vm-d'))).stdout);
    await as(w.serviceManager, ['order', 'approve', failedOne]);
    await waitForProviderHandOver(admin, failedOne, 10000);
    const failed = await as(w.serviceManager, ['order', 'fail', failedOne, '--reason', 'no capacity left']);
    expect([failed.code, failed.stdout]).toEqual([
      0,
      `order/${failedOne} failed: state erred; reason: no capacity left\n`,
    ]);
    const retried = await as(w.consumer.owner, ['order', 'retry', failedOne, '-o', 'name']);
    expect([retried.code, retried.stdout, retried.stderr]).toEqual([0, `order/${failedOne}\n`, '']);
    expect((await admin.expect(200, admin.get(`/orders/${failedOne}`))).state).toBe('executing');

    const again = await as(w.serviceManager, ['order', 'reject', failedOne, '--reason', 'late']);
    expect([again.code, again.stdout, again.stderr]).toEqual([
      1,
      '',
      'error: Conflict (409): an order in state executing cannot be rejected\n',
    ]);
  });

  test('bad input is refused naming the option or argument, and nothing is placed', async () => {
    const before = (await admin.expect(200, admin.get(`/orders?project_id=${w.consumer.project.id}&limit=500`))).items
      .length;
    const pending = idIn((await as(w.consumer.member, vm('vm-e'))).stdout);
    const leaked = `{"instance_type": "general-purpose", "secret": "${SECRET}"`;
    const runs = await Promise.all([
      as(
        w.consumer.member,
        vm('vm-x').filter((arg) => arg !== '--name' && arg !== 'vm-x'),
      ),
      as(w.consumer.member, ['order', 'create', '--type', 'terminate', '--offering', slug, '--resource', 'vm-a']),
      as(w.consumer.member, ['order', 'create', '--type', 'destroy', '--resource', 'vm-a']),
      as(w.consumer.member, [
        'order',
        'create',
        '--project',
        project,
        '--offering',
        slug,
        '--plan',
        'large',
        '--name',
        'vm-x',
      ]),
      as(w.consumer.member, [
        'order',
        'create',
        '--project',
        'no such project',
        '--offering',
        slug,
        '--plan',
        'small',
        '--name',
        'vm-x',
      ]),
      as(w.consumer.member, [...vm('vm-x').slice(0, 10), '--attributes', leaked]),
      as(w.consumer.member, [...vm('vm-x').slice(0, 10), '--attributes', '["general-purpose"]']),
      as(w.consumer.member, [...vm('vm-x').slice(0, 10), '--attributes', '@does-not-exist.json']),
      as(w.consumer.member, [...vm('vm-x'), '--limit', 'ram=two']),
      as(w.consumer.member, [...vm('vm-x'), '--limit', 'ram']),
      as(w.consumer.member, [
        ...vm('vm-x').slice(0, 10),
        '--attributes',
        `{"instance_type": "huge", "password": "${SECRET}"}`,
      ]),
      as(w.consumer.manager, ['order', 'reject', pending]),
      as(w.consumer.manager, ['order', 'approve', 'vm-e']),
      as(w.consumer.owner, ['create', 'member', w.consumer.member.id, '--role', 'admin', '--project', project]),
      as(w.consumer.owner, ['create', 'member', w.consumer.member.id, '--role', 'manager']),
      as(w.consumer.owner, ['delete', 'order', pending]),
      as(w.consumer.owner, ['delete', 'project']),
    ]);
    const lines = runs.map((run) => [run.code, run.stdout, run.stderr.trimEnd()]);
    expect(lines).toEqual([
      [1, '', 'error: a create order needs --name'],
      [1, '', 'error: --offering: not for a terminate order, which takes --resource, --project'],
      [
        1,
        '',
        "error: option '--type <type>' argument 'destroy' is invalid. Allowed choices are create, update, terminate, pause, resume, restart.\n(add --help for the usage)",
      ],
      [1, '', `error: no plan "large" in offering ${slug}; known: small`],
      [1, '', `error: no project "no such project"; known: ${project}`],
      [1, '', expect.stringMatching(/^error: --attributes is not valid JSON \(at character \d+\); give a JSON object/)],
      [1, '', 'error: --attributes must be a JSON object ({...}), not an array'],
      [
        1,
        '',
        expect.stringMatching(
          /^error: --attributes @does-not-exist\.json: cannot read \/.*\/does-not-exist\.json \(ENOENT\)$/,
        ),
      ],
      [1, '', 'error: --limit ram: "two" is not a number'],
      [1, '', 'error: --limit "ram": write COMPONENT=NUMBER, e.g. --limit cpu=4'],
      [
        1,
        '',
        expect.stringMatching(
          /^error: Unprocessable Entity \(422\): --attributes password: .+; --attributes instance_type: .+$|^error: Unprocessable Entity \(422\): --attributes instance_type: .+; --attributes password: .+$/,
        ),
      ],
      [1, '', "error: required option '--reason <text>' not specified\n(add --help for the usage)"],
      [
        1,
        '',
        'error: <order> "vm-e" is not an order\'s id; give the id, or order/<id> as `mercato get orders -o name` prints it',
      ],
      [1, '', 'error: --role "admin" in a project: one of manager, member'],
      [1, '', 'error: give either --project or --organization: where the role is'],
      [1, '', 'error: orders are kept; a pending one is canceled: `mercato order cancel ORDER --reason TEXT`'],
      [1, '', 'error: which project? name it as `mercato delete project team-a` or `mercato delete project/team-a`'],
    ]);
    for (const run of runs) expect(run.stderr).not.toContain(SECRET);
    const after = (await admin.expect(200, admin.get(`/orders?project_id=${w.consumer.project.id}&limit=500`))).items;
    expect(after).toHaveLength(before + 1);
    expect((await admin.expect(200, admin.get(`/orders/${pending}`))).state).toBe('pending-consumer');
  });

  test('tables name what orders and events refer to; -o wide adds columns; -o name prints kind/name, which describe takes', async () => {
    const orders = (
      await w.consumer.manager.api.expect(
        200,
        w.consumer.manager.api.get(`/orders?project_id=${w.consumer.project.id}&limit=500`),
      )
    ).items as { id: string; resource_id: string }[];
    const [table, wide, names, events, offerings, none] = await Promise.all([
      as(w.consumer.manager, ['get', 'orders', '--project', project]),
      as(w.consumer.manager, ['get', 'orders', '--project', project, '-o', 'wide']),
      as(w.consumer.manager, ['get', 'orders', '--project', project, '-o', 'name']),
      as(w.consumer.manager, ['get', 'events', '--project', project]),
      as(w.consumer.manager, ['get', 'offerings', '-o', 'name']),
      as(w.other.member, ['get', 'orders', '-o', 'name']),
    ]);
    const rows = (run: { stdout: string }) =>
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split(/\s{3,}/));
    expect(rows(table)[0]).toEqual(['ID', 'TYPE', 'STATE', 'PROJECT', 'OFFERING', 'RESOURCE', 'AGE']);
    const first = rows(table).find((row) => row[0] === orders[0].id)!;
    expect(first.slice(1, 6)).toEqual(['create', 'done', project, slug, 'vm-a']);
    expect(rows(wide)[0]).toEqual([
      'ID',
      'TYPE',
      'STATE',
      'PROJECT',
      'OFFERING',
      'RESOURCE',
      'AGE',
      'PLAN',
      'VERSION',
      'CREATED BY',
      'AWAITING',
      'REASON',
    ]);
    const rejectedRow = rows(wide).find((row) => row[5] === 'vm-b')!;
    expect(rejectedRow.slice(7)).toEqual([
      'small',
      '1.0.0',
      'cliw-consumer-member',
      '<none>',
      'too big for this project',
    ]);
    // The owner who placed vm-d is no user the manager may list: an id stays an id.
    expect(rows(wide).find((row) => row[5] === 'vm-d')![9]).toBe(w.consumer.owner.id);
    expect(table.stdout).not.toContain(w.consumer.project.id);

    expect([names.code, names.stderr]).toEqual([0, '']);
    expect(names.stdout.trimEnd().split('\n')).toEqual(orders.map((o) => `order/${o.id}`));
    // Actors by username; the organization's owner and the provider's service manager are no users the manager may list.
    const actors = new Set(
      rows(events)
        .slice(1)
        .map((row) => row[4]),
    );
    expect([...actors].sort()).toEqual(
      ['cliw-consumer-manager', 'cliw-consumer-member', w.consumer.owner.id, w.serviceManager.id].sort(),
    );
    expect(offerings.stdout.split('\n')).toContain(`offering/${slug}`);
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', '']);

    const described = await as(w.consumer.manager, ['describe', names.stdout.split('\n')[0], '-o', 'json']);
    expect(JSON.parse(described.stdout)).toMatchObject({ id: orders[0].id, resource_id: orders[0].resource_id });
  });

  test('create project and member, then delete them, by name', async () => {
    const owner = w.consumer.owner;
    const organization = w.consumer.organization.name;
    const created = await as(owner, [
      'create',
      'project',
      'scratch space',
      '--organization',
      organization,
      '-o',
      'name',
    ]);
    expect([created.code, created.stdout, created.stderr]).toEqual([0, 'project/scratch space\n', '']);
    const projects = (
      await owner.api.expect(200, owner.api.get(`/projects?organization_id=${w.consumer.organization.id}`))
    ).items as { id: string; name: string }[];
    const projectId = projects.find((p) => p.name === 'scratch space')!.id;

    const granted = await as(owner, [
      'create',
      'member',
      'cliw-consumer-member',
      '--role',
      'manager',
      '--project',
      'scratch space',
    ]);
    expect([granted.code, granted.stdout, granted.stderr]).toEqual([
      0,
      'member/cliw-consumer-member created: manager of project scratch space\n',
      '',
    ]);
    const described = await as(owner, ['describe', 'project', 'scratch space']);
    expect(described.stdout).toMatch(/\nMembers:\n\s+USER\s+ROLE\s+SINCE\n\s+cliw-consumer-member\s+manager\s+\d+s\n$/);

    const revoked = await as(owner, ['delete', 'member', 'cliw-consumer-member', '--project', 'scratch space']);
    expect([revoked.code, revoked.stdout]).toEqual([
      0,
      'member/cliw-consumer-member deleted: no longer manager of project scratch space\n',
    ]);
    expect((await owner.api.expect(200, owner.api.get(`/projects/${projectId}/members`))).items).toEqual([]);
    const deleted = await as(owner, ['delete', `project/${projectId}`]);
    expect([deleted.code, deleted.stdout]).toEqual([0, 'project/scratch space deleted\n']);
    expect((await owner.api.get(`/projects/${projectId}`)).status).toBe(404);

    const notOwner = await as(w.consumer.member, ['create', 'project', 'not mine', '--organization', organization]);
    expect([notOwner.code, notOwner.stdout]).toEqual([1, '']);
    expect(notOwner.stderr).toMatch(/^error: Forbidden \(403\): /);
  });

  test('get orders --watch prints the list, then each order again as it changes, until interrupted', async () => {
    const watch = (format: string[]) => {
      const child = startMercato(
        ['get', 'orders', '--project', project, '--watch', ...format],
        server.url,
        w.consumer.manager.token,
      );
      const watched = { child, stdout: '', stderr: '' };
      child.stdout!.on('data', (chunk) => (watched.stdout += chunk));
      child.stderr!.on('data', (chunk) => (watched.stderr += chunk));
      return watched;
    };
    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + 30000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`no ${what} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const table = watch([]);
    const json = watch(['-o', 'json']);
    try {
      const existing = (
        await w.consumer.manager.api.expect(
          200,
          w.consumer.manager.api.get(`/orders?project_id=${w.consumer.project.id}&limit=500`),
        )
      ).items.length;
      await until(
        () => table.stdout.split('\n').length > existing + 1 && json.stdout.split('\n').length > existing,
        'first list',
      );
      expect(table.stdout.split('\n')[0].split(/\s{3,}/)).toEqual([
        'ID',
        'TYPE',
        'STATE',
        'PROJECT',
        'OFFERING',
        'RESOURCE',
        'AGE',
      ]);

      const order = await w.consumer.member.api.expect(
        201,
        w.consumer.member.api.post('/orders', {
          type: 'create',
          project_id: w.consumer.project.id,
          offering_id: w.manual.id,
          plan_id: w.manual.plan.id,
          name: 'vm-watched',
          attributes: { instance_type: 'general-purpose' },
        }),
      );
      await until(() => table.stdout.includes(order.id) && json.stdout.includes(order.id), 'new order');
      await w.consumer.manager.api.expect(200, w.consumer.manager.api.post(`/orders/${order.id}/approve`));
      await until(
        () =>
          /pending-provider/.test(
            table.stdout
              .split('\n')
              .filter((line) => line.includes(order.id))
              .join(),
          ),
        'approved order',
      );
      await until(
        () => json.stdout.split('\n').filter((line) => line.includes(`"id":"${order.id}"`)).length === 2,
        'approved order as JSON',
      );
    } finally {
      table.child.kill('SIGINT');
      json.child.kill('SIGINT');
    }
    const watchedLines = table.stdout
      .trimEnd()
      .split('\n')
      .filter((line) => line.includes('vm-watched'));
    expect(watchedLines.map((line) => line.split(/\s{3,}/).slice(1, 6))).toEqual([
      ['create', 'pending-consumer', project, slug, 'vm-watched'],
      ['create', 'pending-provider', project, slug, 'vm-watched'],
    ]);
    const objects = json.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { name?: string; state: string; resource_id: string });
    expect(objects.slice(-2).map((o) => o.state)).toEqual(['pending-consumer', 'pending-provider']);
    expect(table.stderr + json.stderr).toBe('');
  });

  test('-o name prints kind/name for every kind: the name a person knows it by, which commands take; the id for orders and events', async () => {
    const admin = { id: '', token: server.adminToken, api: new Api(server.url, server.adminToken) };
    const names = async (args: string[]) => {
      const run = await as(admin, [...args, '-o', 'name']);
      expect([args, run.code, run.stderr]).toEqual([args, 0, '']);
      return run.stdout.trimEnd().split('\n');
    };
    const created = await as(admin, ['create', 'organization', 'Named Org', '-o', 'name']);
    expect([created.code, created.stdout, created.stderr]).toEqual([0, 'organization/Named Org\n', '']);
    const project = await as(admin, [
      'create',
      'project',
      'named project',
      '--organization',
      'Named Org',
      '-o',
      'name',
    ]);
    expect([project.code, project.stdout, project.stderr]).toEqual([0, 'project/named project\n', '']);

    expect(await names(['get', 'organizations'])).toEqual(
      expect.arrayContaining(['organization/Named Org', `organization/${w.consumer.organization.name}`]),
    );
    expect(await names(['get', 'projects', '--organization', 'Named Org'])).toEqual(['project/named project']);
    // an organization's slug, its registry namespace, names it too
    expect(await names(['get', 'projects', '--organization', 'named-org'])).toEqual(['project/named project']);
    const organizationBySlug = await as(admin, ['describe', 'organization', 'named-org', '-o', 'json']);
    expect(JSON.parse(organizationBySlug.stdout)).toMatchObject({ name: 'Named Org', slug: 'named-org' });
    expect(await names(['get', 'users'])).toEqual(expect.arrayContaining(['user/admin', 'user/cliw-consumer-owner']));
    expect(await names(['get', 'categories'])).toEqual(expect.arrayContaining([`category/${w.category.title}`]));
    expect(await names(['get', 'offerings'])).toEqual(expect.arrayContaining([`offering/${slug}`]));
    expect(await names(['get', 'plans', '--offering', slug])).toEqual(['plan/small']);
    expect(await names(['get', 'offering-versions', '--offering', slug])).toEqual(['offering-version/1.0.0']);
    expect(await names(['get', 'resources', '--project', w.consumer.project.name])).toEqual(
      expect.arrayContaining(['resource/vm-a']),
    );
    for (const kind of ['orders', 'events']) {
      const lines = await names(['get', kind]);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(new RegExp(`^${kind.slice(0, -1)}/${ID}$`));
    }

    // What -o name prints, the commands take.
    const described = await as(admin, ['describe', 'organization/Named Org', '-o', 'json']);
    expect(JSON.parse(described.stdout)).toMatchObject({ name: 'Named Org' });
    const deleted = await as(admin, ['delete', 'project/named project', '-o', 'name']);
    expect([deleted.code, deleted.stdout, deleted.stderr]).toEqual([0, 'project/named project\n', '']);
  });

  test('get orders --watch prints every state an order entered, also one it left before the next look', async () => {
    // An order erred before the watches start: its row tells that the --status erred watch has made its first list.
    const erredBefore = idIn((await as(w.consumer.owner, vm('vm-broken'))).stdout);
    const placed = idIn((await as(w.consumer.owner, vm('vm-flaky'))).stdout);
    for (const id of [erredBefore, placed]) {
      await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${id}/approve`));
      await waitForProviderHandOver(admin, id, 10000);
    }
    await w.serviceManager.api.expect(
      200,
      w.serviceManager.api.post(`/orders/${erredBefore}/fail`, { reason: 'broken' }),
    );
    const watch = (args: string[]) => {
      const child = startMercato(['get', 'orders', '--project', project, '--watch', ...args], server.url, admin.token!);
      const watched = { child, stdout: '', stderr: '' };
      child.stdout!.on('data', (chunk) => (watched.stdout += chunk));
      child.stderr!.on('data', (chunk) => (watched.stderr += chunk));
      return watched;
    };
    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + 30000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`no ${what} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const json = watch(['-o', 'json']);
    const erred = watch(['--status', 'erred', '-o', 'name']);
    const states = () =>
      json.stdout
        .split('\n')
        .filter((line) => line.includes(`"id":"${placed}"`))
        .map((line) => JSON.parse(line) as { state: string; reason: string });
    try {
      await until(() => states().length > 0 && erred.stdout.includes(erredBefore), 'first lists');
      // Another look at the list would see the order executing before and after: it errs and is retried in between.
      await w.serviceManager.api.expect(
        200,
        w.serviceManager.api.post(`/orders/${placed}/fail`, { reason: 'flaky backend' }),
      );
      await w.consumer.owner.api.expect(200, w.consumer.owner.api.post(`/orders/${placed}/retry`));
      await until(
        () => states().some((order) => order.state === 'erred') && states().at(-1)!.state === 'executing',
        'retried order',
      );
      await until(() => erred.stdout.includes(placed), 'erred order in --status erred');
    } finally {
      json.child.kill('SIGINT');
      erred.child.kill('SIGINT');
    }
    const seen = states();
    const moves = seen.map((order) => order.state).filter((state, i, all) => state !== all[i - 1]);
    expect(moves).toEqual(['executing', 'erred', 'executing']);
    expect(seen.find((order) => order.state === 'erred')!.reason).toBe('flaky backend');
    expect(erred.stdout.split('\n').filter((line) => line.includes(placed))).toEqual([`order/${placed}`]);
    expect(json.stderr + erred.stderr).toBe('');
  });
});
