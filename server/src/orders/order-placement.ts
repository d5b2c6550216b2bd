import equal from 'fast-deep-equal';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../auth/principal';
import { approvesForConsumer, approvesForProvider, canSeeOffering, canSeeProject, offeredTo } from '../auth/access';
import { recordEvent } from '../audit/record';
import type { OfferingRow, OrderRow, PlanRow, ResourceRow } from '../db/tables';
import { newId } from '../ids';
import { badRequest, conflict, invalid } from '../http/problem';
import { json, now } from '../http/route-context';
import type { IdempotencyKey } from '../http/idempotency';
import { findLiveOffering, loadOfferingRow } from '../catalog/offerings-repository';
import { findVersion } from '../catalog/offering-versions-repository';
import { audienceOf } from '../catalog/offering-audience-repository';
import { findLiveProject } from '../structure/projects-repository';
import { findResourceById } from '../resources/resources-repository';
import { claimResourceForOrder, findOpenOrderOf, insertResourceWithOrder } from './orders-repository';
import { RESOURCE_STATE_WHILE, RESOURCE_STATES_FOR } from './order-model';
import { MANAGEMENT_ACTIONS, type OrderState, type OrderType } from './order-states';
import type { ManagementAction } from '../provisioning/plugin';
import {
  assertOrderable,
  attributeProblems,
  limitProblems,
  orderablePlan,
  orderableVersion,
  throwIfAny,
} from './order-validation';
import { estimatePlan } from '../billing/plan-estimate';
import { findPlanOf } from '../catalog/plans-repository';
import { orderedAttributes, storedAttributes, storedSecrets } from './secret-attributes';
import { withinPlan } from '../catalog/plan-limits';
import { assertWithinQuotas } from '../quotas/quota-enforcement';

/** What a client asks for when it places an order. */
export interface OrderInput {
  type: OrderType;
  project_id?: string;
  offering_id?: string;
  resource_id?: string;
  plan_id?: string;
  version?: string;
  name?: string;
  attributes?: Record<string, unknown>;
  limits?: Record<string, number>;
}

const idempotencyColumns = (keyed?: IdempotencyKey) => ({
  idempotency_key: keyed?.key ?? null,
  idempotency_fingerprint: keyed?.fingerprint ?? null,
});

/** The state a new order starts in, given which approvals its orderer's roles already give. */
function initialState(consumerApproved: boolean, providerApproved: boolean): OrderState {
  if (!consumerApproved) return 'pending-consumer';
  if (!providerApproved) return 'pending-provider';
  return 'executing';
}

export async function placeCreate(
  app: FastifyInstance,
  p: Principal,
  input: OrderInput,
  keyed?: IdempotencyKey,
): Promise<OrderRow> {
  const missing = (['project_id', 'offering_id', 'plan_id', 'name'] as const).filter((f) => input[f] === undefined);
  if (missing.length)
    throw badRequest(
      `a create order needs ${missing.join(', ')}`,
      missing.map((field) => ({ field, message: 'is required for a create order' })),
    );
  if (input.resource_id) throw invalid('resource_id', 'a create order makes a new resource; leave resource_id out');
  const project = await findLiveProject(app.db, input.project_id!);
  if (!project || !canSeeProject(p, project)) throw invalid('project_id', `no project ${input.project_id}`);
  const offering = await findLiveOffering(app.db, input.offering_id!);
  const ref = offering && { ...offering, audience: await audienceOf(app.db, offering) };
  // An offering the caller may not see is answered as one that does not exist.
  if (!offering || !ref || !canSeeOffering(p, ref)) throw invalid('offering_id', `no offering ${input.offering_id}`);
  if (!offeredTo(ref, project))
    throw invalid(
      'project_id',
      `offering ${offering.slug} is restricted to other organizations and projects: project ${project.name} cannot order it`,
    );
  assertOrderable(p, offering);
  const plan = await orderablePlan(app, offering, input.plan_id!);
  const version = await orderableVersion(app, offering, input.version);
  const attributes = input.attributes ?? {};
  const { limits, errors: rangeErrors } = withinPlan(plan.limits, plan.name, input.limits ?? {});
  const limitErrors = limitProblems(offering, input.limits ?? {});
  throwIfAny([
    ...(await attributeProblems(app, p, version, attributes)),
    ...limitErrors,
    ...rangeErrors.filter((e) => !limitErrors.some((l) => l.field === e.field)),
  ]);
  const stored = storedAttributes(version, attributes);

  const consumerApproved = approvesForConsumer(p, project);
  const providerApproved = offering.auto_approve === 1 || approvesForProvider(p, offering.organization_id);
  const state = initialState(consumerApproved, providerApproved);
  const timestamp = now();
  const resource: ResourceRow = {
    id: newId(),
    name: input.name!,
    project_id: project.id,
    offering_id: offering.id,
    plan_id: plan.id,
    version: version.version,
    ...stored,
    limits: JSON.stringify(limits),
    state: 'Creating',
    backend_id: '',
    outputs: '{}',
    secret_outputs: '{}',
    backend_state: '{}',
    pulled_at: '',
    error_message: '',
    created_at: timestamp,
    updated_at: timestamp,
  };
  const order: OrderRow = {
    id: newId(),
    type: 'create',
    state,
    project_id: project.id,
    offering_id: offering.id,
    resource_id: resource.id,
    plan_id: plan.id,
    version: version.version,
    ...stored,
    limits: resource.limits,
    cost_estimate: JSON.stringify(estimatePlan(offering, plan, limits)),
    changes: '[]',
    created_by: p.user.id,
    consumer_approved_by: consumerApproved ? p.user.id : null,
    provider_approved_by: providerApproved ? p.user.id : null,
    reason: '',
    ...idempotencyColumns(keyed),
    job_state: state === 'executing' ? 'queued' : null,
    claimed_by: null,
    plan_state: previewState(app, offering, state),
    prior_resource_state: '',
    attempts: 0,
    created_at: timestamp,
    updated_at: timestamp,
    completed_at: null,
  };
  const scope = {
    organizationId: project.organization_id,
    projectId: project.id,
    providerOrganizationId: offering.organization_id,
  };
  await app.db.transaction().execute(async (trx) => {
    await assertWithinQuotas(trx, { ...quotaScope(project, resource), limits });
    await insertResourceWithOrder(trx, resource, order);
    await recordEvent(trx, {
      actorId: p.user.id,
      action: 'resource.creating',
      objectType: 'resource',
      objectId: resource.id,
      ...scope,
      changes: { name: resource.name, offering_id: offering.id, plan_id: plan.id, version: version.version },
    });
    await recordEvent(trx, {
      actorId: p.user.id,
      action: 'order.created',
      objectType: 'order',
      objectId: order.id,
      ...scope,
      changes: { type: 'create', state },
    });
  });
  return order;
}

