/**
 * `mercato constructs generate --out DIR [--offering SLUG ...]`: typed constructs for the offerings
 * of the live catalog (MERCATO_ENDPOINT, MERCATO_TOKEN), one per offering version.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Command } from 'commander';
import { MercatoClient, settingsFromEnvironment } from '../../cli/src/api-client';
import { messageOf } from '../../cli/src/cli-error';
import { userDirectory, userPath } from '../../cli/src/working-directory';
import type { CatalogReader } from './typed-constructs';

export interface GenerateCommandOptions {
  out: string;
  offering?: string[];
  library?: string;
}

/** Generates and writes the files; answers the paths written. */
export async function runConstructsGenerate(client: CatalogReader, options: GenerateCommandOptions): Promise<string[]> {
  // Loaded when the command runs: json-schema-to-typescript takes a second to load, which every
  // other `mercato` command would pay.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateTypedConstructs, readCatalog } = require('./typed-constructs') as typeof import('./typed-constructs');
  const offerings = await readCatalog(client, options.offering ?? []);
  const files = await generateTypedConstructs(offerings, { library: options.library });
  const out = userPath(options.out);
  const written: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(target);
  }
  return written;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds `constructs generate` to the `mercato` program. */
export function registerConstructsCommand(program: Command, makeClient: () => CatalogReader = () => new MercatoClient(settingsFromEnvironment())): void {
  const constructs = program.command('constructs').description('CDKTF constructs for the catalog');
  constructs
    .command('generate')
    .description('Write a typed CDKTF construct for each offering version of the catalog, its config props typed from the version\'s JSON Schema')
    .requiredOption('--out <dir>', 'directory to write the TypeScript files into')
    .option('--offering <slug>', 'only this offering (repeat for more); default: every offering', collect)
    .option('--library <module>', 'module the generated code imports the constructs from', '@mercato/cdktf')
    .action(async (options: GenerateCommandOptions) => {
      try {
        const written = await runConstructsGenerate(makeClient(), options);
        process.stdout.write(`wrote ${written.length} files into ${relative(userDirectory(), userPath(options.out)) || '.'}\n`);
      } catch (error) {
        process.stderr.write(`error: ${messageOf(error)}\n`);
        process.exitCode = 1;
      }
    });
}
