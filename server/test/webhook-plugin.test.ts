/**
 * The `webhook` plugin (issue 10) with a real site agent built on @mercato/agent-sdk, listening
 * on a free port (or polling): the server signs and POSTs each order event, the agent completes
 * or fails the order through the API. Also: the agent that never answers (timeout), a refused
 * event, retries after 503, the signing secret kept out of everything, and pulls (the plugin's
 * `pull` called directly: the pull scheduler is another change).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createAgent, verifySignature, type Agent, type AgentHandlers, type OrderEvent } from '@mercato/agent-sdk';
import { Api } from '@mercato/test-support/api-client';
import { DATABASE_KINDS, startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, waitForProviderHandOver, type World } from '@mercato/test-support/world';
import { webhookPlugin } from '../src/provisioning/plugins/webhook';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
/** The secret's key part alone, as a leak might show it. */
const SECRET_KEY = SECRET.slice('whsec_'.length);

const MACHINE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['size'],
  properties: {
    size: { type: 'string', enum: ['small', 'large', 'no-capacity'] },
    admin_password: { type: 'string', writeOnly: true, minLength: 8 },
  },
};

/** A tiny backend kept by the test's agent: machines by backend id. */
function machineHandlers(seen: OrderEvent[]) {
  const machines = new Map<string, { size: string; power: string; restarts: number }>();
  const report = (id: string) => {
    const machine = machines.get(id)!;
    return {
      backend_id: id,
      outputs: { ip_address: '192.0.2.10', size: machine.size, power: machine.power },
      secret_outputs: { root_password: `root-of-${id}` },
      state: { power: machine.power, restarts: machine.restarts },
    };
  };
  const record = (event: OrderEvent) => {
    seen.push(event);
    return event.resource.backend_id;
  };
  const handlers: AgentHandlers = {
    create: async (event) => {
      record(event);
      const size = String(event.order.attributes.size);
      if (size === 'no-capacity') throw new Error('no capacity left for this size in the site');
      const id = `m-${event.resource.id.slice(-8)}`;
      machines.set(id, { size, power: 'on', restarts: 0 });
      return report(id);
    },
    update: async (event) => {
      const id = record(event);
      machines.get(id)!.size = String(event.order.attributes.size);
      return report(id);
    },
    pause: async (event) => {
      const id = record(event);
      machines.get(id)!.power = 'off';
      return report(id);
    },
    resume: async (event) => {
      const id = record(event);
      machines.get(id)!.power = 'on';
      return report(id);
    },
    restart: async (event) => {
      const id = record(event);
      machines.get(id)!.restarts += 1;
      return report(id);
    },
    terminate: async (event) => {
      machines.delete(record(event));
    },
    pull: async (event) => {
      const id = event.resource.backend_id;
      if (id === 'm-garbled') return { usage: { cpu_hours: 'many' } } as never;
      if (!machines.has(id)) return { missing: true, reason: `no machine ${id} in the site` };
      return { ...report(id), usage: { cpu_hours: 1.5 } };
    },
  };
  return { handlers, machines };
}

