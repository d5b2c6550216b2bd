import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { approvesForConsumer, approvesForProvider, canSeeProject } from '../auth/access';
import { consumerOrProviderScope } from '../auth/scope';
import { recordEvent } from '../audit/record';
import { isUniqueViolation } from '../db/database';
import type { OrderRow, ResourceRow } from '../db/tables';
import { newId } from '../ids';
import { listResponseSchema, toPage } from '../http/pagination';
import { badRequest, conflict, forbidden, invalid, notFound } from '../http/problem';
import { body, ID, ID_PARAMS, listQuery, NAME } from '../http/schemas';
import { json, now, page, params } from '../http/route-context';
import { loadOfferingRow } from '../catalog/offerings';
import { ORDER, ORDER_STATES, ORDER_TYPES, OPEN_STATES, PENDING_STATES, RESOURCE_STATE_WHILE, presentOrder, type OrderState } from './order-model';
import { moveOrder } from './order-transitions';
import { assertOrderable, attributeProblems, limitProblems, orderablePlan, orderableVersion, throwIfAny } from './order-validation';

interface OrderInput {
  type: 'create' | 'update' | 'terminate';
  project_id?: string;
  offering_id?: string;
  resource_id?: string;
  plan_id?: string;
  version?: string;
  name?: string;
  attributes?: Record<string, unknown>;
  limits?: Record<string, number>;
}

const ORDER_BODY = body(
  {
    type: { type: 'string', enum: ORDER_TYPES },
    project_id: { ...ID, description: 'create: the project to order into.' },
    offering_id: { type: 'string', maxLength: 200, description: 'create: offering id or slug.' },
    resource_id: { ...ID, description: 'update, terminate: the resource.' },
    plan_id: ID,
    version: { type: 'string', maxLength: 100, description: 'create: defaults to the latest available; update: upgrades.' },
    name: NAME,
    attributes: { type: 'object', description: "Configuration, validated against the version's options schema." },
    limits: { type: 'object', additionalProperties: { type: 'number' }, description: 'Per limit-billed component.' },
  },
  ['type'],
);

const REASON_BODY = body({ reason: { type: 'string', minLength: 1, maxLength: 2000 } }, ['reason']);
const COMPLETE_BODY = body({
  backend_id: { type: 'string', maxLength: 500 },
  outputs: { type: 'object' },
  secret_outputs: { type: 'object', description: 'Credentials and the like: shown only on a single-resource read to its consumers.' },
});

