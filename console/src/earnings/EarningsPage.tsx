import type { Organization } from '@mercato/api';
import { queryString } from '../api/http';
import type { ListOf } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { BillingError } from '../invoices/BillingError';
import { BillingPicker } from '../invoices/BillingPicker';
import { periodLabel } from '../invoices/month';
import type { Earnings } from '../invoices/types';
import { useApi } from '../invoices/use-api';
import { useBillingQuery } from '../invoices/use-billing-query';
import { EarningsTable } from './EarningsTable';

/**
 * What a service provider earns in a month, per offering: the sums billed to every consumer
 * (pending figures while the month is open) and the resources billed. No consumer's items: the
 * API gives only sums. Its members and staff see it; the API refuses others, and the page says so.
 */
export function EarningsPage() {
  const organizations = useApi<ListOf<Organization>>('/organizations?limit=200');
  const ids = organizations.data?.items.flatMap((o) => (o.id ? [o.id] : []));
  const { organizationId, period, choose } = useBillingQuery(ids);
  const organization = organizations.data?.items.find((o) => o.id === organizationId);
  usePageTitle(organization ? `Earnings ${period}, ${organization.name}` : 'Earnings');

  const query = organizationId ? queryString({ organization_id: organizationId, period }) : null;
  const earnings = useApi<Earnings>(query && `/earnings${query}`);

  if (!organizations.data) return <BillingError error={organizations.error} who="" />;
  return (
    <section className="wide billing">
      <h1>Earnings</h1>
      {!organizations.data.items.length ? (
        <p>You belong to no organization. Earnings are a service provider organization&apos;s.</p>
      ) : (
        <BillingPicker
          key={`${organizationId} ${period}`}
          organizations={organizations.data.items}
          organizationId={organizationId}
          period={period}
          organizationHelp="The service provider: its members see its earnings."
          onChoose={choose}
        />
      )}
      {organizationId && (
        <section aria-labelledby="earnings-heading">
          <h2 id="earnings-heading">
            {periodLabel(period)}
            {organization && `, ${organization.name}`}
          </h2>
          {earnings.data ? (
            earnings.data.items.length ? (
              <EarningsTable items={earnings.data.items} caption={`Earnings per offering, ${periodLabel(period)}`} />
            ) : (
              <p>No offering of this organization was billed in {periodLabel(period)}.</p>
            )
          ) : (
            <BillingError
              error={earnings.error}
              who="Only the service provider organization's members and staff see its earnings."
            />
          )}
        </section>
      )}
    </section>
  );
}
