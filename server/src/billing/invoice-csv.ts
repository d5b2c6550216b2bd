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

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, a quote or a line
 * break. Text a spreadsheet would run as a formula (a resource named `=HYPERLINK(...)`) gets a
 * leading `'`, as OWASP advises, so it shows as text; numbers are left as they are.
 */
function field(value: string | number): string {
  let text = String(value);
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An invoice's items as CSV (RFC 4180): a header row of the column names, then one row per item,
 * each line ended by CRLF; nothing else (totals are the sums of `amount` per `currency`). Names
 * starting like a formula are neutralized (see `field`): the JSON export keeps them as they are.
 */
export function invoiceCsv(items: InvoiceItem[]): string {
  const lines = [
    INVOICE_CSV_COLUMNS.join(','),
    ...items.map((i) => INVOICE_CSV_COLUMNS.map((c) => field(i[c])).join(',')),
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}