export async function ordersRoutes(app: FastifyInstance) {
  const findOrder = async (p: Principal, id: string) => {
    const order = await app.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
    if (!order || !(await canSeeOrder(app, p, order))) throw notFound('order', id);
    return order;
  };

  app.post('/orders', {
    schema: {
      tags: ['orders'],
      summary: 'Place an order: create, update or terminate a resource',
      description: 'An `Idempotency-Key` header makes a retried request return the order the first one placed.',
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200 } } },
      body: ORDER_BODY,
      response: { 201: ORDER, 200: ORDER },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const key = request.headers['idempotency-key'] as string | undefined;
      if (key) {
        const previous = await app.db.selectFrom('orders').selectAll().where('created_by', '=', p.user.id).where('idempotency_key', '=', key).executeTakeFirst();
        if (previous) return reply.code(200).header('idempotent-replayed', 'true').send(presentOrder(previous));
      }
      const input = request.body as OrderInput;
      let order: OrderRow;
      try {
        order = input.type === 'create' ? await placeCreate(app, p, input, key) : await placeChange(app, p, input, key);
      } catch (error) {
        if (key && isUniqueViolation(error)) {
          const previous = await app.db.selectFrom('orders').selectAll().where('created_by', '=', p.user.id).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
          return reply.code(200).header('idempotent-replayed', 'true').send(presentOrder(previous));
        }
        throw error;
      }
      if (order.state === 'executing') app.worker.wake();
      return reply.code(201).send(presentOrder(order));
    },
  });

  app.get('/orders', {
    schema: {
      tags: ['orders'],
      summary: 'List the orders the caller may see (its projects, or its offerings as provider)',
      querystring: listQuery({ project_id: ID, offering_id: ID, resource_id: ID, state: { type: 'string', enum: ORDER_STATES }, type: { type: 'string', enum: ORDER_TYPES } }),
      response: { 200: listResponseSchema(ORDER) },
    },
    handler: async (request) => {
      const p = request.principal;
      const { limit, after } = page(request);
      const filters = request.query as Partial<Record<'project_id' | 'offering_id' | 'resource_id' | 'state' | 'type', string>>;
      let query = app.db.selectFrom('orders').selectAll().orderBy('id').limit(limit + 1);
      if (after) query = query.where('id', '>', after);
      for (const [column, value] of Object.entries(filters)) {
        if (['project_id', 'offering_id', 'resource_id', 'state', 'type'].includes(column) && value) query = query.where(column as 'state', '=', value);
      }
      if (!p.isStaff) {
        const scope = consumerOrProviderScope(p, 'project_id', 'offering_id');
        if (!scope) return { items: [], next_cursor: null };
        query = query.where(scope);
      }
      return toPage(await query.execute(), limit, presentOrder);
    },
  });

  app.get('/orders/:id', {
    schema: {
      tags: ['orders'],
      summary: 'Get an order',
      description: 'With `wait_seconds`, answers as soon as the order is in a final state, or after that many seconds: a long poll, so clients waiting for an order neither sleep too long nor ask too often.',
      params: ID_PARAMS,
      querystring: { type: 'object', additionalProperties: false, properties: { wait_seconds: { type: 'number', minimum: 0, maximum: 60 } } },
      response: { 200: ORDER },
    },
    handler: async (request) => {
      const { wait_seconds: wait = 0 } = request.query as { wait_seconds?: number };
      let order = await findOrder(request.principal, params(request).id);
      const deadline = Date.now() + wait * 1000;
      while (OPEN_STATES.includes(order.state as OrderState) && Date.now() < deadline && !request.raw.destroyed) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order = (await app.db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirst()) ?? order;
      }
      return presentOrder(order);
    },
  });

  const action = (name: string, summary: string, schemaBody: object | undefined, run: (request: FastifyRequest, order: OrderRow) => Promise<OrderRow>) =>
    app.post(`/orders/:id/${name}`, {
      schema: { tags: ['orders'], summary, params: ID_PARAMS, ...(schemaBody ? { body: schemaBody } : {}), response: { 200: ORDER } },
      handler: async (request) => {
        const order = await findOrder(request.principal, params(request).id);
        const moved = await run(request, order);
        if (moved.state === 'executing') app.worker.wake();
        return presentOrder(moved);
      },
    });

  const providerOf = async (order: OrderRow) => (await loadOfferingRow(app, order.offering_id))!;
  const projectOf = async (order: OrderRow) => app.db.selectFrom('projects').select(['id', 'organization_id']).where('id', '=', order.project_id).executeTakeFirstOrThrow();
  const expectState = (order: OrderRow, states: OrderState[], verb: string) => {
    if (!states.includes(order.state as OrderState)) throw conflict(`an order in state ${order.state} cannot be ${verb}`);
  };

  action('approve', 'Approve a pending order (consumer side first, then provider side)', undefined, async (request, order) => {
    const p = request.principal;
    expectState(order, PENDING_STATES, 'approved');
    if (order.state === 'pending-consumer') {
      if (!approvesForConsumer(p, await projectOf(order))) throw forbidden('consumer approval needs a project manager or an organization owner');
      const next = order.provider_approved_by ? 'executing' : 'pending-provider';
      return app.db.transaction().execute((trx) => moveOrder(trx, order, next, { actorId: p.user.id, set: { consumer_approved_by: p.user.id } }));
    }
    if (!approvesForProvider(p, (await providerOf(order)).organization_id)) throw forbidden('provider approval needs an owner or service manager of the providing organization');
    return app.db.transaction().execute((trx) => moveOrder(trx, order, 'executing', { actorId: p.user.id, set: { provider_approved_by: p.user.id } }));
  });

  action('reject', 'Reject a pending order, with a reason', REASON_BODY, async (request, order) => {
    const p = request.principal;
    expectState(order, PENDING_STATES, 'rejected');
    const allowed = order.state === 'pending-consumer' ? approvesForConsumer(p, await projectOf(order)) : approvesForProvider(p, (await providerOf(order)).organization_id);
    if (!allowed) throw forbidden(`only the ${order.state === 'pending-consumer' ? 'consumer' : 'provider'} approvers reject at this stage`);
    return app.db.transaction().execute((trx) => moveOrder(trx, order, 'rejected', { actorId: p.user.id, reason: (request.body as { reason: string }).reason }));
  });

  action('cancel', 'Cancel a pending order (its orderer or a consumer approver), with a reason', REASON_BODY, async (request, order) => {
    const p = request.principal;
    expectState(order, PENDING_STATES, 'canceled');
    if (order.created_by !== p.user.id && !approvesForConsumer(p, await projectOf(order))) throw forbidden('only the orderer or a consumer approver cancels an order');
    return app.db.transaction().execute((trx) => moveOrder(trx, order, 'canceled', { actorId: p.user.id, reason: (request.body as { reason: string }).reason }));
  });

  const assertCompletable = async (p: Principal, order: OrderRow, verb: string) => {
    expectState(order, ['executing'], verb);
    if (!approvesForProvider(p, (await providerOf(order)).organization_id)) throw forbidden("only the offering's provider reports provisioning");
    if (order.job_state !== 'waiting') throw conflict('the order is being provisioned by its plugin, not waiting for the provider');
  };

  action('complete', 'Report a manually provisioned order as done (the provider)', COMPLETE_BODY, async (request, order) => {
    const p = request.principal;
    await assertCompletable(p, order, 'completed');
    const provisioned = (request.body ?? {}) as { backend_id?: string; outputs?: Record<string, unknown>; secret_outputs?: Record<string, unknown> };
    return app.db.transaction().execute((trx) => moveOrder(trx, order, 'done', { actorId: p.user.id, provisioned, claimedBy: null }));
  });

  action('fail', 'Report a manually provisioned order as failed (the provider), with a reason', REASON_BODY, async (request, order) => {
    const p = request.principal;
    await assertCompletable(p, order, 'failed');
    return app.db.transaction().execute((trx) => moveOrder(trx, order, 'erred', { actorId: p.user.id, reason: (request.body as { reason: string }).reason, claimedBy: null }));
  });

  action('retry', 'Run an erred order again', undefined, async (request, order) => {
    const p = request.principal;
    expectState(order, ['erred'], 'retried');
    const consumer = approvesForConsumer(p, await projectOf(order)) || order.created_by === p.user.id;
    if (!consumer && !approvesForProvider(p, (await providerOf(order)).organization_id)) throw forbidden('only the orderer, a consumer approver or the provider retries an order');
    const open = await app.db.selectFrom('orders').select('id').where('resource_id', '=', order.resource_id).where('state', 'in', OPEN_STATES).executeTakeFirst();
    if (open) throw conflict(`the resource has another open order ${open.id}`);
    return app.db.transaction().execute((trx) => moveOrder(trx, order, 'executing', { actorId: p.user.id }));
  });
}

