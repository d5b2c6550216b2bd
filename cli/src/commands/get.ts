import { Option, type Command } from 'commander';
import { OFFERING_PLATFORMS } from '@mercato/api';
import type { GetOptions } from '../objects/get';
import { KINDS } from '../objects/kinds';
import { OUTPUT_FORMATS } from '../objects/output';
import { reportWithClient } from '../report';

/** `mercato get <kind>`: kubectl-like lists of the API's objects. */
export function declareGet(program: Command): void {
  program
    .command('get')
    .description(`List objects of a kind: ${KINDS.map((k) => k.plural).join(', ')} (singular and short names work too)`)
    .argument('<kind>', 'what to list, e.g. offerings, org, plans')
    .addOption(
      new Option('-o, --output <format>', 'table, wide (more columns), json, yaml, or name (kind/name per line)')
        .choices(OUTPUT_FORMATS)
        .default('table'),
    )
    .option('--category <title|id>', 'offerings in this category, by title (case-insensitive) or id')
    .option('--platform <platform>', `offerings on this platform: ${OFFERING_PLATFORMS.join(', ')}`)
    .option('--status <status>', 'offerings and versions by status; orders and resources by state')
    .option('--q <words>', 'offerings matching these keywords')
    .option('--search <words>', 'same as --q')
    .option('--organization <name|id>', 'offerings of this provider, projects, events or invoices of this organization')
    .option('--project <name|id>', 'orders, resources or events of this project')
    .option('--offering <slug|id>', 'plans, versions, orders or resources of this offering')
    .option('--version <version>', 'offerings that have this version, or versions equal to it')
    .option('--tags <tags>', 'offerings with all these tags, comma-separated')
    .option('--sort <order>', 'offerings sorted by name or newest')
    .option('--period <YYYY-MM>', "invoices of this month (with --organization: that organization's)")
    .option('--include-deleted', 'orders and resources of deleted projects and offerings too (kept as history)')
    .option('-w, --watch', 'after the list, print each object again whenever it appears or changes, until interrupted')
    .action((kind: string, options: GetOptions) =>
      reportWithClient((client) => {
        if (options.watch) {
          const { watchList }: typeof import('../objects/watch') = require('../objects/watch');
          return watchList(client, kind, options, (line) => process.stdout.write(`${line}\n`));
        }
        const { runGet }: typeof import('../objects/get') = require('../objects/get');
        return runGet(client, kind, options);
      }),
    );
}
