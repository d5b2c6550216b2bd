import type { InvoiceTotal } from './types';

/** Sums per currency: amounts in different currencies are never added together. */
export function TotalsList({ totals, label }: { totals: InvoiceTotal[]; label: string }) {
  if (!totals.length) return <p>Nothing charged.</p>;
  return (
    <dl className="totals" aria-label={label}>
      {totals.map((t) => (
        <div key={t.currency}>
          <dt>{t.currency}</dt>
          <dd>
            {t.amount} {t.currency}
          </dd>
        </div>
      ))}
    </dl>
  );
}
