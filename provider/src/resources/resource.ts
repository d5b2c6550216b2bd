import {
  deepEqual,
  formatPath,
  isUnknown,
  lengthBetween,
  requiresReplace,
  sentences,
  timeoutsBlock,
  UNKNOWN,
  useStateForUnknown,
  useStateForUnknownIf,
  withClient,
  type PlanContext,
  type PlanModifier,
  type PlanModifierRequest,
  type ResourceContext,
} from '../framework';
import type { RemoteCostEstimate } from '../data-sources/cost-estimate';
import type { MercatoClient } from '../client/mercato-client';
import { ApiError } from '../client/api-error';
import { FINAL_STATES, openOrders, PENDING_STATES, type Order } from '../client/orders';
import { reportingFieldErrors } from './api-diagnostics';
import { offeringVersions, UncheckableSchemaError } from './attributes-validation';
import { exactJson, exactNumbers, reportJsonProblems } from './json-arguments';
import { configurationErrors, mergedAttributes, placeUpdateOrder, splitSecretAttributes } from './secret-attributes';
import { NAME_LENGTH, RESOURCE_STATES } from '../api-contract';
import { DEFAULT_TIMEOUT, reportUnfinished, stoppedByTerraform, waitLogging } from './resource-orders';
import { isPaused, placePauseOrder } from './resource-pause';

/** A resource as the API answers it (`GET /resources/{id}`), as the resource and its data source read it. */
export interface RemoteResource {
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
  backend_state?: Record<string, unknown>;
  pulled_at?: string | null;
  /** At the plan's current prices with the resource's limits; null without a plan (absent from lists). */
  cost_estimate?: RemoteCostEstimate | null;
}

/** The states in which a resource has no open order: a new order may be placed. */
const AT_REST = ['OK', 'Paused'];

type Version = Awaited<ReturnType<typeof offeringVersions>>[number];

/** The arguments an update order carries, when they change. */
const ORDERED_CHANGES = ['plan_id', 'version', 'attributes', 'limits'] as const;

/** The ordered arguments whose values differ (as values: key order and number spelling do not count). */
function orderedChanges(
  plan: Record<string, unknown>,
  current: Record<string, unknown>,
): (typeof ORDERED_CHANGES)[number][] {
  const changed = ORDERED_CHANGES.filter((key) => !deepEqual(plan[key] ?? null, current[key] ?? null));
  // Secrets travel in the order's attributes (the server keeps the ones it is not sent).
  if (!changed.includes('attributes') && !deepEqual(plan.secret_attributes ?? null, current.secret_attributes ?? null))
    changed.push('attributes');
  return changed;
}

/**
 * True when applying the plan places no order: the ordered arguments and `paused` keep their
 * values and the resource is at rest (`OK` or `Paused`), so there is no open order whose
 * provisioning could set anything.
 */
function placesNoOrder(request: PlanModifierRequest): boolean {
  const prior = request.priorObject;
  return (
    typeof prior?.state === 'string' &&
    AT_REST.includes(prior.state) &&
    request.plannedObject.paused === isPaused({ state: prior.state }) &&
    orderedChanges(request.plannedObject, prior).length === 0
  );
}

/**
 * `state`, `order_id`, `outputs`, `secret_outputs` and `backend_state` change only through an
 * order (its provisioning may give new outputs, its end sets the state) or outside Terraform: a
 * rename or a `timeouts` change keeps them, so whatever uses them is not replaced.
 */
const keptWithoutOrder = useStateForUnknownIf(
  {
    plain: 'Keeps the prior value when the change places no order (a rename, a timeouts change).',
    markdown: 'Known in plans whose changes place no order: a rename or a `timeouts` change keeps it.',
  },
  placesNoOrder,
);

