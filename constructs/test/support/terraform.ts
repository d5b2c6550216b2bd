/**
 * The real Terraform CLI and the real provider for synthesized stacks: the provider built from
 * its sources, found by `terraform init` and used by plan and apply, against a real server.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_VERSION } from '@mercato/terraform-provider';
import { build } from '@mercato/terraform-provider/build';

const TERRAFORM = '/usr/local/bin/terraform';

export interface Run {
  code: number;
  stdout: string;
  output: string;
}

/** Runs Terraform in `dir`; never rejects, the exit code says how it went. */
export function terraform(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TERRAFORM,
      [...args, '-no-color'],
      { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          output: stdout + stderr,
        });
      },
    );
  });
}

/** Runs Terraform in `dir` and fails with its output unless it exits 0. */
export async function terraformOk(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const run = await terraform(dir, args, env);
  if (run.code !== 0) throw new Error(`terraform ${args[0]} in ${dir} failed (exit ${run.code}):\n${run.output}`);
  return run;
}

/** What a `-json` apply or destroy did: its last change summary (`Apply complete! Resources: ...` as data). */
export function changeSummary(run: Run): { add: number; change: number; remove: number } {
  const summaries = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { type: string; changes?: { add: number; change: number; remove: number } })
    .filter((message) => message.type === 'change_summary');
  if (summaries.length === 0) throw new Error(`no change summary in:\n${run.output}`);
  return summaries[summaries.length - 1].changes!;
}

/**
 * The provider built twice from its sources under `root`: for dev_overrides, which plan and
 * apply use, and in a filesystem mirror for `terraform init`, which a synthesized stack needs
 * (cdktf always writes a backend block) and which with dev_overrides alone still asks the
 * registry. Answers the environment that runs Terraform with them against `server`.
 */
export async function installProvider(
  root: string,
  server: { url: string; adminToken: string },
): Promise<NodeJS.ProcessEnv> {
  const platform = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
  const pluginDir = join(root, 'plugins');
  const mirror = join(root, 'mirror');
  await build(undefined, join(pluginDir, 'terraform-provider-mercato'));
  await build(
    undefined,
    join(
      mirror,
      'registry.terraform.io/mercato/mercato',
      PROVIDER_VERSION,
      platform,
      `terraform-provider-mercato_v${PROVIDER_VERSION}`,
    ),
  );
  const home = join(root, 'home');
  mkdirSync(home);
  const cliConfig = join(home, '.terraformrc');
  writeFileSync(
    cliConfig,
    `provider_installation {
  dev_overrides { "mercato/mercato" = "${pluginDir}" }
  filesystem_mirror {
    path    = "${mirror}"
    include = ["mercato/mercato"]
  }
  direct { exclude = ["mercato/mercato"] }
}
`,
  );
  return {
    PATH: process.env.PATH,
    HOME: home,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    MERCATO_ENDPOINT: server.url,
    MERCATO_TOKEN: server.adminToken,
  };
}
