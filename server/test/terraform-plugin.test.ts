/**
 * The `terraform` plugin against the real server over HTTPS and the real Terraform CLI, on both
 * databases: a module published to Mercato's registry (private, `terraform_data` resources, a
 * sensitive input, a sensitive output, a `local-exec` provisioner) offered as a `terraform`
 * offering and ordered through the API. Create applies it (outputs, secret outputs, the state
 * `resource-<id>` holding the module's resources), an update re-applies and upgrades the module
 * to the order's version, a failing run errs with Terraform's own message, terminate destroys.
 * The sensitive input is in no API answer, event, request log line or run log; run tokens are
 * gone after each run, and a project manager cannot write or lock the resource's state.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import type { PlanSummary, ProvisioningOutcome, ProvisioningPlugin } from '../src/provisioning/plugin';
import { issueRunToken } from '../src/provisioning/plugins/terraform/run-token';
import { namespaceOf, offerModule, publishModule } from './support/terraform-offerings';

/** The sensitive input's value: it must appear nowhere but in Terraform's own inputs. */
const PASSWORD = 'Sensitive-Input-Value-7319';

/** A module of two `terraform_data` resources; `revision` tells the versions apart. */
const greeter = (revision: string) => ({
  'main.tf': `
variable "name" {
  type        = string
  description = "What to greet"
}

variable "password" {
  type      = string
  sensitive = true
}

variable "greeting" {
  type    = string
  default = "hello"
}

resource "terraform_data" "this" {
  input = "\${var.greeting} \${var.name}"
}

# Replaced when the name changes: its provisioner runs then, and fails for "explode".
resource "terraform_data" "guard" {
  triggers_replace = var.name

  provisioner "local-exec" {
    command = "test '\${var.name}' != explode || { echo 'the module refused to explode with \${nonsensitive(var.password)}' >&2; exit 3; }"
  }

  # Prints the sensitive input, which Terraform cannot know to hide: the run log must mask it.
  provisioner "local-exec" {
    command = "echo 'the password is \${nonsensitive(var.password)}'"
  }
}

resource "terraform_data" "secret" {
  input = sha256(var.password)
}

output "message" {
  value = "\${terraform_data.this.output} (${revision})"
}

output "password_hash" {
  value     = terraform_data.secret.output
  sensitive = true
}
`,
  'README.md': '# Greeter\n\nGreets, for tests.\n',
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the plugin wrote to the runs' logs, and the outcomes it returned, by order id. */
interface Recorded {
  logs: Array<{ order: string; step: string; text: string }>;
  outcomes: Map<string, ProvisioningOutcome>;
}

/**
 * Gives every job of the server's own terraform plugin a run log that records what is written
 * (the worker's log store is another part's), and records each outcome.
 */
function recordRuns(server: TestServer): Recorded {
  const recorded: Recorded = { logs: [], outcomes: new Map() };
  const plugin = server.app.plugins.get('terraform') as ProvisioningPlugin;
  const provision = plugin.provision.bind(plugin);
  plugin.provision = async (job, signal, handOver) => {
    const log = {
      write: async (step: string, text: string) => void recorded.logs.push({ order: job.order.id, step, text }),
    };
    const outcome = await provision({ ...job, log }, signal, handOver);
    recorded.outcomes.set(job.order.id, outcome);
    return outcome;
  };
  return recorded;
}

/** Request log lines, as the server's logger writes them. */
function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

describe.each(DATABASE_KINDS)('terraform plugin (%s)', (kind) => {
  let server: TestServer;
  let admin: Api;
  let world: World;
  let recorded: Recorded;
  let namespace: string;
  let offering: { id: string; plan: { id: string } };
  const requestLog = logCapture();
  /** Every API answer the tests read, to look for the sensitive input in. */
  const answers: unknown[] = [];

  const expectAnswer = async (api: Api, status: number, call: ReturnType<Api['get']>): Promise<any> => {
    const body = await api.expect(status, call);
    answers.push(body);
    return body;
  };

  const order = (body: Record<string, unknown>) =>
    expectAnswer(world.consumer.manager.api, 201, world.consumer.manager.api.post('/orders', body));

  const finished = async (orderId: string) => {
    const done = await waitForOrder(admin, orderId, undefined, 90000);
    answers.push(done);
    return done;
  };

  const stateVersion = async (projectId: string, name: string) => {
    const versions = await admin.expect(200, admin.get(`/projects/${projectId}/terraform-states/${name}/versions`));
    const latest = versions.items[versions.items.length - 1];
    return admin.expect(200, admin.get(`/projects/${projectId}/terraform-states/${name}/versions/${latest.number}`));
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { https: true, logger: requestLog.logger, worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    world = await makeWorld(admin, `tf${kind}`);
    recorded = recordRuns(server);
    namespace = await namespaceOf(admin, world);
    const address = `${namespace}/greeter/local`;
    await publishModule(server, world, address, '1.0.0', greeter('v1.0.0'));
    await publishModule(server, world, address, '1.1.0', greeter('v1.1.0'));
    offering = await offerModule(world, `Greeter ${kind}`, address);
  });
  afterAll(() => server.close());

  let resourceId: string;
  const projectId = () => world.consumer.project.id;

  test('a create order applies the module: done with its outputs, the state resource-<id> holds its resources', async () => {
    const placed = await order({
      type: 'create',
      project_id: projectId(),
      offering_id: offering.id,
      plan_id: offering.plan.id,
      version: '1.0.0',
      name: 'greeter',
      attributes: { name: 'alpha', password: PASSWORD },
    });
    const done = await finished(placed.id);
    expect([done.state, done.reason]).toEqual(['done', '']);
    resourceId = done.resource_id;
    const resource = await expectAnswer(admin, 200, admin.get(`/resources/${resourceId}`));
    expect(resource).toMatchObject({
      state: 'OK',
      backend_id: `resource-${resourceId}`,
      outputs: { message: 'hello alpha (v1.0.0)' },
      secret_outputs: { password_hash: sha256(PASSWORD) },
      backend_state: {
        module: `${namespace}/greeter/local`,
        module_version: '1.0.0',
        resources: [
          'module.main.terraform_data.guard',
          'module.main.terraform_data.secret',
          'module.main.terraform_data.this',
        ],
      },
    });
    const outcome = recorded.outcomes.get(placed.id) as { plan: PlanSummary };
    expect(outcome.plan).toEqual({
      add: 3,
      change: 0,
      destroy: 0,
      resource_changes: [
        { address: 'module.main.terraform_data.guard', actions: ['create'] },
        { address: 'module.main.terraform_data.secret', actions: ['create'] },
        { address: 'module.main.terraform_data.this', actions: ['create'] },
      ],
      output_changes: ['message', 'password_hash'],
    });
    const version = await stateVersion(projectId(), `resource-${resourceId}`);
    expect(version.resources.map((r: { address: string }) => r.address).sort()).toEqual([
      'module.main.terraform_data.guard',
      'module.main.terraform_data.secret',
      'module.main.terraform_data.this',
    ]);
    const steps = recorded.logs.filter((l) => l.order === placed.id).map((l) => l.step);
    expect([...new Set(steps)]).toEqual(['init', 'apply']);
    const applyLog = recorded.logs.find((l) => l.order === placed.id && l.step === 'apply')!.text;
    expect(applyLog).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    expect(applyLog).toContain('the password is ********');
  });

  test('people, project managers and staff too, cannot write or lock the resource state; they read its outputs only and may force-unlock it', async () => {
    const address = `${server.url}/api/v1/projects/${projectId()}/terraform-states/resource-${resourceId}`;
    const basic = (token: string) => `Basic ${Buffer.from(`user:${token}`).toString('base64')}`;
    const call = (token: string, method: string, body?: string) =>
      fetch(address, { method, headers: { authorization: basic(token) }, body });
    for (const token of [world.consumer.manager.token, world.consumer.owner.token, server.adminToken]) {
      const read = await call(token, 'GET');
      expect(read.status).toBe(200);
      const state = (await read.json()) as any;
      expect(state.resources).toEqual([]);
      expect(JSON.stringify(state)).not.toContain(PASSWORD);
      expect(state.outputs).toEqual({ message: { value: 'hello alpha (v1.0.0)', type: 'string' } });
      const write = await call(token, 'POST', JSON.stringify({ version: 4, serial: 99, lineage: 'x', resources: [] }));
      expect(write.status).toBe(403);
      expect(((await write.json()) as any).detail).toContain(`belongs to resource ${resourceId}`);
      const lock = await call(token, 'LOCK', JSON.stringify({ ID: 'x', Operation: 'OperationTypeApply' }));
      expect(lock.status).toBe(403);
      // terraform force-unlock (an UNLOCK without body) stays possible: a crashed run's lock would block the resource.
      expect((await call(token, 'UNLOCK')).status).toBe(200);
    }
    const member = await call(world.consumer.member.token, 'UNLOCK');
    expect(member.status).toBe(403);
  });

  test("a run token installs only its offering's module and uses only its resource's state; nothing else", async () => {
    const other = `${namespace}/other/local`;
    await publishModule(server, world, other, '1.0.0', { 'main.tf': 'output "x" { value = 1 }\n' });
    const module = await server.app.db
      .selectFrom('modules')
      .select('id')
      .where('name', '=', 'greeter')
      .executeTakeFirstOrThrow();
    const run = await issueRunToken(server.app.db, {
      orderId: null,
      resourceId,
      projectId: projectId(),
      stateName: `resource-${resourceId}`,
      moduleId: module.id,
      userId: world.consumer.manager.id,
      lifetimeSeconds: 60,
    });
    const basic = `Basic ${Buffer.from(`terraform-run:${run.token}`).toString('base64')}`;
    const as = (path: string, method = 'GET', authorization = `Bearer ${run.token}`) =>
      fetch(`${server.url}${path}`, { method, headers: { authorization } });
    const state = `/api/v1/projects/${projectId()}/terraform-states`;
    const full = await as(`${state}/resource-${resourceId}`, 'GET', basic);
    expect(full.status).toBe(200);
    expect(((await full.json()) as any).resources.length).toBe(3);
    expect((await as(`/v1/modules/${namespace}/greeter/local/versions`)).status).toBe(200);
    expect((await as(`/v1/modules/${namespace}/greeter/local/1.0.0/download`)).status).toBe(204);
    // Another private module of the same namespace: as if anonymous.
    expect((await as(`/v1/modules/${other}/versions`)).status).toBe(401);
    expect((await as(`${state}/another`, 'GET', basic)).status).toBe(403);
    expect(
      (await as(`/api/v1/projects/${world.other.project.id}/terraform-states/resource-${resourceId}`)).status,
    ).toBe(403);
    for (const [path, method] of [
      ['/api/v1/projects', 'GET'],
      [`/api/v1/resources/${resourceId}`, 'GET'],
      [`/api/v1/users/${world.consumer.manager.id}/tokens`, 'POST'],
      ['/api/v1/organizations', 'POST'],
    ]) {
      const refused = await as(path, method);
      expect([path, refused.status]).toEqual([path, 403]);
    }
    await run.revoke();
    expect((await as(`${state}/resource-${resourceId}`, 'GET', basic)).status).toBe(401);
  });

  test('plan() previews an order without changing anything: the summary, no new state version, no lock', async () => {
    const plugin = server.app.plugins.get('terraform')!;
    const resource = await admin.expect(200, admin.get(`/resources/${resourceId}`));
    const before = await stateVersion(projectId(), `resource-${resourceId}`);
    const logs: string[] = [];
    const summary = await plugin.plan!(
      {
        order: {
          id: 'preview',
          type: 'update',
          attributes: { name: 'gamma', password: PASSWORD },
          limits: {},
          plan_id: offering.plan.id,
          version: '1.0.0',
          attempts: 0,
        },
        resource: { ...resource, attributes: { name: 'alpha', password: PASSWORD }, backend_state: {} },
        offering: {
          id: offering.id,
          slug: '',
          plugin_options: { module: `${namespace}/greeter/local` },
          secret_options: {},
        },
        log: { write: async (_step, text) => void logs.push(text) },
      },
      new AbortController().signal,
    );
    expect(summary).toEqual({
      add: 1,
      change: 1,
      destroy: 1,
      resource_changes: [
        { address: 'module.main.terraform_data.guard', actions: ['delete', 'create'] },
        { address: 'module.main.terraform_data.this', actions: ['update'] },
      ],
      output_changes: ['message'],
    });
    expect(logs.join('')).toContain('Plan: 1 to add, 1 to change, 1 to destroy.');
    const after = await stateVersion(projectId(), `resource-${resourceId}`);
    expect(after.number).toBe(before.number);
    const listed = await admin.expect(
      200,
      admin.get(`/projects/${projectId()}/terraform-states?name=resource-${resourceId}`),
    );
    expect(listed.items[0].lock).toBeNull();
  });

  test('an update re-plans and applies; a new version upgrades the module', async () => {
    const placed = await order({
      type: 'update',
      resource_id: resourceId,
      version: '1.1.0',
      attributes: { name: 'beta', password: PASSWORD, greeting: 'hi' },
    });
    const done = await finished(placed.id);
    expect([done.state, done.reason]).toEqual(['done', '']);
    const resource = await expectAnswer(admin, 200, admin.get(`/resources/${resourceId}`));
    expect(resource).toMatchObject({
      outputs: { message: 'hi beta (v1.1.0)' },
      backend_state: { module_version: '1.1.0' },
    });
    const outcome = recorded.outcomes.get(placed.id) as { plan: PlanSummary };
    expect(outcome.plan).toMatchObject({
      add: 1,
      change: 1,
      destroy: 1,
      resource_changes: [
        { address: 'module.main.terraform_data.guard', actions: ['delete', 'create'] },
        { address: 'module.main.terraform_data.this', actions: ['update'] },
      ],
      output_changes: ['message'],
    });
  });

  test("a failing run errs with Terraform's own message", async () => {
    const placed = await order({
      type: 'update',
      resource_id: resourceId,
      attributes: { name: 'explode', password: PASSWORD },
    });
    const erred = await finished(placed.id);
    expect(erred.state).toBe('erred');
    expect(erred.reason).toContain('terraform apply failed: local-exec provisioner error');
    expect(erred.reason).toContain('the module refused to explode with ********');
    expect((recorded.outcomes.get(placed.id) as { plan: PlanSummary }).plan).toMatchObject({ add: 1, destroy: 1 });
  });

  test('terminate destroys the module: the state has no resources left', async () => {
    const placed = await order({ type: 'terminate', resource_id: resourceId });
    const done = await finished(placed.id);
    expect([done.state, done.reason]).toEqual(['done', '']);
    const resource = await expectAnswer(admin, 200, admin.get(`/resources/${resourceId}`));
    expect(resource).toMatchObject({ state: 'Terminated' });
    const version = await stateVersion(projectId(), `resource-${resourceId}`);
    expect(version.resources).toEqual([]);
    const destroyed = recorded.outcomes.get(placed.id) as { plan: PlanSummary };
    expect(destroyed.plan).toMatchObject({ add: 0, change: 0, destroy: 3 });
  });

  test('the sensitive input is in no API answer, event, request log line or run log; no run token is left', async () => {
    const events = await expectAnswer(admin, 200, admin.get('/events?limit=500'));
    const orders = await expectAnswer(admin, 200, admin.get(`/orders?resource_id=${resourceId}`));
    expect(orders.items.length).toBeGreaterThanOrEqual(4);
    const everything = JSON.stringify([answers, events]);
    expect(everything).not.toContain(PASSWORD);
    expect(requestLog.lines.join('')).not.toContain(PASSWORD);
    const runLog = recorded.logs.map((l) => l.text).join('\n');
    expect(runLog).toContain('module.main.terraform_data.this');
    expect(runLog).not.toContain(PASSWORD);
    expect(runLog).not.toContain(sha256(PASSWORD));
    expect(runLog).not.toMatch(/mcr_/);
    expect(await server.app.db.selectFrom('terraform_run_tokens').selectAll().execute()).toEqual([]);
  });
});