/** The estimate follows the plan and limits: known in plans that keep both (a price change shows at the next refresh). */
const keptWithSamePlanAndLimits = useStateForUnknownIf(
  {
    plain: 'Keeps the prior value while `plan_id` and `limits` stay the same.',
    markdown: 'Known in plans that keep `plan_id` and `limits`.',
  },
  (r) =>
    r.priorObject !== null &&
    r.plannedObject.plan_id === r.priorObject.plan_id &&
    deepEqual(r.plannedObject.limits ?? null, r.priorObject.limits ?? null),
);

/** The server takes the backend ID from the create order only: once that is over, no change alters it. */
const keptAfterCreate = useStateForUnknownIf(
  {
    plain: "Keeps the prior value once the create order is over: later orders keep the resource's backend ID.",
    markdown: 'Known in plans once the create order is over: later orders keep it.',
  },
  (r) => r.priorObject?.state !== 'Creating',
);

/**
 * States written when `attributes` and `limits` had no default hold null for "none": keep it
 * when the configuration leaves them out, rather than plan a change to `{}` that changes nothing.
 */
const keepNullForNone: PlanModifier = {
  description: 'Keeps a prior null when the configuration leaves the argument out (null and `{}` both mean none).',
  markdownDescription: 'Leaving it out and `{}` mean the same: no change is planned between them.',
  planValue: (r) =>
    (r.config ?? null) === null && r.priorObject !== null && r.prior === null && isEmptyObject(r.planned)
      ? null
      : r.planned,
};

