/**
 * The CLI never prints a secret unless asked: `mercato describe resource` masks `secret_outputs`
 * in every format, `--show-secrets` prints them; a resource's secret attributes are never
 * returned by the server at all.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { Api } from '@mercato/test-support/api-client';
import { startTestServer, type TestServer } from '@mercato/test-support/server-harness';
import { makeWorld, waitForOrder, waitForProviderHandOver, type World } from '@mercato/test-support/world';
import { maskSecrets, SECRET_MASK } from '../src/objects/secret-values';

const BIN = path.resolve(__dirname, '../bin/mercato.js');

describe('maskSecrets', () => {
  test('masks every value under a secret field, at any depth, keeping its keys', () => {
    const answer = {
      id: 'r1',
      outputs: { host: 'db' },
      secret_outputs: { password: 'pw', keys: ['k1', 'k2'], tls: { key: 'pem', port: 5432 } },
      nested: [{ secret_options: { token: 't' } }],
    };
    expect(maskSecrets(answer)).toEqual({
      id: 'r1',
      outputs: { host: 'db' },
      secret_outputs: {
        password: SECRET_MASK,
        keys: [SECRET_MASK, SECRET_MASK],
        tls: { key: SECRET_MASK, port: SECRET_MASK },
      },
      nested: [{ secret_options: { token: SECRET_MASK } }],
    });
    expect(maskSecrets({ secret_outputs: {}, token: null })).toEqual({ secret_outputs: {}, token: null });
    expect(answer.secret_outputs.password).toBe('pw');
  });
});

describe('mercato describe resource with secrets (sqlite)', () => {
  let server: TestServer;
  let admin: Api;
  let w: World;
  let resourceId: string;
  const secret = 's3cr3t-output-value';

  const mercato = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MERCATO_ENDPOINT: server.url,
        MERCATO_TOKEN: server.adminToken,
      };
      execFile(process.execPath, [BIN, ...args], { env, timeout: 60000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    server = await startTestServer('sqlite', { worker: { pollIntervalMs: 50 } });
    admin = new Api(server.url, server.adminToken);
    w = await makeWorld(admin, 'clisec');
    const order = await admin.expect(
      201,
      admin.post('/orders', {
        type: 'create',
        project_id: w.consumer.project.id,
        offering_id: w.manual.id,
        plan_id: w.manual.plan.id,
        name: 'db',
        attributes: { instance_type: 'general-purpose' },
      }),
    );
    await waitForOrder(admin, order.id, ['executing']);
    await waitForProviderHandOver(admin, order.id, 5000);
    await admin.expect(
      200,
      admin.post(`/orders/${order.id}/complete`, {
        outputs: { host: 'db.example' },
        secret_outputs: { password: secret },
      }),
    );
    resourceId = order.resource_id;
  });
  afterAll(() => server.close());

  test('secret outputs are masked in the page, JSON and YAML, and shown with --show-secrets', async () => {
    const runs = await Promise.all([
      mercato(['describe', 'resource', resourceId]),
      mercato(['describe', 'resource', resourceId, '-o', 'json']),
      mercato(['describe', 'resource', resourceId, '-o', 'yaml']),
      mercato(['get', 'resources', '-o', 'json']),
      mercato(['get', 'resources', '-o', 'yaml']),
      mercato(['get', 'resources']),
    ]);
    for (const run of runs) {
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).not.toContain(secret);
    }
    const [page, json] = runs;
    expect(page.stdout).toContain(`password: "${SECRET_MASK}"`);
    expect(JSON.parse(json.stdout)).toMatchObject({
      outputs: { host: 'db.example' },
      secret_outputs: { password: SECRET_MASK },
    });

    const shown = await mercato(['describe', 'resource', resourceId, '-o', 'json', '--show-secrets']);
    expect(JSON.parse(shown.stdout).secret_outputs).toEqual({ password: secret });
  });
});
