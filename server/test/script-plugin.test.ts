/**
 * The `script` plugin (issue 10): each order runs the provider's command, without a shell, in a
 * clean environment, with the order as JSON on stdin, and takes its stdout. Real processes: small
 * node scripts written here, run with this node. Failures (exit 1, a hang, bad stdout) make the
 * order erred with the end of stderr, secrets masked; at most max_concurrency run per offering.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, type World } from '@mercato/test-support/world';
import type { PluginOffering, PluginResource, ProvisioningJob, ProvisioningPlugin } from '../src/provisioning/plugin';
import { PluginRegistry } from '../src/provisioning/plugins/registry';
import { allocationPlugin } from '../src/provisioning/plugins/allocation';
import { manualPlugin } from '../src/provisioning/plugins/manual';
import { createScriptPlugin, scriptPlugin } from '../src/provisioning/plugins/script';

const NODE = process.execPath;
const API_KEY = 'sk-live-ScriptSecret-4242';
/** A secret with a quote and a backslash: a script that prints its stdin shows it JSON-escaped. */
const TOKEN = 'tok"en\\quoted-7';
const SECRET_OPTIONS = { api_key: API_KEY, nested: { token: TOKEN } };
const ADMIN_PASSWORD = 'attr-Secret-Pa55word';
const SECRETS = [API_KEY, TOKEN, JSON.stringify(TOKEN).slice(1, -1), ADMIN_PASSWORD];

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['instance_type', 'admin_password'],
  properties: {
    instance_type: { type: 'string', enum: ['general-purpose', 'compute-optimized'] },
    admin_password: { type: 'string', writeOnly: true, minLength: 8 },
  },
};

/** The temp directory of the scripts, and what they record there. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-script-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a node script that has read and parsed its stdin into `input` before `body` runs. */
function script(name: string, body: string): string {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(
    file,
    `const fs = require('fs');\nconst path = require('path');\nconst dir = ${JSON.stringify(dir)};\n` +
      `const input = JSON.parse(fs.readFileSync(0, 'utf8'));\n${body}\n`,
  );
  return file;
}

/** Records what it was given to `<resource id>-<command>.json`, and reports as a small VM backend would. */
const LIFECYCLE = script(
  'lifecycle',
  `
const command = process.argv[2];
fs.writeFileSync(path.join(dir, input.resource.id + '-' + command + '.json'),
  JSON.stringify({ input, argv: process.argv, env: process.env, cwd: process.cwd() }));
const state = input.resource.backend_state;
const attributes = input.order.attributes;
const report = {
  create: {
    backend_id: 'vm-' + input.resource.name,
    outputs: { ip: '10.0.0.1', instance_type: attributes.instance_type },
    secret_outputs: { root_password: 'root-Pw-' + input.resource.name },
    state: { generation: 1 },
  },
  update: { outputs: { ip: '10.0.0.1', instance_type: attributes.instance_type }, state: { ...state, generation: state.generation + 1 } },
  pause: { state: { ...state, paused: true } },
  resume: { state: { ...state, paused: false } },
}[command];
if (report) process.stdout.write(JSON.stringify(report));
`,
);

/** Misbehaves as the resource's name says. */
const TROUBLE = script(
  'trouble',
  `
const { spawn } = require('child_process');
const secrets = 'key ' + input.secret_options.api_key + ' token ' + JSON.stringify(input.secret_options.nested.token) +
  ' admin ' + input.order.attributes.admin_password;
switch (input.resource.name) {
  case 'fail':
    process.stderr.write('x'.repeat(5000) + '\\ncannot reach the API with ' + secrets + '\\n');
    process.exit(1);
  case 'hang': {
    // Deaf to SIGTERM, as are its child: only the SIGKILL to the whole group ends them.
    process.on('SIGTERM', () => {});
    const child = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    fs.writeFileSync(path.join(dir, input.resource.id + '-pids.json'), JSON.stringify([process.pid, child.pid]));
    process.stderr.write('waiting forever with ' + secrets + '\\n');
    setInterval(() => {}, 1000);
    break;
  }
  case 'bad-json':
    process.stdout.write('{"backend_id": "x",\\n  "outputs": tru }');
    break;
  case 'bad-fields':
    process.stdout.write(JSON.stringify({ outputs: [1], secret_outputs: 'pw', backend_id: 7, extra: 1 }));
    break;
}
`,
);

