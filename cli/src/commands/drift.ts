import { Option, type Command } from 'commander';
import { forThePerson, report } from '../report';
import { userPath } from '../working-directory';

/** The formats @mercato/terraform-provider/drift renders (its DRIFT_FORMATS; that module loads only when the command runs). */
export const DRIFT_FORMATS = ['text', 'json', 'markdown'] as const;

const EXIT_NO_DRIFT = 0;
const EXIT_DRIFT = 2;

interface DriftCommandOptions {
  dir?: string;
  format: (typeof DRIFT_FORMATS)[number];
  terraform: string;
}

/**
 * `mercato drift [--dir DIR] [--format text|json|markdown]`: what changed outside Terraform in a
 * Terraform working directory. Exit code 0: no drift; 2: drift; 1: error (Terraform missing, not
 * initialized, plan failed).
 */
export function declareDrift(program: Command): void {
  program
    .command('drift')
    .description(
      'Report what changed outside Terraform in a Terraform working directory (terraform plan -refresh-only). Exit 0: no drift, 2: drift, 1: error',
    )
    .option('--dir <dir>', 'Terraform working directory, already initialized (default: the current directory)')
    .addOption(new Option('--format <format>', 'output format').choices(DRIFT_FORMATS).default('text'))
    .option('--terraform <path>', 'Terraform executable', 'terraform')
    .action((options: DriftCommandOptions) =>
      report(async () => {
        const {
          checkDrift,
          DriftError,
          renderDrift,
        }: typeof import('@mercato/terraform-provider/drift') = require('@mercato/terraform-provider/drift');
        const drift = await checkDrift({
          dir: userPath(options.dir ?? '.'),
          terraform: terraformExecutable(options.terraform),
        }).catch(forThePerson(DriftError));
        process.exitCode = drift.drifted ? EXIT_DRIFT : EXIT_NO_DRIFT;
        return renderDrift(drift, options.format);
      }),
    );
}

/** A bare name is looked up in PATH; a path is the user's, relative to where they ran the command. */
function terraformExecutable(given: string): string {
  return given.includes('/') || given.includes('\\') ? userPath(given) : given;
}
