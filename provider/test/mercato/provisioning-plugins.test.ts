/**
 * The provisioning plugins that create real things (issue 10), through the real Terraform CLI, the
 * real server and real backends: a `script` offering whose commands keep VMs in files, a
 * `postgresql` offering on a real PostgreSQL cluster, and a `webhook` offering whose site agent
 * (built on @mercato/agent-sdk, listening on a free port) keeps VMs in memory. For each: create (outputs and secret outputs
 * in Terraform), update, pause and resume (`paused`), a change on the backend seen as drift after
 * the server pulls it, a backend that lost the resource planned for replacement, destroy.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startPostgres, type PostgresCluster } from '@mercato/test-support/postgres';
import { makeWorld, type World } from '@mercato/test-support/world';
import { createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { eventually, expectNoChanges, TERRAFORM, type Workspace } from '../support/terraform';
import { checkDrift } from '../../src/drift/drift';
import { createAgent, type Agent, type OrderEvent } from '@mercato/agent-sdk';

let h: MercatoHarness;
let w: World;

beforeAll(async () => {
  h = await createMercatoHarness({ server: { worker: { pollIntervalMs: 50, pullIntervalMs: 300 } } });
  w = await makeWorld(h.admin, 'plugins');
});
afterAll(() => h?.close());

/** An active, auto-approved offering of a plugin, with one version of `schema` and one plan. */
async function publish(type: string, options: object, schema: object) {
  const api = w.serviceManager.api;
  const offering = await api.expect(
    201,
    api.post('/offerings', {
      organization_id: w.provider.id,
      category_id: w.category.id,
      name: `${type} offering`,
      type,
      auto_approve: true,
      ...options,
    }),
  );
  await api.expect(
    201,
    api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0', options_schema: schema }),
  );
  const plan = await api.expect(
    201,
    api.post('/plans', { offering_id: offering.id, name: 'one', unit: 'month', prices: {} }),
  );
  await api.expect(200, api.patch(`/offerings/${offering.id}`, { status: 'active' }));
  return { id: offering.id as string, plan: plan.id as string };
}

const resourceState = async (id: string) =>
  (await h.admin.expect(200, h.admin.get(`/resources/${id}`))).state as string;

/** `mercato_resource.r` of the offering with these attributes and `paused`, its outputs as Terraform outputs. */
function config(offering: { id: string; plan: string }, attributes: string, paused: boolean) {
  return `provider "mercato" {}
resource "mercato_resource" "r" {
  project_id  = "${w.consumer.project.id}"
  offering_id = "${offering.id}"
  plan_id     = "${offering.plan}"
  name        = "plugin-resource"
  attributes  = ${attributes}
  paused      = ${paused}
}
output "outputs" {
  value = mercato_resource.r.outputs
}
output "secret_outputs" {
  value     = mercato_resource.r.secret_outputs
  sensitive = true
}
`;
}

/** The drift `mercato drift` reports for the workspace: each changed attribute path of mercato_resource.r. */
async function driftedPaths(ws: Workspace): Promise<string[]> {
  const drift = await checkDrift({ dir: ws.dir, terraform: TERRAFORM }, ws.env);
  return drift.resources.flatMap((r) => r.attributes.map((a) => a.path));
}

