import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { ApiError, messageOf, request } from '../api/http';
import type { Offering, OfferingVersion, Order, Plan } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { useToken } from '../session/session';
import { AsCodePanel } from './AsCodePanel';
import { ConfigurationForm } from './ConfigurationForm';
import { CostEstimatePanel } from './CostEstimatePanel';
import { defaultLimits, limitComponents, limitProblem, LimitsInputs } from './LimitsInputs';
import { priceText } from './price-text';
import { useOffering } from './use-offering';

/** An offering: what it is, its versions and plans; configure, estimate, see it as code, order it. */
export function OfferingPage() {
  const { slug = '' } = useParams();
  const token = useToken();
  const { data, error } = useOffering(token, slug);
  usePageTitle(data?.offering.name ?? 'Offering');
  if (error)
    return (
      <section className="narrow">
        <h1>Offering {slug}</h1>
        <p className="error" role="alert">
          {error}
        </p>
      </section>
    );
  if (!data) return <p aria-live="polite">Loading…</p>;
  return <OfferingView token={token} {...data} />;
}

function OfferingView(props: {
  token: string;
  offering: Offering;
  versions: OfferingVersion[];
  plans: Plan[];
  projects: { id?: string; name?: string }[];
}) {
  const { token, offering, versions, plans, projects } = props;
  const orderable = versions.filter((v) => v.status !== 'deprecated');
  const [version, setVersion] = useState(offering.latest_version ?? orderable[0]?.version ?? '');
  const [planId, setPlanId] = useState(plans[0]?.id ?? '');
  const plan = plans.find((p) => p.id === planId);
  const [limits, setLimits] = useState(() => defaultLimits(offering, plan));
  const [attributes, setAttributes] = useState<Record<string, unknown>>({});
  const [projectId, setProjectId] = useState(projects[0]?.id ?? '');
  const [name, setName] = useState(offering.slug ?? '');
  const [placing, setPlacing] = useState(false);
  const [orderError, setOrderError] = useState('');
  const [order, setOrder] = useState<Order | null>(null);
  const form = useRef<Form>(null);
  const placedNotice = useRef<HTMLParagraphElement>(null);
  // The Order button is disabled while placing, which drops focus to the body: the confirmation takes it
  // (a screen reader reads it; its link is the next Tab).
  useEffect(() => {
    if (order) placedNotice.current?.focus();
  }, [order]);
  const chosen = versions.find((v) => v.version === version);
  const schema = (chosen?.options_schema ?? { type: 'object' }) as RJSFSchema;
  const secretPaths = chosen?.secret_attribute_paths ?? [];

  useEffect(() => setLimits(defaultLimits(offering, plan)), [offering, plan]);

  const limitsOk = limitComponents(offering).every(
    (c) => !limitProblem(limits[c.type ?? ''], plan?.limits?.[c.type ?? ''] ?? {}),
  );

  const place = async () => {
    setOrderError('');
    if (!form.current?.validateForm()) {
      setOrderError('The configuration has errors: see the messages under the fields.');
      return;
    }
    if (!limitsOk) {
      setOrderError('A limit is out of its range.');
      return;
    }
    setPlacing(true);
    try {
      const placed = await request<Order>(token, '/orders', {
        method: 'POST',
        body: {
          type: 'create',
          project_id: projectId,
          offering_id: offering.id,
          plan_id: planId,
          version,
          name,
          attributes,
          ...(Object.keys(limits).length ? { limits } : {}),
        },
      });
      setOrder(placed);
    } catch (e) {
      const fields = e instanceof ApiError ? (e.problem.errors ?? []) : [];
      setOrderError([messageOf(e), ...fields.map((f) => `${f.field}: ${f.message}`)].join(' '));
    } finally {
      setPlacing(false);
    }
  };

  return (
    <article className="offering">
      <header className="offering-header">
        <p>
          <Link to="/">Catalog</Link>
        </p>
        <h1>{offering.name}</h1>
        <p className="meta">
          {offering.platform} · {offering.type} · {offering.status}
        </p>
        <p>{offering.description}</p>
        {offering.requirements && (
          <>
            <h2>Requirements</h2>
            <p>{offering.requirements}</p>
          </>
        )}
        {offering.documentation_url && (
          <p>
            <a href={offering.documentation_url} rel="noreferrer" target="_blank">
              Documentation<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
        )}
      </header>

      <section className="panel" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <ul className="versions">
          {versions.map((v) => (
            <li key={v.id}>
              <strong>{v.version}</strong> <span className={`badge badge-${v.status}`}>{v.status}</span>
              {v.deprecation_message && <p className="help">{v.deprecation_message}</p>}
              {v.changelog && <p className="changelog">{v.changelog}</p>}
            </li>
          ))}
        </ul>
      </section>

      <form
        className="order-form"
        aria-labelledby="order-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void place();
        }}
      >
        <h2 id="order-heading">Order</h2>
        <div className="field">
          <label htmlFor="order-version">Version</label>
          <select id="order-version" value={version} onChange={(e) => setVersion(e.target.value)}>
            {orderable.map((v) => (
              <option key={v.id} value={v.version}>
                {v.version} ({v.status})
              </option>
            ))}
          </select>
        </div>
        <fieldset className="plans">
          <legend>Plan</legend>
          {plans.map((p) => (
            <label key={p.id} className="plan">
              <input
                type="radio"
                name="plan"
                value={p.id}
                checked={planId === p.id}
                onChange={() => setPlanId(p.id!)}
              />{' '}
              <strong>{p.name}</strong> <span className="help">{p.description}</span>
              <span className="prices">
                {Object.entries(p.prices ?? {})
                  .map(([component, price]) => priceText(p, component, price, offering.components ?? []))
                  .join(' · ')}
              </span>
            </label>
          ))}
        </fieldset>
        <LimitsInputs offering={offering} plan={plan} limits={limits} onChange={setLimits} />
        <section aria-labelledby="config-heading" className="configuration">
          <h3 id="config-heading">Configuration</h3>
          <ConfigurationForm key={version} ref={form} schema={schema} value={attributes} onChange={setAttributes} />
        </section>
        <div className="field">
          <label htmlFor="order-name">Resource name</label>
          <input id="order-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="order-project">Project</label>
          <select id="order-project" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {projects.length === 0 && <p className="help">You are in no project: a project manager adds you.</p>}
        </div>
        {orderError && (
          <p className="error" role="alert">
            {orderError}
          </p>
        )}
        <button type="submit" disabled={placing || !projectId || !planId || offering.status !== 'active'}>
          Order
        </button>
        {order && (
          <p role="status" className="success" id="order-placed" ref={placedNotice} tabIndex={-1}>
            Order placed ({order.state}). <Link to={`/orders/${order.id}`}>See the order</Link>
          </p>
        )}
      </form>

      <aside className="side">
        {planId && <CostEstimatePanel token={token} offeringId={offering.id!} planId={planId} limits={limits} />}
        <AsCodePanel
          order={{
            offeringSlug: offering.slug ?? '',
            offeringId: offering.id ?? '',
            planId,
            projectId,
            version,
            name,
            attributes,
            secretPaths,
            limits,
          }}
        />
      </aside>
    </article>
  );
}
