import type { Organization } from '@mercato/api';
import type { ListOf } from '../api/types';
import { usePageTitle } from '../layout/page-title';
import { BillingError } from './BillingError';
import { BillingPicker } from './BillingPicker';
import { DownloadButtons } from './DownloadButtons';
import { InvoiceHistory } from './InvoiceHistory';
import { InvoiceItemsTable } from './InvoiceItemsTable';
import { periodLabel } from './month';
import { TotalsList } from './TotalsList';
import type { Invoice, InvoiceList } from './types';
import { useApi } from './use-api';
import { useBillingQuery } from './use-billing-query';

/**
 * An organization's invoice of a month (pending while the month is open, final once closed): its
 * items, totals per currency, CSV and JSON downloads, and the organization's other months. Only
 * owners (and staff) see invoices; the API refuses other members, and the page says so.
 */
export function InvoicesPage() {
  const organizations = useApi<ListOf<Organization>>('/organizations?limit=200');
  const ids = organizations.data?.items.flatMap((o) => (o.id ? [o.id] : []));
  const { organizationId, period, choose } = useBillingQuery(ids);
  const organization = organizations.data?.items.find((o) => o.id === organizationId);
  usePageTitle(organization ? `Invoice ${period}, ${organization.name}` : 'Invoices');

  const invoice = useApi<Invoice>(organizationId ? `/invoices/${organizationId}/${period}` : null);
  const history = useApi<InvoiceList>(organizationId ? `/invoices?organization_id=${organizationId}` : null);

  if (!organizations.data) return <BillingError error={organizations.error} who="" />;
  const current = invoice.data;

  return (
    <section className="wide billing">
      <h1>Invoices</h1>
      {!organizations.data.items.length ? (
        <p>You belong to no organization. Invoices are an organization&apos;s, shown to its owners.</p>
      ) : (
        <BillingPicker
          key={`${organizationId} ${period}`}
          organizations={organizations.data.items}
          organizationId={organizationId}
          period={period}
          organizationHelp="Its owners see its invoices."
          onChoose={choose}
        />
      )}
      {organizationId && (
        <div className="billing-body">
          <section aria-labelledby="invoice-heading" className="invoice">
            <h2 id="invoice-heading">
              {periodLabel(period)}
              {organization && `, ${organization.name}`}
            </h2>
            {current ? (
              <>
                <p data-testid="invoice-state">
                  <strong>{current.state === 'final' ? 'Final' : 'Pending'}</strong>
                  {current.state === 'final' && current.closed_at
                    ? `: the month was closed on ${current.closed_at.slice(0, 10)}.`
                    : ': the month is open; resources still active are billed to its end.'}
                </p>
                <h3>Totals</h3>
                <TotalsList totals={current.totals} label="Totals per currency" />
                {current.items.length > 0 && (
                  <InvoiceItemsTable items={current.items} caption={`Charges of ${periodLabel(period)}`} />
                )}
                <DownloadButtons organizationId={organizationId} period={period} />
              </>
            ) : (
              <BillingError
                error={invoice.error}
                who="Only the organization's owners and staff see its invoices: ask an owner."
              />
            )}
          </section>
          {history.data && (
            <InvoiceHistory organizationId={organizationId} period={period} invoices={history.data.items} />
          )}
        </div>
      )}
    </section>
  );
}
