import type { Db } from '../db/database';
import { billingMonth, periodOf } from './billing-month';
import { closedPeriodsAmong, findClosedPeriod } from './billing-periods';
import { billingDataOf } from './invoice-data';
import type { InvoiceItem, InvoiceTotal } from './invoice-item';
import { invoiceFigures } from './invoices';
import { finalInvoicesOf, itemsOfInvoices, type FinalInvoice } from './invoices-repository';

/**
 * An invoice as the API answers it: an organization's charges in a month. `pending` while the
 * month is open (computed when asked: resources still active are billed to the month's end, what
 * the month will cost if nothing changes); `final` once staff closed it (what the close wrote).
 */
export type Invoice = {
  /** The final invoice's id; null while pending (and for a closed month the organization owed nothing in). */
  id: string | null;
  organization_id: string;
  period: string;
  state: 'pending' | 'final';
  totals: InvoiceTotal[];
  items: InvoiceItem[];
  /** When the month was closed; null while pending. */
  closed_at: string | null;
};

const pending = (organization_id: string, period: string, items: InvoiceItem[], totals: InvoiceTotal[]): Invoice => ({
  id: null,
  organization_id,
  period,
  state: 'pending',
  totals,
  items,
  closed_at: null,
});

const final = (row: FinalInvoice, items: InvoiceItem[], closedAt: string): Invoice => ({
  id: row.id,
  organization_id: row.organization_id,
  period: row.period,
  state: 'final',
  totals: row.totals,
  items,
  closed_at: closedAt,
});

/** A closed month's invoice of an organization that owed nothing: the close wrote none. */
const emptyFinal = (organization_id: string, period: string, closedAt: string): Invoice => ({
  id: null,
  organization_id,
  period,
  state: 'final',
  totals: [],
  items: [],
  closed_at: closedAt,
});

/** The pending invoices of a month: of one organization, or (no id) of every organization with charges. */
async function pendingInvoices(db: Db, period: string, organizationId?: string): Promise<Invoice[]> {
  const month = billingMonth(period);
  const figures = invoiceFigures(await billingDataOf(db, month, { organizationId }), month);
  return figures.map((f) => pending(f.organization_id, period, f.items, f.totals));
}

async function withItems(db: Db, rows: FinalInvoice[], closedAt: (period: string) => string) {
  const items = await itemsOfInvoices(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => final(r, items.get(r.id)!, closedAt(r.period)));
}

/**
 * The month's invoices of the given organizations, in their order: final ones when the month is
 * closed, else pending ones; an organization without charges gets one with no items and totals [].
 * `organizationIds` undefined: every organization's with charges (staff's view of a month).
 */
export async function invoicesOfMonth(db: Db, period: string, organizationIds?: string[]): Promise<Invoice[]> {
  const one = organizationIds?.length === 1 ? organizationIds[0] : undefined;
  const closed = await findClosedPeriod(db, period);
  const found = closed
    ? await withItems(db, await finalInvoicesOf(db, { organizationId: one, period }), () => closed.closed_at)
    : await pendingInvoices(db, period, one);
  if (!organizationIds) return found;
  const byOrganization = new Map(found.map((i) => [i.organization_id, i]));
  return organizationIds.map(
    (id) => byOrganization.get(id) ?? (closed ? emptyFinal(id, period, closed.closed_at) : pending(id, period, [], [])),
  );
}

/** An organization's final invoices, newest month first, after the current month's pending one. */
export async function invoiceHistory(db: Db, organizationId: string, at = Date.now()): Promise<Invoice[]> {
  const current = periodOf(at);
  const rows = await finalInvoicesOf(db, { organizationId });
  const closed = await closedPeriodsAmong(db, [...new Set(rows.map((r) => r.period))]);
  const finals = await withItems(db, rows, (period) => closed.get(period)!.closed_at);
  const [now] = await invoicesOfMonth(db, current, [organizationId]);
  return [now, ...finals.filter((i) => i.period !== current)];
}
