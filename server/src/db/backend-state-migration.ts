import type { Kysely, Migration } from 'kysely';

/**
 * What plugins report of a resource (`backend_state`, `pulled_at`), and the state a resource had
 * before an order claimed it (`orders.prior_resource_state`), so that a failed pause, resume or
 * update leaves it as it was (Paused stays Paused). Orders placed before this migration fall back
 * to OK, as before.
 */
export const backendState: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('resources')
      .addColumn('backend_state', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema
      .alterTable('resources')
      .addColumn('pulled_at', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('orders')
      .addColumn('prior_resource_state', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};
