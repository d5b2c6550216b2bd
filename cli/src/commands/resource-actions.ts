import { Option, type Command } from 'commander';
import type { ResourceAction, ResourceActionOptions } from '../orders/resource-action';
import { WRITE_FORMATS } from '../objects/output';
import { reportWithClient } from '../report';

/** Each management action's help; the order it places is approved as an update order is. */
const ACTIONS: Record<ResourceAction, string> = {
  pause: 'Pause a resource (it must be OK): places a pause order, approved as updates are',
  resume: 'Resume a paused resource: places a resume order, approved as updates are',
  restart: 'Restart a resource (it must be OK): places a restart order, approved as updates are',
};

/**
 * `mercato pause|resume|restart RESOURCE`: kubectl-like verbs for the management actions, each
 * the short form of `mercato order create --type <action> --resource RESOURCE`. Only offerings
 * whose plugin carries the action out take the order; the server says so otherwise.
 */
export function declareResourceActions(program: Command): void {
  for (const [action, help] of Object.entries(ACTIONS) as [ResourceAction, string][]) {
    program
      .command(action)
      .description(help)
      .argument(
        '<resource>',
        'the resource: its name or id, or resource/<name|id> as `get resources -o name` prints it',
      )
      .option('--project <name|id>', 'where to find a resource given by name')
      .addOption(
        new Option('-o, --output <format>', 'print the order as json or yaml, or only order/<id>').choices(
          WRITE_FORMATS,
        ),
      )
      .action((resource: string, options: ResourceActionOptions) =>
        reportWithClient((client) => {
          const {
            runResourceAction,
          }: typeof import('../orders/resource-action') = require('../orders/resource-action');
          return runResourceAction(client, action, resource, options);
        }),
      );
  }
}