/**
 * An order that waits for approval is queued for a plan preview when its offering's plugin plans
 * (`ProvisioningPlugin.plan`; provisioning/plan-previews.ts runs it); null: no preview.
 */
function previewState(app: FastifyInstance, offering: Pick<OfferingRow, 'type'>, state: OrderState): 'queued' | null {
  return state !== 'executing' && app.plugins.get(offering.type)?.plan ? 'queued' : null;
}

const isManagementAction = (type: OrderType): type is ManagementAction =>
  (MANAGEMENT_ACTIONS as readonly string[]).includes(type);

/** Pause, resume and restart exist only where the offering's plugin says it carries them out. */
function assertPluginCarriesOut(app: FastifyInstance, offering: OfferingRow, action: ManagementAction): void {
  const plugin = app.plugins.get(offering.type);
  const actions = plugin?.actionsFor
    ? plugin.actionsFor({ id: offering.id, slug: offering.slug, plugin_options: json(offering.plugin_options, {}) })
    : plugin?.actions;
  if (!actions?.includes(action))
    throw invalid(
      'type',
      `offering ${offering.slug} (plugin ${offering.type}) cannot ${action} its resources; ${
        plugin?.actionsFor ? 'with its plugin_options its plugin' : 'its plugin'
      } carries out ${actions?.join(', ') || 'no management action'}`,
    );
}

