import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../auth/principal';
import { approvesForConsumer, approvesForProvider } from '../auth/access';
import { consumerOrProviderScope, providerScope, sideOf } from '../auth/scope';
import type { OrderRow } from '../db/tables';
import { listResponseSchema, toPage } from '../http/pagination';
import { conflict, forbidden, invalid, notFound } from '../http/problem';
import { body, ID, ID_PARAMS, jsonObject, listQuery, NAME } from '../http/schemas';
import { page } from '../http/route-context';
import { assertNotAnotherRequestKey, keyReused, requestFingerprint, type IdempotencyKey } from '../http/idempotency';
import { loadOfferingRow } from '../catalog/offerings-repository';
import { projectRef } from '../structure/projects-repository';
import { findResourceById } from '../resources/resources-repository';
import { findOpenOrderOf, findOrderById, findOrderByKey, listOrders } from './orders-repository';
import { INCLUDE_DELETED } from '../db/deleted-parents';
import { ORDER, OPEN_STATES, PENDING_STATES, presentOrder } from './order-model';
import { ORDER_STATES, ORDER_TYPES, type OrderState } from './order-states';
import { moveOrder } from './order-transitions';
import { placeChange, placeCreate } from './order-placement';
import { loadJob } from '../provisioning/provisioning-job';
import { ORDER_EVENT_SCHEMA, orderEvent } from '../provisioning/plugins/webhook-event';
import { orderLogsRoutes } from './order-logs-routes';

const ORDER_BODY = body(
  {
    type: { type: 'string', enum: ORDER_TYPES },
    project_id: { ...ID, description: 'create: the project to order into.' },
    offering_id: { type: 'string', maxLength: 200, description: 'create: offering id or slug.' },
    resource_id: { ...ID, description: 'every type but create: the resource.' },
    plan_id: ID,
    version: {
      type: 'string',
      maxLength: 100,
      description: 'create: defaults to the latest available; update: upgrades.',
    },
    name: NAME,
    attributes: jsonObject(
      "Configuration, validated against the version's options schema. Properties it marks `writeOnly: true` or `format: password` are secrets: given to provisioning, never returned (see `secret_attribute_paths`); an update that leaves one out keeps its stored value.",
    ),
    limits: { type: 'object', additionalProperties: { type: 'number' }, description: 'Per limit-billed component.' },
  },
  ['type'],
);

const REASON_BODY = body({ reason: { type: 'string', minLength: 1, maxLength: 2000 } }, ['reason']);
const COMPLETE_BODY = body({
  backend_id: {
    type: 'string',
    maxLength: 500,
    description:
      "create orders: the resource's ID in the backend. Update and terminate orders keep the one the create order set.",
  },
  outputs: jsonObject(),
  secret_outputs: jsonObject('Credentials and the like: shown only on a single-resource read to its consumers.'),
  state: jsonObject(
    "The backend's own record of the resource (a site agent's state), kept as the resource's `backend_state` and given back in later order events.",
  ),
});