describe('script: commands that keep VMs in files', () => {
  let backend: string;
  let offering: { id: string; plan: string };
  let ws: Workspace;
  let id: string;
  const file = () => join(backend, `${id}.json`);
  const vm = () => JSON.parse(readFileSync(file(), 'utf8'));

  beforeAll(async () => {
    backend = mkdtempSync(join(tmpdir(), 'script-backend-'));
    const script = join(backend, 'vm.js');
    // One command per verb: the order on stdin, one JSON object on stdout.
    writeFileSync(
      script,
      `const fs = require('node:fs');
const [verb, dir] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const file = dir + '/' + job.resource.id + '.json';
const read = () => JSON.parse(fs.readFileSync(file, 'utf8'));
const write = (vm) => fs.writeFileSync(file, JSON.stringify(vm));
const report = (vm) => ({ outputs: { ip: vm.ip }, state: { size: vm.size, power: vm.power } });
let answer = {};
if (verb === 'create') {
  const vm = { ip: '10.0.0.7', size: job.order.attributes.size, power: 'on' };
  write(vm);
  answer = { backend_id: 'vm-' + job.resource.id, secret_outputs: { root_password: 'pw-' + job.resource.id }, ...report(vm) };
} else if (verb === 'terminate') {
  fs.rmSync(file, { force: true });
} else if (verb === 'pull') {
  answer = fs.existsSync(file) ? report(read()) : { missing: true, reason: 'no VM file ' + job.resource.id };
} else {
  const vm = read();
  if (verb === 'update') vm.size = job.order.attributes.size;
  if (verb === 'pause') vm.power = 'off';
  if (verb === 'resume') vm.power = 'on';
  write(vm);
  answer = report(vm);
}
process.stdout.write(JSON.stringify(answer));
`,
    );
    const command = (verb: string) => [process.execPath, script, verb, backend];
    const verbs = ['create', 'update', 'terminate', 'pull', 'pause', 'resume'];
    offering = await publish(
      'script',
      { plugin_options: Object.fromEntries(verbs.map((verb) => [verb, command(verb)])) },
      { type: 'object', properties: { size: { type: 'integer', minimum: 1 } }, required: ['size'] },
    );
  });
  afterAll(() => rmSync(backend, { recursive: true, force: true }));

  test('create: the VM exists, its outputs and secret outputs are in Terraform', async () => {
    ws = h.workspace('script', config(offering, '{ size = 1 }', false));
    await ws.apply();
    id = ws.resources()['mercato_resource.r'].values.id as string;
    expect(vm()).toEqual({ ip: '10.0.0.7', size: 1, power: 'on' });
    expect(await ws.outputValues()).toEqual({
      outputs: { ip: '10.0.0.7' },
      secret_outputs: { root_password: `pw-${id}` },
    });
    expect(ws.resources()['mercato_resource.r'].values).toMatchObject({
      backend_id: `vm-${id}`,
      backend_state: { value: { size: 1, power: 'on' } }, // a dynamic value, stored with its type
    });
    expectNoChanges(await ws.plan());
  });

  test('update and pause/resume run their commands', async () => {
    ws.write(config(offering, '{ size = 2 }', false));
    await ws.apply();
    expect(vm().size).toBe(2);
    ws.write(config(offering, '{ size = 2 }', true));
    await ws.apply();
    expect([vm().power, await resourceState(id)]).toEqual(['off', 'Paused']);
    ws.write(config(offering, '{ size = 2 }', false));
    await ws.apply();
    expect([vm().power, await resourceState(id)]).toEqual(['on', 'OK']);
    expectNoChanges(await ws.plan());
  });

  test('a change on the backend is pulled and shows as drift; a lost VM is planned for replacement', async () => {
    writeFileSync(file(), JSON.stringify({ ...vm(), ip: '10.0.0.8' }));
    await eventually('the pulled ip', async () => {
      const resource = await h.admin.expect(200, h.admin.get(`/resources/${id}`));
      return resource.outputs.ip === '10.0.0.8' || undefined;
    });
    expect(await driftedPaths(ws)).toEqual(expect.arrayContaining([expect.stringMatching(/^outputs/)]));
    await ws.apply(['-refresh-only']);
    expect((await ws.outputValues()).outputs).toEqual({ ip: '10.0.0.8' });

    rmSync(file());
    await eventually('the resource Erred', async () => ((await resourceState(id)) === 'Erred' ? true : undefined));
    const plan = await ws.savedPlan();
    expect(plan.change!('mercato_resource.r')!.actions).toEqual(['delete', 'create']);
    await ws.applySaved();
    id = ws.resources()['mercato_resource.r'].values.id as string;
    expect(vm()).toMatchObject({ size: 2, power: 'on' });
  });

  test('destroy runs terminate: the VM is gone', async () => {
    await ws.destroy();
    expect(existsSync(file())).toBe(false);
    expect(await resourceState(id)).toBe('Terminated');
  });
});