export async function placeChange(
  app: FastifyInstance,
  p: Principal,
  input: OrderInput,
  keyed?: IdempotencyKey,
): Promise<OrderRow> {
  if (!input.resource_id)
    throw badRequest(`${withArticle(input.type)} order needs resource_id`, [
      { field: 'resource_id', message: `is required for ${withArticle(input.type)} order` },
    ]);
  for (const field of ['project_id', 'offering_id', 'name'] as const) {
    if (input[field] !== undefined) throw invalid(field, `cannot be set on ${withArticle(input.type)} order`);
  }
  const resource = await findResourceById(app.db, input.resource_id);
  const project = resource && (await findLiveProject(app.db, resource.project_id));
  if (!resource || !project || !canSeeProject(p, project))
    throw invalid('resource_id', `no resource ${input.resource_id}`);
  const type = input.type as Exclude<OrderInput['type'], 'create'>;
  const allowedStates = RESOURCE_STATES_FOR[type];
  if (!allowedStates.includes(resource.state))
    throw conflict(
      `resource ${resource.name} is ${resource.state}; ${withArticle(input.type)} order needs it ${allowedStates.join(' or ')}`,
      'resource_id',
    );
  const open = await findOpenOrderOf(app.db, resource.id);
  if (open)
    throw conflict(`resource ${resource.name} has an open order ${open.id}; wait for it or cancel it`, 'resource_id');
  const offering = (await loadOfferingRow(app.db, resource.offering_id))!;
  if (isManagementAction(type)) assertPluginCarriesOut(app, offering, type);

  const order: OrderRow = {
    id: newId(),
    type: input.type,
    state: 'executing',
    project_id: project.id,
    offering_id: offering.id,
    resource_id: resource.id,
    plan_id: resource.plan_id,
    version: resource.version,
    attributes: resource.attributes,
    secret_attributes: resource.secret_attributes,
    limits: resource.limits,
    changes: '[]',
    created_by: p.user.id,
    consumer_approved_by: null,
    provider_approved_by: null,
    reason: '',
    ...idempotencyColumns(keyed),
    job_state: null,
    claimed_by: null,
    prior_resource_state: resource.state,
    attempts: 0,
    created_at: now(),
    updated_at: now(),
    completed_at: null,
  };
  if (input.type === 'update') {
    const changes: string[] = [];
    let plan: PlanRow | undefined = await findPlanOf(app.db, offering.id, resource.plan_id);
    if (input.plan_id !== undefined && input.plan_id !== resource.plan_id) {
      plan = await orderablePlan(app, offering, input.plan_id);
      order.plan_id = plan.id;
      changes.push('plan_id');
    }
    const version = await orderableVersion(app, offering, input.version ?? resource.version).catch((error) => {
      if (input.version === undefined || input.version === resource.version) return undefined; // the current version keeps working, deprecated or not
      throw error;
    });
    if (input.version !== undefined && version && version.version !== resource.version) {
      order.version = version.version;
      changes.push('version');
    }
    // Compared as values, not as JSON text: the same object with its keys in another order is no change.
    const { attributes, changed } = orderedAttributes(resource, input.attributes);
    if (changed) changes.push('attributes');
    // New limits, or the current ones under a new plan, lie in the plan's ranges; left out, the defaults.
    const planned = withinPlan(plan?.limits ?? '{}', plan?.name ?? '', input.limits ?? json(resource.limits, {}));
    if (!equal(planned.limits, json(resource.limits, {}))) {
      order.limits = JSON.stringify(planned.limits);
      changes.push('limits');
    }
    const targetVersion = changes.includes('version')
      ? version!
      : await findVersion(app.db, offering.id, resource.version);
    throwIfAny([
      ...(targetVersion && (changes.includes('attributes') || changes.includes('version'))
        ? await attributeProblems(app, p, targetVersion, attributes)
        : []),
      ...(input.limits ? limitProblems(offering, input.limits) : []),
      ...planned.errors.filter(
        (e) => !input.limits || limitProblems(offering, input.limits).every((l) => l.field !== e.field),
      ),
    ]);
    // Stored as the version the order leads to says: what it makes secret is kept apart.
    if (targetVersion && (changes.includes('attributes') || changes.includes('version')))
      Object.assign(order, storedAttributes(targetVersion, attributes, storedSecrets(resource.secret_attributes)));
    if (!changes.length)
      throw badRequest('the update order changes nothing: give a new plan_id, version, attributes or limits');
    order.changes = JSON.stringify(changes);
    // What the resource costs once the update is done (its plan and limits as the order leaves them).
    if (plan) order.cost_estimate = JSON.stringify(estimatePlan(offering, plan, json(order.limits, {})));
  } else if (input.plan_id || input.version || input.attributes || input.limits) {
    throw badRequest(`${withArticle(input.type)} order takes only resource_id`);
  }

  const consumerApproved = approvesForConsumer(p, project);
  // Ending a resource frees the provider's capacity: only the consumer side approves it.
  const providerApproved =
    input.type === 'terminate' || offering.auto_approve === 1 || approvesForProvider(p, offering.organization_id);
  order.state = initialState(consumerApproved, providerApproved);
  order.job_state = order.state === 'executing' ? 'queued' : null;
  order.plan_state = previewState(app, offering, order.state);
  order.consumer_approved_by = consumerApproved ? p.user.id : null;
  order.provider_approved_by = providerApproved ? p.user.id : null;
  const scope = {
    organizationId: project.organization_id,
    projectId: project.id,
    providerOrganizationId: offering.organization_id,
  };
  await app.db.transaction().execute(async (trx) => {
    if (json<string[]>(order.changes, []).includes('limits'))
      await assertWithinQuotas(trx, { ...quotaScope(project, resource), limits: json(order.limits, {}) });
    const claimed = await claimResourceForOrder(trx, order, RESOURCE_STATE_WHILE[input.type], allowedStates, now());
    if (!claimed) throw conflict(`resource ${resource.name} changed meanwhile; read it again`, 'resource_id');
    await recordEvent(trx, {
      actorId: p.user.id,
      action: 'order.created',
      objectType: 'order',
      objectId: order.id,
      ...scope,
      changes: { type: input.type, state: order.state, changes: json(order.changes, []) },
    });
  });
  return order;
}

/** Where a resource's claim on quotas counts: its project, its organization, its offering. */
const quotaScope = (
  project: { id: string; organization_id: string },
  resource: Pick<ResourceRow, 'id' | 'offering_id'>,
) => ({
  organizationId: project.organization_id,
  projectId: project.id,
  offeringId: resource.offering_id,
  resourceId: resource.id,
});

/** An order type with its indefinite article: "an update", "a terminate". */
const withArticle = (type: string) => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
