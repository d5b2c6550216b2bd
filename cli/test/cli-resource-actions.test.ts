/**
 * `mercato pause|resume|restart RESOURCE` against the real server (issue 10): each places its
 * order as the person running it (approved as updates are), finds the resource by name within
 * `--project`, by id or as `resource/<name>`, and prints the order in one line or as `-o` asks;
 * the server's refusals (a plugin that cannot do it, a resource in no state to) come back in the
 * command's terms. `get resources` shows a Paused resource; `describe resource` what its plugin
 * reported (`backend_state`) and when it was last pulled (`pulled_at`).
 */
import YAML from 'yaml';
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type Actor, type World } from '@mercato/test-support/world';
import { runMercato } from './support/run-cli';

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A plugin that says what it did in its backend state, and carries out pause and resume but not restart. */
const POWER_PLUGIN = {
  type: 'power',
  description: 'Test plugin: reports the power state of what it grants; pauses and resumes, cannot restart.',
  actions: ['pause' as const, 'resume' as const],
  provision: async ({ order }: { order: { type: string } }) => ({
    status: 'done' as const,
    state: { power: order.type === 'pause' ? 'off' : 'on', last_order: order.type },
  }),
};

describe('mercato pause, resume and restart (sqlite)', () => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let project: string;
  let power: { id: string; slug: string; plan: { id: string } };
  const as = (actor: Actor, args: string[]) => runMercato(args, server.url, actor.token);
  /** The order id in `order/<id> created: ...`. */
  const idIn = (line: string) =>
    new RegExp(`^order/(${ID}) created`).exec(line)?.[1] ?? `no order id in ${JSON.stringify(line)}`;

  /** A resource of the offering, ordered through the API as the project's manager and approved by the provider; answers its id. */
  async function resource(offering: { id: string; plan: { id: string } }, name: string): Promise<string> {
    const api = w.consumer.manager.api;
    const order = await api.expect(
      201,
      api.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name,
        attributes: { instance_type: 'general-purpose' },
      }),
    );
    if (order.state === 'pending-provider')
      await w.serviceManager.api.expect(200, w.serviceManager.api.post(`/orders/${order.id}/approve`));
    expect((await waitForOrder(admin, order.id)).state).toBe('done');
    return order.resource_id as string;
  }

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { pollIntervalMs: 50 } });
    server.app.plugins.register(POWER_PLUGIN);
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'clia');
    project = w.consumer.project.name;
    const api = w.serviceManager.api;
    const offering = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name: 'Powered VM',
        type: 'power',
        status: 'active',
        auto_approve: true,
      }),
    );
    await api.expect(201, api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0' }));
    const plan = await api.expect(
      201,
      api.post('/plans', { offering_id: offering.id, name: 'one', unit: 'month', prices: {} }),
    );
    power = { ...offering, plan };
  });
  afterAll(() => server.close());

  test('pause by name in a project, resume as resource/<name>, restart by id; get resources shows Paused', async () => {
    const id = await resource(w.autoApproved, 'lic-a');
    const paused = await as(w.consumer.manager, ['pause', 'lic-a', '--project', project]);
    expect([paused.code, paused.stderr]).toEqual([0, '']);
    const pause = idIn(paused.stdout);
    expect(paused.stdout).toMatch(
      new RegExp(`^order/${pause} created: pause of resource lic-a; state (executing|done)(; awaiting .*)?\\n$`),
    );
    expect(await admin.expect(200, admin.get(`/orders/${pause}`))).toMatchObject({ type: 'pause', resource_id: id });
    expect((await waitForOrder(admin, pause)).state).toBe('done');

    const listed = await as(w.consumer.manager, ['get', 'resources', '--project', project]);
    const row = listed.stdout.split('\n').find((line) => line.startsWith(id))!;
    expect(row.split(/\s{3,}/).slice(1, 3)).toEqual(['lic-a', 'Paused']);
    const onlyPaused = await as(w.consumer.manager, ['get', 'resources', '--status', 'paused', '-o', 'name']);
    expect(onlyPaused.stdout).toBe('resource/lic-a\n');

    const again = await as(w.consumer.manager, ['pause', 'lic-a']);
    expect([again.code, again.stdout, again.stderr]).toEqual([
      1,
      '',
      'error: Conflict (409): <resource>: resource lic-a is Paused; a pause order needs it OK\n',
    ]);

    const resumed = await as(w.consumer.manager, ['resume', 'resource/lic-a', '-o', 'json']);
    expect(resumed.code).toBe(0);
    const resume = JSON.parse(resumed.stdout);
    expect(resume).toMatchObject({ type: 'resume', resource_id: id });
    expect((await waitForOrder(admin, resume.id)).state).toBe('done');

    const restarted = await as(w.consumer.manager, ['restart', id, '-o', 'name']);
    expect([restarted.code, restarted.stderr]).toEqual([0, '']);
    expect(restarted.stdout).toMatch(new RegExp(`^order/${ID}\\n$`));
    const restart = restarted.stdout.trim().slice('order/'.length);
    expect(await waitForOrder(admin, restart)).toMatchObject({ type: 'restart', state: 'done' });
    expect((await admin.expect(200, admin.get(`/resources/${id}`))).state).toBe('OK');
  });

  test('a pause is approved as an update is: a project member places it, a manager and the provider approve it', async () => {
    const id = await resource(w.allocation, 'quota-b');
    const placed = await as(w.consumer.member, ['pause', 'quota-b', '--project', project]);
    const order = idIn(placed.stdout);
    expect(placed.stdout).toBe(
      `order/${order} created: pause of resource quota-b; state pending-consumer; awaiting consumer approval: a manager of project ${w.consumer.project.id} or an owner of its organization\n`,
    );
    await as(w.consumer.manager, ['order', 'approve', order]);
    await as(w.serviceManager, ['order', 'approve', order]);
    expect((await waitForOrder(admin, order)).state).toBe('done');
    expect((await admin.expect(200, admin.get(`/resources/${id}`))).state).toBe('Paused');
  });

  test('describe resource shows what the plugin reported (backend_state) and pulled_at; an action the plugin lacks is refused, naming it', async () => {
    const id = await resource(power, 'powered');
    const paused = await as(w.consumer.manager, ['pause', 'powered', '--project', project]);
    expect((await waitForOrder(admin, idIn(paused.stdout))).state).toBe('done');

    const described = await as(w.consumer.manager, ['describe', 'resource', 'powered']);
    expect([described.code, described.stderr]).toEqual([0, '']);
    expect(YAML.parse(described.stdout)).toMatchObject({
      id,
      state: 'Paused',
      backend_state: { power: 'off', last_order: 'pause' },
      pulled_at: null,
    });
    const json = JSON.parse((await as(w.consumer.manager, ['describe', 'resource', id, '-o', 'json'])).stdout);
    expect(json).toMatchObject({ backend_state: { power: 'off' }, pulled_at: null });

    const resumed = await as(w.consumer.manager, ['resume', 'powered']);
    expect((await waitForOrder(admin, idIn(resumed.stdout))).state).toBe('done');
    const restart = await as(w.consumer.manager, ['restart', 'powered']);
    expect([restart.code, restart.stdout]).toEqual([1, '']);
    expect(restart.stderr).toBe(
      `error: Unprocessable Entity (422): restart: offering ${power.slug} (plugin power) cannot restart its resources; its plugin carries out pause, resume\n`,
    );
    const orders = (await admin.expect(200, admin.get(`/orders?resource_id=${id}`))).items as { type: string }[];
    expect(orders.map((o) => o.type)).toEqual(['create', 'pause', 'resume']);
  });

  test('a resource that is not there, or a missing argument, is said in one line; nothing is placed', async () => {
    const before = (await admin.expect(200, admin.get('/orders?limit=500'))).items.length;
    const runs = await Promise.all([
      as(w.consumer.manager, ['pause', 'no-such-resource', '--project', project]),
      as(w.consumer.manager, ['resume']),
      as(w.consumer.manager, ['restart', 'lic-a', '--project', 'no such project']),
    ]);
    expect(runs.map((run) => [run.code, run.stdout, run.stderr.trimEnd()])).toEqual([
      [1, '', expect.stringMatching(/^error: no resource "no-such-resource" in project consumer project; known: /)],
      [1, '', "error: missing required argument 'resource'\n(add --help for the usage)"],
      [1, '', `error: no project "no such project"; known: ${project}`],
    ]);
    expect((await admin.expect(200, admin.get('/orders?limit=500'))).items).toHaveLength(before);
  });
});
