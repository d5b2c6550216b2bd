/**
 * Configuring the provider: a server that is down and a token the server does not know are clear
 * errors at configure time, naming the endpoint or the token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPortUrl, createMercatoHarness, type MercatoHarness } from './mercato-harness';
import { errors } from '../support/terraform';
import { spawnServer } from '@mercato/test-support/server-process';

let h: MercatoHarness;
beforeAll(async () => {
  h = await createMercatoHarness();
});
afterAll(() => h?.close());

const ORGANIZATION = 'resource "mercato_organization" "o" {\n  name = "Configured"\n}\n';

test('a server that is down is a clear error at configure time, naming the endpoint', async () => {
  const endpoint = await closedPortUrl();
  const ws = h.workspace('down', `provider "mercato" {\n  endpoint = "${endpoint}"\n}\n${ORGANIZATION}`);
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  // One error, at the provider block's endpoint: no "Plugin error".
  const [unreachable, ...others] = errors(plan);
  expect(others).toEqual([]);
  expect(unreachable.summary).toBe('Cannot reach the Mercato server');
  expect(unreachable.detail).toContain(`cannot reach the Mercato server at ${endpoint} (ECONNREFUSED)`);
  expect(unreachable.detail).toContain('Is it running, and is the endpoint right?');
  expect(unreachable.range!.start.line).toBe(ws.lineOf('endpoint ='));
});

test('a server that went down after an apply is a clear error on the next plan', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mercato-killed-'));
  const server = await spawnServer({
    MERCATO_DATA_DIR: dataDir,
    MERCATO_ADMIN_TOKEN: 'mct_killed_server_admin',
    MERCATO_SEED_DEMO: 'false',
  });
  try {
    const ws = h.workspace('killed', `provider "mercato" {}\n${ORGANIZATION}`, {
      MERCATO_ENDPOINT: server.url,
      MERCATO_TOKEN: 'mct_killed_server_admin',
    });
    await ws.apply();
    await server.kill();
    const plan = await ws.plan();
    expect(plan.code).toBe(1);
    expect(errors(plan).map((d) => d.summary)).toEqual(['Cannot reach the Mercato server']);
    expect(errors(plan)[0].detail).toContain(`at ${server.url} (ECONNREFUSED)`);
    expect(ws.resources()['mercato_organization.o']).toBeDefined(); // the state is untouched
  } finally {
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a token the server does not know is a clear error naming the token', async () => {
  const ws = h.workspace('bad-token', `provider "mercato" {}\n${ORGANIZATION}`, {
    MERCATO_TOKEN: 'mct_not_a_real_token',
  });
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  expect(errors(plan).map((d) => [d.summary, d.detail])).toEqual([
    [
      'Mercato rejected the token',
      `The server at ${h.url} answered 401: the token is unknown, revoked or expired. Check \`token\` or MERCATO_TOKEN.`,
    ],
  ]);
  expect(plan.output).not.toContain('mct_not_a_real_token');
});

test('no endpoint at all is a clear error', async () => {
  const ws = h.workspace('no-endpoint', `provider "mercato" {}\n${ORGANIZATION}`, { MERCATO_ENDPOINT: '' });
  const plan = await ws.plan();
  expect(plan.code).toBe(1);
  expect(errors(plan).map((d) => [d.summary, d.detail])).toEqual([
    ['Missing Mercato endpoint', 'Set `endpoint` in the provider block or the MERCATO_ENDPOINT environment variable.'],
  ]);
});

test('an endpoint with credentials in it is named without its password', async () => {
  const withCredentials = (url: string) => url.replace('://', '://someone:endpoint-password@');
  // From the environment: Terraform quotes the provider block itself, as written, beside a diagnostic.
  const down = h.workspace('credentials-down', `provider "mercato" {}\n${ORGANIZATION}`, {
    MERCATO_ENDPOINT: withCredentials(await closedPortUrl()),
  });
  const badToken = h.workspace('credentials-401', `provider "mercato" {}\n${ORGANIZATION}`, {
    MERCATO_ENDPOINT: withCredentials(h.url),
    MERCATO_TOKEN: 'mct_not_a_real_token',
  });
  const [unreachable, refused] = await Promise.all([down.plan(), badToken.plan()]);
  expect(errors(unreachable)[0].detail).toContain('cannot reach the Mercato server at http://someone:***@127.0.0.1:');
  expect(errors(refused)[0].detail).toContain(`The server at ${h.url.replace('://', '://someone:***@')} answered 401`);
  for (const plan of [unreachable, refused]) expect(plan.output).not.toContain('endpoint-password');
});
