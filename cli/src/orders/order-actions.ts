import type { MercatoClient } from '@mercato/api';
import { inOptionTerms } from '../input/field-options';
import { jsonObjectOption } from '../input/json-object';
import { findKind } from '../objects/kinds';
import { orderId } from '../objects/object-ref';
import type { Item, WriteFormat } from '../objects/output';
import { renderWritten } from '../objects/written';
import { orderSummary } from './order-summary';

/** What a person does to an order that exists (`POST /orders/<id>/<action>`), and the word for it done. */
const DONE = {
  approve: 'approved',
  reject: 'rejected',
  cancel: 'canceled',
  complete: 'completed',
  fail: 'failed',
  retry: 'retried',
} as const;

export type OrderAction = keyof typeof DONE;

/** Options of the order actions, as commander parses them; each action takes its own. */
export interface OrderActionOptions {
  reason?: string;
  backendId?: string;
  outputs?: string;
  secretOutputs?: string;
  output?: WriteFormat;
}

/** The request body of the action. Outputs may be `@FILE` or `@-`: secret outputs need not be typed on the command line. */
function actionBody(options: OrderActionOptions): Item {
  const body: Item = {};
  if (options.reason !== undefined) body.reason = options.reason;
  if (options.backendId !== undefined) body.backend_id = options.backendId;
  if (options.outputs !== undefined) body.outputs = jsonObjectOption('--outputs', options.outputs);
  if (options.secretOutputs !== undefined)
    body.secret_outputs = jsonObjectOption('--secret-outputs', options.secretOutputs);
  return body;
}

/** `mercato order <action> ORDER`: the order moved, said in one line (or as `-o` asks). */
export async function runOrderAction(
  client: MercatoClient,
  action: OrderAction,
  order: string,
  options: OrderActionOptions,
): Promise<string> {
  const id = orderId(order);
  const body = actionBody(options);
  const moved = await client.action<Item>(`/orders/${id}/${action}`, body).catch(
    inOptionTerms({
      reason: '--reason',
      backend_id: '--backend-id',
      outputs: '--outputs',
      secret_outputs: '--secret-outputs',
    }),
  );
  return renderWritten(findKind('orders'), moved, DONE[action], options.output, orderSummary(moved));
}
