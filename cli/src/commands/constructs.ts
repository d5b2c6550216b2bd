import { isAbsolute, relative } from 'node:path';
import type { Command } from 'commander';
import { reportWithClient } from '../report';
import { userDirectory, userPath } from '../working-directory';

interface GenerateCommandOptions {
  out: string;
  offering?: string[];
  library: string;
}

/** `--library`: a package name as given; a path (`./lib`, `../lib`) relative to where the user runs the command. */
function libraryFromUser(library: string): string {
  return library.startsWith('.') || isAbsolute(library) ? userPath(library) : library;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `mercato constructs generate`: typed CDKTF constructs for the live catalog (MERCATO_ENDPOINT, MERCATO_TOKEN). */
export function declareConstructs(program: Command): void {
  const constructs = program.command('constructs').description('CDKTF constructs for the catalog');
  constructs
    .command('generate')
    .description(
      "Write a typed CDKTF construct for each offering version of the catalog, its config props typed from the version's JSON Schema",
    )
    .requiredOption('--out <dir>', 'directory to write the TypeScript files into')
    .option('--offering <slug>', 'only this offering (repeat for more); default: every offering', collect)
    .option('--library <module>', 'module the generated code imports the constructs from', '@mercato/cdktf')
    .action((options: GenerateCommandOptions) =>
      reportWithClient(async (client) => {
        // json-schema-to-typescript alone takes a second to load.
        const { writeTypedConstructs }: typeof import('@mercato/cdktf/codegen') = require('@mercato/cdktf/codegen');
        const out = userPath(options.out);
        const written = await writeTypedConstructs(client, {
          ...options,
          out,
          library: libraryFromUser(options.library),
        });
        return `wrote ${written.length} files into ${relative(userDirectory(), out) || '.'}`;
      }),
    );
}
