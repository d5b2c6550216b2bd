import type { Order } from '@mercato/api';

type Summary = NonNullable<Order['applied_plan']>;

/** Terraform's plan in a line: what an order would change (its preview) or changed (what it applied). */
export function PlanSummary({ order }: { order: Order }) {
  const preview = order.plan;
  const applied = order.applied_plan;
  if (!preview && !applied) return null;
  return (
    <dl className="facts plan-summary">
      {preview && (
        <>
          <dt>Plan preview</dt>
          <dd>
            {preview.state}
            {preview.summary && `: ${counts(preview.summary)}`}
            {preview.error && <span className="error"> {preview.error}</span>}
          </dd>
        </>
      )}
      {applied && (
        <>
          <dt>Applied</dt>
          <dd>{counts(applied)}</dd>
        </>
      )}
    </dl>
  );
}

function counts(summary: Summary): string {
  const text = `${summary.add ?? 0} to add, ${summary.change ?? 0} to change, ${summary.destroy ?? 0} to destroy`;
  const addresses = (summary.resource_changes ?? []).map((c) => `${c.address} (${(c.actions ?? []).join('/')})`);
  return addresses.length ? `${text}: ${addresses.join(', ')}` : text;
}
