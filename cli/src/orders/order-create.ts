import type { MercatoClient, OrderType } from '@mercato/api';
import { CliError } from '../cli-error';
import { inOptionTerms } from '../input/field-options';
import { jsonObjectOption } from '../input/json-object';
import { limitsOption } from '../input/limits';
import { findKind } from '../objects/kinds';
import type { Item, WriteFormat } from '../objects/output';
import { resolveId, resolveOfferingId, resolvePlanId, resolveProjectId } from '../objects/references';
import { renderWritten } from '../objects/written';
import { orderSummary } from './order-summary';

/** Options of `mercato order create`, as commander parses them. */
export interface OrderCreateOptions {
  type: OrderType;
  project?: string;
  offering?: string;
  plan?: string;
  version?: string;
  name?: string;
  resource?: string;
  attributes?: string;
  limit?: string[];
  output?: WriteFormat;
}

const ORDER_OPTIONS = ['project', 'offering', 'plan', 'version', 'name', 'resource', 'attributes', 'limit'] as const;
type OrderOption = (typeof ORDER_OPTIONS)[number];

/**
 * Which options each type of order takes, and which it needs. An update or terminate order
 * names its resource; `--project` then only says where to find a resource given by name.
 */
const OPTIONS: Record<OrderType, { takes: OrderOption[]; needs: OrderOption[] }> = {
  create: {
    takes: ['project', 'offering', 'plan', 'version', 'name', 'attributes', 'limit'],
    needs: ['project', 'offering', 'plan', 'name'],
  },
  update: { takes: ['resource', 'project', 'plan', 'version', 'attributes', 'limit'], needs: ['resource'] },
  terminate: { takes: ['resource', 'project'], needs: ['resource'] },
  pause: { takes: ['resource', 'project'], needs: ['resource'] },
  resume: { takes: ['resource', 'project'], needs: ['resource'] },
  restart: { takes: ['resource', 'project'], needs: ['resource'] },
};

/** The option that sets each field of the order's body, for the server's field errors. */
const ORDER_OPTION_OF_FIELD = {
  type: '--type',
  project_id: '--project',
  offering_id: '--offering',
  plan_id: '--plan',
  version: '--version',
  name: '--name',
  resource_id: '--resource',
  attributes: '--attributes',
  limits: '--limit',
};

const flag = (option: OrderOption) => `--${option}`;

/** Refuses options the type of order has no use for, and names the ones it needs that are missing. */
function checkOptions(options: OrderCreateOptions): void {
  const { takes, needs } = OPTIONS[options.type];
  const given = ORDER_OPTIONS.filter((option) => options[option] !== undefined);
  const unwanted = given.filter((option) => !takes.includes(option));
  if (unwanted.length)
    throw new CliError(
      `${unwanted.map(flag).join(', ')}: not for a ${options.type} order, which takes ${takes.map(flag).join(', ')}`,
    );
  const missing = needs.filter((option) => options[option] === undefined);
  if (missing.length) throw new CliError(`a ${options.type} order needs ${missing.map(flag).join(', ')}`);
}

/** The body of `POST /orders` for the options, names resolved to ids; what needs no request is checked first. */
async function orderBody(client: MercatoClient, options: OrderCreateOptions): Promise<Item> {
  const body: Item = { type: options.type };
  if (options.version !== undefined) body.version = options.version;
  if (options.attributes !== undefined) body.attributes = jsonObjectOption('--attributes', options.attributes);
  if (options.limit !== undefined) body.limits = limitsOption(options.limit);
  if (options.type === 'create') {
    const offeringId = await resolveOfferingId(client, options.offering!);
    Object.assign(body, {
      project_id: await resolveProjectId(client, options.project!),
      offering_id: offeringId,
      plan_id: await resolvePlanId(client, offeringId, options.plan!, options.offering),
      name: options.name,
    });
  } else {
    const scope = options.project === undefined ? {} : { project_id: await resolveProjectId(client, options.project) };
    body.resource_id = await resolveId(client, 'resources', options.resource!, scope);
    if (options.plan !== undefined) {
      const resource = await client.get<{ offering_id: string }>(`/resources/${body.resource_id}`);
      body.plan_id = await resolvePlanId(client, resource.offering_id, options.plan);
    }
  }
  return body;
}

/** `mercato order create`: places an order (with an Idempotency-Key, so a retried request places it once). */
export async function runOrderCreate(client: MercatoClient, options: OrderCreateOptions): Promise<string> {
  checkOptions(options);
  const body = await orderBody(client, options);
  const order = await client.create<Item>('/orders', body).catch(inOptionTerms(ORDER_OPTION_OF_FIELD));
  return renderWritten(findKind('orders'), order, 'created', options.output, orderSummary(order));
}
