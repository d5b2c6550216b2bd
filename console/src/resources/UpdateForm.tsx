import type { Offering, Plan, Resource } from '@mercato/api';
import { useState, type FormEvent } from 'react';
import type { ListOf } from '../api/types';
import { LimitsInputs } from '../offering/LimitsInputs';
import { useLoad } from '../projects/use-load';

export interface UpdateRequest {
  plan_id?: string;
  limits?: Record<string, number>;
  attributes?: Record<string, unknown>;
}

/**
 * An update order's form: another plan, other limits, other attributes (as JSON: the resource's
 * configuration without its secrets, which an update that leaves them out keeps). Only what changed is sent.
 */
export function UpdateForm({
  resource,
  busy,
  onSubmit,
}: {
  resource: Resource;
  busy: boolean;
  onSubmit(update: UpdateRequest): void;
}) {
  const offeringId = encodeURIComponent(resource.offering_id ?? '');
  const offering = useLoad<Offering>(`/offerings/${offeringId}`);
  const plans = useLoad<ListOf<Plan>>(`/plans?offering_id=${offeringId}&limit=100`);
  const [planId, setPlanId] = useState(resource.plan_id ?? '');
  const [limits, setLimits] = useState<Record<string, number>>(resource.limits ?? {});
  const original = JSON.stringify(resource.attributes ?? {}, null, 2);
  const [attributes, setAttributes] = useState(original);
  const [attributesError, setAttributesError] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const update: UpdateRequest = {};
    if (planId !== resource.plan_id) update.plan_id = planId;
    if (JSON.stringify(limits) !== JSON.stringify(resource.limits ?? {})) update.limits = limits;
    if (attributes !== original) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(attributes);
      } catch (e) {
        setAttributesError(`Attributes: not JSON (${e instanceof Error ? e.message : String(e)}).`);
        return;
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        setAttributesError('Attributes: a JSON object, {"name": value, ...}.');
        return;
      }
      update.attributes = parsed as Record<string, unknown>;
    }
    setAttributesError('');
    onSubmit(update);
  };

  const plan = plans.data?.items.find((p) => p.id === planId);
  return (
    <form onSubmit={submit} className="stack update-form" aria-labelledby="update-heading">
      <h3 id="update-heading">Update</h3>
      <label htmlFor="update-plan">Plan</label>
      <select id="update-plan" value={planId} onChange={(e) => setPlanId(e.target.value)}>
        {(plans.data?.items ?? []).map((p) => (
          <option key={p.id} value={p.id} disabled={p.archived && p.id !== resource.plan_id}>
            {p.name}
          </option>
        ))}
        {!plans.data && <option value={planId}>{planId}</option>}
      </select>
      {offering.data && <LimitsInputs offering={offering.data} plan={plan} limits={limits} onChange={setLimits} />}
      <label htmlFor="update-attributes">Attributes (JSON)</label>
      <textarea
        id="update-attributes"
        rows={6}
        value={attributes}
        aria-invalid={!!attributesError}
        aria-describedby={attributesError ? 'update-attributes-error' : undefined}
        onChange={(e) => setAttributes(e.target.value)}
      />
      {attributesError && (
        <p id="update-attributes-error" className="error-detail">
          {attributesError}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Order the update
      </button>
    </form>
  );
}
