/**
 * `paused` of `mercato_resource`: a resource is paused when the server holds it as `Paused`, and
 * Terraform pauses or resumes it with a pause or resume order (approved as updates are; only
 * offerings whose plugin carries the action out take one).
 */
import { sentences, type ResourceContext } from '../framework';
import { ApiError } from '../client/api-error';
import type { MercatoClient } from '../client/mercato-client';
import { FINAL_STATES, type Order } from '../client/orders';
import { reportUnfinished, stoppedByTerraform, waitLogging, type Operation } from './resource-orders';

/** `paused` as read back from the server: true exactly when the resource's state is `Paused`. */
export const isPaused = (remote: { state: string }): boolean => remote.state === 'Paused';

/** How placing and waiting for a pause or resume order ended. */
export type PauseOutcome =
  /** The order is done: the resource is paused (or working) as asked. */
  | { status: 'done'; order: Order }
  /** Terraform was interrupted while the order was open: it goes on without us (a warning was given). */
  | { status: 'interrupted'; order: Order }
  /** Refused, failed, rejected, canceled or out of time: reported as an error. */
  | { status: 'failed'; order?: Order };

/**
 * Places a pause (`paused` true) or resume order on the resource and waits for it under the
 * operation's timeout. Every way it does not end in `done` is reported: a refusal (the
 * offering's plugin does not pause, or the resource is not in a state to) at `paused`, an order
 * that failed or did not finish as the other orders are. After a create, Ctrl-C is a warning:
 * the resource is kept, not tainted, and the next plan reads how far the order got.
 */
export async function placePauseOrder(
  ctx: ResourceContext<MercatoClient>,
  resourceId: string,
  paused: boolean,
  operation: Extract<Operation, 'pause after create' | 'update'>,
  timeout: string | null | undefined,
): Promise<PauseOutcome> {
  const type = paused ? 'pause' : 'resume';
  let order: Order;
  try {
    order = await ctx.client.create<Order>('/orders', { type, resource_id: resourceId });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    reportRefusal(ctx, type, error);
    return { status: 'failed' };
  }
  ctx.log.info(`placed ${type} order`, { order: order.id, resource: resourceId, state: order.state });
  const final = await waitLogging(ctx, order);
  if (final.state === 'done') return { status: 'done', order: final };
  if (operation === 'pause after create' && !FINAL_STATES.includes(final.state) && stoppedByTerraform(ctx)) {
    ctx.warning(
      'Stopped waiting for the pause order',
      sentences(
        `Terraform was interrupted after the resource was created. Pause order ${final.id} stays open on the server: it is ${final.state}${final.awaiting ? `, waiting for ${final.awaiting}` : ''}`,
        'The resource is kept in the state; the next plan reads whether it is paused',
      ),
      'paused',
    );
    return { status: 'interrupted', order: final };
  }
  reportUnfinished(ctx, final, operation, timeout);
  return { status: 'failed', order: final };
}

/** What to write instead when the offering's plugin does not carry the action out. */
const UNSUPPORTED_HINT = {
  pause: 'Leave `paused` out (or set it to false) for resources of this offering',
  resume: "Set `paused = true` to keep the resource as it is, or ask the offering's provider to resume it",
};

/**
 * The server refused the order: 422 on `type` when the offering's plugin does not carry the
 * action out, 409 when the resource is not in a state to take it. Said at `paused`, which
 * placed the order, in the server's words.
 */
function reportRefusal(ctx: ResourceContext<MercatoClient>, type: 'pause' | 'resume', error: ApiError): void {
  const reasons = error.fieldErrors.length ? error.fieldErrors.map((e) => e.message) : [error.detail];
  const unsupported = error.fieldErrors.some((e) => e.field === 'type');
  ctx.error(
    `The ${type} order was refused`,
    sentences(
      `\`paused = ${type === 'pause'}\` places a ${type} order, and the server refused it: ${reasons.join('; ')}`,
      unsupported ? UNSUPPORTED_HINT[type] : '',
    ),
    'paused',
  );
}
