/**
 * Asks Terraform what changed outside it: `terraform plan -refresh-only -json -out=<file>`
 * refreshes every resource and plans nothing else; its machine-readable UI stream carries the
 * diagnostics and one `resource_drift` event per drifted resource (address and action only),
 * and `terraform show -json <file>` gives the same drift with the values before and after
 * and their sensitivity (the plan's `resource_drift` list). Terraform 1.11.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanResourceDrift, StateResource } from './drift-report';

/** Terraform is missing, the directory is not initialized, or the plan failed: said for the person who ran the check. */
export class DriftError extends Error {}

export interface TerraformRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** One message of `terraform ... -json` (the machine-readable UI, one JSON object per line). */
interface UiMessage {
  '@level': string;
  '@message': string;
  type: string;
  diagnostic?: {
    severity: string;
    summary: string;
    detail?: string;
    range?: { filename: string; start: { line: number } };
  };
  change?: { resource: { addr: string }; action: string };
}

export interface DriftPlan {
  drift: PlanResourceDrift[];
  /** Every resource of the refreshed state, in every module. */
  state: StateResource[];
  /** Addresses Terraform announced as drifted in the UI stream. */
  announced: string[];
  warnings: string[];
}

function runTerraform(
  terraform: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TerraformRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(terraform, args, {
      cwd,
      env: { ...env, TF_IN_AUTOMATION: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT')
        reject(
          new DriftError(
            `terraform not found (\`${terraform}\`): install Terraform (https://developer.hashicorp.com/terraform/install) or pass --terraform <path>`,
          ),
        );
      else reject(new DriftError(`cannot run ${terraform}: ${error.message}`));
    });
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

function parseUiStream(stdout: string): UiMessage[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as UiMessage];
      } catch {
        return [];
      }
    });
}

function describeDiagnostic(message: UiMessage): string {
  const d = message.diagnostic!;
  const where = d.range ? ` (${d.range.filename} line ${d.range.start.line})` : '';
  const detail = d.detail ? `: ${d.detail.replace(/\s*\n\s*/g, ' ').trim()}` : '';
  return `${d.summary}${where}${detail}`;
}

/** Errors that mean `terraform init` has not run here (or must run again). */
const NEEDS_INIT =
  /terraform init|Inconsistent dependency lock file|Missing required provider|Backend initialization required|Module not installed|Required plugins are not installed/i;

export async function planDrift(
  dir: string,
  terraform = 'terraform',
  env: NodeJS.ProcessEnv = process.env,
): Promise<DriftPlan> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new DriftError(`${dir} is not a directory`);

  const scratch = mkdtempSync(join(tmpdir(), 'mercato-drift-'));
  const planFile = join(scratch, 'drift.tfplan');
  try {
    const plan = await runTerraform(
      terraform,
      ['plan', '-refresh-only', '-json', '-input=false', '-detailed-exitcode', `-out=${planFile}`],
      dir,
      env,
    );
    const messages = parseUiStream(plan.stdout);
    const errors = messages.filter((m) => m.type === 'diagnostic' && m.diagnostic?.severity === 'error');
    const warnings = messages
      .filter((m) => m.type === 'diagnostic' && m.diagnostic?.severity === 'warning')
      .map(describeDiagnostic);
    if (errors.length || plan.code === 1 || !messages.length) {
      const text = errors.length
        ? errors.map(describeDiagnostic).join('; ')
        : plan.stderr.trim() || plan.stdout.trim() || `terraform plan exited ${plan.code}`;
      if (errors.some((m) => NEEDS_INIT.test(`${m.diagnostic!.summary} ${m.diagnostic!.detail ?? ''}`))) {
        const summaries = errors.map((m) => m.diagnostic!.summary).join('; ');
        throw new DriftError(`${dir} is not initialized: run \`terraform init\` there first (Terraform: ${summaries})`);
      }
      throw new DriftError(`terraform plan failed in ${dir}: ${text}`);
    }
    const announced = messages
      .filter((m) => m.type === 'resource_drift' && m.change)
      .map((m) => m.change!.resource.addr);

    const show = await runTerraform(terraform, ['show', '-json', planFile], dir, env);
    if (show.code !== 0)
      throw new DriftError(`terraform show failed in ${dir}: ${show.stderr.trim() || show.stdout.trim()}`);
    let document: { resource_drift?: PlanResourceDrift[]; prior_state?: { values?: { root_module?: ModuleValues } } };
    try {
      document = JSON.parse(show.stdout) as typeof document;
    } catch {
      throw new DriftError(`terraform show -json answered something that is not JSON: ${show.stdout.slice(0, 200)}`);
    }
    return {
      drift: document.resource_drift ?? [],
      state: moduleResources(document.prior_state?.values?.root_module),
      announced,
      warnings,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A module of a plan's `prior_state` (the refreshed state): its resources and child modules. */
interface ModuleValues {
  resources?: StateResource[];
  child_modules?: ModuleValues[];
}

function moduleResources(module: ModuleValues | undefined): StateResource[] {
  if (!module) return [];
  return [...(module.resources ?? []), ...(module.child_modules ?? []).flatMap(moduleResources)];
}