export const ordersRoutes: FastifyPluginAsyncJsonSchemaToTs = async (app) => {
  await app.register(orderLogsRoutes);
  /** The order the caller placed with this key; 422 when it was placed with another request. */
  const orderPlacedWith = async (p: Principal, keyed: IdempotencyKey) => {
    const order = await findOrderByKey(app.db, p.user.id, keyed.key);
    // Orders placed before fingerprints were kept have none: replayed as before.
    if (order?.idempotency_fingerprint && order.idempotency_fingerprint !== keyed.fingerprint)
      throw keyReused(keyed.key, 'POST /api/v1/orders with another body');
    return order;
  };
  const replayOrder = (reply: FastifyReply, order: OrderRow) =>
    reply.code(200).header('idempotent-replayed', 'true').send(presentOrder(order));

  const findOrder = async (p: Principal, id: string) => {
    const order = await findOrderById(app.db, id);
    if (!order || !(await sideOf(app.db, p, order.project_id, order.offering_id)).side) throw notFound('order', id);
    return order;
  };

  app.post('/orders', {
    schema: {
      tags: ['orders'],
      summary: 'Place an order: create, update, pause, resume, restart or terminate a resource',
      description:
        'An `Idempotency-Key` header makes a retried request (also one sent while the first is under way) return the order the first one placed, with 200; the key used with another body is refused with 422.',
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200 } } },
      body: ORDER_BODY,
      response: { 201: ORDER, 200: ORDER },
    },
    handler: async (request, reply) => {
      const p = request.principal;
      const header = request.headers['idempotency-key'];
      const keyed = header ? { key: header, fingerprint: requestFingerprint(request) } : undefined;
      if (keyed) {
        const previous = await orderPlacedWith(p, keyed);
        if (previous) return replayOrder(reply, previous);
        await assertNotAnotherRequestKey(app.db, p.user.id, keyed.key);
      }
      const input = request.body;
      let order: OrderRow;
      try {
        order =
          input.type === 'create' ? await placeCreate(app, p, input, keyed) : await placeChange(app, p, input, keyed);
      } catch (error) {
        // A retry racing the first request fails on what the first one did (its key, or the
        // resource it moved to Updating): the first one's order is then the answer.
        const previous = keyed && (await orderPlacedWith(p, keyed));
        if (previous) return replayOrder(reply, previous);
        throw error;
      }
      // Executing: a job to run; queued for a plan preview: a plan to run.
      if (order.state === 'executing' || order.plan_state) app.worker.wake();
      return reply.code(201).send(presentOrder(order));
    },
  });

  app.get('/orders', {
    schema: {
      tags: ['orders'],
      summary: 'List the orders the caller may see (its projects, or its offerings as provider)',
      querystring: listQuery({
        project_id: ID,
        offering_id: ID,
        resource_id: ID,
        state: { type: 'string', enum: ORDER_STATES },
        type: { type: 'string', enum: ORDER_TYPES },
        awaiting: {
          type: 'string',
          enum: ['provider'],
          description:
            '`provider`: only the executing orders handed to their provider to complete or fail (`POST /orders/{id}/complete`, `/fail`), of offerings the caller provides as an owner or service manager (staff: of every offering). What a site agent that polls asks for, with `offering_id`.',
        },
        include_deleted: INCLUDE_DELETED,
      }),
      response: { 200: listResponseSchema(ORDER) },
    },
    handler: async (request) => {
      const p = request.principal;
      const range = page(request.query);
      const scope = p.isStaff
        ? undefined
        : request.query.awaiting === 'provider'
          ? providerScope(p, 'offering_id')
          : consumerOrProviderScope(p, 'project_id', 'offering_id');
      if (!p.isStaff && !scope) return { items: [], next_cursor: null };
      return toPage(await listOrders(app.db, range, request.query, scope), range.limit, presentOrder);
    },
  });

  app.get('/orders/:id', {
    schema: {
      tags: ['orders'],
      summary: 'Get an order',
      description:
        'With `wait_seconds`, answers as soon as the order is in a final state, or after that many seconds: a long poll, so clients waiting for an order neither sleep too long nor ask too often.',
      params: ID_PARAMS,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { wait_seconds: { type: 'number', minimum: 0, maximum: 60 } },
      },
      response: { 200: ORDER },
    },
    handler: async (request) => {
      const { wait_seconds: wait = 0 } = request.query;
      let order = await findOrder(request.principal, request.params.id);
      const deadline = Date.now() + wait * 1000;
      while (OPEN_STATES.includes(order.state) && Date.now() < deadline && !request.raw.destroyed) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order = (await findOrderById(app.db, order.id)) ?? order;
      }
      return presentOrder(order);
    },
  });

  /** An action on an order: the order by id, moved by `run`; the worker is woken when it moves to executing. */
  const act = async (p: Principal, id: string, run: (order: OrderRow) => Promise<OrderRow>) => {
    const moved = await run(await findOrder(p, id));
    if (moved.state === 'executing') app.worker.wake();
    return presentOrder(moved);
  };

  const providerOf = async (order: OrderRow) => (await loadOfferingRow(app.db, order.offering_id))!;
  const projectOf = async (order: OrderRow) => projectRef(app.db, order.project_id);
  const expectState = (order: OrderRow, states: OrderState[], verb: string) => {
    if (!states.includes(order.state)) throw conflict(`an order in state ${order.state} cannot be ${verb}`);
  };

  app.post('/orders/:id/approve', {
    schema: {
      tags: ['orders'],
      summary: 'Approve a pending order (consumer side first, then provider side)',
      params: ID_PARAMS,
      response: { 200: ORDER },
    },
    handler: async (request) =>
      act(request.principal, request.params.id, async (order) => {
        const p = request.principal;
        expectState(order, PENDING_STATES, 'approved');
        if (order.state === 'pending-consumer') {
          if (!approvesForConsumer(p, await projectOf(order)))
            throw forbidden('consumer approval needs a project manager or an organization owner');
          const next = order.provider_approved_by ? 'executing' : 'pending-provider';
          return app.db
            .transaction()
            .execute((trx) =>
              moveOrder(trx, order, next, { actorId: p.user.id, set: { consumer_approved_by: p.user.id } }),
            );
        }
        if (!approvesForProvider(p, (await providerOf(order)).organization_id))
          throw forbidden('provider approval needs an owner or service manager of the providing organization');
        return app.db
          .transaction()
          .execute((trx) =>
            moveOrder(trx, order, 'executing', { actorId: p.user.id, set: { provider_approved_by: p.user.id } }),
          );
      }),
  });

  app.post('/orders/:id/reject', {
    schema: {
      tags: ['orders'],
      summary: 'Reject a pending order, with a reason',
      params: ID_PARAMS,
      body: REASON_BODY,
      response: { 200: ORDER },
    },
    handler: async (request) =>
      act(request.principal, request.params.id, async (order) => {
        const p = request.principal;
        expectState(order, PENDING_STATES, 'rejected');
        const allowed =
          order.state === 'pending-consumer'
            ? approvesForConsumer(p, await projectOf(order))
            : approvesForProvider(p, (await providerOf(order)).organization_id);
        if (!allowed)
          throw forbidden(
            `only the ${order.state === 'pending-consumer' ? 'consumer' : 'provider'} approvers reject at this stage`,
          );
        return app.db
          .transaction()
          .execute((trx) => moveOrder(trx, order, 'rejected', { actorId: p.user.id, reason: request.body.reason }));
      }),
  });

  app.post('/orders/:id/cancel', {
    schema: {
      tags: ['orders'],
      summary: 'Cancel a pending order (its orderer or a consumer approver), with a reason',
      params: ID_PARAMS,
      body: REASON_BODY,
      response: { 200: ORDER },
    },
    handler: async (request) =>
      act(request.principal, request.params.id, async (order) => {
        const p = request.principal;
        expectState(order, PENDING_STATES, 'canceled');
        if (order.created_by !== p.user.id && !approvesForConsumer(p, await projectOf(order)))
          throw forbidden('only the orderer or a consumer approver cancels an order');
        return app.db
          .transaction()
          .execute((trx) => moveOrder(trx, order, 'canceled', { actorId: p.user.id, reason: request.body.reason }));
      }),
  });

  const assertCompletable = async (p: Principal, order: OrderRow, verb: string) => {
    expectState(order, ['executing'], verb);
    if (!approvesForProvider(p, (await providerOf(order)).organization_id))
      throw forbidden("only the offering's provider reports provisioning");
    if (order.job_state !== 'waiting')
      throw conflict('the order is being provisioned by its plugin, not waiting for the provider');
  };

  app.get('/orders/:id/provisioning-event', {
    schema: {
      tags: ['orders'],
      summary: "An order handed to its provider, as the provider's site agent carries it out (the provider)",
      description:
        "The `order.executing` event the `webhook` plugin POSTs to a site agent, for an agent that polls instead (`GET /orders?awaiting=provider`): the order, its resource and offering, attributes whole, secret ones included. Only for an owner or service manager of the offering's organization, and only while the order waits for the provider (409 otherwise).",
      params: ID_PARAMS,
      response: { 200: ORDER_EVENT_SCHEMA },
    },
    handler: async (request) => {
      const order = await findOrder(request.principal, request.params.id);
      await assertCompletable(request.principal, order, 'read for provisioning');
      return orderEvent((await loadJob(app.db, order)).job);
    },
  });

  app.post('/orders/:id/complete', {
    schema: {
      tags: ['orders'],
      summary: 'Report an order handed to the provider (its staff or site agent) as done',
      params: ID_PARAMS,
      body: COMPLETE_BODY,
      response: { 200: ORDER },
    },
    handler: async (request) =>
      act(request.principal, request.params.id, async (order) => {
        const p = request.principal;
        await assertCompletable(p, order, 'completed');
        const provisioned = request.body ?? {};
        await assertBackendIdKept(order, provisioned.backend_id);
        return app.db
          .transaction()
          .execute((trx) => moveOrder(trx, order, 'done', { actorId: p.user.id, provisioned, claimedBy: null }));
      }),
  });

  /** Only a create order sets the backend ID; a different one on another order is refused rather than dropped. */
  const assertBackendIdKept = async (order: OrderRow, backendId: string | undefined) => {
    if (backendId === undefined || order.type === 'create') return;
    const resource = (await findResourceById(app.db, order.resource_id))!;
    if (backendId !== resource.backend_id)
      throw invalid(
        'backend_id',
        `an ${order.type} order keeps the resource's backend_id ${JSON.stringify(resource.backend_id)}, set by its create order; leave backend_id out`,
      );
  };

  app.post('/orders/:id/fail', {
    schema: {
      tags: ['orders'],
      summary: 'Report an order handed to the provider (its staff or site agent) as failed, with a reason',
      params: ID_PARAMS,
      body: REASON_BODY,
      response: { 200: ORDER },
    },
    handler: async (request) =>
      act(request.principal, request.params.id, async (order) => {
        const p = request.principal;
        await assertCompletable(p, order, 'failed');
        return app.db
          .transaction()
          .execute((trx) =>
            moveOrder(trx, order, 'erred', { actorId: p.user.id, reason: request.body.reason, claimedBy: null }),
          );
      }),
  });

  app.post('/orders/:id/retry', {
    schema: { tags: ['orders'], summary: 'Run an erred order again', params: ID_PARAMS, response: { 200: ORDER } },
    handler: async (request) =>
      act(request.principal, request.params.id, async (order) => {
        const p = request.principal;
        expectState(order, ['erred'], 'retried');
        const consumer = approvesForConsumer(p, await projectOf(order)) || order.created_by === p.user.id;
        if (!consumer && !approvesForProvider(p, (await providerOf(order)).organization_id))
          throw forbidden('only the orderer, a consumer approver or the provider retries an order');
        const open = await findOpenOrderOf(app.db, order.resource_id);
        if (open) throw conflict(`the resource has another open order ${open.id}`);
        return app.db.transaction().execute((trx) => moveOrder(trx, order, 'executing', { actorId: p.user.id }));
      }),
  });
};