/** Counts the commands running at its start (its own file included) in `counts`, runs 300 ms. */
const COUNTED = script(
  'counted',
  `
const running = path.join(dir, 'running');
fs.mkdirSync(running, { recursive: true });
const mine = path.join(running, input.resource.id);
fs.writeFileSync(mine, '');
fs.appendFileSync(path.join(dir, 'counts'), fs.readdirSync(running).length + '\\n');
setTimeout(() => { fs.unlinkSync(mine); process.stdout.write('{}'); }, 300);
`,
);

/** A pull: what the backend has now, by the resource's backend id. */
const PULL = script(
  'pull',
  `
fs.writeFileSync(path.join(dir, 'pull-' + input.resource.backend_id + '.json'), JSON.stringify(input));
switch (input.resource.backend_id) {
  case 'vm-gone':
    process.stdout.write(JSON.stringify({ missing: true, reason: 'the hypervisor has no vm-gone' }));
    break;
  case 'vm-broken':
    process.stderr.write('login failed with ' + input.secret_options.api_key + '\\n');
    process.exit(3);
  default:
    process.stdout.write(JSON.stringify({
      outputs: { ip: '10.0.0.9' }, state: { generation: 5 }, usage: { cpu: 2.5 },
    }));
}
`,
);

const recorded = (resourceId: string, command: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, `${resourceId}-${command}.json`), 'utf8')) as {
    input: Record<string, any>;
    argv: string[];
    env: Record<string, string>;
    cwd: string;
  };

