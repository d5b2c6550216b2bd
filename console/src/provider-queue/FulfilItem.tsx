import type { Order } from '@mercato/api';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { request } from '../api/http';
import { NameOf } from '../projects/NameOf';
import { problemText } from '../projects/problem-text';
import { when } from '../projects/when';
import { useToken } from '../session/session';
import { parseObject } from './parse-object';

/**
 * One order a `manual` offering's provider carries out by hand: complete it with what the consumer
 * gets (backend ID, outputs, secret outputs: POST /orders/{id}/complete), or fail it with a reason (/fail).
 */
export function FulfilItem({ order, onDone }: { order: Order; onDone(message: string): void }) {
  const token = useToken();
  const id = useId();
  const [backendId, setBackendId] = useState('');
  const [outputs, setOutputs] = useState('');
  const [secrets, setSecrets] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const post = async (verb: 'complete' | 'fail', body: object) => {
    setBusy(true);
    setError('');
    try {
      const moved = await request<Order>(token, `/orders/${order.id}/${verb}`, { method: 'POST', body });
      onDone(`The ${order.type} order ${order.id} is ${moved.state}.`);
    } catch (e) {
      setError(problemText(e));
      setBusy(false);
    }
  };
  const complete = (event: FormEvent) => {
    event.preventDefault();
    const out = parseObject('Outputs', outputs);
    const secret = parseObject('Secret outputs', secrets);
    if (out.error || secret.error) return setError([out.error, secret.error].filter(Boolean).join(' '));
    void post('complete', {
      ...(order.type === 'create' && backendId.trim() ? { backend_id: backendId.trim() } : {}),
      ...(Object.keys(out.value!).length ? { outputs: out.value } : {}),
      ...(Object.keys(secret.value!).length ? { secret_outputs: secret.value } : {}),
    });
  };
  const fail = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError('Reason: say why the order failed.');
    void post('fail', { reason: reason.trim() });
  };

  return (
    <li className="panel" data-testid="queued-order" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {order.type} of <NameOf kind="offerings" id={order.offering_id} />
      </h3>
      <dl className="facts">
        <dt>Order</dt>
        <dd>
          <Link to={`/orders/${order.id}`}>{order.id}</Link>, placed {when(order.created_at)}
        </dd>
        <dt>Plan</dt>
        <dd>
          <NameOf kind="plans" id={order.plan_id} />
          {!!Object.keys(order.limits ?? {}).length && ` · limits ${JSON.stringify(order.limits)}`}
        </dd>
        <dt>Configuration</dt>
        <dd>
          <code>{JSON.stringify(order.attributes ?? {})}</code>
        </dd>
      </dl>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={complete} className="stack" aria-label={`Complete order ${order.id}`}>
        {order.type === 'create' && (
          <>
            <label htmlFor={`${id}-backend`}>Backend ID</label>
            <input id={`${id}-backend`} value={backendId} onChange={(e) => setBackendId(e.target.value)} />
          </>
        )}
        <label htmlFor={`${id}-outputs`}>Outputs (JSON)</label>
        <textarea id={`${id}-outputs`} rows={3} value={outputs} onChange={(e) => setOutputs(e.target.value)} />
        <label htmlFor={`${id}-secrets`}>Secret outputs (JSON, shown only to the consumer)</label>
        <textarea id={`${id}-secrets`} rows={3} value={secrets} onChange={(e) => setSecrets(e.target.value)} />
        <button type="submit" disabled={busy}>
          Complete
        </button>
      </form>
      <form onSubmit={fail} className="stack" aria-label={`Fail order ${order.id}`}>
        <label htmlFor={`${id}-reason`}>Reason it failed</label>
        <input id={`${id}-reason`} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="danger" disabled={busy}>
          Fail
        </button>
      </form>
    </li>
  );
}
