/**
 * Runs the real Terraform CLI against the example provider: bundles the fixture provider like a
 * release build, points a CLI config's dev_overrides at it, and gives each scenario a workdir.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const TERRAFORM = '/usr/local/bin/terraform';
const FIXTURE_ENTRY = resolve(__dirname, '../fixtures/example-provider.ts');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a user would see them. */
  output: string;
}

export interface Harness {
  root: string;
  pluginDir: string;
  providerBinary: string;
  storePath: string;
  workspace(name: string, mainTf: string): Workspace;
  readStore(): Record<string, Record<string, unknown>>;
  cleanup(): void;
}

export async function createHarness(): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'tf-provider-test-'));
  const pluginDir = join(root, 'plugins');
  mkdirSync(pluginDir);
  const providerBinary = join(pluginDir, 'terraform-provider-example');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require('../../scripts/build.js') as { build: (entry: string, out: string) => Promise<string> };
  await build(FIXTURE_ENTRY, providerBinary);
  const cliConfig = join(root, 'terraform.tfrc');
  writeFileSync(cliConfig, `provider_installation {\n  dev_overrides { "example/example" = "${pluginDir}" }\n  direct {}\n}\n`);
  const storePath = join(root, 'store.json');
  const baseEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: root,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    EXAMPLE_STORE: storePath,
  };
  return {
    root,
    pluginDir,
    providerBinary,
    storePath,
    workspace: (name, mainTf) => new Workspace(join(root, name), baseEnv, mainTf),
    readStore: () => {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return (require('../../src/framework').parseJson(readFileSync(storePath, 'utf8')) ?? {}) as Record<string, Record<string, unknown>>;
      } catch {
        return {};
      }
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export const PROVIDER_BLOCK = `terraform {
  required_providers {
    example = { source = "example/example" }
  }
}
`;

export class Workspace {
  constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
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
}

export function expectSuccess(result: RunResult): RunResult {
  if (result.code !== 0) throw new Error(`terraform failed (exit ${result.code}):\n${result.output}`);
  return result;
}

/** Resources of `terraform show -json`, by address. */
export function resourcesByAddress(state: Record<string, unknown>): Record<string, { values: Record<string, unknown>; tainted?: boolean }> {
  const root = (state.values as { root_module?: { resources?: { address: string; values: Record<string, unknown>; tainted?: boolean }[] } } | undefined)?.root_module;
  return Object.fromEntries((root?.resources ?? []).map((r) => [r.address, r]));
}
