import { Option, type Command } from 'commander';
import type { DescribeOptions } from '../objects/describe';
import { KINDS } from '../objects/kinds';
import { DESCRIBE_FORMATS } from '../objects/output';
import { reportWithClient } from '../report';

/** `mercato describe <kind> <name|id>` (or `<kind>/<name|id>`): one object in full. */
export function declareDescribe(program: Command): void {
  program
    .command('describe')
    .description(`Show one object in full: ${KINDS.map((k) => k.plural).join(', ')}`)
    .argument('<kind>', 'its kind, e.g. offering, plan, order; or kind/name as `get -o name` prints it')
    .argument('[name]', 'its id, or its name (an offering: slug; a user: username; a category: title; an invoice: ORG)')
    .argument('[period]', "an invoice's month, YYYY-MM (or give ORG/PERIOD as its name)")
    .addOption(
      new Option('-o, --output <format>', 'json or yaml instead of the readable page').choices(DESCRIBE_FORMATS),
    )
    .option('--show-secrets', "print secret values (a resource's secret_outputs) instead of ********")
    .action((kind: string, ref: string | undefined, period: string | undefined, options: DescribeOptions) =>
      reportWithClient((client) => {
        const { runDescribe }: typeof import('../objects/describe') = require('../objects/describe');
        return runDescribe(client, kind, ref, options, period);
      }),
    );
}