/** Whether a process is running (a zombie waiting for its parent to reap it is not). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/s.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return condition();
}

describe.each(DATABASE_KINDS)('script plugin on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  const logs: string[] = [];
  const plugin = createScriptPlugin({ killGraceMs: 500 });

  beforeAll(async () => {
    server = await startTestServer(kind, {
      worker: { pollIntervalMs: 50 },
      plugins: new PluginRegistry([manualPlugin, allocationPlugin, plugin]),
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'scr');
  });
  afterAll(() => server.close());

  async function scriptOffering(name: string, pluginOptions: Record<string, unknown>) {
    const api = w.serviceManager.api;
    const offering = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name,
        type: 'script',
        status: 'active',
        auto_approve: true,
        plugin_options: pluginOptions,
        secret_options: SECRET_OPTIONS,
      }),
    );
    await api.expect(
      201,
      api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0', options_schema: SCHEMA }),
    );
    const plan = await api.expect(
      201,
      api.post('/plans', { offering_id: offering.id, name: 'small', unit: 'month', prices: {} }),
    );
    return { ...offering, plan } as { id: string; slug: string; plan: { id: string } };
  }

  const api = () => w.consumer.owner.api;

  function orderCreate(offering: { id: string; plan: { id: string } }, name: string) {
    return api().expect(
      201,
      api().post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: offering.id,
        plan_id: offering.plan.id,
        name,
        attributes: { instance_type: 'general-purpose', admin_password: ADMIN_PASSWORD },
      }),
    );
  }

  async function act(body: Record<string, unknown>) {
    const order = await api().expect(201, api().post('/orders', body));
    return waitForOrder(admin, order.id);
  }

  const lifecycle = (command: string) => [NODE, LIFECYCLE, command, '--verbose'];

  test('create, update, pause, resume and terminate run their commands, with the order on stdin and nothing secret outside it', async () => {
    const offering = await scriptOffering('scr VM', {
      create: lifecycle('create'),
      update: lifecycle('update'),
      terminate: lifecycle('terminate'),
      pause: lifecycle('pause'),
      resume: lifecycle('resume'),
    });
    const placed = await orderCreate(offering, 'web-1');
    const created = await waitForOrder(admin, placed.id);
    expect(created).toMatchObject({ state: 'done', reason: '' });
    const id = placed.resource_id as string;
    expect(await api().expect(200, api().get(`/resources/${id}`))).toMatchObject({
      state: 'OK',
      backend_id: 'vm-web-1',
      outputs: { ip: '10.0.0.1', instance_type: 'general-purpose' },
      secret_outputs: { root_password: 'root-Pw-web-1' },
      backend_state: { generation: 1 },
    });

    const create = recorded(id, 'create');
    expect(create.input).toEqual({
      order: {
        id: placed.id,
        type: 'create',
        attributes: { instance_type: 'general-purpose', admin_password: ADMIN_PASSWORD },
        limits: {},
        plan_id: offering.plan.id,
        version: '1.0.0',
        attempts: 1,
      },
      resource: {
        id,
        name: 'web-1',
        backend_id: '',
        attributes: { instance_type: 'general-purpose', admin_password: ADMIN_PASSWORD },
        limits: {},
        outputs: {},
        backend_state: {},
        state: 'Creating',
      },
      offering: {
        id: offering.id,
        slug: offering.slug,
        plugin_options: expect.objectContaining({ create: lifecycle('create') }),
      },
      secret_options: SECRET_OPTIONS,
    });
    expect(create.argv).toEqual([NODE, LIFECYCLE, 'create', '--verbose']);
    expect(Object.keys(create.env).sort()).toEqual(['HOME', 'LANG', 'PATH']);
    expect(create.env).toMatchObject({ LANG: 'C.UTF-8', PATH: '/usr/local/bin:/usr/bin:/bin' });
    expect(create.cwd).toBe(create.env.HOME);
    expect(fs.existsSync(create.env.HOME)).toBe(false);
    for (const secret of SECRETS) expect(JSON.stringify([create.argv, create.env])).not.toContain(secret);

    const update = await act({ type: 'update', resource_id: id, attributes: { instance_type: 'compute-optimized' } });
    expect(update.state).toBe('done');
    expect(recorded(id, 'update').input.order.attributes).toEqual({
      instance_type: 'compute-optimized',
      admin_password: ADMIN_PASSWORD,
    });
    expect(recorded(id, 'update').input.resource).toMatchObject({
      backend_id: 'vm-web-1',
      backend_state: { generation: 1 },
    });
    expect(await api().expect(200, api().get(`/resources/${id}`))).toMatchObject({
      state: 'OK',
      outputs: { instance_type: 'compute-optimized' },
      secret_outputs: { root_password: 'root-Pw-web-1' },
      backend_state: { generation: 2 },
    });

    expect((await act({ type: 'pause', resource_id: id })).state).toBe('done');
    expect(await api().expect(200, api().get(`/resources/${id}`))).toMatchObject({
      state: 'Paused',
      backend_state: { generation: 2, paused: true },
    });
    expect((await act({ type: 'resume', resource_id: id })).state).toBe('done');
    expect(recorded(id, 'resume').input.resource.state).toBe('Updating');
    expect((await api().expect(200, api().get(`/resources/${id}`))).state).toBe('OK');

    // No restart command: the offering's resources cannot be restarted, and the order is refused when placed.
    const refused = await api().expect(422, api().post('/orders', { type: 'restart', resource_id: id }));
    expect(refused.errors).toEqual([
      {
        field: 'type',
        message: expect.stringMatching(/plugin script\) cannot restart .*its plugin carries out pause, resume$/),
      },
    ]);

    expect((await act({ type: 'terminate', resource_id: id })).state).toBe('done');
    expect(recorded(id, 'terminate').input.order.type).toBe('terminate');
    expect((await api().expect(200, api().get(`/resources/${id}`))).state).toBe('Terminated');
  });

  describe('failures', () => {
    let trouble: Awaited<ReturnType<typeof scriptOffering>>;
    beforeAll(async () => {
      const command = [NODE, TROUBLE];
      trouble = await scriptOffering('scr Trouble', {
        create: command,
        update: command,
        terminate: command,
        timeout_seconds: 1,
      });
    });

    async function failedCreate(name: string) {
      const placed = await orderCreate(trouble, name);
      const order = await waitForOrder(admin, placed.id);
      expect(order.state).toBe('erred');
      expect((await api().expect(200, api().get(`/resources/${placed.resource_id}`))).state).toBe('Erred');
      for (const secret of SECRETS) expect(order.reason).not.toContain(secret);
      return { order, resourceId: placed.resource_id as string };
    }

    test('a command exiting 1 errs the order with the end of its stderr, secrets masked', async () => {
      const { order } = await failedCreate('fail');
      expect(order.reason).toMatch(
        /^the create command exited with code 1; stderr ends with:\n\.\.\.x+\ncannot reach the API with key \*{8} token "\*{8}" admin \*{8}$/,
      );
      expect(order.reason.length).toBeLessThan(4200);
    });

    test('a command that hangs is stopped at its timeout, with the children it started', async () => {
      const started = Date.now();
      const { order, resourceId } = await failedCreate('hang');
      expect(order.reason).toMatch(
        /^the create command timed out after 1 s and was stopped; stderr ends with:\nwaiting forever with key \*{8} token "\*{8}" admin \*{8}$/,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      const pids = JSON.parse(fs.readFileSync(path.join(dir, `${resourceId}-pids.json`), 'utf8')) as number[];
      expect(await until(() => !pids.some(running), 2000)).toBe(true);
    });

    test('stdout that is not JSON, or not the report, errs the order saying what and where', async () => {
      const badJson = await failedCreate('bad-json');
      expect(badJson.order.reason).toBe(
        "the create command's stdout is not JSON: Unexpected token ' ' at line 2, column 17",
      );
      const badFields = await failedCreate('bad-fields');
      expect(badFields.order.reason).toMatch(/^the create command's stdout\./);
      for (const problem of [
        'stdout.backend_id must be string',
        'stdout.extra is not a known field',
        'stdout.outputs must be object',
        'stdout.secret_outputs must be object',
      ])
        expect(badFields.order.reason).toContain(problem);
    });
  });

  test('at most max_concurrency commands of an offering run at once', async () => {
    const command = [NODE, COUNTED];
    const offering = await scriptOffering('scr Counted', {
      create: command,
      update: command,
      terminate: command,
      max_concurrency: 2,
    });
    fs.rmSync(path.join(dir, 'counts'), { force: true });
    const placed = await Promise.all([1, 2, 3, 4, 5].map((n) => orderCreate(offering, `counted-${n}`)));
    for (const order of placed) expect((await waitForOrder(admin, order.id)).state).toBe('done');
    const counts = fs.readFileSync(path.join(dir, 'counts'), 'utf8').trim().split('\n').map(Number);
    expect(counts).toHaveLength(5);
    expect(Math.max(...counts)).toBe(2);
  });

  test('bad plugin_options are refused when the offering is written, naming the field', async () => {
    const sm = w.serviceManager.api;
    const base = { organization_id: w.provider.id, category_id: w.category.id, name: 'scr Bad', type: 'script' };
    const refused = await sm.expect(
      422,
      sm.post('/offerings', {
        ...base,
        plugin_options: {
          create: [],
          update: 'update.sh',
          terminate: [7],
          pause: ['relative/path.sh'],
          timeout_seconds: 0,
          max_concurrency: 1.5,
          shell: true,
        },
      }),
    );
    expect(refused.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'plugin_options.create',
      'plugin_options.max_concurrency',
      'plugin_options.pause[0]',
      'plugin_options.shell',
      'plugin_options.terminate[0]',
      'plugin_options.timeout_seconds',
      'plugin_options.update',
    ]);
    expect(refused.errors).toEqual(
      expect.arrayContaining([
        { field: 'plugin_options.shell', message: 'is not a known field' },
        { field: 'plugin_options.create', message: 'must NOT have fewer than 1 items' },
        { field: 'plugin_options.update', message: 'must be array' },
        { field: 'plugin_options.pause[0]', message: 'must match pattern "^(/|[^/]+$)"' },
        { field: 'plugin_options.max_concurrency', message: 'must be integer' },
      ]),
    );
    const bare = await sm.expect(422, sm.post('/offerings', base));
    expect(bare.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'plugin_options.create',
      'plugin_options.terminate',
      'plugin_options.update',
    ]);
    const good = await scriptOffering('scr Good', { create: ['/bin/true'], update: ['true'], terminate: ['true'] });
    const patched = await sm.expect(
      422,
      sm.patch(`/offerings/${good.id}`, {
        plugin_options: { create: ['true'], update: ['true'], terminate: ['true'], timeout_seconds: 100000 },
      }),
    );
    expect(patched.errors).toEqual([{ field: 'plugin_options.timeout_seconds', message: 'must be <= 86400' }]);
  });

  test('no secret in reasons, events, lists or the server log', async () => {
    const views = [];
    for (const viewer of [admin, w.consumer.owner.api, w.serviceManager.api]) {
      views.push(await viewer.expect(200, viewer.get('/orders?limit=500')));
      views.push(await viewer.expect(200, viewer.get('/resources?limit=500')));
      views.push(await viewer.expect(200, viewer.get('/events?limit=500')));
    }
    const shown = JSON.stringify(views);
    // What the lists hold includes the erred orders' reasons and the lifecycle's events.
    expect(shown).toContain('cannot reach the API with key ********');
    expect(shown).toContain('resource.paused');
    const log = logs.join('');
    expect(log).toContain('order provisioned');
    for (const secret of [...SECRETS, 'root-Pw-web-1']) {
      expect(shown).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
  });
});

/** The plugin alone, on jobs made here: pull, and what the worker's API cannot easily provoke. */
describe('script plugin, called directly', () => {
  const plugin = createScriptPlugin({ killGraceMs: 300 });
  const offering = (options: Record<string, unknown>): PluginOffering => ({
    id: `offering-${Math.random()}`,
    slug: 'direct',
    plugin_options: { create: [NODE, LIFECYCLE, 'create'], update: ['true'], terminate: ['true'], ...options },
    secret_options: SECRET_OPTIONS,
  });
  const resource = (backendId: string): PluginResource => ({
    id: `res-${backendId}`,
    name: backendId,
    backend_id: backendId,
    attributes: { instance_type: 'general-purpose', admin_password: ADMIN_PASSWORD },
    limits: {},
    outputs: { ip: '10.0.0.1' },
    backend_state: { generation: 4 },
    state: 'OK',
    secret_attributes: [{ path: ['admin_password'], value: ADMIN_PASSWORD }],
  });
  const job = (options: Record<string, unknown>, name = 'direct'): ProvisioningJob => ({
    order: {
      id: `order-${name}`,
      type: 'create',
      attributes: { instance_type: 'general-purpose', admin_password: ADMIN_PASSWORD },
      limits: {},
      plan_id: 'plan',
      version: '1.0.0',
      attempts: 1,
      secret_attributes: [{ path: ['admin_password'], value: ADMIN_PASSWORD }],
    },
    resource: { ...resource(''), name },
    offering: offering(options),
  });
  const pull = (p: ProvisioningPlugin, backendId: string, options: Record<string, unknown> = { pull: [NODE, PULL] }) =>
    p.pull!({ resource: resource(backendId), offering: offering(options) }, new AbortController().signal);

  test('is registered as `script` by default', () => {
    expect(new PluginRegistry().get('script')).toBe(scriptPlugin);
  });

  test('pull reports changed outputs, state and usage, given the resource on stdin without an order', async () => {
    expect(await pull(plugin, 'vm-1')).toEqual({
      status: 'present',
      outputs: { ip: '10.0.0.9' },
      state: { generation: 5 },
      usage: { cpu: 2.5 },
    });
    const input = JSON.parse(fs.readFileSync(path.join(dir, 'pull-vm-1.json'), 'utf8'));
    expect(Object.keys(input).sort()).toEqual(['offering', 'resource', 'secret_options']);
    expect(input.resource).toEqual({
      id: 'res-vm-1',
      name: 'vm-1',
      backend_id: 'vm-1',
      attributes: { instance_type: 'general-purpose', admin_password: ADMIN_PASSWORD },
      limits: {},
      outputs: { ip: '10.0.0.1' },
      backend_state: { generation: 4 },
      state: 'OK',
    });
  });

  test('pull says when the backend lost the resource, and fails with secrets masked', async () => {
    expect(await pull(plugin, 'vm-gone')).toEqual({ status: 'missing', reason: 'the hypervisor has no vm-gone' });
    await expect(pull(plugin, 'vm-broken')).rejects.toThrow(
      /^the pull command exited with code 3; stderr ends with:\nlogin failed with \*{8}$/,
    );
    // Without a pull command there is nothing to ask: the resource is as Mercato has it.
    expect(await pull(plugin, 'vm-1', {})).toEqual({ status: 'present' });
  });

  test('a stderr tail that begins inside a secret does not show the rest of it', async () => {
    // 4096 bytes kept: the tail starts 6 characters into the API key.
    const tail = script(
      'cut-secret',
      `process.stderr.write('y'.repeat(100) + input.secret_options.api_key + 'z'.repeat(4096 - ${API_KEY.length - 6})); process.exit(2);`,
    );
    const outcome = await plugin.provision(job({ create: [NODE, tail] }), new AbortController().signal);
    expect(outcome).toEqual({ status: 'erred', reason: expect.stringMatching(/code 2; stderr ends with:\n\.\.\.z+$/) });
    expect((outcome as { reason: string }).reason).not.toContain(API_KEY.slice(6));
  });

  test('a stop of the server stops the command and its group', async () => {
    const abort = new AbortController();
    const started = plugin.provision(job({ create: [NODE, TROUBLE], timeout_seconds: 60 }, 'hang'), abort.signal);
    const pidsFile = path.join(dir, 'res--pids.json');
    expect(await until(() => fs.existsSync(pidsFile), 5000)).toBe(true);
    abort.abort();
    expect(await started).toEqual({
      status: 'erred',
      reason: expect.stringMatching(/^the create command was stopped: the server is stopping/),
    });
    const pids = JSON.parse(fs.readFileSync(pidsFile, 'utf8')) as number[];
    expect(await until(() => !pids.some(running), 2000)).toBe(true);
  });

  test('a command that cannot start, or writes too much, errs the order', async () => {
    expect(await plugin.provision(job({ create: ['/nonexistent/create'] }), new AbortController().signal)).toEqual({
      status: 'erred',
      reason: 'the create command could not start: spawn /nonexistent/create ENOENT',
    });
    const flood = script('flood', `process.stdout.write('{"a": "' + 'x'.repeat(2 * 1024 * 1024));`);
    expect(await plugin.provision(job({ create: [NODE, flood] }), new AbortController().signal)).toEqual({
      status: 'erred',
      reason: 'the create command wrote more than 1 MiB on stdout and was stopped; stderr is empty',
    });
  });

  test('an empty stdout reports nothing', async () => {
    expect(await plugin.provision(job({ create: ['true'] }), new AbortController().signal)).toEqual({
      status: 'done',
    });
  });
});