describe('postgresql: databases on a real cluster', () => {
  let cluster: PostgresCluster;
  let offering: { id: string; plan: string };
  let ws: Workspace;
  let id: string;

  const superuser = async <T>(work: (client: Client) => Promise<T>) => {
    const client = new Client({ connectionString: cluster.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  /** Connects with what Terraform has of the resource, as its consumer would. */
  async function connect() {
    const { outputs, secret_outputs: secrets } = (await ws.outputValues()) as {
      outputs: { host: string; port: number; database: string; username: string };
      secret_outputs: { password: string };
    };
    const client = new Client({
      ...outputs,
      port: Number(outputs.port),
      user: outputs.username,
      password: secrets.password,
    });
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  beforeAll(async () => {
    cluster = await startPostgres({ password: 'superuser-secret' });
    offering = await publish(
      'postgresql',
      { secret_options: { admin_url: cluster.url } },
      { type: 'object', properties: { connection_limit: { type: 'integer', minimum: 1 } } },
    );
  });
  afterAll(() => cluster?.stop());

  test('create: a database Terraform connects to with the secret outputs', async () => {
    ws = h.workspace('postgresql', config(offering, '{ connection_limit = 5 }', false));
    await ws.apply();
    id = ws.resources()['mercato_resource.r'].values.id as string;
    const client = await connect();
    await client.query('CREATE TABLE notes (body text)');
    await client.query("INSERT INTO notes VALUES ('kept')");
    expect((await client.query('SELECT body FROM notes')).rows).toEqual([{ body: 'kept' }]);
    await client.end();
    expectNoChanges(await ws.plan());
  });

  test('update changes the connection limit; paused refuses connections, resumed lets them in', async () => {
    ws.write(config(offering, '{ connection_limit = 7 }', false));
    await ws.apply();
    const database = ((await ws.outputValues()).outputs as { database: string }).database;
    const limit = await superuser((c) =>
      c.query('SELECT datconnlimit FROM pg_database WHERE datname = $1', [database]),
    );
    expect(limit.rows).toEqual([{ datconnlimit: 7 }]);

    ws.write(config(offering, '{ connection_limit = 7 }', true));
    await ws.apply();
    await expect(connect()).rejects.toThrow();
    ws.write(config(offering, '{ connection_limit = 7 }', false));
    await ws.apply();
    const client = await connect();
    expect((await client.query('SELECT count(*)::int AS n FROM notes')).rows).toEqual([{ n: 1 }]);
    await client.end();
  });

  test('a database dropped behind Mercato makes the resource Erred, planned for replacement; destroy drops it', async () => {
    const database = ((await ws.outputValues()).outputs as { database: string }).database;
    await superuser((c) => c.query(`DROP DATABASE "${database}" WITH (FORCE)`));
    await eventually('the resource Erred', async () => ((await resourceState(id)) === 'Erred' ? true : undefined));
    const plan = await ws.savedPlan();
    expect(plan.change!('mercato_resource.r')!.actions).toEqual(['delete', 'create']);
    await ws.applySaved();
    const client = await connect();
    await client.end();

    const { database: again, username } = (await ws.outputValues()).outputs as { database: string; username: string };
    await ws.destroy();
    const left = await superuser((c) =>
      c.query(
        'SELECT (SELECT count(*)::int FROM pg_database WHERE datname = $1) + (SELECT count(*)::int FROM pg_roles WHERE rolname = $2) AS n',
        [again, username],
      ),
    );
    expect(left.rows).toEqual([{ n: 0 }]);
  });
});

describe('webhook: a site agent that keeps VMs in memory', () => {
  const SIGNING_SECRET = 'a-signing-secret-of-the-test-agent';
  const vms = new Map<string, { ip: string; size: number; power: string }>();
  let agent: Agent;
  let offering: { id: string; plan: string };
  let ws: Workspace;
  let id: string;
  const report = (vm: { ip: string; size: number; power: string }) => ({
    outputs: { ip: vm.ip },
    state: { size: vm.size, power: vm.power },
  });
  const vmOf = (event: OrderEvent) => vms.get(event.resource.id)!;

  beforeAll(async () => {
    agent = createAgent({
      endpoint: h.url,
      token: w.serviceManager.token,
      signingSecret: SIGNING_SECRET,
      log: () => undefined,
      handlers: {
        create: async (event) => {
          const vm = { ip: '10.1.0.7', size: event.order.attributes.size as number, power: 'on' };
          vms.set(event.resource.id, vm);
          return {
            backend_id: `agent-${event.resource.id}`,
            secret_outputs: { root_password: 'agent-pw' },
            ...report(vm),
          };
        },
        update: async (event) => report(Object.assign(vmOf(event), { size: event.order.attributes.size as number })),
        pause: async (event) => report(Object.assign(vmOf(event), { power: 'off' })),
        resume: async (event) => report(Object.assign(vmOf(event), { power: 'on' })),
        terminate: async (event) => {
          vms.delete(event.resource.id);
        },
        pull: async (event) => {
          const vm = vms.get(event.resource.id);
          return vm ? report(vm) : { missing: true, reason: `no VM ${event.resource.id} on the site` };
        },
      },
    });
    const url = await agent.listen(0);
    offering = await publish(
      'webhook',
      { plugin_options: { url }, secret_options: { signing_secret: SIGNING_SECRET } },
      { type: 'object', properties: { size: { type: 'integer', minimum: 1 } }, required: ['size'] },
    );
  });
  afterAll(() => agent?.close());

  test('create, update, pause and resume go through the agent; its outputs are in Terraform', async () => {
    ws = h.workspace('webhook', config(offering, '{ size = 1 }', false));
    await ws.apply();
    id = ws.resources()['mercato_resource.r'].values.id as string;
    expect(await ws.outputValues()).toEqual({
      outputs: { ip: '10.1.0.7' },
      secret_outputs: { root_password: 'agent-pw' },
    });
    ws.write(config(offering, '{ size = 3 }', true));
    await ws.apply();
    expect([vms.get(id), await resourceState(id)]).toEqual([{ ip: '10.1.0.7', size: 3, power: 'off' }, 'Paused']);
    ws.write(config(offering, '{ size = 3 }', false));
    await ws.apply();
    expect([vms.get(id)!.power, await resourceState(id)]).toEqual(['on', 'OK']);
    expectNoChanges(await ws.plan());
  });

  test('a change on the site is pulled and shows as drift; a lost VM is replaced; destroy terminates', async () => {
    vms.get(id)!.ip = '10.1.0.8';
    await eventually('the pulled ip', async () => {
      const resource = await h.admin.expect(200, h.admin.get(`/resources/${id}`));
      return resource.outputs.ip === '10.1.0.8' || undefined;
    });
    expect(await driftedPaths(ws)).toEqual(expect.arrayContaining([expect.stringMatching(/^outputs/)]));

    vms.delete(id);
    await eventually('the resource Erred', async () => ((await resourceState(id)) === 'Erred' ? true : undefined));
    const plan = await ws.savedPlan();
    expect(plan.change!('mercato_resource.r')!.actions).toEqual(['delete', 'create']);
    await ws.applySaved();
    id = ws.resources()['mercato_resource.r'].values.id as string;
    expect(vms.get(id)).toMatchObject({ size: 3, power: 'on' });
    await ws.destroy();
    expect([vms.has(id), await resourceState(id)]).toEqual([false, 'Terminated']);
  });
});
