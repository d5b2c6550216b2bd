import { Command } from 'commander';
import { COMMANDS } from './commands';
import { ENVIRONMENT_HELP } from './environment';

/**
 * The `mercato` program with every command declared; no command's code is loaded until it runs.
 * A mistake on the command line is one line naming the option or argument, and a hint to --help
 * (not the whole help, which would bury the line). The help ends with the environment variables.
 */
export function buildProgram(): Command {
  const program = new Command('mercato')
    .description('Mercato: a self-service cloud marketplace managed as code')
    .showHelpAfterError('(add --help for the usage)')
    .addHelpText('after', ENVIRONMENT_HELP);
  // `get --version 2.0.0` filters by offering version; without this the root's own `--version`
  // (and any other root option) would be taken from anywhere on the line and swallow it.
  program.enablePositionalOptions();
  for (const declare of COMMANDS) declare(program);
  return program;
}
