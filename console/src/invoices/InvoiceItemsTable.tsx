import { Link } from 'react-router';
import type { InvoiceItem } from './types';

/** An ISO timestamp as `2026-12-01 09:30 UTC`: invoices are in UTC, whatever the browser's zone. */
function utc(timestamp: string): string {
  return `${timestamp.slice(0, 10)} ${timestamp.slice(11, 16)} UTC`;
}

/** The stretch an item covers; a one-time charge has no stretch, only the moment it was made. */
function covered(item: InvoiceItem): string {
  if (item.period_start === item.period_end) return `once, ${utc(item.period_start)}`;
  return `${utc(item.period_start)} to ${utc(item.period_end)}`;
}

/** Each charge of an invoice, one row per component of a resource and stretch of the month. */
export function InvoiceItemsTable({ items, caption }: { items: InvoiceItem[]; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="invoice-items-caption" tabIndex={0}>
      <table className="invoice-items">
        <caption id="invoice-items-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Project</th>
            <th scope="col">Offering</th>
            <th scope="col">Plan</th>
            <th scope="col">Component</th>
            <th scope="col" className="number">
              Quantity
            </th>
            <th scope="col" className="number">
              Unit price
            </th>
            <th scope="col">Period covered</th>
            <th scope="col" className="number">
              Amount
            </th>
            <th scope="col">Currency</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.resource_id} ${item.component} ${item.period_start}`} data-testid="invoice-item">
              <th scope="row">
                <Link to={`/resources/${item.resource_id}`}>{item.resource_name}</Link>
              </th>
              <td>{item.project_name}</td>
              <td>{item.offering_name}</td>
              <td>
                {item.plan_name} <span className="meta">(per {item.plan_unit})</span>
              </td>
              <td>
                {item.component_name} <span className="meta">({item.component})</span>
              </td>
              <td className="number">
                {item.quantity} {item.measured_unit}
              </td>
              <td className="number">{item.unit_price}</td>
              <td>{covered(item)}</td>
              <td className="number">{item.amount}</td>
              <td>{item.currency}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
