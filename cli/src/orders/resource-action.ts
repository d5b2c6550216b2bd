import type { MercatoClient } from '@mercato/api';
import { CliError } from '../cli-error';
import { inOptionTerms } from '../input/field-options';
import { findKind } from '../objects/kinds';
import type { Item, WriteFormat } from '../objects/output';
import { resolveId, resolveProjectId } from '../objects/references';
import { renderWritten } from '../objects/written';
import { orderSummary } from './order-summary';

/** The management actions on a resource: orders of their own, approved as updates are, where the offering's plugin carries them out. */
export const RESOURCE_ACTIONS = ['pause', 'resume', 'restart'] as const;
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];

/** Options of `mercato pause|resume|restart`, as commander parses them. */
export interface ResourceActionOptions {
  /** Where to find a resource given by name. */
  project?: string;
  output?: WriteFormat;
}

/** A resource as the command takes it: its name or id, or `resource/<name|id>` as `get resources -o name` prints it. */
function resourceRef(given: string): string {
  const ref = given.replace(/^(resource|resources|res)\//i, '');
  if (!ref) throw new CliError(`<resource> "${given}" names no resource; give its name or id`);
  return ref;
}

/**
 * `mercato pause|resume|restart RESOURCE`: places the order (`POST /orders` with only
 * `resource_id`) and says in one line what it is and where it stands, or prints it as `-o` asks.
 * The server's refusals come back in the command's terms: an offering whose plugin cannot do it,
 * a resource in no state to (a pause needs it OK, a resume Paused).
 */
export async function runResourceAction(
  client: MercatoClient,
  action: ResourceAction,
  resource: string,
  options: ResourceActionOptions,
): Promise<string> {
  const scope = options.project === undefined ? {} : { project_id: await resolveProjectId(client, options.project) };
  const where = options.project === undefined ? '' : ` in project ${options.project}`;
  const ref = resourceRef(resource);
  const resourceId = await resolveId(client, 'resources', ref, scope, where);
  const order = await client
    .create<Item>('/orders', { type: action, resource_id: resourceId })
    .catch(inOptionTerms({ type: action, resource_id: '<resource>' }));
  return renderWritten(
    findKind('orders'),
    order,
    'created',
    options.output,
    `${action} of resource ${ref}; ${orderSummary(order)}`,
  );
}
