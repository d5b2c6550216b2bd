import type { Kysely, Migration } from 'kysely';

/**
 * What an order keeps of its plans and runs (issue 12). The plan previewed while it waits for
 * approval: `plan_state` (queued, planning while a worker holds it in `plan_claimed_by`, planned,
 * failed, stopped when the order left approval first), the PlanSummary as JSON, the error of a
 * failed plan and when it ended; the plan its run carried out (`applied_plan`). `log_bytes` counts
 * the bytes of its log so far, for the cap. The log itself: `order_logs`, one row per write of a
 * run (attempt 0 for the preview), kept when the order ends.
 */
export const orderPlansAndLogs: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('orders').addColumn('plan_state', 'text').execute();
    await db.schema.alterTable('orders').addColumn('plan_claimed_by', 'text').execute();
    for (const column of ['plan_summary', 'plan_error', 'applied_plan'])
      await db.schema
        .alterTable('orders')
        .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    await db.schema.alterTable('orders').addColumn('planned_at', 'text').execute();
    await db.schema
      .alterTable('orders')
      .addColumn('log_bytes', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('orders_plan').on('orders').column('plan_state').execute();
    await db.schema
      .createTable('order_logs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('order_logs_order').on('order_logs').columns(['order_id', 'id']).execute();
  },
};
