/**
 * The real `mercato` provider under the real Terraform CLI, as a user gets it: installed with
 * `mercato provider install` into the implied local mirror of a temporary HOME, found by a plain
 * `terraform init` with no CLI configuration and no network (proxies point at a closed port).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installProvider, type InstallResult } from '../../../server/src/cli/provider-install';
import { TERRAFORM, expectSuccess, type RunResult } from './terraform-harness';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const MERCATO_CLI = join(REPO_ROOT, 'server/bin/mercato.js');

/** A closed local port: any attempt to reach a registry fails at once instead of hanging. */
const NO_NETWORK = 'http://127.0.0.1:9';

export interface MercatoTerraform {
  root: string;
  home: string;
  install: InstallResult;
  env: NodeJS.ProcessEnv;
  /** A working directory with these files (name -> content), or a copy of a directory. */
  workspace(name: string, files: Record<string, string> | string): TerraformDir;
  cleanup(): void;
}

/** A temp HOME with the provider installed; `server` fills MERCATO_ENDPOINT and MERCATO_TOKEN. */
export async function setUpMercatoTerraform(server?: { url: string; adminToken: string }): Promise<MercatoTerraform> {
  const root = mkdtempSync(join(tmpdir(), 'mercato-tf-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const install = await installProvider({ dir: join(home, '.terraform.d', 'plugins') });
  const cliConfig = join(root, 'empty.tfrc');
  writeFileSync(cliConfig, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    HTTPS_PROXY: NO_NETWORK,
    HTTP_PROXY: NO_NETWORK,
    // ...but the Mercato server under test is local.
    NO_PROXY: '127.0.0.1,localhost',
    ...(server ? { MERCATO_ENDPOINT: server.url, MERCATO_TOKEN: server.adminToken } : {}),
  };
  return {
    root,
    home,
    install,
    env,
    workspace: (name, files) => {
      const dir = join(root, name);
      if (typeof files === 'string') cpSync(files, dir, { recursive: true, filter: (src) => !/[\\/](\.terraform|terraform\.tfstate[^\\/]*|\.terraform\.lock\.hcl)$/.test(src) });
      else {
        mkdirSync(dir, { recursive: true });
        for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
      }
      return new TerraformDir(dir, env);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export const REQUIRED_PROVIDERS = `terraform {
  required_providers {
    mercato = { source = "mercato/mercato" }
  }
}
`;

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolvePromise({ code, stdout, stderr, output: stdout + stderr });
    });
  });
}

export class TerraformDir {
  constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  terraform(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return run(TERRAFORM, [...args, '-no-color'], this.dir, { ...this.env, ...extraEnv });
  }

  /** The `mercato` CLI as a user runs it, with this directory's environment. */
  mercato(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return run(process.execPath, [MERCATO_CLI, ...args], this.dir, { ...this.env, ...extraEnv });
  }

  async init(): Promise<RunResult> {
    return expectSuccess(await this.terraform(['init', '-input=false']));
  }

  async apply(extra: string[] = []): Promise<RunResult> {
    return expectSuccess(await this.terraform(['apply', '-auto-approve', '-input=false', ...extra]));
  }

  async destroy(): Promise<RunResult> {
    return expectSuccess(await this.terraform(['destroy', '-auto-approve', '-input=false']));
  }

  /** `plan -detailed-exitcode`: 0 = no changes, 2 = changes, 1 = error. */
  plan(extra: string[] = []): Promise<RunResult> {
    return this.terraform(['plan', '-input=false', '-detailed-exitcode', ...extra]);
  }

  async state(): Promise<Record<string, unknown>> {
    return JSON.parse(expectSuccess(await this.terraform(['show', '-json'])).stdout) as Record<string, unknown>;
  }

  async outputs(): Promise<Record<string, { value: unknown }>> {
    return JSON.parse(expectSuccess(await this.terraform(['output', '-json'])).stdout) as Record<string, { value: unknown }>;
  }
}
