import type { Kysely, Migration } from 'kysely';

/**
 * What pulling resources from their backends keeps: why a resource is Erred (`error_message`, as
 * Waldur names it) and the usage plugins report, one row per resource, component, month and
 * report (`report_id`: the same id replaces its amount, never adds to it).
 */
export const pulledUsage: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('resources')
      .addColumn('error_message', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .createTable('usage_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id'))
      .addColumn('component', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('report_id', 'text', (c) => c.notNull())
      .addColumn('amount', 'text', (c) => c.notNull())
      .addColumn('reported_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('usage_reports_report', ['resource_id', 'component', 'period', 'report_id'])
      .execute();
  },
};
