/**
 * The real `mercato` provider under the real Terraform CLI, as a user gets it: installed with
 * `mercato provider install` into the implied local mirror of a temporary HOME, found by a plain
 * `terraform init` with no CLI configuration and no network (proxies point at a closed port).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installProvider, type InstallResult } from '../../src/install/install';
import { MERCATO_CLI } from './repo-paths';
import { requiredProviders, terraformEnv, Workspace, type RunResult } from './terraform';

export const REQUIRED_PROVIDERS = requiredProviders('mercato/mercato');

/** A closed local port: any attempt to reach a registry fails at once instead of hanging. */
const NO_NETWORK = 'http://127.0.0.1:9';

/** Lock files and state a copied example may hold from a developer's own runs. */
const LOCAL_RUN_FILES = /[\\/](\.terraform|terraform\.tfstate[^\\/]*|\.terraform\.lock\.hcl)$/;

/**
 * A fresh HOME under `root` and an environment in which Terraform reads an empty CLI
 * configuration and has no network: it finds providers only in HOME's implied local mirror.
 */
export function offlineHome(root: string): { home: string; env: NodeJS.ProcessEnv } {
  const home = join(root, 'home');
  mkdirSync(home);
  const cliConfig = join(root, 'empty.tfrc');
  writeFileSync(cliConfig, '');
  const env: NodeJS.ProcessEnv = {
    ...terraformEnv(home, cliConfig),
    HTTPS_PROXY: NO_NETWORK,
    HTTP_PROXY: NO_NETWORK,
    // ...but a Mercato server under test is local.
    NO_PROXY: '127.0.0.1,localhost',
  };
  return { home, env };
}

/** A workspace that can also run the `mercato` CLI, which itself runs Terraform there. */
export class MercatoCliWorkspace extends Workspace {
  /** The `mercato` CLI as a user runs it, with this directory's environment. */
  mercato(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return this.exec(process.execPath, [MERCATO_CLI, ...args], extraEnv);
  }
}

export interface MercatoTerraform {
  root: string;
  home: string;
  install: InstallResult;
  env: NodeJS.ProcessEnv;
  /** A working directory with these files (name -> content), or a copy of a directory. */
  workspace(name: string, files: Record<string, string> | string): MercatoCliWorkspace;
  cleanup(): void;
}

/** A temp HOME with the provider installed; `server` fills MERCATO_ENDPOINT and MERCATO_TOKEN. */
export async function setUpMercatoTerraform(server?: { url: string; adminToken: string }): Promise<MercatoTerraform> {
  const root = mkdtempSync(join(tmpdir(), 'mercato-tf-'));
  const offline = offlineHome(root);
  const install = await installProvider({ dir: join(offline.home, '.terraform.d', 'plugins') });
  const env: NodeJS.ProcessEnv = {
    ...offline.env,
    ...(server ? { MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken } : {}),
  };
  return {
    root,
    home: offline.home,
    install,
    env,
    workspace: (name, files) => {
      const dir = join(root, name);
      fill(dir, files);
      return new MercatoCliWorkspace(dir, env);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Writes these files (name -> content) into `dir`, or copies a directory there. */
function fill(dir: string, files: Record<string, string> | string): void {
  if (typeof files === 'string') {
    cpSync(files, dir, { recursive: true, filter: (src) => !LOCAL_RUN_FILES.test(src) });
    return;
  }
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
}
