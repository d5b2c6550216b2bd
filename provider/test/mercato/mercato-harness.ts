/**
 * Acceptance tests of the `mercato` provider: the real Terraform CLI runs the provider bundled as
 * for a release, against the real Mercato server (in this process on a temp SQLite database, or
 * as its own process when a test must stop it). Each test file builds the provider once, points a
 * CLI config's dev_overrides at it in a temp HOME, and gives each scenario a workdir.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestServer, type TestServer } from '../../../test/support/server-harness';
import { Api } from '../../../test/support/api-client';
import { freePort } from '../../../test/support/postgres';

export const TERRAFORM = '/usr/local/bin/terraform';
const PROVIDER_ENTRY = resolve(__dirname, '../../src/main.ts');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a user would see them. */
  output: string;
}

export interface MercatoHarness {
  root: string;
  server: TestServer;
  url: string;
  /** The server's staff API client (admin token). */
  admin: Api;
  /** A workspace running Terraform with MERCATO_ENDPOINT = the server and MERCATO_TOKEN = the admin token, unless `env` says otherwise. */
  workspace(name: string, mainTf: string, env?: NodeJS.ProcessEnv): Workspace;
  close(): Promise<void>;
}

/** Builds the provider and starts a real server on a fresh SQLite database. */
export async function createMercatoHarness(): Promise<MercatoHarness> {
  const root = mkdtempSync(join(tmpdir(), 'tf-mercato-test-'));
  const pluginDir = join(root, 'plugins');
  mkdirSync(pluginDir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require('../../scripts/build.js') as { build: (entry: string, out: string) => Promise<string> };
  const [, server] = await Promise.all([build(PROVIDER_ENTRY, join(pluginDir, 'terraform-provider-mercato')), startTestServer('sqlite')]);
  const home = join(root, 'home');
  mkdirSync(home);
  const cliConfig = join(home, '.terraformrc');
  writeFileSync(cliConfig, `provider_installation {\n  dev_overrides { "mercato/mercato" = "${pluginDir}" }\n  direct {}\n}\n`);
  const baseEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    MERCATO_ENDPOINT: server.url,
    MERCATO_TOKEN: server.adminToken,
  };
  return {
    root,
    server,
    url: server.url,
    admin: new Api(server.url, server.adminToken),
    workspace: (name, mainTf, env = {}) => new Workspace(join(root, name), { ...baseEnv, ...env }, mainTf),
    close: async () => {
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

export const PROVIDER_BLOCK = `terraform {
  required_providers {
    mercato = { source = "mercato/mercato" }
  }
}
`;

/** A terraform command started in the background (to interrupt it). */
export interface Started {
  child: ChildProcess;
  /** Everything printed so far. */
  output(): string;
  done: Promise<RunResult>;
}

export class Workspace {
  constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
    mainTf: string,
  ) {
    mkdirSync(dir, { recursive: true });
    this.write(mainTf);
  }

  write(mainTf: string): void {
    writeFileSync(join(this.dir, 'main.tf'), PROVIDER_BLOCK + mainTf);
  }

  run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return new Promise((resolvePromise) => {
      execFile(TERRAFORM, [...args, '-no-color'], { cwd: this.dir, env: { ...this.env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ code, stdout, stderr, output: stdout + stderr });
      });
    });
  }

  start(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Started {
    const child = spawn(TERRAFORM, [...args, '-no-color'], { cwd: this.dir, env: { ...this.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const done = new Promise<RunResult>((resolvePromise) => child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr, output: stdout + stderr })));
    return { child, output: () => stdout + stderr, done };
  }

  async apply(extraEnv?: NodeJS.ProcessEnv): Promise<RunResult> {
    return expectSuccess(await this.run(['apply', '-auto-approve', '-input=false'], extraEnv));
  }

  /** `plan -detailed-exitcode`: 0 = no changes, 2 = changes, 1 = error. */
  plan(extra: string[] = [], extraEnv?: NodeJS.ProcessEnv): Promise<RunResult> {
    return this.run(['plan', '-input=false', '-detailed-exitcode', ...extra], extraEnv);
  }

  async state(): Promise<Record<string, unknown>> {
    const result = expectSuccess(await this.run(['show', '-json']));
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  /**
   * Resources in the state, by address, read from the local state file (faster than `terraform
   * show -json`, which starts the provider): values as stored, `tainted` when so marked.
   */
  resources(): Record<string, StateResource> {
    const path = join(this.dir, 'terraform.tfstate');
    if (!existsSync(path)) return {};
    const state = JSON.parse(readFileSync(path, 'utf8')) as { resources?: { mode: string; type: string; name: string; instances: { attributes: Record<string, unknown>; status?: string }[] }[] };
    const found: Record<string, StateResource> = {};
    for (const r of state.resources ?? []) {
      const address = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
      for (const instance of r.instances) found[address] = { address, values: instance.attributes, tainted: instance.status === 'tainted' };
    }
    return found;
  }

  async outputs(): Promise<Record<string, unknown>> {
    const result = expectSuccess(await this.run(['output', '-json']));
    return Object.fromEntries(Object.entries(JSON.parse(result.stdout) as Record<string, { value: unknown }>).map(([k, v]) => [k, v.value]));
  }
}

export interface StateResource {
  address: string;
  values: Record<string, unknown>;
  tainted?: boolean;
}

export function expectSuccess(result: RunResult): RunResult {
  if (result.code !== 0) throw new Error(`terraform failed (exit ${result.code}):\n${result.output}`);
  return result;
}

/** `plan -detailed-exitcode` must report changes (exit 2); the plan output otherwise. */
export function expectChanges(result: RunResult): RunResult {
  if (result.code !== 2) throw new Error(`expected a plan with changes (exit 2), got exit ${result.code}:\n${result.output}`);
  return result;
}

/** `plan -detailed-exitcode` must report no changes (exit 0). */
export function expectNoChanges(result: RunResult): RunResult {
  if (result.code !== 0 || !result.stdout.includes('No changes.')) throw new Error(`expected a plan with no changes (exit 0), got exit ${result.code}:\n${result.output}`);
  return result;
}

export function resourcesByAddress(state: Record<string, unknown>): Record<string, StateResource> {
  const root = (state.values as { root_module?: { resources?: StateResource[] } } | undefined)?.root_module;
  return Object.fromEntries((root?.resources ?? []).map((r) => [r.address, r]));
}

/** Polls until `check` returns a value (not undefined), or throws after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Terraform wraps diagnostics at 78 columns: compare text with runs of white space made one space. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
