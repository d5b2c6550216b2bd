import type { Organization } from '@mercato/api';
import { useState, type FormEvent } from 'react';
import { isPeriod } from './month';

interface Props {
  organizations: Organization[];
  organizationId: string | undefined;
  period: string;
  /** What the organizations are for, e.g. "the organization billed". */
  organizationHelp: string;
  onChoose(next: { organizationId: string; period: string }): void;
}

/**
 * The organization and month a billing page shows. A form with a Show button rather than a change
 * on every keystroke: a month typed digit by digit would otherwise load each half-typed month.
 */
export function BillingPicker({ organizations, organizationId, period, organizationHelp, onChoose }: Props) {
  const [organization, setOrganization] = useState(organizationId ?? '');
  const [month, setMonth] = useState(period);
  const [error, setError] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isPeriod(month)) {
      setError('Month: give a month as YYYY-MM, e.g. 2026-12.');
      return;
    }
    setError('');
    onChoose({ organizationId: organization, period: month });
  };

  return (
    <form className="billing-picker" onSubmit={submit} aria-label="Organization and month">
      <div className="stack">
        <label htmlFor="billing-organization">Organization</label>
        <select id="billing-organization" value={organization} onChange={(e) => setOrganization(e.target.value)}>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <span className="help">{organizationHelp}</span>
      </div>
      <div className="stack">
        <label htmlFor="billing-period">Month</label>
        <input
          id="billing-period"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'billing-period-error' : 'billing-period-help'}
        />
        <span className="help" id="billing-period-help">
          Calendar months in UTC.
        </span>
        {error && (
          <span className="error" id="billing-period-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <button type="submit">Show</button>
    </form>
  );
}
