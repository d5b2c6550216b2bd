import { Option, type Command } from 'commander';
import type { DeleteOptions } from '../objects/delete';
import { WRITE_FORMATS } from '../objects/output';
import { reportWithClient } from '../report';

/** `mercato delete <kind> <name|id>`: kubectl's delete, for what the API deletes. */
export function declareDelete(program: Command): void {
  program
    .command('delete')
    .description(
      "Delete an organization, project, category, offering, offering-version or plan (the API refuses while live resources use it), or a user's role (member)",
    )
    .argument('<kind>', 'its kind, e.g. project, or kind/name as `get -o name` prints it')
    .argument('[name]', 'its name or id (an offering: slug; a member: username)')
    .option('--offering <slug|id>', 'a plan or version by name: of this offering')
    .option('--project <name|id>', 'a member: of this project')
    .option('--organization <name|id>', 'a member: of this organization')
    .addOption(
      new Option('-o, --output <format>', 'print what was deleted as json or yaml, or only kind/name').choices(
        WRITE_FORMATS,
      ),
    )
    .action((kind: string, name: string | undefined, options: DeleteOptions) =>
      reportWithClient((client) => {
        const { runDelete }: typeof import('../objects/delete') = require('../objects/delete');
        return runDelete(client, kind, name, options);
      }),
    );
}
