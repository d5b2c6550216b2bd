import type { Earnings } from '../invoices/types';

/** Per offering: what consumers were billed for it in the month (per currency) and how many resources. */
export function EarningsTable({ items, caption }: { items: Earnings['items']; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="earnings-caption" tabIndex={0}>
      <table>
        <caption id="earnings-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Offering</th>
            <th scope="col" className="number">
              Resources billed
            </th>
            <th scope="col" className="number">
              Earned
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.offering_id} data-testid="earnings-item">
              <th scope="row">{item.offering_name}</th>
              <td className="number">{item.resources}</td>
              <td className="number">
                {item.totals.map((t) => (
                  <div key={t.currency}>
                    {t.amount} {t.currency}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
