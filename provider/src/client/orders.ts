import type { OrderType } from '@mercato/api';
import type { MercatoClient } from './mercato-client';

export interface Order {
  id: string;
  type: OrderType;
  state: string;
  resource_id: string;
  awaiting: string | null;
  reason: string;
}

export const FINAL_STATES = ['done', 'erred', 'rejected', 'canceled'];
export const PENDING_STATES = ['pending-consumer', 'pending-provider'];

export interface WaitOptions {
  signal: AbortSignal;
  /** Called whenever who or what the order waits for changes. */
  onWaiting?: (order: Order) => void;
}

/**
 * Waits for an order, given as placed (or last seen), until it reaches a final state. Each request
 * is a long poll: the server answers as soon as the order ends (an allocation is done in
 * milliseconds) or after `wait_seconds` (1 s at first, then 5 s: an approval may take hours);
 * ends when the signal does. The order in hand is not asked for again, so a create costs one GET.
 */
export async function waitForOrder(client: MercatoClient, placed: Order, options: WaitOptions): Promise<Order> {
  let order = placed;
  let wait = 1;
  let lastAwaiting: string | null = null;
  for (;;) {
    if (FINAL_STATES.includes(order.state)) return order;
    if (order.awaiting !== lastAwaiting) {
      lastAwaiting = order.awaiting;
      options.onWaiting?.(order);
    }
    if (options.signal.aborted) return order;
    order = await client.get<Order>(`/orders/${order.id}`, { wait_seconds: wait });
    wait = 5;
    // Only an open order comes back before the wait is over; never ask in a tight loop.
    if (!FINAL_STATES.includes(order.state)) await abortableSleep(10, options.signal);
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

export async function openOrders(client: MercatoClient, resourceId: string): Promise<Order[]> {
  const orders = await client.listAll<Order>('/orders', { resource_id: resourceId });
  return orders.filter((o) => !FINAL_STATES.includes(o.state));
}
