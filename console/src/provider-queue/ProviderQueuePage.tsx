import type { Offering, Order } from '@mercato/api';
import { useEffect, useState } from 'react';
import { isAbort, request } from '../api/http';
import type { ListOf } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { LoadState } from '../projects/LoadState';
import { problemText } from '../projects/problem-text';
import { useToken } from '../session/session';
import { FocusedStatus } from '../members/FocusedStatus';
import { FulfilItem } from './FulfilItem';

/**
 * The provider's queue: executing orders handed to the provider (GET /orders?awaiting=provider, the
 * offerings the user provides) of `manual` offerings, which people fulfil; a `webhook` offering's
 * orders are its site agent's.
 */
export function ProviderQueuePage() {
  usePageTitle('Provider queue');
  const token = useToken();
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    const load = async () => {
      const waiting = await request<ListOf<Order>>(token, '/orders?awaiting=provider&limit=200', { signal });
      const ids = [...new Set(waiting.items.map((o) => o.offering_id ?? ''))];
      const offerings = await Promise.all(ids.map((id) => request<Offering>(token, `/offerings/${id}`, { signal })));
      const manual = new Set(offerings.filter((o) => o.type === 'manual').map((o) => o.id));
      setOrders(waiting.items.filter((o) => manual.has(o.offering_id)));
    };
    load().catch((e: unknown) => {
      if (!isAbort(e)) setError(problemText(e));
    });
    return () => controller.abort();
  }, [token, round]);

  return (
    <section className="narrow">
      <h1>Provider queue</h1>
      <p className="meta">Orders of your manual offerings, approved and waiting for you to carry them out.</p>
      {/* The finished order leaves the queue, its button with it: focus goes to what happened. */}
      <FocusedStatus text={message} round={round} />
      {!orders ? (
        <LoadState error={error} />
      ) : orders.length ? (
        <ul className="orders">
          {orders.map((order) => (
            <FulfilItem
              key={order.id}
              order={order}
              onDone={(text) => {
                setMessage(text);
                setRound((n) => n + 1);
              }}
            />
          ))}
        </ul>
      ) : (
        <p>Nothing to fulfil.</p>
      )}
    </section>
  );
}
