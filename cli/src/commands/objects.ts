import { Option, type Command } from 'commander';
import { PLATFORMS } from '../../../server/src/catalog/offering-model';
import { messageOf } from '../cli-error';
import { MercatoClient, settingsFromEnvironment } from '../api-client';
import { DESCRIBE_FORMATS, runDescribe, type DescribeOptions } from '../objects/describe';
import { runGet, type GetOptions } from '../objects/get';
import { KINDS } from '../objects/kinds';
import { OUTPUT_FORMATS } from '../objects/output';

export type ClientFactory = () => MercatoClient;

const defaultClient: ClientFactory = () => new MercatoClient(settingsFromEnvironment());

const KIND_LIST = KINDS.map((k) => k.plural).join(', ');

/** Prints what a command answers, or its error on stderr with exit code 1. */
async function report(work: () => Promise<string>): Promise<void> {
  try {
    process.stdout.write(`${await work()}\n`);
  } catch (error) {
    process.stderr.write(`error: ${messageOf(error)}\n`);
    process.exitCode = 1;
  }
}

/** Adds `get` and `describe`, the kubectl-like read commands, to the `mercato` program. */
export function registerClientCommands(program: Command, makeClient: ClientFactory = defaultClient): void {
  // `get --version 2.0.0` filters by offering version; without this the root's own `--version`
  // (and any other root option) would be taken from anywhere on the line and swallow it.
  program.enablePositionalOptions();
  program
    .command('get')
    .description(`List objects of a kind: ${KIND_LIST} (singular and short names work too)`)
    .argument('<kind>', 'what to list, e.g. offerings, org, plans')
    .addOption(new Option('-o, --output <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .option('--category <title|id>', 'offerings in this category, by title (case-insensitive) or id')
    .option('--platform <platform>', `offerings on this platform: ${PLATFORMS.join(', ')}`)
    .option('--status <status>', 'offerings and versions by status; orders and resources by state')
    .option('--q <words>', 'offerings matching these keywords')
    .option('--search <words>', 'same as --q')
    .option('--organization <name|id>', 'offerings of this provider, projects or events of this organization')
    .option('--project <name|id>', 'orders, resources or events of this project')
    .option('--offering <slug|id>', 'plans, versions, orders or resources of this offering')
    .option('--version <version>', 'offerings that have this version, or versions equal to it')
    .option('--tags <tags>', 'offerings with all these tags, comma-separated')
    .option('--sort <order>', 'offerings sorted by name or newest')
    .option('--include-deleted', 'orders and resources of deleted projects and offerings too (kept as history)')
    .action((kind: string, options: GetOptions) => report(() => runGet(makeClient(), kind, options)));

  program
    .command('describe')
    .description(`Show one object in full: ${KIND_LIST}`)
    .argument('<kind>', 'its kind, e.g. offering, plan, order')
    .argument('<id>', 'its id; an offering also by slug')
    .addOption(new Option('-o, --output <format>', 'json or yaml instead of the readable page').choices(DESCRIBE_FORMATS))
    .option('--show-secrets', "print secret values (a resource's secret_outputs) instead of ********")
    .action((kind: string, ref: string, options: DescribeOptions) => report(() => runDescribe(makeClient(), kind, ref, options)));
}
