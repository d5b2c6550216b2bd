import { useEffect, useState } from 'react';
import { isAbort, messageOf, request } from '../api/http';
import type { CostEstimate } from '../api/types';
import { useDebounced } from '../catalog/use-debounced';

/** POST /api/v1/cost-estimates for the chosen plan and limits; amounts are the server's decimal strings. */
export function CostEstimatePanel(props: {
  token: string;
  offeringId: string;
  planId: string;
  limits: Record<string, number>;
}) {
  const { token, offeringId, planId } = props;
  const limits = useDebounced(JSON.stringify(props.limits), 250);
  const [estimate, setEstimate] = useState<CostEstimate | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!planId) return;
    const controller = new AbortController();
    request<CostEstimate>(token, '/cost-estimates', {
      method: 'POST',
      body: { offering_id: offeringId, plan_id: planId, limits: JSON.parse(limits) as Record<string, number> },
      signal: controller.signal,
    }).then(
      (body) => {
        setEstimate(body);
        setError('');
      },
      (e: unknown) => {
        if (!isAbort(e)) setError(messageOf(e));
      },
    );
    return () => controller.abort();
  }, [token, offeringId, planId, limits]);

  return (
    <section className="panel" aria-labelledby="estimate-heading">
      <h2 id="estimate-heading">Cost estimate</h2>
      {error && <p className="error">{error}</p>}
      {estimate && (
        <>
          <p className="total" aria-live="polite">
            <strong data-testid="monthly-total">
              {estimate.monthly_total} {estimate.currency}
            </strong>{' '}
            per month
            {estimate.one_time_total !== '0' && !/^0(\.0+)?$/.test(estimate.one_time_total ?? '0')
              ? `, ${estimate.one_time_total} ${estimate.currency} once`
              : ''}
          </p>
          <table>
            <caption className="visually-hidden">Cost by component</caption>
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col">Quantity</th>
                <th scope="col">Unit price</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {(estimate.components ?? []).map((c) => (
                <tr key={c.type}>
                  <th scope="row">{c.name}</th>
                  <td>
                    {c.quantity} {c.measured_unit}
                  </td>
                  <td>{c.unit_price}</td>
                  <td>
                    {c.amount}
                    {c.charged === 'one-time' ? ' once' : ''}
                    {c.note ? <span className="help"> ({c.note})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
