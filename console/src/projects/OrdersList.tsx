import type { Order } from '@mercato/api';
import { useState } from 'react';
import { Link } from 'react-router';
import { OrderHistory } from './OrderHistory';
import { PlanSummary } from './PlanSummary';
import { when } from './when';

/**
 * Orders, newest first, each with its state and reason; its history and plan summary open on
 * demand (a <details>, so the audit log is read only for the orders the user looks into).
 */
export function OrdersList({ orders }: { orders: Order[] }) {
  if (!orders.length) return <p>No orders.</p>;
  return (
    <ul className="orders">
      {[...orders].reverse().map((order) => (
        <li key={order.id} className="panel" data-testid="order-item">
          <p>
            <Link to={`/orders/${order.id}`}>
              {order.type} order of {when(order.created_at)}
            </Link>{' '}
            <span className={`badge badge-state-${order.state}`}>{order.state}</span>
            {order.completed_at && <span className="meta"> · ended {when(order.completed_at)}</span>}
          </p>
          {order.awaiting && <p className="meta">Waiting for {order.awaiting}.</p>}
          {order.reason && <p>Reason: {order.reason}</p>}
          {!!order.changes?.length && <p className="meta">Changes: {order.changes.join(', ')}</p>}
          <PlanSummary order={order} />
          <HistoryDetails orderId={order.id ?? ''} />
        </li>
      ))}
    </ul>
  );
}

function HistoryDetails({ orderId }: { orderId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>History</summary>
      {open && <OrderHistory orderId={orderId} />}
    </details>
  );
}
