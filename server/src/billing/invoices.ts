import type { BillingMonth } from './billing-month';
import type { BillingData } from './invoice-data';
import type { InvoiceItem, InvoiceTotal } from './invoice-item';
import { Money } from './money';
import { chargesOf } from './resource-charges';

/** An organization's charges in a month: its items in a stable order and their totals by currency. */
export interface InvoiceFigures {
  organization_id: string;
  period: string;
  items: InvoiceItem[];
  totals: InvoiceTotal[];
}

/** Sums of the items' rounded amounts, by currency, in code order (an invoice adds what it shows). */
export function totalsOf(items: Pick<InvoiceItem, 'currency' | 'amount'>[]): InvoiceTotal[] {
  const sums = new Map<string, Money>();
  for (const i of items) sums.set(i.currency, (sums.get(i.currency) ?? new Money(0)).plus(i.amount));
  return [...sums.keys()].sort().map((currency) => ({
    currency,
    // Each amount has the currency's minor unit already, so their sum has it too.
    amount: sums.get(currency)!.toFixed(decimalsOf(items.find((i) => i.currency === currency)!.amount)),
  }));
}

const decimalsOf = (amount: string) => amount.split('.')[1]?.length ?? 0;

const byPlace = (a: { project_name: string; name: string; id: string }, b: typeof a) =>
  a.project_name.localeCompare(b.project_name, 'en') || a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1);

/**
 * Each organization's invoice figures for the month, from the data of billing/invoice-data.ts:
 * items ordered by project name, resource name and id, then as chargesOf gives them, so the same
 * data always makes the same invoice. Organizations with nothing to pay get none.
 */
export function invoiceFigures(data: BillingData, month: BillingMonth): InvoiceFigures[] {
  const byOrganization = new Map<string, InvoiceItem[]>();
  for (const resource of [...data.resources].sort(byPlace)) {
    const items = chargesOf(resource, data.plans, month);
    if (!items.length) continue;
    const invoice = byOrganization.get(resource.organization_id) ?? [];
    invoice.push(...items);
    byOrganization.set(resource.organization_id, invoice);
  }
  return [...byOrganization.keys()].sort().map((organization_id) => {
    const items = byOrganization.get(organization_id)!;
    return { organization_id, period: month.period, items, totals: totalsOf(items) };
  });
}
