/**
 * Runs the real Terraform CLI against the example provider: bundles the fixture provider like a
 * release build, points a CLI config's dev_overrides at it, and gives each scenario a workdir. In
 * debug mode (MERCATO_PROVIDER_DEBUG=1, debug-provider.ts) Terraform attaches to the provider
 * running in this process instead.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildProvider, requiredProviders, terraformEnv, Workspace, writeDevOverrides } from './terraform';
import { AttachedProviders, PROVIDER_DEBUG } from './debug-provider';
import { exampleProvider } from '../fixtures/example-provider';
import { parseJson } from '../../src/framework';

const FIXTURE_ENTRY = resolve(__dirname, '../fixtures/example-provider.ts');
const SOURCE = 'example/example';
const PROVIDER_BLOCK = requiredProviders(SOURCE);

export interface Harness {
  root: string;
  pluginDir: string;
  providerBinary: string;
  storePath: string;
  /**
   * A workdir whose main.tf is the provider block and then `mainTf`. `launched`: Terraform
   * launches the provider even in debug mode, for tests of what only a launched provider does
   * (its log reaching TF_LOG, a schema chosen by the environment of one command).
   */
  workspace(name: string, mainTf: string, options?: { launched?: boolean }): Workspace;
  readStore(): Record<string, Record<string, unknown>>;
  cleanup(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'tf-provider-test-'));
  const pluginDir = join(root, 'plugins');
  mkdirSync(pluginDir);
  const providerBinary = join(pluginDir, 'terraform-provider-example');
  await buildProvider(FIXTURE_ENTRY, providerBinary);
  const cliConfig = join(root, 'terraform.tfrc');
  writeDevOverrides(cliConfig, SOURCE, pluginDir);
  // The example provider keeps its objects in this file instead of a server.
  const storePath = join(root, 'store.json');
  const env: NodeJS.ProcessEnv = { ...terraformEnv(root, cliConfig), EXAMPLE_STORE: storePath };
  const attached = PROVIDER_DEBUG ? new AttachedProviders(exampleProvider) : undefined;
  return {
    root,
    pluginDir,
    providerBinary,
    storePath,
    workspace: (name, mainTf, { launched = false } = {}) => {
      const wsEnv = { ...env };
      const provider = launched ? undefined : attached?.attach(wsEnv);
      const ws = new Workspace(join(root, name), wsEnv, PROVIDER_BLOCK, provider);
      ws.write(mainTf);
      return ws;
    },
    readStore: () => readStore(storePath),
    cleanup: async () => {
      await attached?.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The example provider's objects by id; none before its first write. */
function readStore(storePath: string): Record<string, Record<string, unknown>> {
  try {
    return (parseJson(readFileSync(storePath, 'utf8')) ?? {}) as Record<string, Record<string, unknown>>;
  } catch {
    return {};
  }
}
