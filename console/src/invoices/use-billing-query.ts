import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { currentPeriod, isPeriod } from './month';

export interface BillingQuery {
  /** The organization in the URL, or the first one the user has when the URL names none. */
  organizationId: string | undefined;
  period: string;
  /** Changes the URL (a new history entry: Back returns to the previous month or organization). */
  choose(next: { organizationId?: string; period?: string }): void;
}

/**
 * The organization and month a billing page shows, kept in the URL (`?organization=…&period=…`)
 * so that a link or a reload opens the same invoice; the month defaults to the current one.
 */
export function useBillingQuery(organizationIds: string[] | undefined): BillingQuery {
  const [params, setParams] = useSearchParams();
  const named = params.get('organization');
  const asked = params.get('period');
  const period = isPeriod(asked) ? asked : currentPeriod();
  const organizationId = named ?? organizationIds?.[0];

  const choose = useCallback(
    (next: { organizationId?: string; period?: string }) => {
      const query = new URLSearchParams();
      const id = next.organizationId ?? organizationId;
      if (id) query.set('organization', id);
      query.set('period', next.period ?? period);
      setParams(query);
    },
    [organizationId, period, setParams],
  );

  return { organizationId, period, choose };
}
