import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentHandlers, BackendReport, OrderEvent, PullEvent } from '@mercato/agent-sdk';
import { productFor } from './products';
import type { SimulatedBackend, SimulatedResource } from './simulated-backend';

/**
 * The example agent's handlers: each order changes the simulated resource and reports its
 * outputs, its credentials as secret outputs, and its record as the backend state.
 */
export function simulatedHandlers(backend: SimulatedBackend, delayMs = 0): AgentHandlers {
  /** The simulated resource of an order; a create makes it (a repeated create finds the first one's). */
  const resourceOf = (event: OrderEvent | PullEvent, create = false): SimulatedResource => {
    const { kind, product } = productFor(event.offering.slug);
    const backendId =
      event.resource.backend_id || `${product.prefix}-${event.resource.id.replace(/-/g, '').slice(-12)}`;
    const existing = backend.get(backendId);
    if (existing) return existing;
    if (!create) throw new Error(`the simulated backend has no ${kind} ${backendId}`);
    const now = new Date().toISOString();
    return backend.put({
      backend_id: backendId,
      kind,
      name: event.resource.name,
      attributes: (event as OrderEvent).order.attributes,
      limits: (event as OrderEvent).order.limits,
      power: 'running',
      restarts: 0,
      secrets: product.newSecrets(),
      created_at: now,
      updated_at: now,
    });
  };

  const report = (resource: SimulatedResource): BackendReport => ({
    backend_id: resource.backend_id,
    outputs: productFor(resource.kind).product.outputs(resource),
    secret_outputs: resource.secrets,
    state: {
      power: resource.power,
      restarts: resource.restarts,
      created_at: resource.created_at,
      updated_at: resource.updated_at,
    },
  });

  /** Applies `change` to the order's resource after the simulated delay, and reports it. */
  const change =
    (create: boolean, apply: (resource: SimulatedResource, event: OrderEvent) => void) => async (event: OrderEvent) => {
      if (delayMs) await sleep(delayMs);
      const resource = resourceOf(event, create);
      apply(resource, event);
      resource.updated_at = new Date().toISOString();
      return report(backend.put(resource));
    };

  return {
    create: change(true, () => undefined),
    update: change(false, (resource, event) => {
      resource.attributes = event.order.attributes;
      resource.limits = event.order.limits;
    }),
    pause: change(false, (resource) => {
      resource.power = 'stopped';
    }),
    resume: change(false, (resource) => {
      resource.power = 'running';
    }),
    restart: change(false, (resource) => {
      resource.power = 'running';
      resource.restarts += 1;
    }),
    terminate: async (event) => {
      if (delayMs) await sleep(delayMs);
      // Gone already is as good as deleted: terminate is idempotent.
      backend.delete(event.resource.backend_id);
      return { state: { deleted_at: new Date().toISOString() } };
    },
    pull: async (event) => {
      const { kind, product } = productFor(event.offering.slug);
      const resource = backend.get(event.resource.backend_id);
      if (!resource)
        return { missing: true, reason: `the simulated backend has no ${kind} ${event.resource.backend_id}` };
      return { ...report(resource), ...(product.usage ? { usage: product.usage(resource, new Date()) } : {}) };
    },
  };
}
