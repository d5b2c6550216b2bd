/**
 * Waiting for the orders `mercato_resource` places, and what it says when one does not end in
 * `done`: which order, its state and reason, whom it waits for, and what the user can do.
 */
import { sentences, type ResourceContext } from '../framework';
import type { MercatoClient } from '../client/mercato-client';
import { PENDING_STATES, waitForOrder, type Order } from '../client/orders';

/** Time an operation waits for its orders unless the `timeouts` block says otherwise. */
export const DEFAULT_TIMEOUT = '30m';

/** Waits for the order until it ends (or the operation is stopped), logging whom it waits for. */
export async function waitLogging(ctx: ResourceContext<MercatoClient>, order: Order): Promise<Order> {
  return waitForOrder(ctx.client, order, {
    signal: ctx.signal,
    onWaiting: (o) =>
      ctx.log.info(`order ${o.id} (${o.type}) is ${o.state}: waiting for ${o.awaiting}`, {
        order: o.id,
        state: o.state,
      }),
  });
}

/**
 * What waits for the order: a create, the pause that follows a create with `paused = true`, an
 * update (pause and resume included), a terminate.
 */
export type Operation = 'create' | 'pause after create' | 'update' | 'terminate';

/** What to do after an order of the operation was left open (after a pause that follows a create: or failed). */
const NEXT_STEP: Record<Operation, string> = {
  create:
    'The resource is kept in the state as tainted: the next apply replaces it (canceling the order if it is still pending); `terraform untaint` keeps it instead.',
  'pause after create':
    'The resource was created but is not paused. As after any create that does not finish, it is kept in the state as tainted: the next apply replaces it. `terraform untaint` keeps it instead, and the next apply then places the pause order again.',
  update: 'The next plan shows what is not applied yet; apply again once the order is done.',
  terminate: 'Run the same command again once the order is done.',
};

/** The `timeouts` argument that limits the operation. */
const TIMEOUT_OF: Record<Operation, string> = {
  create: 'create',
  'pause after create': 'create',
  update: 'update',
  terminate: 'delete',
};

/** The operation's name in messages: the timeout a pause after a create runs under is the create's. */
const timeoutName = (operation: Operation) => (operation === 'terminate' ? operation : TIMEOUT_OF[operation]);

/**
 * Reports an order that did not end in `done`: which order, its state and reason, whom it waits
 * for, and what the user can do. `earlier`: the order was open before this operation began, and
 * the operation (whose timeout ran out) placed none of its own.
 */
export function reportUnfinished(
  ctx: ResourceContext<MercatoClient>,
  order: Order,
  operation: Operation,
  timeout: string | null | undefined,
  earlier = false,
) {
  const which = earlier ? `Order ${order.id} (${order.type}, placed earlier)` : `Order ${order.id}`;
  // A create that failed to pause is tainted although its create order is done: say so.
  const tainted = operation === 'pause after create' ? NEXT_STEP[operation] : '';
  if (order.state === 'erred') {
    ctx.error(
      `The ${order.type} order failed`,
      sentences(
        `${which} erred: ${order.reason || 'no reason given'}`,
        `Retry it with POST /api/v1/orders/${order.id}/retry or apply again`,
        tainted,
      ),
    );
  } else if (order.state === 'rejected' || order.state === 'canceled') {
    ctx.error(
      `The ${order.type} order was ${order.state}`,
      sentences(`${which} was ${order.state}: ${order.reason || 'no reason given'}`, tainted),
    );
  } else {
    const waitingFor = order.awaiting ? `, waiting for ${order.awaiting}` : '';
    const next = NEXT_STEP[operation];
    const cancel = PENDING_STATES.includes(order.state)
      ? `To withdraw it instead, cancel it: POST /api/v1/orders/${order.id}/cancel with a reason`
      : '';
    if (stoppedByTerraform(ctx)) {
      ctx.error(
        `Stopped waiting for the ${order.type} order`,
        sentences(
          `Terraform was interrupted. ${which} stays open on the server: it is ${order.state}${waitingFor}`,
          next,
        ),
      );
    } else {
      const key = TIMEOUT_OF[operation];
      ctx.error(
        `The ${order.type} order did not finish in time`,
        sentences(
          `${which} is still ${order.state} after the ${timeoutName(operation)} timeout (${timeout ?? `default ${DEFAULT_TIMEOUT}`})${waitingFor}`,
          'It stays open on the server',
          next,
          cancel,
          `Raise \`timeouts.${key}\` if it needs longer`,
        ),
      );
    }
  }
}

/** The operation was cancelled by Terraform (StopProvider, on Ctrl-C) rather than by its timeout. */
export function stoppedByTerraform(ctx: ResourceContext<MercatoClient>): boolean {
  return ctx.signal.aborted && (ctx.signal.reason as Error | undefined)?.name !== 'TimeoutError';
}
