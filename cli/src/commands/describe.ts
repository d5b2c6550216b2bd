import { Option, type Command } from 'commander';
import type { DescribeOptions } from '../objects/describe';
import { KINDS } from '../objects/kinds';
import { DESCRIBE_FORMATS } from '../objects/output';
import { report } from '../report';

/** `mercato describe <kind> <id|slug>`: one object in full. */
export function declareDescribe(program: Command): void {
  program
    .command('describe')
    .description(`Show one object in full: ${KINDS.map((k) => k.plural).join(', ')}`)
    .argument('<kind>', 'its kind, e.g. offering, plan, order')
    .argument('<id>', 'its id; an offering also by slug')
    .addOption(new Option('-o, --output <format>', 'json or yaml instead of the readable page').choices(DESCRIBE_FORMATS))
    .option('--show-secrets', "print secret values (a resource's secret_outputs) instead of ********")
    .action((kind: string, ref: string, options: DescribeOptions) =>
      report(async () => {
        const { runDescribe } = require('../objects/describe') as typeof import('../objects/describe');
        const { clientFromEnvironment } = require('../api-client') as typeof import('../api-client');
        return runDescribe(clientFromEnvironment(), kind, ref, options);
      }),
    );
}
