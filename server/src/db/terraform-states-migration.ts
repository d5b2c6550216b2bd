import type { Kysely, Migration } from 'kysely';

/**
 * Terraform states kept per project (terraform-state/): a state by its name in the project, with
 * the lock a Terraform run holds on it, and every version of it ever written. A version keeps the
 * state file exactly as Terraform sent it (`content`, JSON text), its `serial` and `lineage` and
 * its digests; `number` counts a state's versions from 1 (what `--version N` names).
 */
export const terraformStates: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('terraform_states')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('current_version_id', 'text')
      .addColumn('lock_id', 'text')
      .addColumn('lock_info', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('locked_by', 'text')
      .addColumn('locked_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addUniqueConstraint('terraform_states_project_name', ['project_id', 'name'])
      .execute();
    await db.schema
      .createTable('terraform_state_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state_id', 'text', (c) => c.notNull().references('terraform_states.id'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('serial', 'bigint', (c) => c.notNull())
      .addColumn('lineage', 'text', (c) => c.notNull())
      .addColumn('terraform_version', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('md5', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('restored_from', 'integer')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('terraform_state_versions_number', ['state_id', 'number'])
      .execute();
  },
};
