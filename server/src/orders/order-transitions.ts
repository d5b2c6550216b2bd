import type { Kysely } from 'kysely';
import { recordEvent } from '../audit/record';
import type { OrderRow, ResourceRow, Tables } from '../db/tables';
import { conflict } from '../http/problem';
import { json } from '../http/route-context';
import type { OrderState, OrderType } from './order-states';
import { redactSecrets, storedSecrets } from './secret-attributes';
import { orderOrganizations, updateOrderIfUnchanged } from './orders-repository';
import { findResourceById, updateResource } from '../resources/resources-repository';
import { loadOfferingRow } from '../catalog/offerings-repository';
import { stopPlan } from '../provisioning/plan-previews-repository';
import { PENDING_STATES, RESOURCE_STATE_WHILE } from './order-model';

type Trx = Kysely<Tables>;

export interface Provisioned {
  backend_id?: string;
  outputs?: Record<string, unknown>;
  secret_outputs?: Record<string, unknown>;
  /** The plugin's own record of the resource; kept as `backend_state`. */
  state?: Record<string, unknown>;
}

export interface TransitionOptions {
  actorId: string | null;
  reason?: string;
  /** Extra order columns to set, such as who approved. */
  set?: Partial<OrderRow>;
  /** What provisioning gave, for an order that is done. */
  provisioned?: Provisioned;
  /** Only move a job claimed by this worker (or waiting for an outside completion). */
  claimedBy?: string | null;
}

/** Where the resource goes when its order reaches a final state. */
function resourceStateAfter(
  order: Pick<OrderRow, 'type' | 'prior_resource_state'>,
  to: OrderState,
): string | undefined {
  const { type } = order;
  // What the resource was before the order; orders placed before this was kept knew only OK.
  const prior = order.prior_resource_state || 'OK';
  if (to === 'executing') return RESOURCE_STATE_WHILE[type];
  if (to === 'done') return DONE_STATE[type] ?? prior;
  if (to === 'erred') return type === 'create' ? 'Erred' : prior;
  if (to === 'rejected' || to === 'canceled') return type === 'create' ? 'Terminated' : prior;
  return undefined;
}

/** The resource's state after an order that is done; an update leaves a paused resource paused. */
const DONE_STATE: Partial<Record<OrderType, string>> = {
  create: 'OK',
  terminate: 'Terminated',
  pause: 'Paused',
  resume: 'OK',
  restart: 'OK',
};

/**
 * The resource columns an order that is done writes. The backend ID comes from the create order
 * only: an update changes the resource in place, so what depends on its backend ID (a DNS
 * record, a monitoring check) can rely on it, and Terraform plans it as known.
 */
function resourceChangesOnDone(order: OrderRow, provisioned: Provisioned = {}): Partial<ResourceRow> {
  const changes: Partial<ResourceRow> = {};
  if (provisioned.backend_id !== undefined && order.type === 'create') changes.backend_id = provisioned.backend_id;
  if (provisioned.outputs !== undefined) changes.outputs = JSON.stringify(provisioned.outputs);
  if (provisioned.secret_outputs !== undefined) changes.secret_outputs = JSON.stringify(provisioned.secret_outputs);
  if (provisioned.state !== undefined) changes.backend_state = JSON.stringify(provisioned.state);
  if (order.type === 'update') {
    const changed = json<string[]>(order.changes, []);
    if (changed.includes('plan_id')) changes.plan_id = order.plan_id;
    if (changed.includes('version')) changes.version = order.version;
    if (changed.includes('attributes') || changed.includes('version')) {
      changes.attributes = order.attributes;
      changes.secret_attributes = order.secret_attributes;
    }
    if (changed.includes('limits')) changes.limits = order.limits;
  }
  return changes;
}

/**
 * A reason as it is kept and shown: the text of a plugin's error, or of a person who rejects or
 * fails an order, often repeats what it was given, so no secret of the order's configuration, of
 * its resource's secret outputs (a password made at create, quoted by a failing terminate) or of
 * its offering's secret options is quoted.
 */
export async function withoutSecrets(trx: Trx, order: OrderRow, reason: string): Promise<string> {
  const offering = await loadOfferingRow(trx, order.offering_id);
  const resource = await findResourceById(trx, order.resource_id);
  return redactSecrets(reason, [
    ...storedSecrets(order.secret_attributes),
    { path: [], value: json(resource?.secret_outputs ?? '', {}) },
    { path: [], value: json(offering?.secret_options ?? '', {}) },
  ]);
}

/**
 * Moves an order from the state it was read in to `to`, with the resource and the audit events,
 * in the caller's transaction. The update is conditional on the state it was read in, so two
 * actors (or two workers) racing on one order cannot both move it: the loser gets a conflict.
 */
export async function moveOrder(
  trx: Trx,
  order: OrderRow,
  to: OrderState,
  options: TransitionOptions,
): Promise<OrderRow> {
  const now = new Date().toISOString();
  const reason = options.reason === undefined ? undefined : await withoutSecrets(trx, order, options.reason);
  const final = ['done', 'erred', 'rejected', 'canceled'].includes(to);
  const set: Partial<OrderRow> = {
    ...options.set,
    state: to,
    updated_at: now,
    reason: reason ?? (to === 'executing' ? '' : order.reason),
    job_state: to === 'executing' ? 'queued' : null,
    claimed_by: null,
    completed_at: final ? now : null,
  };
  if (!(await updateOrderIfUnchanged(trx, order, set, options.claimedBy)))
    throw conflict(`order ${order.id} changed meanwhile; read it again`);
  // Its plan preview was for an approver: once the order leaves approval, it is not run any more.
  const planStopped =
    PENDING_STATES.includes(order.state) && !PENDING_STATES.includes(to) && (await stopPlan(trx, order.id));

  const scope = await orderOrganizations(trx, order);
  const eventScope = {
    organizationId: scope.organization_id,
    projectId: order.project_id,
    providerOrganizationId: scope.provider_organization_id,
  };
  await recordEvent(trx, {
    actorId: options.actorId,
    action: `order.${to}`,
    objectType: 'order',
    objectId: order.id,
    ...eventScope,
    changes: { state: { from: order.state, to }, ...(reason ? { reason } : {}) },
  });

  const resourceState = resourceStateAfter(order, to);
  if (resourceState) {
    const resourceChanges = {
      ...(to === 'done' ? resourceChangesOnDone(order, options.provisioned) : {}),
      state: resourceState,
      error_message: resourceState === 'Erred' ? (reason ?? '') : '',
      updated_at: now,
    };
    await updateResource(trx, order.resource_id, resourceChanges);
    await recordEvent(trx, {
      actorId: options.actorId,
      action: `resource.${resourceState.toLowerCase()}`,
      objectType: 'resource',
      objectId: order.resource_id,
      ...eventScope,
      changes: resourceChanges,
      secretFields: ['secret_outputs', 'secret_attributes'],
    });
  }
  return { ...order, ...set, ...(planStopped ? { plan_state: 'stopped', plan_claimed_by: null } : {}) } as OrderRow;
}