export const resource = withClient<MercatoClient>().defineResource({
  name: 'resource',
  description:
    'A resource ordered from an offering into a project. Creating, changing and destroying it place orders (create, update, terminate; pause and resume for `paused`) and wait for them, through consumer and provider approval and provisioning.',
  attributes: {
    id: {
      type: 'string',
      computed: true,
      planModifiers: [useStateForUnknown()],
      description: 'Server ID of the resource.',
    },
    project_id: {
      type: 'string',
      required: true,
      planModifiers: [requiresReplace()],
      description: 'Project to order the resource into.',
    },
    offering_id: {
      type: 'string',
      required: true,
      planModifiers: [requiresReplace()],
      description: 'Offering to order from.',
    },
    plan_id: {
      type: 'string',
      required: true,
      description: 'Plan of the offering. Changing it places an update order.',
    },
    version: {
      type: 'string',
      optional: true,
      computed: true,
      planModifiers: [useStateForUnknown()],
      description:
        'Offering version. Default: the latest available version at creation. Changing it places an upgrade order. A `beta` version gets a warning at plan time; a `deprecated` one takes no new resources (an error) and warns while in use.',
    },
    name: {
      type: 'string',
      required: true,
      validators: [lengthBetween(NAME_LENGTH.min, NAME_LENGTH.max)],
      description: 'Name of the resource. Changing it renames the resource (no order).',
    },
    attributes: {
      type: 'dynamic',
      optional: true,
      default: {},
      validators: [exactJson],
      planModifiers: [keepNullForNone],
      description:
        "Configuration, written as a native HCL object. Validated at plan time against the offering version's JSON Schema; changing it places an update order (values compare as values: key order does not count). Secret properties go in `secret_attributes`. Default: `{}`.",
    },
    secret_attributes: {
      type: 'dynamic',
      optional: true,
      sensitive: true,
      validators: [exactJson],
      description:
        "The configuration's secret properties (those the version's schema marks `writeOnly: true` or `format: password`, such as an admin password), as a native HCL object beside `attributes`; sensitive, so plans and output never show them. Validated with `attributes` as one configuration; a secret property written in `attributes` is a plan error. The server never returns secrets: changing one here places an update order, but a change made outside Terraform is not seen (no drift on secrets), and removing one from the configuration leaves the stored value in place.",
    },
    limits: {
      type: ['map', 'number'],
      optional: true,
      default: {},
      validators: [exactNumbers],
      planModifiers: [keepNullForNone],
      description:
        'Limits per `limit`-billed component of the offering, e.g. `{ cpu = 4 }`. Changing them places an update order. Default: `{}`.',
    },
    paused: {
      type: 'bool',
      optional: true,
      default: false,
      description:
        'Whether the resource is paused (what pausing does is the offering\'s: a virtual machine stopped with its disks kept, say). Changing it places a pause or resume order, approved as update orders are, and waits for it under the `update` timeout; only offerings whose plugin carries out pause and resume take one (the server\'s refusal is reported here). When other arguments change in the same apply, a resume comes before their update order and a pause after it, so the update always runs on a working resource when it can. Creating with `paused = true` creates the resource, then pauses it, within the `create` timeout; if that pause does not succeed the resource is tainted, as after any create that does not finish. Read back as `state == "Paused"`: a pause or resume made outside Terraform shows as a change of `paused` in the next plan. Default: `false`.',
    },
    state: {
      type: 'string',
      computed: true,
      planModifiers: [keptWithoutOrder],
      description: `State on the server: ${RESOURCE_STATES.slice(0, -1)
        .map((state) => `\`${state}\``)
        .join(
          ', ',
        )} or \`${RESOURCE_STATES[RESOURCE_STATES.length - 1]}\`. An \`Erred\` resource (its create order failed: never provisioned) is planned for replacement; a \`Paused\` one is kept (see \`paused\`).`,
    },
    order_id: {
      type: 'string',
      computed: true,
      planModifiers: [keptWithoutOrder],
      description: 'The last order Terraform placed for this resource.',
    },
    backend_id: {
      type: 'string',
      computed: true,
      planModifiers: [keptAfterCreate],
      description: "The resource's ID in the provider's backend, set by the create order.",
    },
    outputs: {
      type: 'dynamic',
      computed: true,
      planModifiers: [keptWithoutOrder],
      description: 'What provisioning returned (addresses, endpoints...).',
    },
    secret_outputs: {
      type: 'dynamic',
      computed: true,
      sensitive: true,
      planModifiers: [keptWithoutOrder],
      description: 'Secrets provisioning returned (passwords, keys).',
    },
    monthly_cost_estimate: {
      type: 'string',
      computed: true,
      planModifiers: [keptWithSamePlanAndLimits],
      description:
        'What the resource costs each month with its plan\'s current prices and its limits, in the plan\'s currency, as the server estimates it at each read (see the `mercato_cost_estimate` data source): a decimal string such as `"32.01"`, usage-billed components counted as 0 and one-time charges left out. A price change shows at the next refresh without planning a change; the orders keep the estimate made when they were placed. Null when the resource has no plan.',
    },
    backend_state: {
      type: 'dynamic',
      computed: true,
      planModifiers: [keptWithoutOrder],
      description:
        "What the offering's plugin last reported of the resource on its backend (never secrets), as an object; null when it reported nothing. A change the plugin reports outside Terraform shows as drift.",
    },
  },
  blocks: { timeouts: timeoutsBlock({ create: DEFAULT_TIMEOUT, update: DEFAULT_TIMEOUT, delete: DEFAULT_TIMEOUT }) },

  async modifyPlan(ctx, { plan, prior, config }) {
    if (prior?.state === 'Erred') await planReplacingErred(ctx, plan, prior);
    else if (prior?.state && ['Creating', 'Updating', 'Terminating'].includes(prior.state))
      await warnOfOpenOrders(ctx, prior);
    if (isUnknown(plan.offering_id) || isUnknown(config.version)) return;
    const versions = await offeringVersions(ctx.client, plan.offering_id);
    if (config.version === null) {
      // Unset: the version the resource has, or for a new resource the latest available one, known at plan time.
      const sameOffering = prior && prior.offering_id === plan.offering_id && typeof prior.version === 'string';
      plan.version = sameOffering ? prior.version : latestVersion(versions);
      if (plan.version === null) {
        ctx.error(
          'No available offering version',
          'The offering has no available (or beta) version to order. Set `version`, or ask its provider to publish one.',
          'offering_id',
        );
        return;
      }
    }
    const version = versions.find((v) => v.version === plan.version);
    if (!version) {
      const known = versions.map((v) => `${v.version} (${v.status})`).join(', ') || 'none';
      ctx.error(
        'Unknown offering version',
        `The offering has no version ${plan.version}; it has: ${known}.`,
        'version',
      );
      return;
    }
    checkVersionStatus(ctx, version, versions, !prior || prior.version !== plan.version);
    // A value known only after apply (from another resource) is checked by the server when the order is placed.
    checkAttributes(ctx, version, plan.attributes ?? {}, plan.secret_attributes);
  },

  async create(ctx, plan) {
    const body = {
      type: 'create',
      project_id: plan.project_id,
      offering_id: plan.offering_id,
      plan_id: plan.plan_id,
      name: plan.name,
      version: plan.version ?? undefined,
      attributes: mergedAttributes(plan.attributes, plan.secret_attributes),
      limits: plan.limits ?? {},
    };
    const order = await reportingFieldErrors(ctx, 'The order was refused', () =>
      ctx.client.create<Order>('/orders', body),
    );
    if (!order) return null;
    ctx.log.info('placed create order', { order: order.id, resource: order.resource_id, state: order.state });
    const final = await waitLogging(ctx, order);
    const remote = await ctx.client.find<RemoteResource>(`/resources/${order.resource_id}`);
    if (final.state === 'done' && remote) {
      const created = { ...toState(remote, plan), order_id: order.id };
      return plan.paused ? pauseAfterCreate(ctx, plan, created) : created;
    }
    if (remote && !FINAL_STATES.includes(final.state) && stoppedByTerraform(ctx)) {
      // Ctrl-C: the order goes on without us. Keep the resource in the state, not tainted, so the
      // next plan reads how far it got instead of replacing a resource that may be nearly ready.
      ctx.warning(
        'Stopped waiting for the create order',
        sentences(
          `Terraform was interrupted. Order ${final.id} stays open on the server: it is ${final.state}${final.awaiting ? `, waiting for ${final.awaiting}` : ''}`,
          'The resource is kept in the state; the next plan or apply reads its progress',
        ),
      );
      // `paused` as planned (Terraform checks it): the next plan reads what it is.
      return { ...toState(remote, plan), paused: plan.paused, order_id: order.id };
    }
    reportUnfinished(ctx, final, 'create', plan.timeouts?.create);
    // The resource exists (Erred, or still waiting): keep it in state, tainted, so nothing is orphaned.
    if (remote && remote.state !== 'Terminated') return { ...toState(remote, plan), order_id: order.id };
    return null;
  },

  async read(ctx, state) {
    const remote = await ctx.client.find<RemoteResource>(`/resources/${state.id}`);
    if (!remote || remote.state === 'Terminated') return null;
    return toState(remote, state);
  },

  async update(ctx, plan, prior) {
    if (plan.name !== prior.name) await ctx.client.patch(`/resources/${prior.id}`, { name: plan.name });
    // An order left open by an interrupted apply is waited for; what it already applied is not ordered again.
    const { remote: current, unfinished } = await settleOpenOrders(ctx, prior.id, 'wait');
    if (!current || !AT_REST.includes(current.state)) {
      // Still busy (or gone): a new order would only be refused. Say what holds it up instead.
      if (unfinished) reportUnfinished(ctx, unfinished, 'update', plan.timeouts?.update, true);
      else
        ctx.error(
          'The resource cannot be updated',
          current
            ? `Resource ${current.name} is ${current.state}; an update order needs it OK or Paused.`
            : `Resource ${prior.id} is gone from the server; the next plan creates it again.`,
        );
      return current ? { ...toState(current, prior), order_id: prior.order_id } : prior;
    }
    let orderId = prior.order_id;
    const read = async () => {
      const remote = await ctx.client.find<RemoteResource>(`/resources/${prior.id}`);
      return remote ? { ...toState(remote, plan), order_id: orderId } : prior;
    };
    const setPaused = async (paused: boolean) => {
      const outcome = await placePauseOrder(ctx, prior.id, paused, 'update', plan.timeouts?.update);
      if (outcome.order) orderId = outcome.order.id;
      return outcome.status === 'done';
    };
    // Resume first and pause last: the update order then runs on a working resource.
    if (isPaused(current) && !plan.paused && !(await setPaused(false))) return read();
    // The secrets the server holds are the ones Terraform had: the server never returns them.
    const applied = toState(current, plan, prior.secret_attributes);
    const changes = Object.fromEntries(
      orderedChanges(plan, applied).map((key) => [
        key,
        key === 'attributes'
          ? mergedAttributes(plan.attributes, plan.secret_attributes)
          : key === 'limits'
            ? (plan.limits ?? {})
            : plan[key],
      ]),
    );
    if (Object.keys(changes).length) {
      const order = await reportingFieldErrors(ctx, 'The update order was refused', () =>
        placeUpdateOrder(ctx.client, { type: 'update', resource_id: prior.id, ...changes }),
      );
      if (order === undefined) return orderId === prior.order_id ? (prior as never) : read();
      // null: the server holds these values already (secrets Terraform could not read back).
      if (order) {
        orderId = order.id;
        const final = await waitLogging(ctx, order);
        if (final.state !== 'done') {
          reportUnfinished(ctx, final, 'update', plan.timeouts?.update);
          return read();
        }
      }
    }
    if (!isPaused(current) && plan.paused) await setPaused(true);
    return read();
  },

  async delete(ctx, state) {
    const terminate = () => ctx.client.create<Order>('/orders', { type: 'terminate', resource_id: state.id });
    // The refresh before a destroy has just read the resource, so it is usually at rest: terminate
    // at once, and settle it first only when the server refuses because it is busy or gone.
    let order = await refusedAsUndefined(terminate());
    if (!order) {
      const { remote, unfinished } = await settleOpenOrders(ctx, state.id, 'cancel pending');
      if (!remote || remote.state === 'Terminated') return;
      // Still busy: a terminate order would only be refused. Say what holds it up instead. The
      // error is the whole report: the framework keeps the resource in the state.
      if (unfinished) return reportUnfinished(ctx, unfinished, 'terminate', state.timeouts?.delete, true);
      order = await refusedAsUndefined(terminate());
      if (!order)
        return ctx.error(
          'The terminate order was refused',
          sentences(
            `Resource ${state.name} is ${remote.state}, and the server refused to terminate it`,
            'Run the command again',
          ),
        );
    }
    const final = await waitLogging(ctx, order);
    if (final.state !== 'done') reportUnfinished(ctx, final, 'terminate', state.timeouts?.delete);
  },

  async import(ctx, id) {
    // `{}` rather than null: the read keeps the server's empty values, matching `attributes = {}` as well as a configuration without them.
    return { id, attributes: {}, limits: {} };
  },
});

