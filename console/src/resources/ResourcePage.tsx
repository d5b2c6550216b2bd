import type { Order, Resource } from '@mercato/api';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../layout/page-title';
import { LoadState } from '../projects/LoadState';
import { NameOf } from '../projects/NameOf';
import { OrdersList } from '../projects/OrdersList';
import { ShowMore } from '../projects/ShowMore';
import { useLoad } from '../projects/use-load';
import { usePaged } from '../projects/use-paged';
import { when } from '../projects/when';
import { OutputsList } from './OutputsList';
import { ResourceActions } from './ResourceActions';
import { SecretOutputs } from './SecretOutputs';

type WithSecrets = Resource & { secret_outputs?: Record<string, unknown> };

const CHANGING = ['Creating', 'Updating', 'Terminating'];
/** Follow the resource while an order changes it. */
const changing = (resource: Resource) => CHANGING.includes(resource.state ?? '');
const OPEN_ORDER = ['pending-consumer', 'pending-provider', 'executing'];
const moving = (orders: Order[]) => orders.some((o) => OPEN_ORDER.includes(o.state ?? ''));

/** One resource: state, plan, offering, cost, outputs (secret ones on demand), its orders and actions. */
export function ResourcePage() {
  const { id = '' } = useParams();
  const resource = useLoad<WithSecrets>(`/resources/${encodeURIComponent(id)}`, { pollMs: 1500, while: changing });
  const orders = usePaged<Order>(`/orders?resource_id=${encodeURIComponent(id)}`, 50, {
    pollMs: 1500,
    while: moving,
  });
  usePageTitle(resource.data ? `Resource ${resource.data.name}` : 'Resource');
  if (!resource.data || !orders.data) return <LoadState error={resource.error || orders.error} />;
  const r = resource.data;
  const cost = r.cost_estimate;
  const reload = () => {
    resource.reload();
    orders.reload();
  };

  return (
    <section className="wide resource">
      <p>
        <Link to={`/projects/${r.project_id}`}>Project</Link>
      </p>
      <h1>{r.name}</h1>
      <dl className="facts">
        <dt>State</dt>
        <dd data-testid="resource-state" aria-live="polite">
          {r.state}
        </dd>
        {r.error_message && (
          <>
            <dt>Error</dt>
            <dd>{r.error_message}</dd>
          </>
        )}
        <dt>Offering</dt>
        <dd>
          <NameOf kind="offerings" id={r.offering_id} /> {r.version}
        </dd>
        <dt>Plan</dt>
        <dd>
          <NameOf kind="plans" id={r.plan_id} />
        </dd>
        {!!Object.keys(r.limits ?? {}).length && (
          <>
            <dt>Limits</dt>
            <dd>
              {Object.entries(r.limits ?? {})
                .map(([name, value]) => `${name} ${value}`)
                .join(', ')}
            </dd>
          </>
        )}
        <dt>Monthly cost at current prices</dt>
        <dd data-testid="resource-cost">
          {cost ? `${cost.monthly_total} ${cost.currency}` : 'No plan, no estimate'}
          {cost && cost.one_time_total !== '0.00' && ` (plus ${cost.one_time_total} ${cost.currency} once)`}
        </dd>
        {r.backend_id && (
          <>
            <dt>Backend ID</dt>
            <dd>
              <code>{r.backend_id}</code>
            </dd>
          </>
        )}
        <dt>Created</dt>
        <dd>{when(r.created_at)}</dd>
      </dl>

      <section aria-labelledby="outputs-heading" className="panel">
        <h2 id="outputs-heading">Outputs</h2>
        <OutputsList values={r.outputs ?? {}} testId="outputs" />
        <SecretOutputs secrets={r.secret_outputs} />
      </section>

      <section aria-labelledby="configuration-heading" className="panel">
        <h2 id="configuration-heading">Configuration</h2>
        <pre tabIndex={0} aria-labelledby="configuration-heading">
          {JSON.stringify(r.attributes ?? {}, null, 2)}
        </pre>
        {!!r.secret_attribute_paths?.length && (
          <p className="meta">Secret attributes, never shown: {r.secret_attribute_paths.join(', ')}</p>
        )}
      </section>

      {r.state !== 'Terminated' && <ResourceActions resource={r} onOrdered={reload} />}

      <section aria-labelledby="resource-orders-heading">
        <h2 id="resource-orders-heading">Orders</h2>
        <OrdersList orders={orders.data.items} />
        <ShowMore shown={orders.data.items.length} more={orders.data.more} onMore={orders.showMore} />
      </section>
    </section>
  );
}
