import type { Offering, OfferingVersion, Plan, Resource } from '@mercato/api';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type Form from '@rjsf/core';
import { getDefaultFormState, type RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import type { ListOf } from '../api/types';
import { ConfigurationForm } from '../offering/ConfigurationForm';
import { limitComponents, limitProblem, LimitsInputs } from '../offering/LimitsInputs';
import { useLoad } from '../projects/use-load';
import { keptSecretPaths, sameValue, schemaKeepingSecrets, withSecretParents } from './kept-secrets';

export interface UpdateRequest {
  plan_id?: string;
  limits?: Record<string, number>;
  attributes?: Record<string, unknown>;
}

type Attributes = Record<string, unknown>;

/**
 * An update order's form: another plan, other limits (within the plan's range), other attributes
 * in the form the offering page draws from the resource's version's JSON Schema, prefilled with
 * its configuration. Secrets are never shown: one left empty keeps its value. Only what changed is sent.
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
  const versions = useLoad<ListOf<OfferingVersion>>(`/offering-versions?offering_id=${offeringId}&limit=100`);
  const [planId, setPlanId] = useState(resource.plan_id ?? '');
  const [limits, setLimits] = useState<Record<string, number>>(resource.limits ?? {});
  const [attributes, setAttributes] = useState<Attributes>(resource.attributes ?? {});
  const [problem, setProblem] = useState('');
  const form = useRef<Form>(null);

  const version = versions.data?.items.find((v) => v.version === resource.version);
  const secrets = useMemo(() => keptSecretPaths(resource.secret_attribute_paths), [resource.secret_attribute_paths]);
  const schema = useMemo(
    () =>
      version ? schemaKeepingSecrets((version.options_schema ?? { type: 'object' }) as RJSFSchema, secrets) : null,
    [version, secrets],
  );
  // What the form shows untouched (the configuration with the schema's defaults filled in):
  // attributes are sent only when they differ from it.
  const baseline = useMemo(
    () => (schema ? (getDefaultFormState(validator, schema, resource.attributes ?? {}) as Attributes) : {}),
    [schema, resource.attributes],
  );
  const plan = plans.data?.items.find((p) => p.id === planId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.current && !form.current.validateForm()) {
      setProblem('The configuration has errors: see the messages under the fields.');
      return;
    }
    const outOfRange = offering.data
      ? limitComponents(offering.data).find((c) =>
          limitProblem(limits[c.type ?? ''], plan?.limits?.[c.type ?? ''] ?? {}),
        )
      : undefined;
    if (outOfRange) {
      setProblem(`${outOfRange.name}: out of the plan's range.`);
      return;
    }
    setProblem('');
    const update: UpdateRequest = {};
    if (planId !== resource.plan_id) update.plan_id = planId;
    if (!sameValue(limits, resource.limits ?? {})) update.limits = limits;
    if (!sameValue(attributes, baseline)) update.attributes = withSecretParents(attributes, secrets);
    onSubmit(update);
  };

  return (
    <form onSubmit={submit} className="stack update-form" aria-labelledby="update-heading" noValidate>
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
      <section aria-labelledby="update-config-heading" className="configuration">
        <h4 id="update-config-heading">Configuration</h4>
        {schema ? (
          <ConfigurationForm
            ref={form}
            schema={schema}
            value={attributes}
            onChange={setAttributes}
            secretHelp="Secret: not shown. Leave empty to keep the current value."
          />
        ) : (
          <p aria-live="polite">{versions.error || 'Loading the configuration form…'}</p>
        )}
      </section>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy || !schema}>
        Order the update
      </button>
    </form>
  );
}
