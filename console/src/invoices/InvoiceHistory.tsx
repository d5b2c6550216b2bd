import { Link } from 'react-router';
import { periodLabel } from './month';
import type { InvoiceList } from './types';

/**
 * The organization's invoices month by month (the current pending one first, then the final
 * ones, newest first): each links to its month on this page.
 */
export function InvoiceHistory({
  organizationId,
  period,
  invoices,
}: {
  organizationId: string;
  period: string;
  invoices: InvoiceList['items'];
}) {
  return (
    <section aria-labelledby="invoice-history" className="panel">
      <h2 id="invoice-history">History</h2>
      {!invoices.length && <p>No invoices yet.</p>}
      <ul className="link-list">
        {invoices.map((invoice) => {
          const totals = invoice.totals.map((t) => `${t.amount} ${t.currency}`).join(', ') || 'nothing charged';
          return (
            <li key={invoice.period}>
              <Link
                to={`?organization=${organizationId}&period=${invoice.period}`}
                aria-current={invoice.period === period ? 'page' : undefined}
              >
                {periodLabel(invoice.period)}
              </Link>{' '}
              <span className="meta">
                · {invoice.state} · {totals}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
