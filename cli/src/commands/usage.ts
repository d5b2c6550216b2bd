import { Option, type Command } from 'commander';
import { DESCRIBE_FORMATS } from '../objects/output';
import type { UsageReportOptions } from '../usage/usage-report';
import { reportWithClient } from '../report';

/** `mercato usage report`: what an offering's provider says a resource used of a usage component in a month. */
export function declareUsage(program: Command): void {
  const usage = program.command('usage').description("Resources' usage of usage components, as providers report it");
  usage
    .command('report')
    .description(
      "Report a resource's usage of a component in a month (the offering's provider): the same --report-id replaces its amount, different ones add up",
    )
    .requiredOption('--resource <name|id>', 'the resource: its id, or its name')
    .requiredOption('--component <type>', "a usage component's type of the resource's offering")
    .requiredOption('--period <YYYY-MM>', 'the calendar month (UTC)')
    .requiredOption('--amount <decimal>', 'a non-negative decimal, kept exactly: 12, 0.5')
    .option('--report-id <id>', 'the report to set (default: `default`, one per resource, component and month)')
    .addOption(new Option('-o, --output <format>', 'print the stored report as json or yaml').choices(DESCRIBE_FORMATS))
    .action((options: UsageReportOptions) =>
      reportWithClient((client) => {
        const { runUsageReport }: typeof import('../usage/usage-report') = require('../usage/usage-report');
        return runUsageReport(client, options);
      }),
    );
}