async function canSeeOrder(app: FastifyInstance, p: Principal, order: OrderRow) {
  if (p.isStaff) return true;
  const project = await app.db.selectFrom('projects').select(['id', 'organization_id']).where('id', '=', order.project_id).executeTakeFirst();
  if (project && canSeeProject(p, project)) return true;
  const offering = await app.db.selectFrom('offerings').select('organization_id').where('id', '=', order.offering_id).executeTakeFirst();
  return !!offering && approvesForProvider(p, offering.organization_id);
}

/** The state a new order starts in, given which approvals its orderer's roles already give. */
function initialState(consumerApproved: boolean, providerApproved: boolean): OrderState {
  if (!consumerApproved) return 'pending-consumer';
  if (!providerApproved) return 'pending-provider';
  return 'executing';
}

async function placeCreate(app: FastifyInstance, p: Principal, input: OrderInput, key?: string): Promise<OrderRow> {
  const missing = (['project_id', 'offering_id', 'plan_id', 'name'] as const).filter((f) => input[f] === undefined);
  if (missing.length) throw badRequest(`a create order needs ${missing.join(', ')}`, missing.map((field) => ({ field, message: 'is required for a create order' })));
  if (input.resource_id) throw invalid('resource_id', 'a create order makes a new resource; leave resource_id out');
  const project = await app.db.selectFrom('projects').selectAll().where('id', '=', input.project_id!).executeTakeFirst();
  if (!project || !canSeeProject(p, project)) throw invalid('project_id', `no project ${input.project_id}`);
  const offering = await app.db.selectFrom('offerings').selectAll().where((eb) => eb.or([eb('id', '=', input.offering_id!), eb('slug', '=', input.offering_id!)])).executeTakeFirst();
  if (!offering || (offering.status === 'draft' && !approvesForProvider(p, offering.organization_id))) throw invalid('offering_id', `no offering ${input.offering_id}`);
  assertOrderable(p, offering);
  const plan = await orderablePlan(app, offering, input.plan_id!);
  const version = await orderableVersion(app, offering, input.version);
  const attributes = input.attributes ?? {};
  const limits = input.limits ?? {};
  throwIfAny([...attributeProblems(version, attributes), ...limitProblems(offering, limits)]);

  const consumerApproved = approvesForConsumer(p, project);
  const providerApproved = offering.auto_approve === 1 || approvesForProvider(p, offering.organization_id);
  const state = initialState(consumerApproved, providerApproved);
  const timestamp = now();
  const resource: ResourceRow = {
    id: newId(), name: input.name!, project_id: project.id, offering_id: offering.id, plan_id: plan.id, version: version.version,
    attributes: JSON.stringify(attributes), limits: JSON.stringify(limits), state: 'Creating', backend_id: '', outputs: '{}', secret_outputs: '{}',
    created_at: timestamp, updated_at: timestamp,
  };
  const order: OrderRow = {
    id: newId(), type: 'create', state, project_id: project.id, offering_id: offering.id, resource_id: resource.id, plan_id: plan.id,
    version: version.version, attributes: resource.attributes, limits: resource.limits, changes: '[]', created_by: p.user.id,
    consumer_approved_by: consumerApproved ? p.user.id : null, provider_approved_by: providerApproved ? p.user.id : null,
    reason: '', idempotency_key: key ?? null, job_state: state === 'executing' ? 'queued' : null, claimed_by: null, attempts: 0,
    created_at: timestamp, updated_at: timestamp, completed_at: null,
  };
  const scope = { organizationId: project.organization_id, projectId: project.id, providerOrganizationId: offering.organization_id };
  await app.db.transaction().execute(async (trx) => {
    await trx.insertInto('resources').values(resource).execute();
    await trx.insertInto('orders').values(order).execute();
    await recordEvent(trx, { actorId: p.user.id, action: 'resource.creating', objectType: 'resource', objectId: resource.id, ...scope, changes: { name: resource.name, offering_id: offering.id, plan_id: plan.id, version: version.version } });
    await recordEvent(trx, { actorId: p.user.id, action: 'order.created', objectType: 'order', objectId: order.id, ...scope, changes: { type: 'create', state } });
  });
  return order;
}