function latestVersion(versions: { version: string; status: string }[]): string | null {
  const semver = require('semver') as typeof import('semver'); // loaded by plans only, not at every launch
  const pick = (status: string) =>
    versions
      .filter((v) => v.status === status)
      .map((v) => v.version)
      .sort(semver.rcompare)[0];
  return pick('available') ?? pick('beta') ?? null;
}

/**
 * A deprecated version takes no new resources (an error) and warns while in use; a beta version
 * warns whenever it is used, so nobody runs on one without knowing.
 */
function checkVersionStatus(
  ctx: PlanContext<MercatoClient>,
  version: Version,
  versions: Version[],
  choosing: boolean,
): void {
  const replacement = version.replacement_version ? `Use ${version.replacement_version} instead` : '';
  if (version.status === 'deprecated') {
    const why = sentences(
      `Version ${version.version} of the offering is deprecated`,
      version.deprecation_message,
      replacement,
    );
    if (choosing)
      ctx.error(
        'Deprecated offering version',
        sentences(why, 'A deprecated version takes no new resources'),
        'version',
      );
    else
      ctx.warning(
        'Deprecated offering version',
        sentences(why, 'The resource keeps working; move it to another version by setting `version`'),
        'version',
      );
  } else if (version.status === 'beta') {
    const stable = latestVersion(versions.filter((v) => v.status === 'available'));
    ctx.warning(
      'Beta offering version',
      sentences(
        `Version ${version.version} of the offering is a beta: it may change or go away without the notice a release gives`,
        stable ? `The latest available version is ${stable}` : '',
      ),
      'version',
    );
  }
}

