import type { Db } from '../db/database';
import type { InvoiceItemRow, InvoiceRow } from '../db/tables';
import { newId } from '../ids';
import type { InvoiceItem, InvoiceTotal } from './invoice-item';
import type { InvoiceFigures } from './invoices';

/** The SQL of final invoices (pending ones are never stored). `db` may be a transaction. */

/**
 * Rows per INSERT: an item has 26 columns, and SQLite takes at most 32,766 parameters in one
 * statement (PostgreSQL 65,535); 500 rows (13,000 parameters) fit both and keep statements few.
 */
const SLICE = 500;

async function insertInSlices<T extends 'invoices' | 'invoice_items'>(
  trx: Db,
  table: T,
  rows: (T extends 'invoices' ? InvoiceRow : InvoiceItemRow)[],
) {
  for (let i = 0; i < rows.length; i += SLICE)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + SLICE) as never)
      .execute();
}

/** Writes each organization's figures as its final invoice of the month, items at their positions. */
export async function insertFinalInvoices(trx: Db, figures: InvoiceFigures[], createdAt: string): Promise<void> {
  const invoices: InvoiceRow[] = [];
  const items: InvoiceItemRow[] = [];
  for (const f of figures) {
    const invoice_id = newId();
    invoices.push({
      id: invoice_id,
      organization_id: f.organization_id,
      period: f.period,
      state: 'final',
      totals: JSON.stringify(f.totals),
      created_at: createdAt,
    });
    f.items.forEach((item, position) => items.push({ id: newId(), invoice_id, position, ...item }));
  }
  await insertInSlices(trx, 'invoices', invoices);
  await insertInSlices(trx, 'invoice_items', items);
}

/** A final invoice as stored, with its totals parsed. */
export type FinalInvoice = Omit<InvoiceRow, 'totals'> & { totals: InvoiceTotal[] };

const parsed = (row: InvoiceRow): FinalInvoice => ({ ...row, totals: JSON.parse(row.totals) as InvoiceTotal[] });

/** Final invoices of an organization (undefined: of all) and, when given, of one month; newest month first. */
export async function finalInvoicesOf(
  db: Db,
  filter: { organizationId?: string; period?: string },
): Promise<FinalInvoice[]> {
  let query = db.selectFrom('invoices').selectAll().orderBy('period', 'desc').orderBy('organization_id');
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  if (filter.period) query = query.where('period', '=', filter.period);
  return (await query.execute()).map(parsed);
}

/** The items of final invoices, by invoice id, in their positions. */
export async function itemsOfInvoices(db: Db, invoiceIds: string[]): Promise<Map<string, InvoiceItem[]>> {
  const byInvoice = new Map<string, InvoiceItem[]>(invoiceIds.map((id) => [id, []]));
  for (let i = 0; i < invoiceIds.length; i += 10_000) {
    const rows = await db
      .selectFrom('invoice_items')
      .selectAll()
      .where('invoice_id', 'in', invoiceIds.slice(i, i + 10_000))
      .orderBy('invoice_id')
      .orderBy('position')
      .execute();
    for (const { id: _id, invoice_id, position: _position, ...item } of rows) byInvoice.get(invoice_id)!.push(item);
  }
  return byInvoice;
}

/** Final items of a month billed by one provider's offerings (provider earnings). */
export function providerItemsIn(db: Db, period: string, providerOrganizationId: string) {
  return db
    .selectFrom('invoice_items')
    .innerJoin('invoices', 'invoices.id', 'invoice_items.invoice_id')
    .select([
      'invoice_items.offering_id',
      'invoice_items.offering_name',
      'invoice_items.resource_id',
      'invoice_items.currency',
      'invoice_items.amount',
    ])
    .where('invoices.period', '=', period)
    .where('invoice_items.provider_organization_id', '=', providerOrganizationId)
    .execute();
}

/** Number of final invoices of a month and their totals (an answer to a repeated close). */
export async function closedMonthSummary(db: Db, period: string) {
  const rows = await finalInvoicesOf(db, { period });
  return { count: rows.length, totals: rows.flatMap((r) => r.totals) };
}
