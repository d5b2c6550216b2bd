/**
 * Running the real Terraform CLI in tests: a workspace (a directory and an environment) with the
 * commands the tests use, the checks on their results, and the pieces every setup needs (a CLI
 * configuration with dev_overrides, a provider bundled as for a release). The setups that choose
 * a provider and a server are example-harness.ts, installed-provider.ts and mercato-harness.ts.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson, type DebugSession } from '../../src/framework';

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
  /** The `-json` UI messages printed so far. */
  messages(): UiMessage[];
  done: Promise<JsonRun>;
}

/** The file savedPlan() saves the plan to, in the workspace. */
const SAVED_PLAN = 'saved.tfplan';

/** The environment Terraform runs with: only what a test sets, nothing from the developer's own. */
export function terraformEnv(home: string, cliConfig: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
  };
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
  writeFileSync(
    cliConfig,
    `provider_installation {\n  dev_overrides { "${source}" = "${pluginDir}" }\n  direct {}\n}\n`,
  );
}

/** Bundles a provider entry into one executable file, as the release build does (scripts/build.js). */
export async function buildProvider(entry: string, outfile: string): Promise<void> {
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

  /** The 1-based number of the first line of main.tf that contains `text`: where a diagnostic should point. */
  lineOf(text: string): number {
    const lines = readFileSync(join(this.dir, 'main.tf'), 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes(text));
    if (index < 0) throw new Error(`main.tf has no line with ${text}`);
    return index + 1;
  }

  /** Any command, in this directory with this environment. */
  exec(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return run(command, args, this.dir, { ...this.env, ...extraEnv });
  }

  terraform(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return this.exec(TERRAFORM, [...args, '-no-color'], extraEnv);
  }

  /**
   * Starts a terraform command without waiting for it, for tests that interrupt it or act while it
   * waits. Give it `-json` to read what it did from `messages()` and `done`.
   */
  start(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Started {
    const child = spawn(TERRAFORM, [...args, '-no-color'], {
      cwd: this.dir,
      env: { ...this.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const done = new Promise<JsonRun>((resolvePromise) =>
      child.on('close', (code) =>
        resolvePromise(jsonRun({ code: code ?? 1, stdout, stderr, output: stdout + stderr })),
      ),
    );
    return { child, output: () => stdout + stderr, messages: () => uiMessages(stdout), done };
  }

  async init(): Promise<RunResult> {
    return expectSuccess(await this.terraform(['init', '-input=false']));
  }

  /** `apply -auto-approve -json` (with `extra`, e.g. a saved plan file), which must succeed. */
  async apply(extra: string[] = [], extraEnv?: NodeJS.ProcessEnv): Promise<JsonRun> {
    return expectSuccess(await this.tryApply(extra, extraEnv));
  }

  /** `apply -auto-approve -json`, failing or not: the exit code, diagnostics and change summary. */
  async tryApply(extra: string[] = [], extraEnv?: NodeJS.ProcessEnv): Promise<JsonRun> {
    return jsonRun(await this.terraform(['apply', '-auto-approve', '-input=false', '-json', ...extra], extraEnv));
  }

  /** Applies the plan savedPlan() saved: exactly what it showed. */
  applySaved(): Promise<JsonRun> {
    return this.apply([SAVED_PLAN]);
  }

  /** `destroy -auto-approve -json`, which must succeed. */
  async destroy(): Promise<JsonRun> {
    return expectSuccess(await this.tryDestroy());
  }

  async tryDestroy(): Promise<JsonRun> {
    return jsonRun(await this.terraform(['destroy', '-auto-approve', '-input=false', '-json']));
  }

  /** `plan -detailed-exitcode -json` (0: no changes, 2: changes, 1: error): diagnostics, change summary, each resource's action. */
  async plan(extra: string[] = [], extraEnv?: NodeJS.ProcessEnv): Promise<PlanRun> {
    return planRun(await this.terraform(['plan', '-input=false', '-detailed-exitcode', '-json', ...extra], extraEnv));
  }

  /**
   * plan() saved to a file, then `terraform show -json` of it when the plan succeeded: each
   * resource's change as Terraform saved it (actions, before, after, after_unknown, sensitivity,
   * replace_paths, importing). applySaved() applies it.
   */
  async savedPlan(extra: string[] = [], extraEnv?: NodeJS.ProcessEnv): Promise<SavedPlan> {
    const run = await this.plan([`-out=${SAVED_PLAN}`, ...extra], extraEnv);
    if (run.code === 1) return run;
    // Exact numbers: an integer beyond 2^53 is a bigint, as the provider holds it.
    const plan = parseJson(expectSuccess(await this.terraform(['show', '-json', SAVED_PLAN])).stdout) as PlanJson;
    return { ...run, plan, change: (address) => plan.resource_changes?.find((c) => c.address === address)?.change };
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
    const state = JSON.parse(readFileSync(path, 'utf8')) as {
      resources?: {
        mode: string;
        type: string;
        name: string;
        instances: { attributes: Record<string, unknown>; status?: string }[];
      }[];
    };
    const found: Record<string, StateResource> = {};
    for (const r of state.resources ?? []) {
      const address = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
      for (const instance of r.instances)
        found[address] = { address, values: instance.attributes, tainted: instance.status === 'tainted' };
    }
    return found;
  }

  /** `terraform output -json` as it prints it: each output as `{ value, type, sensitive }`. */
  async outputs(): Promise<Record<string, { value: unknown }>> {
    return JSON.parse(expectSuccess(await this.terraform(['output', '-json'])).stdout) as Record<
      string,
      { value: unknown }
    >;
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
  address?: string;
  range?: { filename: string; start: { line: number; column: number }; end: { line: number; column: number } };
  snippet?: { code: string };
}

/** What a plan, apply or destroy reports it did or would do (`Plan: 1 to add...`). */
export interface ChangeSummary {
  add: number;
  change: number;
  import: number;
  remove: number;
  operation: 'plan' | 'apply' | 'destroy';
}

/** One line of Terraform's machine-readable UI (the `-json` flag of plan, apply and destroy). */
export interface UiMessage {
  type: string;
  '@message': string;
  diagnostic?: UiDiagnostic;
  changes?: ChangeSummary;
  change?: { resource: { addr: string }; action: string };
  hook?: { resource: { addr: string }; action?: string };
}

/** A `-json` run: its exit code, its diagnostics (without Terraform's own dev_overrides warning), and its (last) change summary. */
export interface JsonRun extends RunResult {
  messages: UiMessage[];
  diagnostics: UiDiagnostic[];
  summary?: ChangeSummary;
}

/** A `plan -detailed-exitcode -json` run (0: no changes, 2: changes, 1: error), with the action it plans for each resource. */
export interface PlanRun extends JsonRun {
  actions: Record<string, string>;
}

/** One resource's change in a saved plan (`terraform show -json`). */
export interface PlannedChange {
  actions: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  after_unknown: Record<string, unknown>;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: unknown[][];
  importing?: { id: string };
}

export interface PlanJson {
  /** `action_reason`: why Terraform plans it so, e.g. `replace_because_tainted`. */
  resource_changes?: { address: string; change: PlannedChange; action_reason?: string }[];
  resource_drift?: { address: string; change: PlannedChange }[];
}

export interface SavedPlan extends PlanRun {
  /** The saved plan, unless it failed (exit 1). */
  plan?: PlanJson;
  change?: (address: string) => PlannedChange | undefined;
}

/** The `-json` UI messages in a command's stdout. */
function uiMessages(stdout: string): UiMessage[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as UiMessage);
}

function jsonRun(result: RunResult): JsonRun {
  const messages = uiMessages(result.stdout);
  const diagnostics = messages
    .filter(
      (message) =>
        message.type === 'diagnostic' &&
        message.diagnostic &&
        !message.diagnostic.summary.startsWith('Provider development overrides'),
    )
    .map((message) => message.diagnostic!);
  // An apply reports its plan's summary, then its own: the last one says what was done.
  const summaries = messages.filter((message) => message.type === 'change_summary');
  return { ...result, messages, diagnostics, summary: summaries[summaries.length - 1]?.changes };
}

function planRun(result: RunResult): PlanRun {
  const run = jsonRun(result);
  const planned = run.messages.filter((message) => message.type === 'planned_change' && message.change);
  return {
    ...run,
    actions: Object.fromEntries(planned.map((message) => [message.change!.resource.addr, message.change!.action])),
  };
}

/**
 * The diagnostic of a run with this summary whose detail contains `detail` (white space runs
 * compared as one space) or matches it; throws, listing what the run had, when there is none.
 */
export function diagnostic(
  run: { diagnostics: UiDiagnostic[] },
  summary: string,
  detail: string | RegExp = '',
): UiDiagnostic {
  const matches = (d: UiDiagnostic) =>
    typeof detail === 'string' ? flat(d.detail).includes(flat(detail)) : detail.test(flat(d.detail));
  const found = run.diagnostics.find((d) => d.summary === summary && matches(d));
  if (!found)
    throw new Error(`no diagnostic "${summary}" with ${detail}; got ${JSON.stringify(run.diagnostics, null, 2)}`);
  return found;
}

/** The errors (not warnings) of a run. */
export function errors(run: { diagnostics: UiDiagnostic[] }): UiDiagnostic[] {
  return run.diagnostics.filter((d) => d.severity === 'error');
}

export function expectSuccess<T extends RunResult>(result: T): T {
  if (result.code !== 0) throw new Error(`terraform failed (exit ${result.code}):\n${result.output}`);
  return result;
}

/** A plan must report no changes (exit 0 of `-detailed-exitcode`, nothing to add, change, import or remove). */
export function expectNoChanges(run: PlanRun): PlanRun {
  const nothing =
    !run.summary ||
    (run.summary.add === 0 && run.summary.change === 0 && run.summary.import === 0 && run.summary.remove === 0);
  if (run.code !== 0 || !nothing)
    throw new Error(`expected a plan with no changes (exit 0), got exit ${run.code}:\n${run.output}`);
  return run;
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

/** Waits until a background `-json` apply or destroy has started applying the resource at `address`. */
export function applying(started: Started, address: string): Promise<true> {
  const begun = () => started.messages().some((m) => m.type === 'apply_start' && m.hook?.resource.addr === address);
  return eventually(`the apply of ${address} to start`, async () => (begun() ? true : undefined));
}

/** Terraform wraps diagnostics at 78 columns: compare text with runs of white space made one space. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
