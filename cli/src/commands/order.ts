import { Option, type Command } from 'commander';
import { ORDER_TYPES } from '@mercato/api';
import type { OrderAction, OrderActionOptions } from '../orders/order-actions';
import type { OrderCreateOptions } from '../orders/order-create';
import type { OrderLogsOptions } from '../orders/order-logs';
import { WRITE_FORMATS } from '../objects/output';
import { reportWithClient } from '../report';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const outputOption = () =>
  new Option('-o, --output <format>', 'print the order as json or yaml, or only order/<id>').choices(WRITE_FORMATS);

/** The actions on an order that exists: their help, and the options each takes beside the order. */
const ACTIONS: Record<OrderAction, { help: string; options: (command: Command) => Command }> = {
  approve: {
    help: 'Approve a pending order: as the consumer (project manager, organization owner), then as the provider',
    options: (c) => c,
  },
  reject: {
    help: 'Reject a pending order (an approver of the side it waits for)',
    options: (c) => c.requiredOption('--reason <text>', 'why, for whoever placed it'),
  },
  cancel: {
    help: 'Cancel a pending order (whoever placed it, or a consumer approver)',
    options: (c) => c.requiredOption('--reason <text>', "why, for the order's history"),
  },
  complete: {
    help: 'Report a manually provisioned order as done (the provider), with what it made',
    options: (c) =>
      c
        .option('--backend-id <id>', "the resource's id in the backend (create orders)")
        .option('--outputs <json>', 'outputs for the consumer: a JSON object, @FILE or @- (standard input)')
        .option(
          '--secret-outputs <json>',
          'secret outputs (credentials): a JSON object, @FILE or @- (standard input); never printed',
        ),
  },
  fail: {
    help: 'Report a manually provisioned order as failed (the provider)',
    options: (c) => c.requiredOption('--reason <text>', 'what went wrong, for the consumer'),
  },
  retry: { help: 'Run an erred order again', options: (c) => c },
};

/** `mercato order create|logs|approve|reject|cancel|complete|fail|retry`: what people do with orders. */
export function declareOrder(program: Command): void {
  const order = program
    .command('order')
    .description('Place an order, read its logs, and approve, reject, cancel, complete, fail or retry one');
  order
    .command('create')
    .description(
      'Place an order: create a resource (default), or update, terminate, pause, resume or restart one (`mercato pause RESOURCE` is short for the last three)',
    )
    .addOption(new Option('--type <type>', 'what the order does').choices(ORDER_TYPES).default('create'))
    .option('--project <name|id>', 'create: the project to order into; other types: where to find --resource by name')
    .option('--offering <slug|id>', 'create: the offering')
    .option('--plan <name|id>', "create: the offering's plan; update: a new plan")
    .option('--version <version>', 'create: the version (default: the latest available); update: a new version')
    .option('--name <name>', "create: the new resource's name")
    .option('--resource <name|id>', 'update, terminate, pause, resume, restart: the resource')
    .option(
      '--attributes <json>',
      "the configuration: a JSON object, @FILE or @- (standard input), checked against the version's schema",
    )
    .option('--limit <component=number>', 'a limit of a limit-billed component (repeat for more)', collect)
    .addOption(outputOption())
    .action((options: OrderCreateOptions) =>
      reportWithClient((client) => {
        const { runOrderCreate }: typeof import('../orders/order-create') = require('../orders/order-create');
        return runOrderCreate(client, options);
      }),
    );
  order
    .command('logs')
    .description(
      "Print the log of an order's runs (its plan preview and provisioning attempts), as its plugin wrote it (project managers, organization owners, the provider)",
    )
    .argument('<order>', 'the order: its id, or order/<id> as `get orders -o name` prints it')
    .option('--attempt <number>', 'only this run: 0 for the plan preview, 1, 2... for the provisioning attempts')
    .addOption(new Option('-o, --output <format>', 'the entries as json or yaml').choices(['json', 'yaml']))
    .action((id: string, given: OrderLogsOptions) =>
      reportWithClient((client) => {
        const { runOrderLogs }: typeof import('../orders/order-logs') = require('../orders/order-logs');
        return runOrderLogs(client, id, given);
      }),
    );
  for (const [action, { help, options }] of Object.entries(ACTIONS) as [OrderAction, (typeof ACTIONS)[OrderAction]][]) {
    options(
      order
        .command(action)
        .description(help)
        .argument('<order>', 'the order: its id, or order/<id> as `get orders -o name` prints it'),
    )
      .addOption(outputOption())
      .action((id: string, given: OrderActionOptions) =>
        reportWithClient((client) => {
          const { runOrderAction }: typeof import('../orders/order-actions') = require('../orders/order-actions');
          return runOrderAction(client, action, id, given);
        }),
      );
  }
}
