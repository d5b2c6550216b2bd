/**
 * `mercato drift [--dir DIR] [--format text|json|markdown]`: what changed outside Terraform in a
 * Terraform working directory, per resource and attribute, with sensitive values masked.
 * Exit code 0: no drift; 2: drift; 1: error (Terraform missing, not initialized, plan failed).
 */
import { Option, type Command } from 'commander';
import { userPath } from '../../../cli/src/working-directory';
import { messageOf } from '../../../cli/src/cli-error';
import { buildDriftReport, DRIFT_FORMATS, renderDrift, type DriftFormat, type DriftReport } from './drift-report';
import { planDrift } from './drift-terraform';

export const EXIT_NO_DRIFT = 0;
export const EXIT_ERROR = 1;
export const EXIT_DRIFT = 2;

export interface DriftOptions {
  dir?: string;
  format?: DriftFormat;
  terraform?: string;
}

export async function checkDrift(options: DriftOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<DriftReport> {
  const dir = userPath(options.dir ?? '.', env);
  const plan = await planDrift(dir, terraformExecutable(options.terraform ?? 'terraform', env), env);
  return buildDriftReport(dir, plan.drift, plan.state);
}

/** A bare name is looked up in PATH; a path is the user's, relative to where they ran the command. */
function terraformExecutable(given: string, env: NodeJS.ProcessEnv): string {
  return given.includes('/') || given.includes('\\') ? userPath(given, env) : given;
}

export function registerDriftCommand(program: Command): void {
  program
    .command('drift')
    .description('Report what changed outside Terraform in a Terraform working directory (terraform plan -refresh-only). Exit 0: no drift, 2: drift, 1: error')
    .option('--dir <dir>', 'Terraform working directory, already initialized (default: the current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(DRIFT_FORMATS).default('text'))
    .option('--terraform <path>', 'Terraform executable', 'terraform')
    .action(async (options: DriftOptions) => {
      try {
        const report = await checkDrift(options);
        process.stdout.write(`${renderDrift(report, options.format ?? 'text')}\n`);
        process.exitCode = report.drifted ? EXIT_DRIFT : EXIT_NO_DRIFT;
      } catch (error) {
        process.stderr.write(`error: ${messageOf(error)}\n`);
        process.exitCode = EXIT_ERROR;
      }
    });
}