async function placeChange(app: FastifyInstance, p: Principal, input: OrderInput, key?: string): Promise<OrderRow> {
  if (!input.resource_id) throw badRequest(`a ${input.type} order needs resource_id`, [{ field: 'resource_id', message: `is required for a ${input.type} order` }]);
  for (const field of ['project_id', 'offering_id', 'name'] as const) {
    if (input[field] !== undefined) throw invalid(field, `cannot be set on a ${input.type} order`);
  }
  const resource = await app.db.selectFrom('resources').selectAll().where('id', '=', input.resource_id).executeTakeFirst();
  const project = resource && (await app.db.selectFrom('projects').selectAll().where('id', '=', resource.project_id).executeTakeFirst());
  if (!resource || !project || !canSeeProject(p, project)) throw invalid('resource_id', `no resource ${input.resource_id}`);
  const allowedStates = input.type === 'terminate' ? ['OK', 'Erred'] : ['OK'];
  if (!allowedStates.includes(resource.state)) throw conflict(`resource ${resource.name} is ${resource.state}; a ${input.type} order needs it ${allowedStates.join(' or ')}`, 'resource_id');
  const open = await app.db.selectFrom('orders').select('id').where('resource_id', '=', resource.id).where('state', 'in', OPEN_STATES).executeTakeFirst();
  if (open) throw conflict(`resource ${resource.name} has an open order ${open.id}; wait for it or cancel it`, 'resource_id');
  const offering = (await loadOfferingRow(app, resource.offering_id))!;

  const order: OrderRow = {
    id: newId(), type: input.type, state: 'executing', project_id: project.id, offering_id: offering.id, resource_id: resource.id,
    plan_id: resource.plan_id, version: resource.version, attributes: resource.attributes, limits: resource.limits, changes: '[]',
    created_by: p.user.id, consumer_approved_by: null, provider_approved_by: null, reason: '', idempotency_key: key ?? null,
    job_state: null, claimed_by: null, attempts: 0, created_at: now(), updated_at: now(), completed_at: null,
  };
  if (input.type === 'update') {
    const changes: string[] = [];
    if (input.plan_id !== undefined && input.plan_id !== resource.plan_id) {
      order.plan_id = (await orderablePlan(app, offering, input.plan_id)).id;
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
    const attributes = input.attributes ?? json<Record<string, unknown>>(resource.attributes, {});
    if (input.attributes !== undefined && JSON.stringify(input.attributes) !== resource.attributes) {
      order.attributes = JSON.stringify(input.attributes);
      changes.push('attributes');
    }
    if (input.limits !== undefined && JSON.stringify(input.limits) !== resource.limits) {
      order.limits = JSON.stringify(input.limits);
      changes.push('limits');
    }
    const targetVersion = changes.includes('version') ? version! : await app.db.selectFrom('offering_versions').selectAll().where('offering_id', '=', offering.id).where('version', '=', resource.version).executeTakeFirst();
    throwIfAny([
      ...(targetVersion && (changes.includes('attributes') || changes.includes('version')) ? attributeProblems(targetVersion, attributes) : []),
      ...(input.limits ? limitProblems(offering, input.limits) : []),
    ]);
    if (!changes.length) throw badRequest('the update order changes nothing: give a new plan_id, version, attributes or limits');
    order.changes = JSON.stringify(changes);
  } else if (input.plan_id || input.version || input.attributes || input.limits) {
    throw badRequest('a terminate order takes only resource_id');
  }

  const consumerApproved = approvesForConsumer(p, project);
  // Ending a resource frees the provider's capacity: only the consumer side approves it.
  const providerApproved = input.type === 'terminate' || offering.auto_approve === 1 || approvesForProvider(p, offering.organization_id);
  order.state = initialState(consumerApproved, providerApproved);
  order.job_state = order.state === 'executing' ? 'queued' : null;
  order.consumer_approved_by = consumerApproved ? p.user.id : null;
  order.provider_approved_by = providerApproved ? p.user.id : null;
  const scope = { organizationId: project.organization_id, projectId: project.id, providerOrganizationId: offering.organization_id };
  await app.db.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('resources').set({ state: RESOURCE_STATE_WHILE[input.type], updated_at: now() }).where('id', '=', resource.id).where('state', 'in', allowedStates).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict(`resource ${resource.name} changed meanwhile; read it again`, 'resource_id');
    await trx.insertInto('orders').values(order).execute();
    await recordEvent(trx, { actorId: p.user.id, action: 'order.created', objectType: 'order', objectId: order.id, ...scope, changes: { type: input.type, state: order.state, changes: json(order.changes, []) } });
  });
  return order;
}
