import type { InvoiceItem } from './invoice-item';

/** The columns of an invoice's CSV export: every field of InvoiceItem, in its order. */
export const INVOICE_CSV_COLUMNS: (keyof InvoiceItem)[] = [
  'resource_id',
  'resource_name',
  'project_id',
  'project_name',
  'offering_id',
  'offering_name',
  'provider_organization_id',
  'plan_id',
  'plan_name',
  'plan_unit',
  'component',
  'component_name',
  'billing_type',
  'measured_unit',
  'quantity',
  'unit_price',
  'currency',
  'period_start',
  'period_end',
  'billed_seconds',
  'amount',
];

/** A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An invoice's items as CSV (RFC 4180): a header row of the column names, then one row per item,
 * each line ended by CRLF; nothing else (totals are the sums of `amount` per `currency`).
 */
export function invoiceCsv(items: InvoiceItem[]): string {
  const lines = [
    INVOICE_CSV_COLUMNS.join(','),
    ...items.map((i) => INVOICE_CSV_COLUMNS.map((c) => field(i[c])).join(',')),
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}
