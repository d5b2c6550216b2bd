import { isUnknown, timeoutsBlock, withClient, type ResourceContext } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { ApiError } from '../client/api-error';
import { FINAL_STATES, openOrders, PENDING_STATES, waitForOrder, type Order } from '../client/orders';
import { reportingFieldErrors } from './api-diagnostics';
import { toNumbers } from './crud';
import { offeringVersions } from './attributes-validation';
import { configurationErrors, mergedAttributes, placeUpdateOrder, splitSecretAttributes } from './secret-attributes';

interface Remote {
  id: string;
  name: string;
  project_id: string;
  offering_id: string;
  plan_id: string;
  version: string;
  attributes: Record<string, unknown>;
  limits: Record<string, number>;
  state: string;
  backend_id: string;
  outputs: Record<string, unknown>;
  secret_outputs?: Record<string, unknown>;
}

const DEFAULT_TIMEOUT = '30m';

/** The arguments an update order carries, when they change. */
const ORDERED_CHANGES = ['plan_id', 'version', 'attributes', 'limits'] as const;

const changed = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

export const resource = withClient<MercatoClient>().defineResource({
  name: 'resource',
  description:
    'A resource ordered from an offering into a project. Creating, changing and destroying it place orders (create, update, terminate) and wait for them, through consumer and provider approval and provisioning.',
  attributes: {
    id: { type: 'string', computed: true, useStateForUnknown: true, description: 'Server ID of the resource.' },
    project_id: { type: 'string', required: true, requiresReplace: true, description: 'Project to order the resource into. Changing it creates a new resource.' },
    offering_id: { type: 'string', required: true, requiresReplace: true, description: 'Offering to order from. Changing it creates a new resource.' },
    plan_id: { type: 'string', required: true, description: 'Plan of the offering. Changing it places an update order.' },
    version: { type: 'string', optional: true, computed: true, useStateForUnknown: true, description: 'Offering version. Default: the latest available version at creation. Changing it places an upgrade order.' },
    name: { type: 'string', required: true, description: 'Name of the resource. Changing it renames the resource (no order).' },
    attributes: { type: 'dynamic', optional: true, description: "Configuration, written as a native HCL object. Validated at plan time against the offering version's JSON Schema; changing it places an update order. Secret properties go in `secret_attributes`." },
    secret_attributes: {
      type: 'dynamic',
      optional: true,
      sensitive: true,
      description:
        "The configuration's secret properties (those the version's schema marks `writeOnly: true` or `format: password`, such as an admin password), as a native HCL object beside `attributes`; sensitive, so plans and output never show them. Validated with `attributes` as one configuration; a secret property written in `attributes` is a plan error. The server never returns secrets: changing one here places an update order, but a change made outside Terraform is not seen (no drift on secrets), and removing one from the configuration leaves the stored value in place.",
    },
    limits: { type: ['map', 'number'], optional: true, description: "Limits per `limit`-billed component of the offering, e.g. `{ cpu = 4 }`. Changing them places an update order." },
    state: { type: 'string', computed: true, description: 'State on the server: `Creating`, `OK`, `Updating`, `Terminating`, `Terminated` or `Erred`.' },
    order_id: { type: 'string', computed: true, description: 'The last order Terraform placed for this resource.' },
    backend_id: { type: 'string', computed: true, description: "The resource's ID in the provider's backend." },
    outputs: { type: 'dynamic', computed: true, description: 'What provisioning returned (addresses, endpoints...).' },
    secret_outputs: { type: 'dynamic', computed: true, sensitive: true, description: 'Secrets provisioning returned (passwords, keys).' },
  },
  blocks: { timeouts: timeoutsBlock({ create: DEFAULT_TIMEOUT, update: DEFAULT_TIMEOUT, delete: DEFAULT_TIMEOUT }) },

  async modifyPlan(ctx, { plan, prior, config }) {
    if (isUnknown(plan.offering_id) || isUnknown(config.version)) return;
    const versions = await offeringVersions(ctx.client, plan.offering_id);
    if (config.version === null) {
      // Unset: the version the resource has, or for a new resource the latest available one, known at plan time.
      const sameOffering = prior && prior.offering_id === plan.offering_id && typeof prior.version === 'string';
      plan.version = sameOffering ? prior.version : latestVersion(versions);
      if (plan.version === null) {
        ctx.error('No available offering version', 'The offering has no available (or beta) version to order. Set `version`, or ask its provider to publish one.', 'offering_id');
        return;
      }
    }
    const version = versions.find((v) => v.version === plan.version);
    if (!version) {
      const known = versions.map((v) => `${v.version} (${v.status})`).join(', ') || 'none';
      ctx.error('Unknown offering version', `The offering has no version ${plan.version}; it has: ${known}.`, 'version');
      return;
    }
    const newVersion = !prior || prior.version !== plan.version;
    if (version.status === 'deprecated' && newVersion) {
      ctx.error('Deprecated offering version', `Version ${version.version} is deprecated and takes no new resources: ${version.deprecation_message}${version.replacement_version ? ` Use ${version.replacement_version}.` : ''}`, 'version');
    }
    // A value known only after apply (from another resource) is checked by the server when the order is placed.
    for (const { path, message } of configurationErrors(version, plan.attributes, plan.secret_attributes)) {
      ctx.error('Invalid attributes', `${path} ${message} (offering version ${version.version}).`, path);
    }
  },

  async create(ctx, plan) {
    const body = { type: 'create', project_id: plan.project_id, offering_id: plan.offering_id, plan_id: plan.plan_id, name: plan.name, version: plan.version ?? undefined, attributes: mergedAttributes(plan.attributes, plan.secret_attributes), limits: toNumbers(plan.limits) };
    const order = await reportingFieldErrors(ctx, 'The order was refused', () => ctx.client.create<Order>('/orders', body));
    if (!order) return null;
    ctx.log.info('placed create order', { order: order.id, resource: order.resource_id, state: order.state });
    const final = await waitLogging(ctx, order);
    const remote = await ctx.client.find<Remote>(`/resources/${order.resource_id}`);
    if (final.state === 'done' && remote) return { ...toState(remote, plan), order_id: order.id };
    if (remote && !FINAL_STATES.includes(final.state) && stoppedByTerraform(ctx)) {
      // Ctrl-C: the order goes on without us. Keep the resource in the state, not tainted, so the
      // next plan reads how far it got instead of replacing a resource that may be nearly ready.
      ctx.warning(
        'Stopped waiting for the create order',
        `Terraform was interrupted. Order ${final.id} stays open on the server: it is ${final.state}${final.awaiting ? `, waiting for ${final.awaiting}` : ''}. The resource is kept in the state; the next plan or apply reads its progress.`,
      );
      return { ...toState(remote, plan), order_id: order.id };
    }
    reportUnfinished(ctx, final, 'create', plan.timeouts?.create);
    // The resource exists (Erred, or still waiting): keep it in state, tainted, so nothing is orphaned.
    if (remote && remote.state !== 'Terminated') return { ...toState(remote, plan), order_id: order.id };
    return null;
  },

  async read(ctx, state) {
    const remote = await ctx.client.find<Remote>(`/resources/${state.id}`);
    if (!remote || remote.state === 'Terminated') return null;
    return toState(remote, state);
  },

  async update(ctx, plan, prior) {
    if (plan.name !== prior.name) await ctx.client.patch(`/resources/${prior.id}`, { name: plan.name });
    // An order left open by an interrupted apply is waited for; what it already applied is not ordered again.
    const current = await settleOpenOrders(ctx, prior.id!, 'wait');
    const applied = current ? toState(current, plan, prior.secret_attributes) : prior;
    const changes: Record<string, unknown> = Object.fromEntries(
      ORDERED_CHANGES.filter((key) => changed(plan[key], applied[key])).map((key) => [key, key === 'limits' ? toNumbers(plan.limits) : key === 'attributes' ? mergedAttributes(plan.attributes, plan.secret_attributes) : plan[key]]),
    );
    if (changed(plan.secret_attributes, applied.secret_attributes)) changes.attributes = mergedAttributes(plan.attributes, plan.secret_attributes);
    let orderId = prior.order_id;
    if (Object.keys(changes).length) {
      const order = await reportingFieldErrors(ctx, 'The update order was refused', () => placeUpdateOrder(ctx.client, { type: 'update', resource_id: prior.id, ...changes }));
      if (order === undefined) return prior as never;
      // null: the server holds these values already (secrets Terraform could not read back).
      if (order) {
        orderId = order.id;
        const final = await waitLogging(ctx, order);
        if (final.state !== 'done') reportUnfinished(ctx, final, 'update', plan.timeouts?.update);
      }
    }
    const remote = await ctx.client.find<Remote>(`/resources/${prior.id}`);
    return remote ? { ...toState(remote, plan), order_id: orderId } : prior;
  },

  async delete(ctx, state) {
    const terminate = () => ctx.client.create<Order>('/orders', { type: 'terminate', resource_id: state.id });
    // The refresh before a destroy has just read the resource, so it is usually at rest: terminate
    // at once, and settle it first only when the server refuses because it is busy or gone.
    let order = await refusedAsUndefined(terminate());
    if (!order) {
      const remote = await settleOpenOrders(ctx, state.id!, 'cancel pending');
      if (!remote || remote.state === 'Terminated') return;
      order = await terminate();
    }
    const final = await waitLogging(ctx, order);
    if (final.state !== 'done') {
      reportUnfinished(ctx, final, 'terminate', state.timeouts?.delete);
      throw new Error(`the resource ${state.name} is not terminated`);
    }
  },

  async import(ctx, id) {
    return { id };
  },
});

