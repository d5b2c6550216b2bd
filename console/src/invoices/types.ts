/**
 * The billing shapes the console reads, from `@mercato/api`. The server's item and total schemas
 * list no required fields, yet it always writes every one (billing/invoice-item.ts), so they are
 * read as Required here rather than checked field by field on every use.
 */
import type { ResponseBody } from '@mercato/api';

type RawInvoice = ResponseBody<'/api/v1/invoices/{organization_id}/{period}'>;
type RawEarnings = ResponseBody<'/api/v1/earnings'>;

export type InvoiceItem = Required<NonNullable<RawInvoice['items']>[number]>;
export type InvoiceTotal = Required<NonNullable<RawInvoice['totals']>[number]>;
export type Invoice = Omit<RawInvoice, 'items' | 'totals'> & { items: InvoiceItem[]; totals: InvoiceTotal[] };
export interface InvoiceList {
  items: Invoice[];
}
export type EarningsItem = Omit<Required<NonNullable<RawEarnings['items']>[number]>, 'totals'> & {
  totals: InvoiceTotal[];
};
export interface Earnings {
  items: EarningsItem[];
}