/**
 * Plan-time check of the configuration (`attributes` and `secret_attributes`) against the
 * version's JSON Schema, each error at its path in the argument it is written in.
 */
function checkAttributes(
  ctx: PlanContext<MercatoClient>,
  version: Version,
  attributes: unknown,
  secretAttributes: unknown,
): void {
  // With numbers or nesting the API cannot keep, the schema check would only add noise.
  if (
    !reportJsonProblems(ctx.error, ['attributes'], attributes, false) ||
    !reportJsonProblems(ctx.error, ['secret_attributes'], secretAttributes, true)
  )
    return;
  try {
    for (const { path, message } of configurationErrors(version, attributes, secretAttributes)) {
      ctx.error(
        'Invalid attributes',
        sentences(`${formatPath(path)} ${message} (offering version ${version.version})`),
        path,
      );
    }
  } catch (error) {
    if (!(error instanceof UncheckableSchemaError)) throw error;
    ctx.error(
      'Offering version cannot be checked',
      sentences(
        `The JSON Schema of offering version ${version.version} has a pattern a linear-time (RE2) engine cannot run: ${error.message}`,
        "Mercato runs user-written patterns only in linear time, so no order can be checked against this version; ask the offering's provider to rewrite the pattern",
      ),
      'version',
    );
  }
}