function latestVersion(versions: { version: string; status: string }[]): string | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const semver = require('semver') as typeof import('semver'); // loaded by plans only, not at every launch
  const pick = (status: string) => versions.filter((v) => v.status === status).map((v) => v.version).sort(semver.rcompare)[0];
  return pick('available') ?? pick('beta') ?? null;
}

/**
 * Server values, keeping `null` where the configuration left an empty object out; secrets, which
 * the server never returns, as `believedSecrets` (by default the known ones) has them.
 */
function toState(remote: Remote, known: { attributes?: unknown; secret_attributes?: unknown; limits?: unknown; order_id?: string | null }, believedSecrets = known.secret_attributes) {
  const emptyAsNull = <T extends object>(value: T, configured: unknown) => (configured == null && Object.keys(value).length === 0 ? null : value);
  const { attributes, secret_attributes } = splitSecretAttributes(remote.attributes, known.secret_attributes, believedSecrets);
  return {
    id: remote.id,
    project_id: remote.project_id,
    offering_id: remote.offering_id,
    plan_id: remote.plan_id,
    version: remote.version,
    name: remote.name,
    attributes: emptyAsNull(attributes, known.attributes),
    secret_attributes,
    limits: emptyAsNull(remote.limits, known.limits),
    state: remote.state,
    order_id: known.order_id ?? null,
    backend_id: remote.backend_id,
    // Empty outputs are stored as null: Terraform rewrites the whole state file after every
    // resource it applies, so each byte per resource costs at scale (bench/README.md).
    outputs: nullIfEmpty(remote.outputs),
    secret_outputs: nullIfEmpty(remote.secret_outputs ?? {}),
  };
}

