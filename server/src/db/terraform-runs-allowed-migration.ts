import type { Kysely, Migration } from 'kysely';

/**
 * Organizations get `terraform_runs_allowed` (0/1, staff sets it): whether the server runs the
 * Terraform modules of its namespace for `terraform` offerings. A module is code (provisioners,
 * external data sources, providers) that runs with the server's privileges, so no organization
 * may until staff says so; existing ones start without it.
 */
export const terraformRunsAllowed: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('organizations')
      .addColumn('terraform_runs_allowed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