/** An HTTP server in front of an agent: answers 503 to the first `failures` requests, then passes them on; records each. */
async function flakyFront(target: string, failures: number) {
  const seen: Array<{ at: number; headers: http.IncomingHttpHeaders; body: string; status: number }> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const entry = { at: Date.now(), headers: request.headers, body, status: 503 };
      seen.push(entry);
      if (seen.length <= failures) {
        response.writeHead(503, { 'content-type': 'text/plain' }).end('the agent is restarting');
        return;
      }
      const forward = http.request(target, { method: 'POST', headers: request.headers }, (answer) => {
        entry.status = answer.statusCode!;
        response.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(response);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/mercato`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe.each(DATABASE_KINDS)('webhook plugin on %s', (kind) => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let logs = '';
  const agents: Agent[] = [];
  const closers: Array<() => unknown> = [];
  const seen: OrderEvent[] = [];
  const machine = machineHandlers(seen);

  beforeAll(async () => {
    server = await startTestServer(kind, {
      worker: { pollIntervalMs: 50, heartbeatIntervalMs: 100 },
      logger: { level: 'debug', stream: { write: (line: string) => void (logs += line) } },
    });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, `wh-${kind}`);
  });
  afterAll(async () => {
    // Closers first: one lets a hanging handler end, which an agent's close waits for.
    for (const close of closers) await close();
    await Promise.all(agents.map((agent) => agent.close()));
    await server.close();
  });

  /** A site agent of the world's provider, built on the SDK, on a free port. */
  async function listeningAgent(handlers: AgentHandlers = machine.handlers, signingSecret = SECRET) {
    const agent = createAgent({
      endpoint: server.url,
      token: w.serviceManager.token,
      signingSecret,
      handlers,
      log: () => undefined,
    });
    agents.push(agent);
    return { agent, url: await agent.listen(0) };
  }

  /** A `webhook` offering of the world's provider, auto-approved, with a version and a plan. */
  async function publish(name: string, pluginOptions: object, secretOptions: object = { signing_secret: SECRET }) {
    const api = w.serviceManager.api;
    const offering = await api.expect(
      201,
      api.post('/offerings', {
        organization_id: w.provider.id,
        category_id: w.category.id,
        name,
        type: 'webhook',
        status: 'active',
        auto_approve: true,
        plugin_options: pluginOptions,
        secret_options: secretOptions,
      }),
    );
    await api.expect(
      201,
      api.post('/offering-versions', { offering_id: offering.id, version: '1.0.0', options_schema: MACHINE_SCHEMA }),
    );
    const plan = await api.expect(
      201,
      api.post('/plans', { offering_id: offering.id, name: 'basic', unit: 'month', prices: {} }),
    );
    return { ...offering, plan };
  }

  const owner = () => w.consumer.owner.api;
  const order = (body: object) => owner().expect(201, owner().post('/orders', body));
  const createOrder = (offering: { id: string; plan: { id: string } }, attributes: object) =>
    order({
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: offering.id,
      plan_id: offering.plan.id,
      name: 'machine',
      attributes,
    });
  const resource = (id: string) => owner().expect(200, owner().get(`/resources/${id}`));

  test('options: an http(s) url, a signing secret with it, a whole number of seconds; errors name the field', async () => {
    const api = w.serviceManager.api;
    const post = (plugin_options: object, secret_options: object = {}) =>
      api.expect(
        422,
        api.post('/offerings', {
          organization_id: w.provider.id,
          category_id: w.category.id,
          name: 'Bad agent',
          type: 'webhook',
          plugin_options,
          secret_options,
        }),
      );
    const fields = (problem: { errors: Array<{ field: string; message: string }> }) =>
      problem.errors.map((e) => `${e.field}: ${e.message}`);

    expect(fields(await post({ url: 'ftp://agent.example/' }, { signing_secret: SECRET }))).toEqual([
      expect.stringMatching(/^plugin_options\.url: must match pattern/),
    ]);
    expect(fields(await post({ url: 'https://agent.example/hooks' }))).toEqual([
      'secret_options.signing_secret: is required when plugin_options.url is set: events to the site agent are signed with it',
    ]);
    expect(fields(await post({ url: 'https://agent.example/' }, { signing_secret: 'short' }))).toEqual([
      expect.stringMatching(/^secret_options\.signing_secret: must NOT have fewer than 24 characters/),
    ]);
    expect(fields(await post({ url: 'https://ops:hunter22@agent.example/' }, { signing_secret: SECRET }))).toEqual([
      expect.stringMatching(/^plugin_options\.url: must not hold a user name or password/),
    ]);
    expect(fields(await post({ timeout_seconds: 0, retries: 3 }))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^plugin_options\.timeout_seconds: must be >= 1/),
        'plugin_options.retries: is not a known field',
      ]),
    );
    // A change that sets a url on an offering that polls needs the secret as well.
    const polling = await publish('Polling agent (options)', {}, {});
    const patched = await api.expect(
      422,
      api.patch(`/offerings/${polling.id}`, { plugin_options: { url: 'http://a.example/' } }),
    );
    expect(fields(patched)).toEqual([expect.stringMatching(/^secret_options\.signing_secret: is required/)]);
  });

  test('create, update, pause, resume, restart, terminate through a listening agent: outputs, secret outputs and state arrive', async () => {
    const { url } = await listeningAgent();
    const offering = await publish('Site VM', { url, timeout_seconds: 60 });
    const created = await createOrder(offering, { size: 'small', admin_password: 'consumer-secret-1' });
    expect(created.state).toBe('executing');
    expect((await waitForOrder(owner(), created.id)).state).toBe('done');
    const id = created.resource_id as string;
    const backendId = `m-${id.slice(-8)}`;
    expect(await resource(id)).toMatchObject({
      state: 'OK',
      backend_id: backendId,
      outputs: { ip_address: '192.0.2.10', size: 'small', power: 'on' },
      secret_outputs: { root_password: `root-of-${backendId}` },
      backend_state: { power: 'on', restarts: 0 },
    });
    // The event: the order's attributes whole (the agent provisions with the secret one), the offering by id and slug only.
    const first = seen.find((e) => e.order.id === created.id)!;
    expect(first).toMatchObject({
      type: 'order.executing',
      order: { type: 'create', attributes: { size: 'small', admin_password: 'consumer-secret-1' }, attempts: 1 },
      resource: { id, backend_id: '', state: 'Creating' },
      offering: { id: offering.id, slug: offering.slug },
    });
    expect(Object.keys(first.offering).sort()).toEqual(['id', 'slug']);

    const act = async (body: object) => {
      const placed = await order({ resource_id: id, ...body });
      const done = await waitForOrder(owner(), placed.id);
      expect([body, done.state, done.reason]).toEqual([body, 'done', '']);
      return seen.find((e) => e.order.id === placed.id)!;
    };
    const update = await act({ type: 'update', attributes: { size: 'large' } });
    expect(update).toMatchObject({
      order: { type: 'update', attributes: { size: 'large', admin_password: 'consumer-secret-1' } },
      resource: { backend_id: backendId, backend_state: { power: 'on', restarts: 0 }, attributes: { size: 'small' } },
    });
    expect(await resource(id)).toMatchObject({ state: 'OK', outputs: { size: 'large' } });
    await act({ type: 'pause' });
    expect(await resource(id)).toMatchObject({
      state: 'Paused',
      outputs: { power: 'off' },
      backend_state: { power: 'off' },
    });
    await act({ type: 'resume' });
    expect(await resource(id)).toMatchObject({ state: 'OK', outputs: { power: 'on' } });
    await act({ type: 'restart' });
    expect((await resource(id)).backend_state).toEqual({ power: 'on', restarts: 1 });
    await act({ type: 'terminate' });
    expect((await resource(id)).state).toBe('Terminated');
    expect(machine.machines.has(backendId)).toBe(false);

    // A handler that throws fails the order with its message; the resource is Erred.
    const failing = await createOrder(offering, { size: 'no-capacity' });
    const erred = await waitForOrder(owner(), failing.id);
    expect([erred.state, erred.reason]).toEqual(['erred', 'no capacity left for this size in the site']);
    expect((await resource(failing.resource_id)).state).toBe('Erred');
  });

  test('poll mode: an agent that cannot be called lists its orders and completes them', async () => {
    const offering = await publish('Polled VM', { timeout_seconds: 60 }, {});
    const placed = await createOrder(offering, { size: 'small', admin_password: 'consumer-secret-2' });
    await waitForProviderHandOver(admin, placed.id, 5000);
    const provider = w.serviceManager.api;
    const awaiting = await provider.expect(200, provider.get(`/orders?awaiting=provider&offering_id=${offering.id}`));
    expect(awaiting.items.map((o: { id: string }) => o.id)).toEqual([placed.id]);
    expect(awaiting.items[0].attributes).toEqual({ size: 'small' });
    // The consumer sees its order, but it is not the consumer's to carry out.
    expect((await owner().expect(200, owner().get('/orders?awaiting=provider'))).items).toEqual([]);
    await owner().expect(403, owner().get(`/orders/${placed.id}/provisioning-event`));
    const event = await provider.expect(200, provider.get(`/orders/${placed.id}/provisioning-event`));
    expect(event).toMatchObject({
      type: 'order.executing',
      order: { attributes: { admin_password: 'consumer-secret-2' } },
    });

    const agent = createAgent({
      endpoint: server.url,
      token: w.serviceManager.token,
      offering: offering.slug,
      handlers: machine.handlers,
      log: () => undefined,
    });
    agents.push(agent);
    agent.poll({ intervalMs: 50 });
    expect((await waitForOrder(owner(), placed.id)).state).toBe('done');
    expect(await resource(placed.resource_id)).toMatchObject({
      state: 'OK',
      secret_outputs: { root_password: expect.any(String) },
    });
    const pause = await order({ type: 'pause', resource_id: placed.resource_id });
    expect((await waitForOrder(owner(), pause.id)).state).toBe('done');
    expect((await resource(placed.resource_id)).state).toBe('Paused');
    // Done now: no longer listed, and no longer readable as work.
    await provider.expect(409, provider.get(`/orders/${placed.id}/provisioning-event`));
  });

  test('an order no agent completes becomes erred after timeout_seconds, with that reason', async () => {
    const nobody = await publish('Unanswered VM', { timeout_seconds: 1 }, {});
    let release: (value?: unknown) => void = () => undefined;
    const hanging = new Promise((resolve) => (release = resolve));
    closers.push(() => release());
    const { url } = await listeningAgent({ ...machine.handlers, create: () => hanging.then(() => ({})) });
    const silent = await publish('Silent agent VM', { url, timeout_seconds: 1 });

    const [polled, received] = await Promise.all([
      createOrder(nobody, { size: 'small' }),
      createOrder(silent, { size: 'small' }),
    ]);
    for (const placed of [polled, received]) {
      const erred = await waitForOrder(owner(), placed.id, undefined, 15000);
      expect([erred.state, erred.reason]).toEqual(['erred', 'no site agent completed the order within 1 s']);
      expect((await resource(placed.resource_id)).state).toBe('Erred');
    }
  });

  test('an agent answering 503 is retried with backoff, under one event id, and completes the order', async () => {
    const { url } = await listeningAgent();
    const front = await flakyFront(url, 2);
    closers.push(() => front.close());
    const offering = await publish('Flaky site VM', { url: front.url });
    const placed = await createOrder(offering, { size: 'small' });
    expect((await waitForOrder(owner(), placed.id, undefined, 20000)).state).toBe('done');

    expect(front.seen.map((s) => s.status)).toEqual([503, 503, 202]);
    const ids = new Set(front.seen.map((s) => s.headers['webhook-id']));
    expect(ids.size).toBe(1);
    // Each try is signed anew, and verifies.
    for (const attempt of front.seen) verifySignature(SECRET, attempt.headers, attempt.body);
    // 0.5 s then 1 s, each at least half that with jitter.
    const gaps = front.seen.slice(1).map((s, i) => s.at - front.seen[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(240);
    expect(gaps[1]).toBeGreaterThanOrEqual(490);
  });

  test('an event the agent refuses (another signing secret) errs the order with its answer', async () => {
    const { url } = await listeningAgent(machine.handlers, `whsec_${randomBytes(32).toString('base64')}`);
    const offering = await publish('Misconfigured VM', { url });
    const placed = await createOrder(offering, { size: 'small' });
    const erred = await waitForOrder(owner(), placed.id);
    expect(erred.state).toBe('erred');
    expect(erred.reason).toMatch(
      new RegExp(
        `^the site agent at ${url.replace(/[.]/g, '\\.')} refused the event: answered 401: .*no webhook-signature matches the body`,
      ),
    );
  });

  test('an agent that cannot be reached errs the order after the retries; the reason names the URL without its query', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offering = await publish('Unreachable VM', { url: `http://127.0.0.1:${port}/hook?token=query-secret` });
    const placed = await createOrder(offering, { size: 'small' });
    const erred = await waitForOrder(owner(), placed.id, undefined, 60000);
    expect(erred.state).toBe('erred');
    expect(erred.reason).toBe(
      `the site agent at http://127.0.0.1:${port}/hook did not take the event after 6 tries: it could not be reached (ECONNREFUSED)`,
    );
  }, 90000);

  test('the signing secret is in no event, reason, response or log', async () => {
    const everything = JSON.stringify([
      await admin.expect(200, admin.get('/events?limit=500')),
      await admin.expect(200, admin.get('/orders?limit=500')),
      await admin.expect(200, admin.get('/offerings?limit=500')),
      await admin.expect(200, admin.get('/resources?limit=500')),
      seen,
    ]);
    for (const text of [everything, logs]) expect(text).not.toContain(SECRET_KEY);
    expect(logs).toContain('order provisioned');
  });
});

