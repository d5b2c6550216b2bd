import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isAbort, messageOf, request } from '../api/http';
import type { Order } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { useToken } from '../session/session';

const SETTLED = ['done', 'erred', 'canceled', 'rejected'];

/** One order: its state (followed until it settles), what it asked for and its estimate. */
export function OrderPage() {
  usePageTitle('Order');
  const { id = '' } = useParams();
  const token = useToken();
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      request<Order>(token, `/orders/${encodeURIComponent(id)}`, { signal: controller.signal }).then(
        (body) => {
          setOrder(body);
          if (!SETTLED.includes(body.state ?? '')) timer = setTimeout(() => void load(), 1500);
        },
        (e: unknown) => {
          if (!isAbort(e)) setError(messageOf(e));
        },
      );
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [token, id]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!order) return <p aria-live="polite">Loading…</p>;
  return (
    <section className="narrow">
      <h1>Order {order.type}</h1>
      <dl className="facts">
        <dt>State</dt>
        <dd data-testid="order-state" aria-live="polite">
          {order.state}
        </dd>
        <dt>Order</dt>
        <dd>{order.id}</dd>
        <dt>Resource</dt>
        <dd>
          {/* The resource's page: its state, outputs and actions. */}
          {order.resource_id ? <Link to={`/resources/${order.resource_id}`}>{order.resource_id}</Link> : 'None'}
        </dd>
        <dt>Version</dt>
        <dd>{order.version}</dd>
        {order.cost_estimate && (
          <>
            <dt>Estimated cost</dt>
            <dd>
              {order.cost_estimate.monthly_total} {order.cost_estimate.currency} per month
            </dd>
          </>
        )}
      </dl>
      <h2>Configuration</h2>
      <pre tabIndex={0}>{JSON.stringify(order.attributes ?? {}, null, 2)}</pre>
    </section>
  );
}