/**
 * Brings a resource to rest before a new order: a resource that is OK or Erred has no open order;
 * otherwise each open order is waited for, or, before a destroy, canceled while still pending.
 */
async function settleOpenOrders(ctx: ResourceContext<MercatoClient>, id: string, pending: 'wait' | 'cancel pending'): Promise<Remote | undefined> {
  const remote = await ctx.client.find<Remote>(`/resources/${id}`);
  if (!remote || ['OK', 'Erred', 'Terminated'].includes(remote.state)) return remote;
  for (const open of await openOrders(ctx.client, remote.id)) {
    if (pending === 'cancel pending' && PENDING_STATES.includes(open.state)) {
      ctx.log.info('canceling an open order before terminating', { order: open.id });
      await ctx.client.action(`/orders/${open.id}/cancel`, { reason: 'canceled by terraform destroy' });
    } else {
      await waitLogging(ctx, open);
    }
  }
  return ctx.client.find<Remote>(`/resources/${id}`);
}

/** The server refuses an order on a resource that is busy (409) or no longer there (422 on `resource_id`). */
async function refusedAsUndefined(placing: Promise<Order>): Promise<Order | undefined> {
  try {
    return await placing;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 409 || error.fieldErrors.some((e) => e.field === 'resource_id'))) return undefined;
    throw error;
  }
}

function nullIfEmpty(value: Record<string, unknown>): Record<string, unknown> | null {
  return Object.keys(value).length ? value : null;
}

async function waitLogging(ctx: ResourceContext<MercatoClient>, order: Order): Promise<Order> {
  return waitForOrder(ctx.client, order, {
    signal: ctx.signal,
    onWaiting: (o) => ctx.log.info(`order ${o.id} (${o.type}) is ${o.state}: waiting for ${o.awaiting}`, { order: o.id, state: o.state }),
  });
}

function reportUnfinished(ctx: ResourceContext<MercatoClient>, order: Order, operation: 'create' | 'update' | 'terminate', timeout: string | null | undefined) {
  if (order.state === 'erred') ctx.error(`The ${operation} order failed`, `Order ${order.id} erred: ${order.reason || 'no reason given'}. Retry it with POST /api/v1/orders/${order.id}/retry or apply again.`);
  else if (order.state === 'rejected' || order.state === 'canceled') ctx.error(`The ${operation} order was ${order.state}`, `Order ${order.id} was ${order.state}: ${order.reason || 'no reason given'}.`);
  else {
    const waitingFor = order.awaiting ? `, waiting for ${order.awaiting}` : '';
    const next =
      operation === 'create'
        ? 'The resource is kept in the state as tainted: the next apply replaces it (canceling the order if it is still pending); `terraform untaint` keeps it instead.'
        : 'The next plan shows what is not applied yet; apply again once the order is done.';
    if (stoppedByTerraform(ctx)) {
      ctx.error(`Stopped waiting for the ${operation} order`, `Terraform was interrupted. Order ${order.id} stays open on the server: it is ${order.state}${waitingFor}. ${next}`);
    } else {
      const key = operation === 'terminate' ? 'delete' : operation;
      ctx.error(
        `The ${operation} order did not finish in time`,
        `Order ${order.id} is still ${order.state} after the ${operation} timeout (${timeout ?? `default ${DEFAULT_TIMEOUT}`})${waitingFor}. It stays open on the server. ${next} Raise \`timeouts.${key}\` if it needs longer.`,
      );
    }
  }
}

/** The operation was cancelled by Terraform (StopProvider, on Ctrl-C) rather than by its timeout. */
function stoppedByTerraform(ctx: ResourceContext<MercatoClient>): boolean {
  return ctx.signal.aborted && (ctx.signal.reason as Error | undefined)?.name !== 'TimeoutError';
}
