import { Option, type Command } from 'commander';
import type { CloseOptions } from '../billing/invoice-close';
import type { ExportOptions } from '../billing/invoice-export';
import { DESCRIBE_FORMATS } from '../objects/output';
import { reportWithClient } from '../report';

/**
 * `mercato invoices close|export`: what staff and organization owners do with invoices beside
 * reading them (`get invoices`, `describe invoice`).
 */
export function declareInvoices(program: Command): void {
  const invoices = program
    .command('invoices')
    .description('Close a month of invoices (staff), or export an invoice as CSV or JSON');
  invoices
    .command('close')
    .description("Close a month that has ended: every organization's invoice becomes final (staff); safe to repeat")
    .requiredOption('--period <YYYY-MM>', 'the month to close')
    .addOption(new Option('-o, --output <format>', 'print the close as json or yaml').choices(DESCRIBE_FORMATS))
    .action((options: CloseOptions) =>
      reportWithClient((client) => {
        const { closeInvoices }: typeof import('../billing/invoice-close') = require('../billing/invoice-close');
        return closeInvoices(client, options);
      }),
    );
  invoices
    .command('export')
    .description("Export an organization's invoice of a month (its owners, staff)")
    .requiredOption('--organization <id|slug|name>', 'the organization billed')
    .requiredOption('--period <YYYY-MM>', 'the month')
    .addOption(
      new Option('--format <format>', 'csv (one row per item) or json').choices(['csv', 'json']).default('csv'),
    )
    .option('--output <file>', 'write to this file instead of standard output')
    .action((options: ExportOptions) =>
      reportWithClient((client) => {
        const { exportInvoice }: typeof import('../billing/invoice-export') = require('../billing/invoice-export');
        return exportInvoice(client, options);
      }),
    );
}
