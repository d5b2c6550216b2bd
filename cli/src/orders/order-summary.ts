import type { Item } from '../objects/output';

/** An order's state in one line, with who must act next or why it ended: `pending-provider; awaiting provider approval: ...`. */
export function orderSummary(order: Item): string {
  const parts = [`state ${order.state}`];
  if (order.awaiting) parts.push(`awaiting ${order.awaiting}`);
  if (order.reason) parts.push(`reason: ${order.reason}`);
  return parts.join('; ');
}
