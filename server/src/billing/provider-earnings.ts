import type { Db } from '../db/database';
import { billingMonth } from './billing-month';
import { findClosedPeriod } from './billing-periods';
import { billingDataOf } from './invoice-data';
import type { InvoiceTotal } from './invoice-item';
import { invoiceFigures, totalsOf } from './invoices';
import { providerItemsIn } from './invoices-repository';

/** What a service provider earns in a month from one of its offerings, over all consumers. */
export type OfferingEarnings = {
  offering_id: string;
  offering_name: string;
  /** Sums of the items' amounts billed for the offering, by currency (as invoices add them). */
  totals: InvoiceTotal[];
  /** Resources of the offering billed in the month. */
  resources: number;
};

type EarnedItem = { offering_id: string; offering_name: string; resource_id: string; currency: string; amount: string };

/** The provider's items of the month: final ones when it is closed, else computed for its offerings' resources only. */
async function itemsEarned(db: Db, period: string, providerId: string): Promise<EarnedItem[]> {
  if (await findClosedPeriod(db, period)) return providerItemsIn(db, period, providerId);
  const month = billingMonth(period);
  return invoiceFigures(await billingDataOf(db, month, { providerOrganizationId: providerId }), month).flatMap(
    (f) => f.items,
  );
}

/**
 * A provider organization's earnings in a month, per offering billed (by offering name, then id):
 * the same figures as the consumers' invoices, summed, never showing a consumer's items.
 */
export async function providerEarnings(db: Db, period: string, providerId: string): Promise<OfferingEarnings[]> {
  const byOffering = new Map<string, EarnedItem[]>();
  for (const item of await itemsEarned(db, period, providerId)) {
    const items = byOffering.get(item.offering_id) ?? [];
    items.push(item);
    byOffering.set(item.offering_id, items);
  }
  return [...byOffering.values()]
    .map((items) => ({
      offering_id: items[0].offering_id,
      offering_name: items.at(-1)!.offering_name,
      totals: totalsOf(items),
      resources: new Set(items.map((i) => i.resource_id)).size,
    }))
    .sort((a, b) => a.offering_name.localeCompare(b.offering_name, 'en') || (a.offering_id < b.offering_id ? -1 : 1));
}
