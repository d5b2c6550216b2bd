import type { MercatoClient } from './mercato-client';

export interface Order {
  id: string;
  type: 'create' | 'update' | 'terminate';
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
 * Polls an order until it reaches a final state. Quick at first (an allocation is done in
 * milliseconds), then every few seconds (an approval may take hours); ends when the signal does.
 */
export async function waitForOrder(client: MercatoClient, orderId: string, options: WaitOptions): Promise<Order> {
  let wait = 0;
  let lastAwaiting: string | null = null;
  for (;;) {
    // The server holds the request until the order ends or `wait_seconds` pass (a long poll).
    const order = await client.get<Order>(`/orders/${orderId}`, wait ? { wait_seconds: wait } : undefined);
    if (FINAL_STATES.includes(order.state)) return order;
    if (order.awaiting !== lastAwaiting) {
      lastAwaiting = order.awaiting;
      options.onWaiting?.(order);
    }
    if (options.signal.aborted) return order;
    wait = Math.min(Math.max(wait * 2, 1), 5);
    await abortableSleep(10, options.signal);
    if (options.signal.aborted) return order;
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
  const orders = await client.list<Order>('/orders', { resource_id: resourceId });
  return orders.filter((o) => !FINAL_STATES.includes(o.state));
}
