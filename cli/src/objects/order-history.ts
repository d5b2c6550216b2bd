import type { MercatoClient } from '@mercato/api';
import type { Item } from './output';

/**
 * The states an order passed through between two looks at it, from the audit log: the API keeps
 * an event for each move of an order (`order.created` with `changes.state`, `order.<state>` with
 * `changes.state: {from, to}` and the reason), and lists them by time (`GET /events?object_id=`).
 * It has no "changed since" filter on orders, nor a stream of changes, so a watch that lists
 * orders every second finds, for each order that changed, the moves it did not see in the
 * order's own events.
 */

/** One move of an order, as its event tells it. */
interface Move {
  state: string;
  /** When the order entered the state (the event's time). */
  at: string;
  /** The reason given with it (reject, cancel, fail, a plugin's error), if any. */
  reason?: string;
}

/** The move an event of an order records, or undefined for an event that moved nothing. */
function moveOf(event: Item): Move | undefined {
  const changes = (event.changes ?? {}) as { state?: unknown; reason?: unknown };
  const state = typeof changes.state === 'string' ? changes.state : (changes.state as { to?: unknown } | undefined)?.to;
  if (typeof state !== 'string') return undefined;
  const reason = typeof changes.reason === 'string' ? changes.reason : undefined;
  return { state, at: String(event.created_at), reason };
}

/** The order's moves, oldest first. */
async function movesOf(client: MercatoClient, orderId: string): Promise<Move[]> {
  const events = await client.listAll<Item>('/events', { object_type: 'order', object_id: orderId });
  return events.flatMap((event) => moveOf(event) ?? []);
}

/**
 * The index of the move that put the order in the state it has in `version`: the first move to
 * that state at or after the version's `updated_at` (the server stamps the order, then its
 * event, in one transaction); -1 when there is none the caller may read.
 */
function entering(moves: Move[], version: Item): number {
  const since = Date.parse(String(version.updated_at));
  return moves.findIndex((move) => move.state === version.state && Date.parse(move.at) >= since);
}

/**
 * The order as it was in a state it has left: the order as it is now, with that state, the
 * time it entered it (`updated_at`) and the reason given then; whom it awaited then is not kept
 * (`awaiting` null).
 */
function asItWas(order: Item, move: Move): Item {
  return { ...order, state: move.state, updated_at: move.at, reason: move.reason ?? '', awaiting: null };
}

/**
 * The order once per state it entered since `last` (the version seen before; undefined for an
 * order not seen before, which is shown from its first state), ending with `current` itself:
 * `[current]` when it changed without moving (who it awaits), or when its moves cannot be read.
 */
export async function orderVersionsSince(
  client: MercatoClient,
  last: Item | undefined,
  current: Item,
): Promise<Item[]> {
  if (last !== undefined && last.updated_at === current.updated_at && last.state === current.state) return [current];
  const moves = await movesOf(client, String(current.id));
  const from = last === undefined ? -1 : entering(moves, last);
  const to = entering(moves, current);
  if (to < 0 || (last !== undefined && from < 0) || to <= from) return [current];
  return [...moves.slice(from + 1, to).map((move) => asItWas(current, move)), current];
}
