import type { Kysely, Migration } from 'kysely';

/**
 * Plans get `currency` (an ISO 4217 code, billing/currencies.ts); existing plans get EUR:
 * their prices had no currency at all, Mercato (like Waldur, whose home deployments are European)
 * is run mostly in the euro area, and a provider whose prices meant another currency sets it with
 * one PATCH. The number stays the same either way: no plan's prices are converted. Orders get `cost_estimate`: the monthly estimate (JSON, billing/cost-estimate.ts)
 * computed when a create or update order is placed; '' for other orders and older ones.
 */
export const planCurrency: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('plans')
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
      .execute();
    await db.schema
      .alterTable('orders')
      .addColumn('cost_estimate', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};
