import type { Api } from './api-client';
import { waitForOrder, type World } from './world';

/**
 * A resource whose invoice figures do not depend on the clock: ordered (auto-approved, done at
 * once) on a plan whose unit is `one-time`, so each component is charged once, in the month of
 * creation, quantity × unit price (server/src/billing/resource-charges.ts), in USD:
 * - `cpu` (limit 3) at 2.345: 7.035, rounded half-up to the cent, **7.04**;
 * - `base` (fixed, quantity 1) at 10: **10.00**;
 * total **17.04 USD**. The invoice is the consumer organization's, of the current month (UTC).
 */
export async function orderBilledResource(w: World, name: string) {
  const sm: Api = w.serviceManager.api;
  const plan = await sm.expect(
    201,
    sm.post('/plans', {
      offering_id: w.autoApproved.id,
      name: `${name} setup`,
      unit: 'one-time',
      currency: 'USD',
      prices: { cpu: '2.345', base: 10 },
    }),
  );
  const owner = w.consumer.owner.api;
  const order = await owner.expect(
    201,
    owner.post('/orders', {
      type: 'create',
      project_id: w.consumer.project.id,
      offering_id: w.autoApproved.id,
      plan_id: plan.id,
      name,
      attributes: { instance_type: 'general-purpose' },
      limits: { cpu: 3 },
    }),
  );
  const done = await waitForOrder(owner, order.id);
  if (done.state !== 'done') throw new Error(`order ${order.id} is ${done.state}`);
  return { plan, order: done, resourceId: String(done.resource_id), period: new Date().toISOString().slice(0, 7) };
}
