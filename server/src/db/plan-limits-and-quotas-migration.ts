import type { Kysely, Migration } from 'kysely';

/**
 * Plans get `limits` (JSON: per limit-billed component, its `minimum`, `maximum` and `default`;
 * catalog/plan-limits.ts), existing plans none. And `quotas`: caps an organization's owners set on
 * an organization or one of its projects (quotas/quota-model.ts). Absent scope parts are '' rather
 * than NULL, so that the unique index holds on both databases (NULLs never collide in one).
 */
export const planLimitsAndQuotas: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('plans')
      .addColumn('limits', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema
      .createTable('quotas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('project_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('component', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('offering_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('limit', 'double precision', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('quotas_scope_unique')
      .on('quotas')
      .columns(['organization_id', 'project_id', 'component', 'offering_id'])
      .unique()
      .execute();
  },
};
