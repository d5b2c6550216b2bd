/**
 * Acceptance tests of the `mercato` provider: the real Terraform CLI runs the provider bundled as
 * for a release, against the real Mercato server (in this process on a temp SQLite database, or
 * as its own process when a test must stop it). Each test file builds the provider once, points a
 * CLI config's dev_overrides at it in a temp HOME, and gives each scenario a workdir. In debug
 * mode (MERCATO_PROVIDER_DEBUG=1, support/debug-provider.ts) Terraform attaches to the provider
 * running in this process instead.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestServer, type TestServer, type TestServerOptions } from '@mercato/test-support/server-harness';
import { Api } from '@mercato/test-support/api-client';
import { freePort } from '@mercato/test-support/postgres';
import { buildProvider, requiredProviders, terraformEnv, Workspace, writeDevOverrides } from '../support/terraform';
import { AttachedProviders, PROVIDER_DEBUG } from '../support/debug-provider';
import { mercatoProvider } from '../../src/provider';

const PROVIDER_ENTRY = resolve(__dirname, '../../src/main.ts');
const SOURCE = 'mercato/mercato';
const PROVIDER_BLOCK = requiredProviders(SOURCE);

export interface MercatoHarness {
  root: string;
  server: TestServer;
  url: string;
  /** The server's staff API client (admin token). */
  admin: Api;
  /** True when Terraform attaches to the provider in this process (debug mode) rather than launching it. */
  debug: boolean;
  /**
   * A workspace running Terraform with MERCATO_ENDPOINT = the server and MERCATO_TOKEN = the admin
   * token, unless `env` says otherwise. `launched`: Terraform launches the provider even in debug
   * mode, for tests of what only a launched provider does (its log reaching TF_LOG).
   */
  workspace(name: string, mainTf: string, env?: NodeJS.ProcessEnv, options?: { launched?: boolean }): Workspace;
  close(): Promise<void>;
}

/**
 * Builds the provider and starts a real server on a fresh SQLite database; `debug` defaults to
 * MERCATO_PROVIDER_DEBUG=1; `server`: the server's options (a short pull interval, say).
 */
export async function createMercatoHarness(
  options: { debug?: boolean; server?: TestServerOptions } = {},
): Promise<MercatoHarness> {
  const attached = (options.debug ?? PROVIDER_DEBUG) ? new AttachedProviders(mercatoProvider) : undefined;
  const root = mkdtempSync(join(tmpdir(), 'tf-mercato-test-'));
  const pluginDir = join(root, 'plugins');
  mkdirSync(pluginDir);
  // Both take seconds and neither needs the other.
  const [, server] = await Promise.all([
    buildProvider(PROVIDER_ENTRY, join(pluginDir, 'terraform-provider-mercato')),
    startTestServer('sqlite', options.server),
  ]);
  const home = join(root, 'home');
  mkdirSync(home);
  const cliConfig = join(home, '.terraformrc');
  writeDevOverrides(cliConfig, SOURCE, pluginDir);
  const baseEnv: NodeJS.ProcessEnv = {
    ...terraformEnv(home, cliConfig),
    MERCATO_ENDPOINT: server.url,
    MERCATO_TOKEN: server.adminToken,
  };
  return {
    root,
    server,
    url: server.url,
    admin: new Api(server.url, server.adminToken),
    debug: Boolean(attached),
    workspace: (name, mainTf, env = {}, { launched = false } = {}) => {
      const wsEnv = { ...baseEnv, ...env };
      const provider = launched ? undefined : attached?.attach(wsEnv);
      const ws = new Workspace(join(root, name), wsEnv, PROVIDER_BLOCK, provider);
      ws.write(mainTf);
      return ws;
    },
    close: async () => {
      await attached?.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
      rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP port nothing listens on: an endpoint of a server that is down. */
export async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}
