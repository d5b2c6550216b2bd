/**
 * `npm start` with no setup (`mercato serve` on a fresh data directory): the demo catalog's
 * Virtual Machine and OpenShift Hosted Cluster go to the example site agent, which the server
 * runs beside itself, on its simulated backend; the agent goes away with the server, even when
 * the server is killed.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { spawnServer, type ServerProcess } from '@mercato/test-support/server-process';
import { waitForOrder } from '@mercato/test-support/world';

let server: ServerProcess;
let dataDir: string;
let admin: Api;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mercato-demo-agent-'));
  server = await spawnServer({ MERCATO_DATA_DIR: dataDir, MERCATO_SEED_DEMO: 'true' });
  admin = new Api(server.url, fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim());
  // The agent starts once the server listens.
  const deadline = Date.now() + 15000;
  while (!server.output().includes('Example site agent') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const settings = () =>
  JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-agent.json'), 'utf8')) as {
    port: number;
    signing_secret: string;
    token: string;
  };

/** Whether something accepts connections on the port now. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(!!socket.end()));
    socket.once('error', () => resolve(false));
  });

test('the demo VM and OpenShift cluster are provisioned by the example agent, on a simulated backend', async () => {
  const { port, signing_secret: secret, token } = settings();
  expect(fs.statSync(path.join(dataDir, 'demo-agent.json')).mode & 0o777).toBe(0o600);
  await expect(listening(port)).resolves.toBe(true);
  expect(server.output()).toContain(
    `Example site agent (simulated backend) for virtual-machine, openshift-hosted-cluster: listening at http://127.0.0.1:${port}/`,
  );

  const organization = await admin.expect(201, admin.post('/organizations', { name: 'Demo consumer' }));
  const project = await admin.expect(201, admin.post('/projects', { organization_id: organization.id, name: 'demo' }));
  const place = async (slug: string, attributes: object) => {
    const offering = await admin.expect(200, admin.get(`/offerings/${slug}`));
    expect([offering.type, offering.plugin_options]).toEqual([
      'webhook',
      { url: `http://127.0.0.1:${port}/`, timeout_seconds: 600 },
    ]);
    expect(offering.description).toMatch(/simulated backend/);
    const plan = (await admin.expect(200, admin.get(`/plans?offering_id=${offering.id}`))).items[0];
    const order = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: project.id,
        offering_id: offering.id,
        plan_id: plan.id,
        name: 'demo-1',
        attributes,
      }),
    );
    expect((await waitForOrder(admin, order.id, undefined, 20000)).state).toBe('done');
    return admin.expect(200, admin.get(`/resources/${order.resource_id}`));
  };
  const vm = await place('virtual-machine', {
    instance_type: 'general-purpose',
    image: 'debian-12',
    ssh_public_key: 'ssh-ed25519 AAAA',
  });
  expect(vm).toMatchObject({
    state: 'OK',
    backend_id: expect.stringMatching(/^vm-/),
    outputs: {
      hostname: 'demo-1.vm.demo.mercato.example',
      ssh_user: 'debian',
      simulated: true,
      note: expect.stringMatching(/^Simulated/),
    },
    secret_outputs: { root_password: expect.any(String) },
  });
  const cluster = await place('openshift-hosted-cluster', {
    openshift_version: '4.15',
    node_pools: [{ name: 'workers', instance_type: 'general-purpose', replicas: 3 }],
  });
  expect(cluster).toMatchObject({
    state: 'OK',
    backend_id: expect.stringMatching(/^ocp-/),
    outputs: { api_url: 'https://api.demo-1.ocp.demo.mercato.example:6443', worker_nodes: 3, simulated: true },
    secret_outputs: { kubeadmin_password: expect.any(String) },
  });
  // The agent's credentials are in its settings file only.
  expect(server.output()).not.toContain(secret);
  expect(server.output()).not.toContain(token);
});

test('the agent goes away with the server, even a killed one', async () => {
  const { port } = settings();
  await expect(listening(port)).resolves.toBe(true);
  await server.kill();
  const deadline = Date.now() + 10000;
  while ((await listening(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await expect(listening(port)).resolves.toBe(false);
});
