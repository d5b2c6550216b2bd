import type { ResponseBody } from '@mercato/api';

/**
 * What an agent receives and what its handlers answer. The shapes are the API's own (generated
 * from the server's OpenAPI document into @mercato/api).
 */

/**
 * `order.executing`: an order to carry out. `order.type` is create, update, terminate, pause,
 * resume or restart; `order.attributes` is what the resource is to be after it (secret properties
 * included); `resource` is what it is now (`backend_id` '' before its create order is done;
 * `backend_state` what the agent last reported as `state`); `offering` is `{ id, slug }`.
 */
export type OrderEvent = ResponseBody<'/api/v1/orders/{id}/provisioning-event'>;

/** `resource.pull`: what the backend has of a resource now, answered at once. */
export type PullEvent = Omit<OrderEvent, 'type' | 'order'> & { type: 'resource.pull' };

/**
 * What a handler reports of the resource after an order (the body of `POST /orders/{id}/complete`);
 * a field left out is unchanged.
 * `backend_id`: the backend's id of the resource, set by the create order only (another order
 * may give the same one or none). `outputs` are shown to the resource's consumers (and are
 * Terraform's `outputs`); `secret_outputs` (passwords, keys) only on a single-resource read to
 * them. `state`: the agent's own record of the resource, given back in the next events as
 * `resource.backend_state`.
 */
export interface BackendReport {
  backend_id?: string;
  outputs?: Record<string, unknown>;
  secret_outputs?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

/**
 * A pull handler's answer: what the backend has now (a `BackendReport`, plus `usage`: amounts
 * used of the offering's usage components since the start of the month, UTC, by component
 * type), or `{ missing: true, reason }` when the backend no longer has the resource (it becomes
 * Erred with that reason).
 */
export type PullAnswer =
  (BackendReport & { usage?: Record<string, number>; missing?: false }) | { missing: true; reason?: string };

/** Carries out one order on the backend; throwing fails the order with the error's message. */
export type OrderHandler = (event: OrderEvent) => Promise<BackendReport | void>;

/**
 * An agent's handlers by order type. An order of a type with no handler is failed, saying the
 * agent does not carry out such orders. Handlers should be idempotent by order id: an order may
 * come again if the server lost track of it (a worker that stopped while sending it).
 */
export interface AgentHandlers {
  create: OrderHandler;
  update: OrderHandler;
  terminate: OrderHandler;
  pause?: OrderHandler;
  resume?: OrderHandler;
  restart?: OrderHandler;
  /** Answers a `resource.pull` event; without it, pulls are answered 501. */
  pull?: (event: PullEvent) => Promise<PullAnswer>;
}

/** Where an agent says what it does: `info` for each order, `warn` and `error` for what went wrong. Never given secrets. */
export type AgentLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
