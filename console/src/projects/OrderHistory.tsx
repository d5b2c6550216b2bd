import type { Event } from '@mercato/api';
import type { ListOf } from '../api/types';
import { LoadState } from './LoadState';
import { useLoad } from './use-load';
import { when } from './when';

interface StateChange {
  /** A move: {from, to}; the placing event (`order.created`) carries the order, its state a string. */
  state?: { from?: string; to?: string } | string;
  reason?: string;
}

/** An order's moves from state to state, with when and why, from the audit log (`order.<state>` events). */
export function OrderHistory({ orderId }: { orderId: string }) {
  const { data, error } = useLoad<ListOf<Event>>(
    `/events?object_type=order&object_id=${encodeURIComponent(orderId)}&limit=100`,
  );
  if (!data) return <LoadState error={error} />;
  const moves = data.items.filter((e) => (e.action ?? '').startsWith('order.'));
  if (!moves.length) return <p className="meta">No history recorded.</p>;
  return (
    <ol className="history">
      {moves.map((event) => {
        const changes = event.changes as StateChange;
        return (
          <li key={event.id}>
            <time dateTime={event.created_at}>{when(event.created_at)}</time>: {describe(event.action ?? '', changes)}
            {changes.reason && <span> (reason: {changes.reason})</span>}
          </li>
        );
      })}
    </ol>
  );
}

function describe(action: string, changes: StateChange): string {
  const state = changes.state;
  if (state && typeof state === 'object') return `${state.from ?? '?'} → ${state.to ?? '?'}`;
  const verb = action.replace(/^order\./, '');
  return typeof state === 'string' ? `${verb} (${state})` : verb;
}
