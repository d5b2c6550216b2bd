import { Option, type Command } from 'commander';
import type { RestoreOptions } from '../terraform-state/restore';
import { WRITE_FORMATS } from '../objects/output';
import { reportWithClient } from '../report';

/** `mercato terraform-state restore`: what people do with a project's Terraform states besides `get` and `describe`. */
export function declareTerraformState(program: Command): void {
  const state = program
    .command('terraform-state')
    .description("A project's Terraform states (`get terraform-states`, `describe terraform-state` show them)");
  state
    .command('restore')
    .description(
      'Make an old version of a Terraform state the current one (project managers): a new version with its content and a serial past all',
    )
    .argument('<state>', 'PROJECT/NAME: the project by name or id, and the state name')
    .requiredOption('--version <number>', 'the version to restore, as `mercato describe terraform-state` lists them')
    .option('--lock-id <id>', 'while a Terraform run holds the lock: its lock ID (otherwise refused while locked)')
    .addOption(
      new Option('-o, --output <format>', 'print the new version as json or yaml, or only its name').choices(
        WRITE_FORMATS,
      ),
    )
    .action((ref: string, options: RestoreOptions) =>
      reportWithClient((client) => {
        const { runRestore }: typeof import('../terraform-state/restore') = require('../terraform-state/restore');
        return runRestore(client, ref, options);
      }),
    );
}
