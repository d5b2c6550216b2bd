import type { Kysely, Migration } from 'kysely';
import { binaryColumnType } from './binary-column';

/**
 * The module registry: a module is an organization's (its namespace), named `name` and `system`
 * as Terraform's module addresses are (`<host>/<namespace>/<name>/<system>`), public or private;
 * each published version keeps its archive (.tar.gz bytes, in the database so replicas share
 * it), their sha256 and size, what was read from it (JSON), who published it and when, and
 * whether it is yanked or deprecated.
 */
export const moduleRegistry: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('modules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('system', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('latest_version', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('modules_address', ['organization_id', 'name', 'system'])
      .execute();
    await db.schema
      .createTable('module_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('module_id', 'text', (c) => c.notNull().references('modules.id').onDelete('cascade'))
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('archive', binaryColumnType(db), (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('metadata', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('yanked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('yanked_at', 'text')
      .addColumn('yanked_by', 'text')
      .addColumn('deprecated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('deprecation_message', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('deprecated_at', 'text')
      .addColumn('deprecated_by', 'text')
      .addUniqueConstraint('module_versions_version', ['module_id', 'version'])
      .execute();
    await db.schema.createIndex('modules_organization').on('modules').columns(['organization_id']).execute();
  },
};