describe('webhook pull through the agent (the plugin called directly)', () => {
  const seen: OrderEvent[] = [];
  const machine = machineHandlers(seen);
  let agent: Agent;
  let url: string;
  beforeAll(async () => {
    // Pulls never call the API: the endpoint is not used.
    agent = createAgent({
      endpoint: 'http://127.0.0.1:9',
      token: 'unused',
      signingSecret: SECRET,
      handlers: machine.handlers,
    });
    url = await agent.listen(0);
    machine.machines.set('m-present', { size: 'large', power: 'on', restarts: 2 });
  });
  afterAll(() => agent.close());

  const subject = (backendId: string, pluginOptions: Record<string, unknown> = { url }) => ({
    resource: {
      id: '0190d3a0-0000-7000-8000-000000000001',
      name: 'machine',
      backend_id: backendId,
      attributes: { size: 'large' },
      limits: {},
      outputs: {},
      backend_state: {},
      state: 'OK',
    },
    offering: {
      id: 'offering-id',
      slug: 'site-vm',
      plugin_options: pluginOptions,
      secret_options: { signing_secret: SECRET },
    },
  });
  const pull = (backendId: string, pluginOptions?: Record<string, unknown>) =>
    webhookPlugin.pull!(subject(backendId, pluginOptions), new AbortController().signal);

  test('present with outputs, secret outputs, state and usage; missing with the reason; nothing without a url', async () => {
    expect(await pull('m-present')).toEqual({
      status: 'present',
      backend_id: 'm-present',
      outputs: { ip_address: '192.0.2.10', size: 'large', power: 'on' },
      secret_outputs: { root_password: 'root-of-m-present' },
      state: { power: 'on', restarts: 2 },
      usage: { cpu_hours: 1.5 },
    });
    expect(await pull('m-gone')).toEqual({ status: 'missing', reason: 'no machine m-gone in the site' });
    expect(await pull('m-present', {})).toEqual({ status: 'present' });
  });

  test('an answer that is not one is refused, naming the field', async () => {
    await expect(pull('m-garbled')).rejects.toThrow(
      "the site agent's answer to a pull is not one: usage.cpu_hours must be number",
    );
  });
});