/**
 * A resource whose create order failed was never provisioned: plan to replace it, as Terraform
 * does after any failed create, and say which order failed and why.
 */
async function planReplacingErred(
  ctx: PlanContext<MercatoClient>,
  plan: { state: unknown },
  prior: { id: string; name: string },
): Promise<void> {
  plan.state = UNKNOWN;
  ctx.requiresReplace('state');
  const orders = await ctx.client.listAll<Order>('/orders', { resource_id: prior.id });
  const erred = orders.filter((o) => o.state === 'erred').pop();
  const failure = erred
    ? `Its ${erred.type} order ${erred.id} failed: ${erred.reason || 'no reason given'}`
    : 'Its create order failed';
  ctx.warning(
    'The resource is Erred: planned for replacement',
    sentences(
      `Resource ${prior.name} (${prior.id}) was never provisioned`,
      failure,
      'Applying terminates it and orders a new one',
    ),
    'state',
  );
}

/** A plan on a busy resource says which order is open: apply waits for it before anything else. */
async function warnOfOpenOrders(ctx: PlanContext<MercatoClient>, prior: { id: string; name: string }): Promise<void> {
  for (const order of await openOrders(ctx.client, prior.id)) {
    ctx.warning(
      'An order is still open',
      sentences(
        `Order ${order.id} (${order.type}) on ${prior.name} is ${order.state}${order.awaiting ? `, waiting for ${order.awaiting}` : ''}`,
        'Apply waits for it before placing another order',
      ),
    );
  }
}

/**
 * Server values; an empty `attributes` or `limits` keeps the form the state had (null or `{}`).
 * Secrets, which the server never returns, are as `believedSecrets` (by default the known ones) has them.
 */
