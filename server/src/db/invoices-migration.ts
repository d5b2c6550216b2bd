import type { Kysely, Migration } from 'kysely';

/**
 * Billing's tables (billing/):
 * - offerings get `bill_paused` (1: a paused resource's fixed and limit components are charged as
 *   when active, the default; 0: paused time is free);
 * - `billing_periods`: the months staff closed (`YYYY-MM`); a closed month takes no usage report and
 *   its invoices are final;
 * - `invoices` and `invoice_items`: the final invoices a close wrote, one per organization and month
 *   (pending ones are computed when asked, never stored). Items keep the names and prices they were
 *   billed with, so a renamed offering or a repriced plan never changes a final invoice; they do not
 *   reference resources, offerings or plans for the same reason.
 */
export const invoices: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('offerings')
      .addColumn('bill_paused', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('billing_periods')
      .addColumn('period', 'text', (c) => c.primaryKey())
      .addColumn('closed_at', 'text', (c) => c.notNull())
      .addColumn('closed_by', 'text')
      .execute();
    await db.schema
      .createTable('invoices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('totals', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('invoices_organization_period', ['organization_id', 'period'])
      .execute();
    let items = db.schema
      .createTable('invoice_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull());
    for (const name of ITEM_TEXT_COLUMNS) items = items.addColumn(name, 'text', (c) => c.notNull().defaultTo(''));
    await items.addColumn('billed_seconds', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema
      .createIndex('invoice_items_invoice')
      .on('invoice_items')
      .columns(['invoice_id', 'position'])
      .execute();
    await db.schema
      .createIndex('invoice_items_provider')
      .on('invoice_items')
      .column('provider_organization_id')
      .execute();
  },
};

const ITEM_TEXT_COLUMNS = [
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
  'amount',
];
