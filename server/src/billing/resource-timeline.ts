import type { OrderType } from '../orders/order-states';

/**
 * A resource's billing history, read from its done orders: when it became active (its create
 * order done), which plan and limits it held from when, when it was paused and resumed, and when it
 * ended (its terminate order done). Orders that failed, were canceled or are still open changed
 * nothing and are not given.
 */
export interface HistoryOrder {
  type: OrderType;
  plan_id: string;
  /** JSON: the limits the order leads to, by component type. */
  limits: string;
  /** JSON: the fields an update changes (`plan_id`, `limits`, ...); `[]` for other types. */
  changes: string;
  /** When it was done (ISO timestamp). */
  completed_at: string;
}

/** One stretch of a resource's life with nothing billed changing; times in milliseconds, end exclusive. */
export interface TimelineSegment {
  start: number;
  /** null: still going. */
  end: number | null;
  plan_id: string;
  limits: Record<string, number>;
  paused: boolean;
}

type Holding = Omit<TimelineSegment, 'start' | 'end'>;

/** What an update leaves the resource holding: only the fields it says it changes. */
function afterUpdate(held: Holding, order: HistoryOrder): Holding {
  const changed = JSON.parse(order.changes || '[]') as string[];
  return {
    ...held,
    plan_id: changed.includes('plan_id') ? order.plan_id : held.plan_id,
    limits: changed.includes('limits') ? (JSON.parse(order.limits || '{}') as Record<string, number>) : held.limits,
  };
}

function next(held: Holding | null, order: HistoryOrder): Holding | null {
  if (order.type === 'create')
    return { plan_id: order.plan_id, limits: JSON.parse(order.limits || '{}'), paused: false };
  if (!held) return null;
  switch (order.type) {
    case 'update':
      return afterUpdate(held, order);
    case 'pause':
      return { ...held, paused: true };
    case 'resume':
      return { ...held, paused: false };
    case 'terminate':
      return null;
    default:
      return held;
  }
}

const sameHolding = (a: Holding, b: Holding) =>
  a.plan_id === b.plan_id && a.paused === b.paused && JSON.stringify(a.limits) === JSON.stringify(b.limits);

/**
 * The segments of a resource's life from its done orders, in time order (the orders in any order;
 * ties keep the given order). Nothing before its create order; nothing after its terminate order; a
 * restart changes nothing; an order that leaves everything as it was starts no new segment.
 */
export function timelineOf(orders: HistoryOrder[]): TimelineSegment[] {
  const sorted = orders
    .map((order, index) => ({ order, index, at: Date.parse(order.completed_at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const segments: TimelineSegment[] = [];
  let held: Holding | null = null;
  let ended = false;
  for (const { order, at } of sorted) {
    if (ended) break;
    const after = next(held, order);
    if (held && after && sameHolding(held, after)) continue;
    const open = segments.at(-1);
    if (open && open.end === null) open.end = at;
    if (held && !after) ended = true;
    held = after;
    if (held) segments.push({ start: at, end: null, ...held });
  }
  return segments.filter((s) => s.end === null || s.end > s.start);
}