function toState(
  remote: RemoteResource,
  known: { attributes?: unknown; secret_attributes?: unknown; limits?: unknown; order_id?: string | null },
  believedSecrets = known.secret_attributes,
) {
  const emptyAsKnown = <T extends object>(value: T, previous: unknown) =>
    previous === null && isEmptyObject(value) ? null : value;
  const { attributes, secret_attributes } = splitSecretAttributes(
    remote.attributes,
    known.secret_attributes,
    believedSecrets,
  );
  return {
    id: remote.id,
    project_id: remote.project_id,
    offering_id: remote.offering_id,
    plan_id: remote.plan_id,
    version: remote.version,
    name: remote.name,
    attributes: emptyAsKnown(attributes, known.attributes),
    secret_attributes,
    limits: emptyAsKnown(remote.limits, known.limits),
    paused: isPaused(remote),
    state: remote.state,
    order_id: known.order_id ?? null,
    backend_id: remote.backend_id,
    // Empty outputs are stored as null: Terraform rewrites the whole state file after every
    // resource it applies, so each byte per resource costs at scale (bench/README.md).
    outputs: nullIfEmpty(remote.outputs),
    secret_outputs: nullIfEmpty(remote.secret_outputs ?? {}),
    backend_state: nullIfEmpty(remote.backend_state ?? {}),
    // The server estimates the resource at its plan's current prices at each read: a price change
    // shows at the next refresh, as a computed value, without planning a change.
    monthly_cost_estimate: remote.cost_estimate?.monthly_total ?? null,
  };
}

/**
 * `paused = true` at creation: the created resource is paused by an order of its own. Answers
 * the state to keep: as the server has it once the order ends; after Ctrl-C, `paused` as planned
 * (the order goes on without us, and the next plan reads whether it is paused).
 */
async function pauseAfterCreate(
  ctx: ResourceContext<MercatoClient>,
  plan: Parameters<typeof toState>[1] & { timeouts?: { create?: string | null } | null },
  created: ReturnType<typeof toState>,
) {
  const outcome = await placePauseOrder(ctx, created.id, true, 'pause after create', plan.timeouts?.create);
  const orderId = outcome.order?.id ?? created.order_id;
  if (outcome.status === 'interrupted') return { ...created, paused: true, order_id: orderId };
  const remote = await ctx.client.find<RemoteResource>(`/resources/${created.id}`);
  return { ...created, ...(remote ? toState(remote, plan) : {}), order_id: orderId };
}

function isEmptyObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !isUnknown(value) && Object.keys(value).length === 0;
}

/**
 * Brings a resource to rest before a new order: a resource that is OK, Paused or Erred has no open order;
 * otherwise each open order is waited for, or, before a destroy, canceled while still pending.
 * Answers the resource as it is then, and the open order the wait ended on, if it did not finish.
 */
async function settleOpenOrders(
  ctx: ResourceContext<MercatoClient>,
  id: string,
  pending: 'wait' | 'cancel pending',
): Promise<{ remote?: RemoteResource; unfinished?: Order }> {
  const remote = await ctx.client.find<RemoteResource>(`/resources/${id}`);
  if (!remote || [...AT_REST, 'Erred', 'Terminated'].includes(remote.state)) return { remote };
  for (const open of await openOrders(ctx.client, remote.id)) {
    if (pending === 'cancel pending' && PENDING_STATES.includes(open.state)) {
      ctx.log.info('canceling an open order before terminating', { order: open.id });
      await ctx.client.action(`/orders/${open.id}/cancel`, { reason: 'canceled by terraform destroy' });
      continue;
    }
    const final = await waitLogging(ctx, open);
    if (!FINAL_STATES.includes(final.state))
      return { remote: await ctx.client.find<RemoteResource>(`/resources/${id}`), unfinished: final };
  }
  return { remote: await ctx.client.find<RemoteResource>(`/resources/${id}`) };
}

/** The server refuses an order on a resource that is busy (409) or no longer there (422 on `resource_id`). */
async function refusedAsUndefined(placing: Promise<Order>): Promise<Order | undefined> {
  try {
    return await placing;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 409 || error.fieldErrors.some((e) => e.field === 'resource_id')))
      return undefined;
    throw error;
  }
}

function nullIfEmpty(value: Record<string, unknown>): Record<string, unknown> | null {
  return Object.keys(value).length ? value : null;
}
