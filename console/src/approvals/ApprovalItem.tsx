import type { Order } from '@mercato/api';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { request } from '../api/http';
import { NameOf } from '../projects/NameOf';
import { PlanSummary } from '../projects/PlanSummary';
import { problemText } from '../projects/problem-text';
import { when } from '../projects/when';
import { useToken } from '../session/session';

/** One order waiting for the user's approval: what it asks for, approve, or reject with a reason. */
export function ApprovalItem({ order, onDecided }: { order: Order; onDecided(message: string): void }) {
  const token = useToken();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const headingId = useId();

  const act = async (verb: 'approve' | 'reject', body?: { reason: string }) => {
    setBusy(true);
    setError('');
    try {
      const moved = await request<Order>(token, `/orders/${order.id}/${verb}`, { method: 'POST', body });
      onDecided(
        `${verb === 'approve' ? 'Approved' : 'Rejected'} the ${order.type} order ${order.id}: now ${moved.state}.`,
      );
    } catch (e) {
      setError(problemText(e));
      setBusy(false);
    }
  };
  const reject = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Reason: say why the order is rejected.');
      return;
    }
    void act('reject', { reason: reason.trim() });
  };

  return (
    <li className="panel" data-testid="approval" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {order.type} of <NameOf kind="offerings" id={order.offering_id} /> ({order.state})
      </h3>
      <dl className="facts">
        <dt>Order</dt>
        <dd>
          <Link to={`/orders/${order.id}`}>{order.id}</Link>, placed {when(order.created_at)}
        </dd>
        <dt>Plan</dt>
        <dd>
          <NameOf kind="plans" id={order.plan_id} />
          {order.cost_estimate && ` · ${order.cost_estimate.monthly_total} ${order.cost_estimate.currency} per month`}
        </dd>
        {!!order.changes?.length && (
          <>
            <dt>Changes</dt>
            <dd>{order.changes.join(', ')}</dd>
          </>
        )}
        <dt>Configuration</dt>
        <dd>
          <code>{JSON.stringify(order.attributes ?? {})}</code>
        </dd>
      </dl>
      <PlanSummary order={order} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void act('approve')}>
          Approve
        </button>
      </div>
      <form onSubmit={reject} className="stack">
        <label htmlFor={reasonId}>Reason to reject</label>
        <input id={reasonId} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="danger" disabled={busy}>
          Reject
        </button>
      </form>
    </li>
  );
}
