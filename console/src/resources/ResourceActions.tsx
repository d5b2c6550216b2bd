import type { Order, Resource } from '@mercato/api';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { request } from '../api/http';
import { problemText } from '../projects/problem-text';
import { useToken } from '../session/session';
import { ConfirmButton } from './ConfirmButton';
import type { UpdateRequest } from './UpdateForm';

// The update form draws the configuration with rjsf (most of the bundle): loaded when shown.
const UpdateForm = lazy(() => import('./UpdateForm').then((m) => ({ default: m.UpdateForm })));

/** The states each order type needs the resource in (server/src/orders/order-model.ts RESOURCE_STATES_FOR). */
const ALLOWED_IN: Record<'update' | 'pause' | 'resume' | 'terminate', string[]> = {
  update: ['OK', 'Paused'],
  pause: ['OK'],
  resume: ['Paused'],
  terminate: ['OK', 'Paused', 'Erred'],
};

/**
 * What a consumer does with a resource, each by placing an order (POST /orders): update, pause,
 * resume, terminate. Pause and terminate are confirmed first; the API's refusal is shown as it says it.
 */
export function ResourceActions({ resource, onOrdered }: { resource: Resource; onOrdered(): void }) {
  const token = useToken();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [placed, setPlaced] = useState<Order | null>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const refusal = useRef<HTMLParagraphElement>(null);
  // The pressed button is disabled while the order is placed (or gone with the new state): focus
  // goes to the outcome, the order's link the next Tab, rather than to the page body.
  useEffect(() => {
    if (error) refusal.current?.focus();
    else if (placed) outcome.current?.focus();
  }, [placed, error]);
  const state = resource.state ?? '';
  const allowed = (type: keyof typeof ALLOWED_IN) => ALLOWED_IN[type].includes(state);

  const place = async (type: string, extra: UpdateRequest = {}) => {
    setBusy(true);
    setError('');
    setPlaced(null);
    try {
      const order = await request<Order>(token, '/orders', {
        method: 'POST',
        body: { type, resource_id: resource.id, ...extra },
      });
      setPlaced(order);
      onOrdered();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">Actions</h2>
      <div role="status" tabIndex={-1} ref={outcome}>
        {placed && (
          <p className="success">
            The {placed.type} order is {placed.state}. <Link to={`/orders/${placed.id}`}>See the order</Link>
          </p>
        )}
      </div>
      {error && (
        <p className="error" role="alert" tabIndex={-1} ref={refusal}>
          {error}
        </p>
      )}
      <div className="actions">
        {allowed('pause') && (
          <ConfirmButton
            label="Pause"
            question={`Pause ${resource.name}? It stops until it is resumed.`}
            disabled={busy}
            onConfirm={() => void place('pause')}
          />
        )}
        {allowed('resume') && (
          <button type="button" disabled={busy} onClick={() => void place('resume')}>
            Resume
          </button>
        )}
        {allowed('terminate') && (
          <ConfirmButton
            label="Terminate"
            question={`Terminate ${resource.name}? The resource and its data on the backend end; this cannot be undone.`}
            disabled={busy}
            onConfirm={() => void place('terminate')}
          />
        )}
      </div>
      {allowed('update') && (
        <Suspense fallback={<p aria-live="polite">Loading the update form…</p>}>
          {/* A new form when the resource changes: it starts from what the resource is now. */}
          <UpdateForm
            key={JSON.stringify([
              resource.plan_id,
              resource.limits,
              resource.attributes,
              resource.secret_attribute_paths,
            ])}
            resource={resource}
            busy={busy}
            onSubmit={(u) => void place('update', u)}
          />
        </Suspense>
      )}
      {!Object.values(ALLOWED_IN).some((states) => states.includes(state)) && (
        <p className="meta">No actions while the resource is {state}.</p>
      )}
    </section>
  );
}
