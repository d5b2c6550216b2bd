/**
 * Running the real Terraform CLI in tests: a workspace (a directory and an environment) with the
 * commands the tests use, the checks on their results, and the pieces every setup needs (a CLI
 * configuration with dev_overrides, a provider bundled as for a release). The setups that choose
 * a provider and a server are example-harness.ts, installed-provider.ts and mercato-harness.ts.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DebugSession } from '../../src/framework';

export const TERRAFORM = '/usr/local/bin/terraform';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a user would see them. */
  output: string;
}

/** Runs a command to its end; a failure is a result (its exit code), never a rejection. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    // Plans and `show -json` of large states outgrow execFile's default 1 MiB buffer.
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolvePromise({ code, stdout, stderr, output: stdout + stderr });
    });
  });
}

/** A terraform command started in the background (to interrupt it). */
export interface Started {
  child: ChildProcess;
  /** Everything printed so far. */
  output(): string;
  done: Promise<RunResult>;
}

/** The environment Terraform runs with: only what a test sets, nothing from the developer's own. */
export function terraformEnv(home: string, cliConfig: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
}

/** The `terraform` block requiring a provider, under the local name Terraform gives it by default. */
export function requiredProviders(source: string): string {
  const name = source.slice(source.indexOf('/') + 1);
  return `terraform {
  required_providers {
    ${name} = { source = "${source}" }
  }
}
`;
}

/** A CLI configuration that takes the provider `source` from `pluginDir`, skipping `terraform init`. */
export function writeDevOverrides(cliConfig: string, source: string, pluginDir: string): void {
  writeFileSync(cliConfig, `provider_installation {\n  dev_overrides { "${source}" = "${pluginDir}" }\n  direct {}\n}\n`);
}

/** Bundles a provider entry into one executable file, as the release build does (scripts/build.js). */
export async function buildProvider(entry: string, outfile: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require('../../scripts/build.js') as { build: (entry: string, out: string) => Promise<string> };
  await build(entry, outfile);
}

export interface StateResource {
  address: string;
  values: Record<string, unknown>;
  tainted?: boolean;
}

/** A directory Terraform runs in, with its environment. */
export class Workspace {
  /**
   * `header` goes before every main.tf that write() writes: the `terraform` block naming the
   * provider. `attached`: in debug mode, the provider in this process that Terraform attaches to.
   */
  constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
    private readonly header = '',
    readonly attached?: DebugSession,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  write(mainTf: string): void {
    writeFileSync(join(this.dir, 'main.tf'), this.header + mainTf);
  }

  /** Any command, in this directory with this environment. */
  exec(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return run(command, args, this.dir, { ...this.env, ...extraEnv });
  }

  terraform(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return this.exec(TERRAFORM, [...args, '-no-color'], extraEnv);
  }

  /** Starts a terraform command without waiting for it, for tests that interrupt it. */
  start(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Started {
    const child = spawn(TERRAFORM, [...args, '-no-color'], { cwd: this.dir, env: { ...this.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const done = new Promise<RunResult>((resolvePromise) => child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr, output: stdout + stderr })));
    return { child, output: () => stdout + stderr, done };
  }

  async init(): Promise<RunResult> {
    return expectSuccess(await this.terraform(['init', '-input=false']));
  }

  async apply(extra: string[] = [], extraEnv?: NodeJS.ProcessEnv): Promise<RunResult> {
    return expectSuccess(await this.terraform(['apply', '-auto-approve', '-input=false', ...extra], extraEnv));
  }

  async destroy(): Promise<RunResult> {
    return expectSuccess(await this.terraform(['destroy', '-auto-approve', '-input=false']));
  }

  /** `plan -detailed-exitcode`: 0 = no changes, 2 = changes, 1 = error. */
  plan(extra: string[] = [], extraEnv?: NodeJS.ProcessEnv): Promise<RunResult> {
    return this.terraform(['plan', '-input=false', '-detailed-exitcode', ...extra], extraEnv);
  }

  /**
   * `plan -detailed-exitcode -json -out=<file>`, then `terraform show -json <file>`: the exit code,
   * the diagnostics with the source ranges Terraform gave them, and the saved plan as JSON (when
   * the plan succeeded).
   */
  async savedPlan(extra: string[] = [], extraEnv?: NodeJS.ProcessEnv): Promise<SavedPlan> {
    const result = await this.terraform(['plan', '-input=false', '-detailed-exitcode', '-json', '-out=saved.tfplan', ...extra], extraEnv);
    const diagnostics = uiDiagnostics(result.stdout);
    if (result.code === 1) return { code: 1, diagnostics };
    const plan = JSON.parse(expectSuccess(await this.terraform(['show', '-json', 'saved.tfplan'])).stdout) as PlanJson;
    return { code: result.code, diagnostics, plan, change: (address) => plan.resource_changes?.find((c) => c.address === address)?.change };
  }

  /** `terraform show -json`; resourcesByAddress() picks the resources out of it. */
  async state(): Promise<Record<string, unknown>> {
    return JSON.parse(expectSuccess(await this.terraform(['show', '-json'])).stdout) as Record<string, unknown>;
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

  /** `terraform output -json` as it prints it: each output as `{ value, type, sensitive }`. */
  async outputs(): Promise<Record<string, { value: unknown }>> {
    return JSON.parse(expectSuccess(await this.terraform(['output', '-json'])).stdout) as Record<string, { value: unknown }>;
  }

  /** Each output's value alone. */
  async outputValues(): Promise<Record<string, unknown>> {
    return Object.fromEntries(Object.entries(await this.outputs()).map(([k, v]) => [k, v.value]));
  }
}

/** A diagnostic of Terraform's machine-readable UI (`-json`), with where it points in the configuration. */
export interface UiDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  range?: { filename: string; start: { line: number; column: number }; end: { line: number; column: number } };
  snippet?: { code: string };
}

/** One resource's change in a saved plan (`terraform show -json`). */
export interface PlannedChange {
  actions: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  after_unknown: Record<string, unknown>;
  replace_paths?: unknown[][];
}

export interface PlanJson {
  resource_changes?: { address: string; change: PlannedChange }[];
  resource_drift?: { address: string; change: PlannedChange }[];
}

export interface SavedPlan {
  /** 0: no changes, 1: error, 2: changes. */
  code: number;
  /** Without the warning every dev_overrides run prints. */
  diagnostics: UiDiagnostic[];
  plan?: PlanJson;
  change?: (address: string) => PlannedChange | undefined;
}

/** The diagnostics of a `-json` run, leaving out Terraform's own dev_overrides warning. */
export function uiDiagnostics(stdout: string): UiDiagnostic[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { type: string; diagnostic?: UiDiagnostic })
    .filter((message) => message.type === 'diagnostic' && message.diagnostic && !message.diagnostic.summary.startsWith('Provider development overrides'))
    .map((message) => message.diagnostic!);
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

/** Resources of `terraform show -json`, by address. */
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
